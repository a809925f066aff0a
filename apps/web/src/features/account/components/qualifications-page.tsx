import {
  CUSTOMS_CATEGORIES,
  FOREIGN_TRADE_OPERATOR_TYPES,
  type QualificationsBody,
  type QualificationsView,
} from '@sw/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Form, Input, Select, Skeleton, Space, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../../components/page-title';
import { useErrorReporter } from '../../../hooks/use-error-reporter';
import { apiClient, describeError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';

const KEY = ['org', 'qualifications'] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `/account/qualifications` — 我的资质 (seed 004 §3.4), administrators only. */
export function QualificationsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const report = useErrorReporter();
  const [form] = Form.useForm<QualificationsBody>();
  const [editing, setEditing] = useState(false);
  const view = useQuery({
    queryKey: KEY,
    queryFn: () => apiClient.get<QualificationsView>('/api/org/qualifications'),
  });
  const save = useMutation({
    mutationFn: (body: QualificationsBody) =>
      apiClient.put<QualificationsView>('/api/org/qualifications', body),
    onSuccess: (v) => {
      queryClient.setQueryData(KEY, v);
      setEditing(false);
      void message.success(t('qualifications.saved'));
    },
    onError: (error) => report(error, form),
  });
  const sync = useMutation({
    mutationFn: (agency: 'market' | 'commerce') =>
      apiClient.post<QualificationsView>(`/api/org/qualifications/sync/${agency}`),
    onSuccess: (v) => {
      queryClient.setQueryData(KEY, v);
      form.setFieldsValue(v.qualifications);
      void message.success(t('qualifications.synced'));
    },
    onError: (error) => report(error),
  });

  if (view.isPending) return <Skeleton active />;
  if (view.isError) return <Alert type="error" showIcon title={describeError(view.error)} />;
  const data = view.data;
  const none = t('common.none');
  const date = [{ pattern: DATE, message: t('qualifications.dateHelp') }];
  const text = (name: (string | number)[], label: string, rules = [] as object[]) => (
    <Form.Item name={name} label={label} rules={rules}>
      <Input disabled={!editing} maxLength={30} />
    </Form.Item>
  );
  return (
    <div className="sw-workspace-page">
      <PageTitle
        extra={
          <Space wrap>
            <Button
              loading={sync.isPending && sync.variables === 'market'}
              onClick={() => sync.mutate('market')}
            >
              {t('qualifications.syncMarket')}
            </Button>
            <Button
              loading={sync.isPending && sync.variables === 'commerce'}
              onClick={() => sync.mutate('commerce')}
            >
              {t('qualifications.syncCommerce')}
            </Button>
          </Space>
        }
      >
        {t('qualifications.title')}
      </PageTitle>
      <Space direction="vertical" size="middle" className="sw-stack">
        {data.simulated ? <Alert type="warning" showIcon title={t('qualifications.simulated')} /> : null}
        <Card>
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'creditCode', label: t('qualifications.creditCode'), children: data.creditCode ?? none },
              { key: 'orgCode', label: t('qualifications.orgCode'), children: data.orgCode ?? none },
              { key: 'name', label: t('qualifications.name'), children: data.name },
              {
                key: 'legalRepName',
                label: t('qualifications.legalRepName'),
                children: data.legalRepName ?? none,
              },
              { key: 'address', label: t('qualifications.address'), children: data.address ?? none },
            ]}
          />
          <p className="sw-muted">
            {t('qualifications.lastSynced', {
              market: data.marketSyncedAt ? formatDateTime(data.marketSyncedAt) : t('qualifications.never'),
              commerce: data.commerceSyncedAt
                ? formatDateTime(data.commerceSyncedAt)
                : t('qualifications.never'),
            })}
          </p>
        </Card>
        <Card
          extra={
            editing ? (
              <Space>
                <Button
                  onClick={() => {
                    form.setFieldsValue(data.qualifications);
                    setEditing(false);
                  }}
                >
                  {t('qualifications.cancel')}
                </Button>
                <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
                  {t('qualifications.save')}
                </Button>
              </Space>
            ) : (
              <Button onClick={() => setEditing(true)}>{t('qualifications.edit')}</Button>
            )
          }
        >
          <Form<QualificationsBody>
            form={form}
            name="qualifications"
            layout="vertical"
            initialValues={data.qualifications}
            onFinish={(v) => save.mutate(v)}
          >
            <Tabs
              items={[
                {
                  key: 'customs',
                  label: t('qualifications.tabs.customs'),
                  forceRender: true,
                  children: (
                    <>
                      {text(['customs', 'customsCode'], t('qualifications.fields.customsCode'))}
                      <Form.Item name={['customs', 'category']} label={t('qualifications.fields.category')}>
                        <Select
                          allowClear
                          disabled={!editing}
                          options={CUSTOMS_CATEGORIES.map((value) => ({
                            value,
                            label: t(`qualifications.categories.${value}`),
                          }))}
                        />
                      </Form.Item>
                      {text(['customs', 'registeredOn'], t('qualifications.fields.registeredOn'), date)}
                      {text(['customs', 'validUntil'], t('qualifications.fields.validUntil'), date)}
                    </>
                  ),
                },
                {
                  key: 'inspection',
                  label: t('qualifications.tabs.inspection'),
                  forceRender: true,
                  children: (
                    <>
                      {text(['inspection', 'inspectionCode'], t('qualifications.fields.inspectionCode'))}
                      {text(['inspection', 'filedOn'], t('qualifications.fields.filedOn'), date)}
                    </>
                  ),
                },
                {
                  key: 'foreignTrade',
                  label: t('qualifications.tabs.foreignTrade'),
                  forceRender: true,
                  children: (
                    <>
                      {text(['foreignTrade', 'filingNo'], t('qualifications.fields.filingNo'))}
                      {text(['foreignTrade', 'filedOn'], t('qualifications.fields.filedOn'), date)}
                      <Form.Item
                        name={['foreignTrade', 'operatorType']}
                        label={t('qualifications.fields.operatorType')}
                      >
                        <Select
                          allowClear
                          disabled={!editing}
                          options={FOREIGN_TRADE_OPERATOR_TYPES.map((value) => ({
                            value,
                            label: t(`qualifications.operatorTypes.${value}`),
                          }))}
                        />
                      </Form.Item>
                      {text(
                        ['foreignTrade', 'importExportCode'],
                        t('qualifications.fields.importExportCode'),
                      )}
                    </>
                  ),
                },
                {
                  key: 'origin',
                  label: t('qualifications.tabs.origin'),
                  forceRender: true,
                  children: (
                    <>
                      {text(['origin', 'filingNo'], t('qualifications.fields.originFilingNo'))}
                      {text(['origin', 'filedOn'], t('qualifications.fields.filedOn'), date)}
                    </>
                  ),
                },
              ]}
            />
          </Form>
          <Alert type="info" showIcon title={t('qualifications.tip')} />
        </Card>
      </Space>
    </div>
  );
}
