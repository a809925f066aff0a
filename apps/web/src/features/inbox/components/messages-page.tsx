import { INBOX_CATEGORIES, type InboxMessageView } from '@sw/contracts';
import {
  Alert,
  App,
  Badge,
  Button,
  Card,
  Descriptions,
  Modal,
  Radio,
  Select,
  Space,
  Spin,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../../components/page-title';
import { TableEmpty } from '../../../components/table-empty';
import { describeError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import {
  type InboxFilters,
  useInbox,
  useInboxMessage,
  useMarkAllRead,
  useMarkRead,
  useUnreadCount,
} from '../api/inbox';

/** Tag colours; the orange text is darkened to meet WCAG AA on its pale background. */
const CATEGORY_TAGS: Record<string, { color: string; text?: string }> = {
  application: { color: 'blue' },
  reminder: { color: 'orange', text: '#ad4e00' },
  system: { color: 'default' },
};

/** A message's category as a coloured tag; an unknown category shows its code. */
function CategoryTag({ category }: { category: string }) {
  const { t } = useTranslation();
  const tag = CATEGORY_TAGS[category] ?? { color: 'default' };
  return (
    <Tag color={tag.color} style={tag.text ? { color: tag.text } : undefined}>
      {t(`inbox.categories.${category}`, { defaultValue: category })}
    </Tag>
  );
}

/** The whole message; opening it marks it read. */
function MessageDetail({
  id,
  onClose,
  applicationBase,
}: {
  id: string | null;
  onClose: () => void;
  applicationBase: string;
}) {
  const { t } = useTranslation();
  const message = useInboxMessage(id);
  const markRead = useMarkRead();
  const { mutate } = markRead;
  const unreadId = message.data && message.data.readAt === null ? message.data.id : null;

  useEffect(() => {
    if (unreadId) mutate(unreadId);
  }, [unreadId, mutate]);

  const m = message.data;
  return (
    <Modal
      open={id !== null}
      title={m?.title ?? t('inbox.detailTitle')}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose}>
          {t('inbox.close')}
        </Button>
      }
    >
      {message.isError ? (
        <Alert type="error" showIcon title={describeError(message.error)} />
      ) : !m ? (
        <div className="sw-center-text">
          <Spin />
        </div>
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Descriptions
            size="small"
            column={1}
            items={[
              {
                key: 'category',
                label: t('inbox.category'),
                children: <CategoryTag category={m.category} />,
              },
              { key: 'receivedAt', label: t('inbox.receivedAt'), children: formatDateTime(m.createdAt) },
            ]}
          />
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
            {m.body}
          </Typography.Paragraph>
          {m.applicationId ? (
            <Link to={`${applicationBase}/${m.applicationId}`} onClick={onClose}>
              {t('inbox.viewApplication')}
            </Link>
          ) : null}
        </Space>
      )}
    </Modal>
  );
}

/**
 * `/account/messages` (and `/console/messages` for staff) — 我的消息 (seed 000 §4.9): in-site
 * messages, newest first; a title opens the message, which links to its application.
 */
export function MessagesPage({ applicationBase = '/account/applications' }: { applicationBase?: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [filters, setFilters] = useState<InboxFilters>({ unread: false });
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useInbox(filters);
  const unread = useUnreadCount();
  const markAll = useMarkAllRead();
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const unreadCount = unread.data?.count ?? 0;

  const columns: TableColumnsType<InboxMessageView> = [
    {
      key: 'title',
      title: t('inbox.messageTitle'),
      render: (_, m) => (
        <Space orientation="vertical" size={2}>
          <Button
            type="link"
            style={{ padding: 0, height: 'auto', fontWeight: m.readAt ? 400 : 600, whiteSpace: 'normal' }}
            aria-label={t('inbox.open', { title: m.title })}
            onClick={() => setOpenId(m.id)}
          >
            {m.title}
          </Button>
          <span className="sw-muted">{m.body}</span>
        </Space>
      ),
    },
    {
      key: 'category',
      title: t('inbox.category'),
      width: 120,
      render: (_, m) => <CategoryTag category={m.category} />,
    },
    {
      key: 'state',
      title: t('inbox.state'),
      width: 90,
      render: (_, m) =>
        m.readAt ? (
          <span className="sw-muted">{t('inbox.read')}</span>
        ) : (
          <Badge status="processing" text={t('inbox.unread')} />
        ),
    },
    {
      key: 'createdAt',
      title: t('inbox.receivedAt'),
      width: 180,
      render: (_, m) => formatDateTime(m.createdAt),
    },
  ];

  const markAllRead = async () => {
    try {
      const { updated } = await markAll.mutateAsync();
      void message.success(t('inbox.markedAllRead', { count: updated }));
    } catch (error) {
      void message.error(describeError(error));
    }
  };

  return (
    <div className="sw-workspace-page">
      <PageTitle
        extra={
          <Button onClick={() => void markAllRead()} loading={markAll.isPending} disabled={unreadCount === 0}>
            {t('inbox.markAllRead')}
          </Button>
        }
      >
        {t('inbox.title')}
      </PageTitle>
      <Card>
        <Space wrap size="middle">
          <Radio.Group
            optionType="button"
            aria-label={t('inbox.show')}
            value={filters.unread ? 'unread' : 'all'}
            onChange={(e) => setFilters((f) => ({ ...f, unread: e.target.value === 'unread' }))}
            options={[
              { value: 'all', label: t('inbox.filterAll') },
              {
                value: 'unread',
                label: `${t('inbox.filterUnread')}${unreadCount > 0 ? ` (${unreadCount})` : ''}`,
              },
            ]}
          />
          <Select<string>
            aria-label={t('inbox.category')}
            style={{ minWidth: 160 }}
            value={filters.category ?? ''}
            onChange={(category) =>
              setFilters((f) => ({ unread: f.unread, ...(category ? { category } : {}) }))
            }
            options={[
              { value: '', label: t('inbox.allCategories') },
              ...INBOX_CATEGORIES.map((value) => ({ value, label: t(`inbox.categories.${value}`) })),
            ]}
          />
        </Space>
        <div className="sw-block-top">
          {list.isError ? (
            <Alert type="error" showIcon title={describeError(list.error)} />
          ) : (
            <>
              <Table<InboxMessageView>
                rowKey="id"
                size="middle"
                loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
                columns={columns}
                dataSource={rows}
                pagination={false}
                locale={{
                  emptyText: <TableEmpty text={filters.unread ? t('inbox.emptyUnread') : t('inbox.empty')} />,
                }}
                scroll={{ x: 720 }}
              />
              <div className="sw-block-top sw-center-text">
                {list.hasNextPage ? (
                  <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
                    {t('inbox.loadMore')}
                  </Button>
                ) : rows.length > 0 ? (
                  <span className="sw-muted">{t('inbox.shown', { count: rows.length })}</span>
                ) : null}
              </div>
            </>
          )}
        </div>
      </Card>
      <MessageDetail id={openId} onClose={() => setOpenId(null)} applicationBase={applicationBase} />
    </div>
  );
}

/** Staff read their messages (assignments, SLA reminders) in the console, where the links lead. */
export function ConsoleMessagesPage() {
  return <MessagesPage applicationBase="/console/applications" />;
}
