import { ACCOUNT_KINDS, ACCOUNT_STATUSES, type ConsoleAccountView } from '@sw/contracts';
import { App, Button, Card, Form, Input, Popconfirm, Select, Space, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../../components/page-title';
import { useSession } from '../../../hooks/use-session';
import { describeError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { type AccountFilters, useConsoleAccounts, useSetAccountStatus } from '../api/accounts';
import { KeysetTable } from './load-more';

type FilterValues = { q?: string; kind?: ConsoleAccountView['kind']; status?: ConsoleAccountView['status'] };

/** `/console/accounts` — 账号管理: find any account; 停用 (its sessions end at once) and 启用. */
export function AccountsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useSession();
  const [form] = Form.useForm<FilterValues>();
  const [filters, setFilters] = useState<AccountFilters>({});
  const list = useConsoleAccounts(filters);
  const setStatus = useSetAccountStatus();
  const none = t('common.none');
  const selfId = session.data?.account.id;

  const apply = (values: FilterValues) => {
    const q = values.q?.trim();
    setFilters({
      ...(q ? { q } : {}),
      ...(values.kind ? { kind: values.kind } : {}),
      ...(values.status ? { status: values.status } : {}),
    });
  };

  const change = async (account: ConsoleAccountView, action: 'disable' | 'enable') => {
    try {
      await setStatus.mutateAsync({ id: account.id, action });
      void message.success(
        t(action === 'disable' ? 'consoleAccounts.disabled' : 'consoleAccounts.enabled', {
          username: account.username,
        }),
      );
    } catch (error) {
      void message.error(describeError(error));
    }
  };

  const columns: TableColumnsType<ConsoleAccountView> = [
    { key: 'username', title: t('consoleAccounts.username'), dataIndex: 'username' },
    { key: 'name', title: t('consoleAccounts.name'), dataIndex: 'name' },
    {
      key: 'kind',
      title: t('consoleAccounts.kind'),
      dataIndex: 'kind',
      render: (k: ConsoleAccountView['kind']) => t(`accountKinds.${k}`),
    },
    {
      key: 'mobile',
      title: t('consoleAccounts.mobile'),
      dataIndex: 'mobileMasked',
      render: (v: string | null) => v ?? none,
    },
    {
      key: 'status',
      title: t('consoleAccounts.status'),
      dataIndex: 'status',
      render: (s: ConsoleAccountView['status']) => (
        <Tag color={s === 'active' ? 'blue' : s === 'disabled' ? 'red' : 'default'}>
          {t(`accountStatuses.${s}`)}
        </Tag>
      ),
    },
    {
      key: 'lastSignInAt',
      title: t('consoleAccounts.lastSignInAt'),
      dataIndex: 'lastSignInAt',
      render: (v: string | null) => formatDateTime(v, none),
    },
    {
      key: 'actions',
      title: t('consoleAccounts.actions'),
      render: (_, a) =>
        a.id === selfId ? null : a.status === 'active' || a.status === 'inactive' ? (
          <Popconfirm
            title={t('consoleAccounts.confirmDisable', { username: a.username })}
            description={t('consoleAccounts.confirmDisableHint')}
            okText={t('consoleAccounts.disable')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={() => change(a, 'disable')}
          >
            <Button size="small" danger>
              {t('consoleAccounts.disable')}
            </Button>
          </Popconfirm>
        ) : a.status === 'disabled' ? (
          <Popconfirm
            title={t('consoleAccounts.confirmEnable', { username: a.username })}
            okText={t('consoleAccounts.enable')}
            cancelText={t('common.cancel')}
            onConfirm={() => change(a, 'enable')}
          >
            <Button size="small">{t('consoleAccounts.enable')}</Button>
          </Popconfirm>
        ) : null,
    },
  ];

  return (
    <div className="sw-workspace-page">
      <PageTitle>{t('consoleAccounts.accounts.title')}</PageTitle>
      <Card>
        <Form<FilterValues> form={form} name="accountFilter" layout="inline" onFinish={apply}>
          <Form.Item name="q" label={t('consoleAccounts.accounts.q')}>
            <Input allowClear maxLength={64} placeholder={t('consoleAccounts.accounts.qPlaceholder')} />
          </Form.Item>
          <Form.Item name="kind" label={t('consoleAccounts.kind')}>
            <Select
              allowClear
              style={{ minWidth: 140 }}
              options={ACCOUNT_KINDS.map((value) => ({ value, label: t(`accountKinds.${value}`) }))}
            />
          </Form.Item>
          <Form.Item name="status" label={t('consoleAccounts.status')}>
            <Select
              allowClear
              style={{ minWidth: 120 }}
              options={ACCOUNT_STATUSES.map((value) => ({ value, label: t(`accountStatuses.${value}`) }))}
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
        <KeysetTable<ConsoleAccountView> query={list} columns={columns} scrollX={900} />
      </Card>
    </div>
  );
}
