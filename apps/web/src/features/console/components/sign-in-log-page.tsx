import { SIGN_IN_METHODS, SIGN_IN_OUTCOMES, type SignInLogEntry } from '@sw/contracts';
import { Button, Card, DatePicker, Form, Input, Select, Space, type TableColumnsType, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../../components/page-title';
import { formatDateTime } from '../../../lib/format';
import { type SignInLogFilters, useSignInLog } from '../api/sign-in-log';
import { KeysetTable } from './load-more';

type FilterValues = {
  identifier?: string;
  outcome?: string;
  method?: string;
  ip?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
};

/** `/console/sign-in-log` — 登录日志: every sign-in attempt, newest first; personal numbers masked. */
export function SignInLogPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<FilterValues>();
  const [filters, setFilters] = useState<SignInLogFilters>({});
  const log = useSignInLog(filters);
  const none = t('common.none');
  const outcomeLabel = (o: string) =>
    t(`consoleAccounts.outcomes.${o}` as 'consoleAccounts.outcomes.success', o);
  const methodLabel = (m: string) =>
    t(`consoleAccounts.methods.${m}` as 'consoleAccounts.methods.password', m);

  const apply = (values: FilterValues) => {
    const [from, to] = values.range ?? [];
    const identifier = values.identifier?.trim();
    const ip = values.ip?.trim();
    setFilters({
      ...(identifier ? { identifier } : {}),
      ...(values.outcome ? { outcome: values.outcome } : {}),
      ...(values.method ? { method: values.method } : {}),
      ...(ip ? { ip } : {}),
      // whole days in the browser's time zone: from the first day's start to the day after the last
      ...(from ? { from: from.startOf('day').toISOString() } : {}),
      ...(to ? { to: to.add(1, 'day').startOf('day').toISOString() } : {}),
    });
  };

  const columns: TableColumnsType<SignInLogEntry> = [
    {
      key: 'at',
      title: t('consoleAccounts.log.at'),
      dataIndex: 'at',
      render: (v: string) => formatDateTime(v),
    },
    { key: 'identifier', title: t('consoleAccounts.log.identifier'), dataIndex: 'identifier' },
    {
      key: 'username',
      title: t('consoleAccounts.log.account'),
      dataIndex: 'username',
      render: (v: string | null) => v ?? none,
    },
    { key: 'method', title: t('consoleAccounts.log.method'), dataIndex: 'method', render: methodLabel },
    {
      key: 'outcome',
      title: t('consoleAccounts.log.outcome'),
      dataIndex: 'outcome',
      render: (o: string) => <Tag color={o === 'success' ? 'blue' : 'red'}>{outcomeLabel(o)}</Tag>,
    },
    {
      key: 'ip',
      title: t('consoleAccounts.log.ip'),
      dataIndex: 'ip',
      render: (v: string | null) => v ?? none,
    },
    { key: 'device', title: t('consoleAccounts.log.device'), dataIndex: 'device' },
  ];

  return (
    <div className="sw-workspace-page">
      <PageTitle>{t('consoleAccounts.log.title')}</PageTitle>
      <Card>
        <Form<FilterValues> form={form} name="signInLog" layout="inline" onFinish={apply}>
          <Form.Item name="identifier" label={t('consoleAccounts.log.identifierFilter')}>
            <Input allowClear maxLength={64} placeholder={t('consoleAccounts.log.identifierPlaceholder')} />
          </Form.Item>
          <Form.Item name="outcome" label={t('consoleAccounts.log.outcome')}>
            <Select
              allowClear
              style={{ minWidth: 140 }}
              options={SIGN_IN_OUTCOMES.map((value) => ({ value, label: outcomeLabel(value) }))}
            />
          </Form.Item>
          <Form.Item name="method" label={t('consoleAccounts.log.method')}>
            <Select
              allowClear
              style={{ minWidth: 120 }}
              options={SIGN_IN_METHODS.map((value) => ({ value, label: methodLabel(value) }))}
            />
          </Form.Item>
          <Form.Item name="ip" label={t('consoleAccounts.log.ip')}>
            <Input allowClear maxLength={64} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="range" label={t('consoleAccounts.log.range')}>
            <DatePicker.RangePicker
              allowEmpty={[true, true]}
              placeholder={[t('consoleAccounts.log.rangeFrom'), t('consoleAccounts.log.rangeTo')]}
            />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit">
                {t('consoleAccounts.search')}
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  setFilters({});
                }}
              >
                {t('consoleAccounts.reset')}
              </Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      <Card className="sw-block-top">
        <KeysetTable<SignInLogEntry> query={log} columns={columns} scrollX={960} />
      </Card>
    </div>
  );
}
