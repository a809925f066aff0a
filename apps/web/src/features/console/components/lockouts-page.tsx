import { ReloadOutlined, UnlockOutlined } from '@ant-design/icons';
import type { LockoutView } from '@sw/contracts';
import { Alert, App, Button, Card, Popconfirm, Table, type TableColumnsType, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../../components/page-title';
import { TableEmpty } from '../../../components/table-empty';
import { describeError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { useLockouts, useUnlock } from '../api/lockouts';

/** `/console/lockouts` — 账号解锁: identifiers locked after too many wrong passwords; unlock one. */
export function LockoutsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const lockouts = useLockouts();
  const unlock = useUnlock();

  const columns: TableColumnsType<LockoutView> = [
    {
      key: 'identifier',
      title: t('consoleAccounts.lockouts.identifier'),
      render: (_, l) => (
        <>
          {l.identifier}{' '}
          <Tag>
            {t(
              l.via === 'mobile'
                ? 'consoleAccounts.lockouts.viaMobile'
                : 'consoleAccounts.lockouts.viaUsername',
            )}
          </Tag>
        </>
      ),
    },
    {
      key: 'username',
      title: t('consoleAccounts.lockouts.account'),
      dataIndex: 'username',
      render: (v: string | null) => v ?? t('consoleAccounts.lockouts.noAccount'),
    },
    { key: 'failures', title: t('consoleAccounts.lockouts.failures'), dataIndex: 'failures' },
    {
      key: 'lockedUntil',
      title: t('consoleAccounts.lockouts.lockedUntil'),
      dataIndex: 'lockedUntil',
      render: (v: string) => formatDateTime(v),
    },
    {
      key: 'actions',
      title: t('consoleAccounts.actions'),
      render: (_, l) => (
        <Popconfirm
          title={t('consoleAccounts.lockouts.confirm', { identifier: l.identifier })}
          okText={t('consoleAccounts.lockouts.unlock')}
          cancelText={t('common.cancel')}
          onConfirm={async () => {
            try {
              await unlock.mutateAsync(l.id);
              void message.success(t('consoleAccounts.lockouts.unlocked', { identifier: l.identifier }));
            } catch (error) {
              void message.error(describeError(error));
            }
          }}
        >
          <Button size="small" icon={<UnlockOutlined />}>
            {t('consoleAccounts.lockouts.unlock')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <div className="sw-workspace-page">
      <PageTitle
        extra={
          <Button
            icon={<ReloadOutlined />}
            onClick={() => void lockouts.refetch()}
            loading={lockouts.isFetching}
          >
            {t('common.refresh')}
          </Button>
        }
      >
        {t('consoleAccounts.lockouts.title')}
      </PageTitle>
      <Alert className="sw-form-alert" type="info" showIcon title={t('consoleAccounts.lockouts.intro')} />
      <Card>
        {lockouts.isError ? (
          <Alert type="error" showIcon title={describeError(lockouts.error)} />
        ) : (
          <Table<LockoutView>
            rowKey="id"
            size="middle"
            loading={lockouts.isPending}
            columns={columns}
            dataSource={lockouts.data ?? []}
            pagination={false}
            locale={{ emptyText: <TableEmpty text={t('consoleAccounts.lockouts.empty')} /> }}
            scroll={{ x: 720 }}
          />
        )}
      </Card>
    </div>
  );
}
