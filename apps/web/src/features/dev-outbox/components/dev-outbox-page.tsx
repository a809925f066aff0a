import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Input, Space, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ColumnChooser } from '../../../components/column-chooser';
import { PageTitle } from '../../../components/page-title';
import { describeError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { type OutboxMessage, useOutbox } from '../api/get-outbox';

const ALL_COLUMNS = ['createdAt', 'channel', 'to', 'subject', 'text'] as const;

/** `/dev/outbox` — what the SMS and e-mail simulators caught, newest first. */
export function DevOutboxPage() {
  const { t } = useTranslation();
  const [recipient, setRecipient] = useState('');
  const { data, isFetching, isError, error, refetch } = useOutbox(recipient.trim());
  const [visible, setVisible] = useState<string[]>([...ALL_COLUMNS]);

  const columns: TableColumnsType<OutboxMessage> = [
    {
      key: 'createdAt',
      dataIndex: 'createdAt',
      title: t('outbox.time'),
      width: 180,
      render: (value: string) => formatDateTime(value),
    },
    {
      key: 'channel',
      dataIndex: 'channel',
      title: t('outbox.channel'),
      width: 90,
      filters: [
        { text: t('outbox.sms'), value: 'sms' },
        { text: t('outbox.email'), value: 'email' },
      ],
      onFilter: (value, record) => record.channel === value,
      render: (channel: OutboxMessage['channel']) => (
        <Tag color={channel === 'sms' ? 'blue' : 'purple'}>{t(`outbox.${channel}`)}</Tag>
      ),
    },
    { key: 'to', dataIndex: 'to', title: t('outbox.to'), width: 220 },
    {
      key: 'subject',
      dataIndex: 'subject',
      title: t('outbox.subject'),
      width: 220,
      render: (subject: string | null) => subject ?? t('common.none'),
    },
    {
      key: 'text',
      dataIndex: 'text',
      title: t('outbox.text'),
      render: (text: string) => <div className="sw-outbox-text">{text}</div>,
    },
  ];

  return (
    <div className="sw-container">
      <PageTitle
        extra={
          <Space>
            <ColumnChooser
              columns={columns.map((column) => ({ key: String(column.key), title: String(column.title) }))}
              visible={visible}
              onChange={setVisible}
            />
            <Button icon={<ReloadOutlined />} onClick={() => void refetch()} loading={isFetching}>
              {t('common.refresh')}
            </Button>
          </Space>
        }
      >
        {t('outbox.title')} <Tag className="sw-title-tag">{t('outbox.simulatorTag')}</Tag>
      </PageTitle>
      <Alert className="sw-block" type="info" showIcon title={t('outbox.notice')} />
      {isError ? <Alert className="sw-block" type="error" showIcon title={describeError(error)} /> : null}
      <Card>
        <Input.Search
          className="sw-block"
          aria-label={t('outbox.search')}
          placeholder={t('outbox.searchPlaceholder')}
          allowClear
          enterButton={t('outbox.search')}
          style={{ maxWidth: 560 }}
          onSearch={(value) => setRecipient(value)}
        />
        <Table<OutboxMessage>
          rowKey="id"
          size="middle"
          columns={columns.filter((column) => visible.includes(String(column.key)))}
          dataSource={data ?? []}
          loading={isFetching && !data}
          locale={{
            emptyText: (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={<span className="sw-empty-text">{t('outbox.empty')}</span>}
              />
            ),
          }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 760 }}
        />
      </Card>
    </div>
  );
}
