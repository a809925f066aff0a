import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, List, Radio, Result, Select, Space, Steps, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  DRIVER_TAG_BUSINESS,
  DRIVER_TAG_BUSINESS_NAMES,
  DRIVER_TAG_REASONS,
  TAG_KIND_NAMES,
  TAG_REASON_NAMES,
  TAG_SITE_NAMES,
  TAG_SITES,
  type TagRequestBody,
  type TagRequestView,
  VEHICLE_TAG_REASONS,
} from '../../../../../server/src/modules/services/northbound-tags/contract.ts';
import { PageLoading } from '../../../components/page-loading';
import { PageTitle } from '../../../components/page-title';
import { TableEmpty } from '../../../components/table-empty';
import { useLocale } from '../../../hooks/use-locale';
import { applyProblemToForm, describeError, isApiError } from '../../../lib/api-client';
import { submitTagRequest, tagKeys, useTagRequests, useTagVehicles } from '../api';
import { useMessages } from '../messages';

const HOME = '/apps/northbound';

/** `/apps/northbound/services` — 我要办事 (000 §4.7): 补办车卡, 补办驾驶人标识, and my requests. */
export function ServicesPage() {
  const t = useMessages();
  const locale = useLocale();
  const requests = useTagRequests();
  return (
    <>
      <PageTitle>{t('tags.title')}</PageTitle>
      <div className="nb-services">
        <Card title={<h2 className="nb-card-title">{t('tags.vehicleTag')}</h2>} className="sw-block">
          <p>{t('tags.vehicleTagLead')}</p>
          <Link className="nb-cta" to={`${HOME}/services/vehicle-tag`}>
            {t('tags.apply')}
          </Link>
        </Card>
        <Card title={<h2 className="nb-card-title">{t('tags.driverTag')}</h2>} className="sw-block">
          <p>{t('tags.driverTagLead')}</p>
          <Link className="nb-cta" to={`${HOME}/services/driver-tag`}>
            {t('tags.apply')}
          </Link>
        </Card>
      </div>
      <Card title={<h2 className="nb-card-title">{t('tags.mine')}</h2>} className="sw-block">
        <Table<TagRequestView>
          rowKey="id"
          loading={requests.isPending}
          dataSource={requests.data ?? []}
          pagination={false}
          locale={{ emptyText: <TableEmpty text={t('tags.empty')} /> }}
          columns={[
            {
              title: t('tags.number'),
              dataIndex: 'number',
              render: (number: string, row) => <Link to={`/account/applications/${row.id}`}>{number}</Link>,
            },
            { title: t('tags.title'), render: (_, row) => TAG_KIND_NAMES[row.kind][locale] },
            {
              title: t('tags.vehicle'),
              render: (_, row) => (row.driverName ? `${row.hkPlate} · ${row.driverName}` : row.hkPlate),
            },
            { title: t('tags.site'), render: (_, row) => TAG_SITE_NAMES[row.site][locale] },
            {
              title: t('tags.status'),
              render: (_, row) => (
                <Tag
                  color={
                    row.status === 'completed'
                      ? 'success'
                      : row.status === 'rejected'
                        ? 'error'
                        : 'processing'
                  }
                >
                  {row.statusName[locale]}
                  {row.reasonText ? `：${row.reasonText}` : ''}
                </Tag>
              ),
            },
            {
              title: t('tags.submittedAt'),
              render: (_, row) => new Date(row.submittedAt).toLocaleString(locale),
            },
          ]}
        />
      </Card>
    </>
  );
}

type Values = {
  recordId?: string;
  driver?: string;
  site?: TagRequestBody['site'];
  businessType?: TagRequestBody['businessType'];
  reason?: TagRequestBody['reason'];
};

/**
 * `/apps/northbound/services/vehicle-tag` and `…/driver-tag` — 补办车卡 (choose the vehicle →
 * 【下一步】 → 办理地点 and 更换车卡原因 → 【提交】) and 补办驾驶人标识 (the driver, 办理地点, 本次办理业务类型,
 * 更换电子线圈原因 → 【提交】), then the manual's tips and the way to the progress.
 */
