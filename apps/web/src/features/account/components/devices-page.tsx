import type { DeviceSession } from '@sw/contracts';
import { Alert, App, Button, Card, Popconfirm, Space, Table, type TableColumnsType, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../../components/page-title';
import { describeError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { useDevices, useSignOutDevice, useSignOutOtherDevices } from '../api/devices';

/** `/account/devices` — 我的登录设备 (seed 004 §3.8): where this account is signed in; sign out one or all others. */
export function DevicesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const devices = useDevices();
  const signOutOne = useSignOutDevice();
  const signOutOthers = useSignOutOtherDevices();
  const others = (devices.data ?? []).filter((d) => !d.current).length;

  const columns: TableColumnsType<DeviceSession> = [
    {
      key: 'device',
      title: t('devices.device'),
      render: (_, d) => (
        <Space>
          {d.device}
          {d.current ? <Tag color="blue">{t('devices.current')}</Tag> : null}
        </Space>
      ),
    },
    { key: 'ip', title: t('devices.ip'), dataIndex: 'ip', render: (ip: string | null) => ip ?? '—' },
    {
      key: 'method',
      title: t('devices.method'),
      dataIndex: 'method',
      render: (m: string) => t(`devices.methods.${m}`, m),
    },
    {
      key: 'createdAt',
      title: t('devices.signedInAt'),
      dataIndex: 'createdAt',
      render: (v: string) => formatDateTime(v),
    },
    {
      key: 'lastSeenAt',
      title: t('devices.lastSeenAt'),
      dataIndex: 'lastSeenAt',
      render: (v: string) => formatDateTime(v),
    },
    {
      key: 'actions',
      title: t('devices.actions'),
      render: (_, d) =>
        d.current ? null : (
          <Popconfirm
            title={t('devices.confirmOne')}
            okText={t('devices.signOut')}
            cancelText={t('common.cancel')}
            onConfirm={async () => {
              try {
                await signOutOne.mutateAsync(d.id);
                void message.success(t('devices.signedOutOne'));
              } catch (error) {
                void message.error(describeError(error));
              }
            }}
          >
            <Button size="small" danger>
              {t('devices.signOut')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <div className="sw-workspace-page">
      <PageTitle>{t('devices.title')}</PageTitle>
      <Card
        extra={
          <Popconfirm
            title={t('devices.confirmOthers')}
            okText={t('devices.signOutOthers')}
            cancelText={t('common.cancel')}
            disabled={others === 0}
            onConfirm={async () => {
              try {
                const { signedOut } = await signOutOthers.mutateAsync();
                void message.success(t('devices.signedOutOthers', { count: signedOut }));
              } catch (error) {
                void message.error(describeError(error));
              }
            }}
          >
            <Button danger disabled={others === 0}>
              {t('devices.signOutOthers')}
            </Button>
          </Popconfirm>
        }
      >
        {devices.isError ? (
          <Alert type="error" showIcon title={describeError(devices.error)} />
        ) : (
          <Table<DeviceSession>
            rowKey="id"
            size="middle"
            loading={devices.isPending}
            columns={columns}
            dataSource={devices.data ?? []}
            pagination={false}
            scroll={{ x: 720 }}
          />
        )}
      </Card>
    </div>
  );
}
