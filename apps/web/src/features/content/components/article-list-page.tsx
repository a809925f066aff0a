import type { ContentKind } from '@sw/contracts';
import { Alert, Card, List, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadMore } from '../../../components/load-more';
import { PageTitle } from '../../../components/page-title';
import { describeError } from '../../../lib/api-client';
import { formatChinaDate } from '../../../lib/format';
import { usePublicArticles } from '../api/content';
import '../content.css';

/** A section's published articles on the portal, newest first, 20 at a time. */
function ArticleListPage({ kind }: { kind: ContentKind }) {
  const { t } = useTranslation();
  const articles = usePublicArticles({ kind }, 20);
  const items = articles.data?.pages.flatMap((p) => p.items) ?? [];
  const name = t(`content.kinds.${kind}`);
  return (
    <div className="sw-container">
      <PageTitle>{name}</PageTitle>
      <Card>
        {articles.isPending ? (
          <Skeleton active />
        ) : articles.isError ? (
          <Alert type="error" showIcon title={describeError(articles.error)} />
        ) : items.length === 0 ? (
          <p className="sw-content-muted">{t('content.portal.empty', { kind: name })}</p>
        ) : (
          <>
            <List
              itemLayout="vertical"
              dataSource={items}
              renderItem={(a) => (
                <List.Item key={a.id} className="sw-article-list__item">
                  <h2 lang={a.lang}>
                    <Link to={`/articles/${a.id}`}>{a.title}</Link>
                  </h2>
                  {a.summary ? <p lang={a.lang}>{a.summary}</p> : null}
                  <time className="sw-content-muted" dateTime={a.publishedAt}>
                    {t('content.portal.publishedAt', { date: formatChinaDate(a.publishedAt) })}
                  </time>
                </List.Item>
              )}
            />
            <LoadMore
              hasMore={articles.hasNextPage}
              loading={articles.isFetchingNextPage}
              onLoad={() => void articles.fetchNextPage()}
              count={items.length}
            />
          </>
        )}
      </Card>
    </div>
  );
}

/** `/notices` — 通知公告. */
export function NoticesPage() {
  return <ArticleListPage kind="notice" />;
}

/** `/policies` — 政策法规. */
export function PoliciesPage() {
  return <ArticleListPage kind="policy" />;
}
