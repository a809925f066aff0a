import type { UploadedFile } from '@sw/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Descriptions, Form, Input, Result, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import {
  INSURANCE_TYPES,
  type InsuranceType,
  northboundContract,
  type PolicyLookup,
} from '../../../../../server/src/modules/services/northbound/contract.ts';
import { PageLoading } from '../../../components/page-loading';
import { PageTitle } from '../../../components/page-title';
import { AttachmentUpload } from '../../../components/upload/attachment-upload';
import { useLocale } from '../../../hooks/use-locale';
import { applyProblemToForm, describeError, isApiError } from '../../../lib/api-client';
import { northbound, northboundKeys, useCenter } from '../api';
import { useMessages } from '../messages';

type Values = {
  policyNo: string;
  type?: InsuranceType;
  insurer?: string;
  startDate?: Dayjs;
  endDate?: Dayjs;
  photo?: UploadedFile[];
};

const SLOT = northboundContract.attachments[0]!;
/** the simulator's sample policies, shown on its label so a tester can use them */
const SAMPLE_POLICIES = 'PDZA202644000001, PDZA202644000002, EQ-HK-2026-0088';

/**
 * `/apps/northbound/insurance?record=<id>` — 填写车辆保险 (000 §4.2): 「查询保险」 reads the insurers'
 * shared data; without it, the owner types the paper policy and uploads its photo, then 提交.
 */
export function InsurancePage() {
  const t = useMessages();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const center = useCenter();
  const [form] = Form.useForm<Values>();
  const [lookup, setLookup] = useState<PolicyLookup | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  if (center.isPending) return <PageLoading />;
  const vehicle =
    center.data?.vehicles.find((v) => v.recordId === params.get('record')) ??
    center.data?.vehicles.find((v) => v.canFillInsurance);
  if (!vehicle) return <Navigate to="/apps/northbound/center" replace />;

  const fail = (error: unknown) => {
    const onField =
      isApiError(error) &&
      applyProblemToForm(form, error.problem, locale, { aliases: { photoFileId: 'photo' } });
    if (!onField) setFailure(describeError(error, locale));
  };

  const query = async () => {
    setFailure(null);
    try {
      await form.validateFields(['policyNo']);
      setLookup(
        await northbound.lookupPolicy(vehicle.recordId, String(form.getFieldValue('policyNo')).trim()),
      );
    } catch (error) {
      if (isApiError(error)) fail(error);
    }
  };

  const submit = async (values: Values) => {
    setBusy(true);
    setFailure(null);
    try {
      const body = lookup?.found
        ? { source: 'lookup', policyNo: values.policyNo.trim() }
        : {
            source: 'manual',
            policyNo: values.policyNo.trim(),
            type: values.type,
            insurer: values.insurer?.trim() ?? '',
            startDate: values.startDate?.format('YYYY-MM-DD'),
            endDate: values.endDate?.format('YYYY-MM-DD'),
            photoFileId: values.photo?.[0]?.id,
          };
      queryClient.setQueryData(
        northboundKeys.center,
        await northbound.submitInsurance(vehicle.recordId, body),
      );
      setDone(true);
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  if (done)
    return (
      <Result
        status="success"
        title={t('insurance.submitted')}
        extra={
          <Link className="nb-cta nb-cta--primary" to="/apps/northbound/center">
            {t('nav.center')}
          </Link>
        }
      />
    );

  const manual = lookup !== null && !lookup.found;
  return (
    <>
      <PageTitle>{t('insurance.title')}</PageTitle>
      <Card
        className="sw-block"
        title={<h2 className="sw-card-heading">{`${vehicle.hkPlate} · ${vehicle.vehicle}`}</h2>}
      >
        <p>{t('insurance.permittedUntil', { date: vehicle.permittedUntil })}</p>
        {!vehicle.canFillInsurance ? (
          <Alert type="warning" showIcon message={vehicle.statusName[locale]} className="nb-gap" />
        ) : null}
        <Alert
          className="nb-gap"
          type="warning"
          showIcon
          message={t('insurance.simulated', { samples: SAMPLE_POLICIES })}
        />
        <Form<Values> form={form} name="nbInsurance" layout="vertical" onFinish={(v) => void submit(v)}>
          <Form.Item label={t('insurance.policyNo')} required htmlFor="nbInsurance_policyNo">
            <Space.Compact block>
              <Form.Item
                name="policyNo"
                noStyle
                rules={[{ required: true, message: t('insurance.policyNo') }]}
              >
                <Input id="nbInsurance_policyNo" maxLength={30} onChange={() => setLookup(null)} />
              </Form.Item>
              <Button onClick={() => void query()}>{t('insurance.lookup')}</Button>
            </Space.Compact>
          </Form.Item>
          {lookup?.found && lookup.policy ? (
            <>
              <Alert type="success" showIcon message={t('insurance.found')} className="nb-gap" />
              <Descriptions bordered size="small" column={1} className="nb-gap">
                <Descriptions.Item label={t('insurance.type')}>
                  {INSURANCE_TYPES[lookup.policy.type][locale]}
                </Descriptions.Item>
                <Descriptions.Item label={t('insurance.insurer')}>{lookup.policy.insurer}</Descriptions.Item>
                <Descriptions.Item label={t('insurance.startDate')}>
                  {lookup.policy.startDate}
                </Descriptions.Item>
                <Descriptions.Item label={t('insurance.endDate')}>{lookup.policy.endDate}</Descriptions.Item>
              </Descriptions>
            </>
          ) : null}
          {manual ? (
            <>
              <Alert type="info" showIcon message={t('insurance.notFound')} className="nb-gap" />
              <Form.Item
                name="type"
                label={t('insurance.type')}
                rules={[{ required: true, message: t('insurance.type') }]}
              >
                <Select
                  options={Object.entries(INSURANCE_TYPES).map(([value, name]) => ({
                    value,
                    label: name[locale],
                  }))}
                />
              </Form.Item>
              <Form.Item
                name="insurer"
                label={t('insurance.insurer')}
                rules={[{ required: true, message: t('insurance.insurer') }]}
              >
                <Input maxLength={60} />
              </Form.Item>
              <Space wrap>
                <Form.Item
                  name="startDate"
                  label={t('insurance.startDate')}
                  rules={[{ required: true, message: t('insurance.startDate') }]}
                >
                  <DatePicker />
                </Form.Item>
                <Form.Item
                  name="endDate"
                  label={t('insurance.endDate')}
                  rules={[{ required: true, message: t('insurance.endDate') }]}
                >
                  <DatePicker />
                </Form.Item>
              </Space>
              <Form.Item
                name="photo"
                label={t('insurance.photo')}
                rules={[{ required: true, message: t('insurance.upload') }]}
              >
                <AttachmentUpload
                  service="northbound"
                  slot={SLOT.slot}
                  accept={SLOT.types}
                  maxBytes={SLOT.maxBytes}
                  maxCount={1}
                  label={t('insurance.upload')}
                />
              </Form.Item>
            </>
          ) : null}
          {failure ? <Alert type="error" showIcon message={failure} className="nb-gap" /> : null}
          <Button type="primary" htmlType="submit" loading={busy} disabled={lookup === null}>
            {t('insurance.submit')}
          </Button>
        </Form>
        <Alert
          className="nb-gap-top"
          type="info"
          showIcon
          message={t('register.tips')}
          description={
            <ol className="nb-list">
              <li>{t('insurance.tip1')}</li>
              <li>{t('insurance.tip2')}</li>
            </ol>
          }
        />
      </Card>
    </>
  );
}
