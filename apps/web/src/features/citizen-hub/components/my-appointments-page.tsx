import { HUB_APPOINTMENTS, hubOffices } from '@sw/contracts';
import { Alert, Button, Empty, Popconfirm, Skeleton, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useLocale } from '../../../hooks/use-locale';
import { useSession } from '../../../hooks/use-session';
import { describeError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { useCancelAppointment, useMyAppointments } from '../api/appointments-api';
import { SignInFirst } from './sign-in-first';

/** 我的预约: each booking with its voucher QR, its place and time; 取消预约 until the cut-off. */
export function MyAppointmentsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [params] = useSearchParams();
  const justBooked = params.get('booked');
  const { data: session, isPending: sessionPending } = useSession();
  const { data: bookings, isPending, isError, error } = useMyAppointments(Boolean(session));
  const cancel = useCancelAppointment();
  if (sessionPending) return <Skeleton active />;
  if (!session) return <SignInFirst title={t('hub.appointments.mine')} />;
  let body: React.ReactNode;
  if (isPending) body = <Skeleton active />;
  else if (isError) body = <Alert type="error" showIcon title={describeError(error)} />;
  else if (bookings.length === 0) body = <Empty description={t('hub.appointments.none')} />;
  else
    body = (
      <ul className="sw-hub-bookings">
        {bookings.map((b) => {
          const info = HUB_APPOINTMENTS[b.kind];
          const office = hubOffices(b.kind, b.city).find((o) => o.code === b.office);
          const live = b.status === 'booked';
          const cancellable = live && Date.parse(b.cancellableUntil) > Date.now();
          return (
            <li key={b.id} className="sw-hub-booking" aria-labelledby={`booking-${b.id}`}>
              <h2 id={`booking-${b.id}`}>
                {info.name[locale]}{' '}
                <Tag color={live ? 'blue' : 'default'} className="sw-hub-booking__status">
                  {t(`hub.appointments.status.${b.status}`)}
                </Tag>
              </h2>
              <dl className="sw-licence-facts">
                <dt>{t('hub.appointments.business')}</dt>
                <dd>{info.businesses.find((x) => x.code === b.business)?.name[locale] ?? b.business}</dd>
                <dt>{t('hub.appointments.office')}</dt>
                <dd>{office?.name[locale] ?? b.office}</dd>
                <dt>{t('hub.appointments.when')}</dt>
                <dd>
                  {b.day} {b.starts}–{b.ends}
                </dd>
                {b.partner ? (
                  <>
                    <dt>{t('hub.appointments.partner')}</dt>
                    <dd>{b.partner}</dd>
                  </>
                ) : null}
                <dt>{t('hub.appointments.voucher')}</dt>
                <dd>{b.voucher}</dd>
              </dl>
              {live ? (
                <img
                  className="sw-hub-booking__qr"
                  src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(b.voucherSvg)}`}
                  alt={t('hub.appointments.voucherQr', { voucher: b.voucher })}
                  width={160}
                  height={160}
                />
              ) : null}
              {justBooked === b.id ? (
                <Alert type="success" showIcon role="status" title={t('hub.appointments.booked')} />
              ) : null}
              {cancellable ? (
                <Popconfirm
                  title={t('hub.appointments.cancelConfirm')}
                  okText={t('common.confirm')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => cancel.mutateAsync(b.id).catch(() => undefined)}
                >
                  <Button danger size="large" block className="sw-hub-gap" loading={cancel.isPending}>
                    {t('hub.appointments.cancel')}
                  </Button>
                </Popconfirm>
              ) : live ? (
                <p className="sw-hub-hint">
                  {t('hub.appointments.cancelClosed', { time: formatDateTime(b.cancellableUntil) })}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
    );
  return (
    <section className="sw-hub-section" aria-labelledby="hub-bookings-title">
      <h1 id="hub-bookings-title">{t('hub.appointments.mine')}</h1>
      {cancel.isError ? (
        <Alert type="error" showIcon role="alert" title={describeError(cancel.error)} />
      ) : null}
      {body}
    </section>
  );
}