export function TagRequestPage({ kind }: { kind: TagRequestBody['kind'] }) {
  const t = useMessages();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const vehicles = useTagVehicles();
  const [form] = Form.useForm<Values>();
  const [step, setStep] = useState(0);
  const [recordId, setRecordId] = useState<string>();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<TagRequestView | null>(null);
  const vehicleTag = kind === 'vehicle_tag';
  const title = vehicleTag ? t('tags.vehicleTag') : t('tags.driverTag');

  if (vehicles.isPending) return <PageLoading />;
  const list = vehicles.data ?? [];
  const chosen = list.find((v) => v.recordId === recordId);

  const submit = async (values: Values) => {
    setFailure(null);
    setBusy(true);
    try {
      const body: TagRequestBody = {
        kind,
        recordId: recordId ?? '',
        site: values.site!,
        reason: values.reason!,
        ...(vehicleTag ? {} : { driverIndex: Number(values.driver), businessType: values.businessType }),
      };
      const created = await submitTagRequest(body);
      await queryClient.invalidateQueries({ queryKey: tagKeys.requests });
      setDone(created);
      setStep(2);
    } catch (error) {
      const onField =
        isApiError(error) &&
        applyProblemToForm(form, error.problem, locale, { aliases: { driverIndex: 'driver' } });
      if (!onField) setFailure(describeError(error, locale));
    } finally {
      setBusy(false);
    }
  };

  const options = <T extends string>(values: readonly T[], names: Record<string, Record<string, string>>) =>
    values.map((value) => ({ value, label: names[value]![locale] }));

  return (
    <>
      <PageTitle>{title}</PageTitle>
      <Card className="sw-block">
        <Steps
          current={step}
          items={[
            { title: t('tags.chooseVehicle') },
            { title: t('tags.confirm') },
            { title: t('tags.done') },
          ]}
          className="nb-steps"
        />
        {step === 0 &&
          (list.length === 0 ? (
            <Alert type="info" showIcon message={t('tags.none')} />
          ) : (
            <Space direction="vertical" size="middle">
              <Radio.Group
                aria-label={t('tags.chooseVehicle')}
                value={recordId}
                onChange={(e) => setRecordId(e.target.value as string)}
              >
                <Space direction="vertical">
                  {list.map((v) => (
                    <Radio key={v.recordId} value={v.recordId}>
                      {v.tempPlate} · {v.hkPlate} · {t('tags.tagNo')} {v.tagNo}
                    </Radio>
                  ))}
                </Space>
              </Radio.Group>
              <Button type="primary" disabled={!chosen} onClick={() => setStep(1)}>
                {t('tags.next')}
              </Button>
            </Space>
          ))}
        {step === 1 && chosen && (
          <Form<Values> form={form} layout="vertical" onFinish={submit} className="nb-form" requiredMark>
            <p>
              {t('tags.vehicle')}：{chosen.tempPlate} · {chosen.hkPlate}
              {vehicleTag ? ` · ${t('tags.tagNo')} ${chosen.tagNo}` : ''}
            </p>
            {!vehicleTag &&
              (chosen.drivers.length === 0 ? (
                <Alert type="warning" showIcon message={t('tags.noDrivers')} />
              ) : (
                <Form.Item name="driver" label={t('tags.driver')} rules={[{ required: true }]}>
                  <Select
                    options={chosen.drivers.map((d) => ({
                      value: String(d.index),
                      label: `${d.name} · ${t('tags.driverTagNo')} ${d.tagNo}`,
                    }))}
                  />
                </Form.Item>
              ))}
            <Form.Item name="site" label={t('tags.site')} rules={[{ required: true }]}>
              <Select options={options(TAG_SITES, TAG_SITE_NAMES)} />
            </Form.Item>
            {!vehicleTag && (
              <Form.Item name="businessType" label={t('tags.businessType')} rules={[{ required: true }]}>
                <Select options={options(DRIVER_TAG_BUSINESS, DRIVER_TAG_BUSINESS_NAMES)} />
              </Form.Item>
            )}
            <Form.Item
              name="reason"
              label={vehicleTag ? t('tags.reasonVehicle') : t('tags.reasonDriver')}
              rules={[{ required: true }]}
            >
              <Radio.Group
                options={options(vehicleTag ? VEHICLE_TAG_REASONS : DRIVER_TAG_REASONS, TAG_REASON_NAMES)}
              />
            </Form.Item>
            {failure && <Alert type="error" showIcon message={failure} className="sw-block" />}
            <Space>
              <Button onClick={() => setStep(0)}>{t('tags.previous')}</Button>
              <Button type="primary" htmlType="submit" loading={busy}>
                {t('tags.submit')}
              </Button>
            </Space>
          </Form>
        )}
        {step === 2 && done && (
          <Result
            status="success"
            title={t('tags.submitted', { number: done.number })}
            subTitle={done.statusName[locale]}
            extra={
              <Link className="nb-cta" to={`/account/applications/${done.id}`}>
                {t('tags.progress')}
              </Link>
            }
          />
        )}
        <List
          header={<strong>{t('tags.tipsTitle')}</strong>}
          size="small"
          dataSource={[vehicleTag ? t('tags.tipVehicle') : t('tags.tipDriver'), t('tags.tipWait')]}
          renderItem={(item, i) => (
            <List.Item>
              {i + 1}. {item}
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}

export function VehicleTagPage() {
  return <TagRequestPage kind="vehicle_tag" />;
}

export function DriverTagPage() {
  return <TagRequestPage kind="driver_tag" />;
}
