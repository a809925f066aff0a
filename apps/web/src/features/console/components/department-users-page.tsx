import { PlusOutlined } from '@ant-design/icons';
import type { ConsoleAccountView } from '@sw/contracts';
import { Alert, Button, Card, Input, Space, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadMore } from '../../../components/load-more';
import { PageTitle } from '../../../components/page-title';
import { TableEmpty } from '../../../components/table-empty';
import { describeError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { useConsoleAccounts } from '../api/accounts';
import { DepartmentUserForm } from './department-user-form';

/** `/console/department-users` — 部委用户: staff create them and find them. */
export function DepartmentUsersPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const list = useConsoleAccounts({ kind: 'department', ...(q ? { q } : {}) });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const none = t('common.none');

  const columns: TableColumnsType<ConsoleAccountView> = [
    { key: 'username', title: t('consoleAccounts.username'), dataIndex: 'username' },
    { key: 'name', title: t('consoleAccounts.name'), dataIndex: 'name' },
    {
      key: 'department',
      title: t('consoleAccounts.department'),
      dataIndex: 'department',
      render: (v: string | null) => v ?? none,
    },
    {
      key: 'mobile',
      title: t('consoleAccounts.mobile'),
      dataIndex: 'mobileMasked',
      render: (v: string | null) => v ?? none,
    },
    {
      key: 'email',
      title: t('consoleAccounts.email'),
      dataIndex: 'emailMasked',
      render: (v: string | null) => v ?? none,
    },
    {
      key: 'status',
      title: t('consoleAccounts.status'),
      render: (_, a) => (
        <Space wrap>
          <Tag color={a.status === 'active' ? 'blue' : 'red'}>{t(`accountStatuses.${a.status}`)}</Tag>
          {a.mustChangePassword ? <Tag>{t('consoleAccounts.dept.mustChange')}</Tag> : null}
        </Space>
      ),
    },
    {
      key: 'createdAt',
      title: t('consoleAccounts.createdAt'),
      dataIndex: 'createdAt',
      render: (v: string) => formatDateTime(v),
    },
  ];

  return (
    <div className="sw-workspace-page">
      <PageTitle
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('consoleAccounts.dept.create')}
          </Button>
        }
      >
        {t('consoleAccounts.dept.title')}
      </PageTitle>
      <Card>
        <Input.Search
          className="sw-form-alert"
          allowClear
          enterButton={t('consoleAccounts.search')}
          aria-label={t('consoleAccounts.dept.searchLabel')}
          placeholder={t('consoleAccounts.dept.searchPlaceholder')}
          onSearch={(value) => setQ(value.trim())}
          maxLength={64}
          style={{ maxWidth: 480 }}
        />
        {list.isError ? (
          <Alert type="error" showIcon title={describeError(list.error)} />
        ) : (
          <>
            <Table<ConsoleAccountView>
              rowKey="id"
              size="middle"
              loading={list.isPending}
              columns={columns}
              dataSource={rows}
              pagination={false}
              locale={{ emptyText: <TableEmpty text={t('consoleAccounts.empty')} /> }}
              scroll={{ x: 900 }}
            />
            <LoadMore
              hasMore={list.hasNextPage}
              loading={list.isFetchingNextPage}
              onLoad={() => void list.fetchNextPage()}
              count={rows.length}
            />
          </>
        )}
      </Card>
      <DepartmentUserForm open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
