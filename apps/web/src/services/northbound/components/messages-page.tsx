import type { InboxMessageView, InboxPage } from '@sw/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, List } from 'antd';
import { useEffect } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PageTitle } from '../../../components/page-title';
import { TableEmpty } from '../../../components/table-empty';
import { apiClient } from '../../../lib/api-client';
import { useMessages } from '../messages';

/** `/apps/northbound/messages` — 我的消息 (000 §4.9): the 站内信 list; a title opens the message. */
export function MessagesPage() {
  const t = useMessages();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const id = params.get('id');
  const list = useQuery({
    queryKey: ['inbox', 'northbound'],
    queryFn: () => apiClient.get<InboxPage>('/api/inbox?limit=50'),
  });
  const one = useQuery({
    queryKey: ['inbox', 'message', id],
    queryFn: () => apiClient.get<InboxMessageView>(`/api/inbox/${id}`),
    enabled: Boolean(id),
  });
  useEffect(() => {
    if (id && one.data && !one.data.readAt)
      void apiClient
        .post(`/api/inbox/${id}/read`)
        .then(() => queryClient.invalidateQueries({ queryKey: ['inbox'] }));
  }, [id, one.data, queryClient]);
  if (id)
    return (
      <>
        <PageTitle extra={<Button onClick={() => setParams({})}>{t('messages.back')}</Button>}>
          {one.data?.title ?? t('messages.title')}
        </PageTitle>
        <Card className="sw-block" loading={one.isPending}>
          <p className="nb-muted">{one.data?.createdAt.replace('T', ' ').slice(0, 16)}</p>
          <p className="nb-pre">{one.data?.body}</p>
        </Card>
      </>
    );
  return (
    <>
      <PageTitle>{t('messages.title')}</PageTitle>
      <Card className="sw-block">
        <List
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: <TableEmpty text={t('messages.empty')} /> }}
          renderItem={(m) => (
            <List.Item>
              <Link to={`?id=${m.id}`} className={m.readAt ? undefined : 'nb-unread'}>
                {m.title}
              </Link>
              <span className="nb-muted">{m.createdAt.slice(0, 10)}</span>
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}
