import {
  type BookHubAppointmentBody,
  FIRST_WITHDRAWAL_CITIES,
  GUANGDONG_CITIES,
  HUB_APPOINTMENT_KINDS,
  HUB_APPOINTMENTS,
  type HubAppointmentKind,
  hubOffices,
} from '@sw/contracts';
import { Alert, Button, Empty, Form, Input, Radio, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { NotFoundResult } from '../../../components/not-found-result';
import { useCity } from '../../../hooks/use-hub-prefs';
import { useLocale } from '../../../hooks/use-locale';
import { useSession } from '../../../hooks/use-session';
import { applyProblemToForm, describeError, isApiError } from '../../../lib/api-client';
import { useBookAppointment, useOfficeDays } from '../api/appointments-api';
import { SignInFirst } from './sign-in-first';

type FormValues = Omit<BookHubAppointmentBody, 'city'>;

/**
 * A 预约 service (婚姻登记预约 …): the office in the chosen city, the day and time (places left
 * shown), what the booking is for, and for a marriage the other party; 【提交预约】 takes the place.
 */
export function AppointmentPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const { kind: param } = useParams();
  const kind = HUB_APPOINTMENT_KINDS.find((k) => k === param) as HubAppointmentKind | undefined;
  const [city] = useCity();
  const { data: session, isPending } = useSession();
  const [form] = Form.useForm<FormValues>();
  const office = Form.useWatch('office', form) ?? null;
  const business = Form.useWatch('business', form);
  const [day, setDay] = useState<string | null>(null);
  const days = useOfficeDays(kind ?? 'marriage', office);
  const bookIt = useBookAppointment(kind ?? 'marriage');
  const [failure, setFailure] = useState<string | null>(null);
  if (!kind) return <NotFoundResult homePath="/m" />;
  const info = HUB_APPOINTMENTS[kind];
  if (isPending) return <Skeleton active />;
  if (!session) return <SignInFirst title={info.name[locale]} />;
  const offices = hubOffices(kind, city);
  const cityName = GUANGDONG_CITIES.find((c) => c.code === city)?.name[locale];
  const chosenDay = days.data?.days.find((d) => d.day === day) ?? days.data?.days[0];
  const needsPartner = kind === 'marriage' && (business === 'marriage' || business === 'divorce');

  return (
    <section className="sw-hub-section" aria-labelledby="hub-appointment-title">
      <h1 id="hub-appointment-title">{info.name[locale]}</h1>
      <p className="sw-hub-hint">
        {info.department[locale]}
        {info.note ? ` · ${info.note[locale]}` : ''}
      </p>
      {offices.length === 0 ? (
        <Empty description={t('hub.appointments.notInCity', { city: cityName })} />
      ) : (
        <Form
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={async (values) => {
            setFailure(null);
            try {
              const booked = await bookIt.mutateAsync({ ...values, city });
              await navigate(`/m/appointments?booked=${booked.id}`);
            } catch (error) {
              if (!(isApiError(error) && applyProblemToForm(form, error.problem, locale)))
                setFailure(describeError(error));
            }
          }}
        >
          {failure ? (
            <Alert type="error" showIcon role="alert" title={failure} className="sw-form-alert" />
          ) : null}
          <Form.Item
            name="office"
            label={t('hub.appointments.office')}
            rules={[{ required: true, message: t('hub.appointments.chooseOffice') }]}
          >
            <Radio.Group
              className="sw-hub-choices"
              onChange={() => {
                setDay(null);
                form.setFieldValue('slotId', undefined);
              }}
              options={offices.map((o) => ({ value: o.code, label: o.name[locale] }))}
            />
          </Form.Item>
          {office ? (
            days.isPending ? (
              <Skeleton active />
            ) : days.isError ? (
              <Alert type="error" showIcon title={describeError(days.error)} />
            ) : (
              <>
                <fieldset className="sw-hub-fieldset">
                  <legend>{t('hub.appointments.day')}</legend>
                  <Radio.Group
                    className="sw-hub-days"
                    optionType="button"
                    value={chosenDay?.day}
                    onChange={(e) => {
                      setDay(e.target.value as string);
                      form.setFieldValue('slotId', undefined);
                    }}
                    options={days.data.days.map((d) => ({ value: d.day, label: d.day.slice(5) }))}
                  />
                </fieldset>
                <Form.Item
                  name="slotId"
                  label={t('hub.appointments.time')}
                  className="sw-hub-gap"
                  rules={[{ required: true, message: t('hub.appointments.chooseTime') }]}
                >
                  <Radio.Group
                    className="sw-hub-choices"
                    options={(chosenDay?.slots ?? []).map((s) => ({
                      value: s.id,
                      disabled: s.left === 0,
                      label: `${s.starts}–${s.ends}（${s.left === 0 ? t('hub.appointments.full') : t('hub.appointments.left', { n: s.left })}）`,
                    }))}
                  />
                </Form.Item>
                <p className="sw-hub-hint">{t('hub.appointments.cutoff', { hour: days.data.cutoffHour })}</p>
              </>
            )
          ) : null}
          <Form.Item
            name="business"
            label={t('hub.appointments.business')}
            rules={[{ required: true, message: t('hub.appointments.chooseBusiness') }]}
          >
            <Radio.Group
              className="sw-hub-choices"
              options={info.businesses.map((b) => ({ value: b.code, label: b.name[locale] }))}
            />
          </Form.Item>
          {needsPartner ? (
            <>
              <Form.Item
                name="partnerName"
                label={t('hub.appointments.partnerName')}
                rules={[{ required: true, whitespace: true }]}
              >
                <Input autoComplete="off" />
              </Form.Item>
              <Form.Item
                name="partnerIdNumber"
                label={t('hub.appointments.partnerId')}
                rules={[{ required: true, whitespace: true }]}
              >
                <Input autoComplete="off" maxLength={18} />
              </Form.Item>
            </>
          ) : null}
          {kind === 'housing_fund' ? (
            <Form.Item
              name="firstWithdrawal"
              label={t('hub.appointments.firstWithdrawal')}
              extra={
                (FIRST_WITHDRAWAL_CITIES as readonly string[]).includes(city)
                  ? t('hub.appointments.firstWithdrawalHint')
                  : null
              }
              rules={[{ required: true, message: t('hub.appointments.chooseFirst') }]}
            >
              <Radio.Group
                options={[
                  { value: true, label: t('hub.appointments.yes') },
                  { value: false, label: t('hub.appointments.no') },
                ]}
              />
            </Form.Item>
          ) : null}
          <Button type="primary" htmlType="submit" size="large" block loading={bookIt.isPending}>
            {t('hub.appointments.submit')}
          </Button>
        </Form>
      )}
    </section>
  );
}
