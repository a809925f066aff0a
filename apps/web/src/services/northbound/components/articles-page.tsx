import type { PublicArticle, PublicArticlePage } from '@sw/contracts';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, List } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { PageTitle } from '../../../components/page-title';
import { TableEmpty } from '../../../components/table-empty';
import { useLocale } from '../../../hooks/use-locale';
import { apiClient } from '../../../lib/api-client';
import { useMessages } from '../messages';

/** 办事指南 and 政策法规 of 港车北上 (000 §4.10–4.11): the content module's published articles. */
function ArticlesPage({ kind }: { kind: 'guide' | 'policy' }) {
  const t = useMessages();
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const id = params.get('id');
  const title = kind === 'guide' ? t('articles.guides') : t('articles.policies');
  const list = useQuery({
    queryKey: ['content', 'northbound', kind, locale],
    queryFn: () => apiClient.get<PublicArticlePage>(`/api/content?kind=${kind}&service=northbound&limit=50`),
  });
  const one = useQuery({
    queryKey: ['content', 'article', id, locale],
    queryFn: () => apiClient.get<PublicArticle>(`/api/content/${id}`),
    enabled: Boolean(id),
  });
  if (id)
    return (
      <>
        <PageTitle extra={<Button onClick={() => setParams({})}>{t('articles.back')}</Button>}>
          {one.data?.title ?? title}
        </PageTitle>
        <Card className="sw-block" loading={one.isPending}>
          {/* the server renders and sanitises the markdown on save (content/markdown.ts) */}
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by the server */}
          <article lang={one.data?.lang} dangerouslySetInnerHTML={{ __html: one.data?.html ?? '' }} />
        </Card>
      </>
    );
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <Card className="sw-block">
        <List
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: <TableEmpty text={t('articles.empty')} /> }}
          renderItem={(a) => (
            <List.Item>
              <Link to={`?id=${a.id}`} lang={a.lang}>
                {a.title}
              </Link>
              <span className="nb-muted">{a.publishedAt.slice(0, 10)}</span>
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}

export function GuidesPage() {
  return <ArticlesPage kind="guide" />;
}

export function PoliciesPage() {
  return <ArticlesPage kind="policy" />;
}
