import type { ContentKind, PublicArticleSummary } from '@sw/contracts';
import { Alert, Col, Row, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Panel } from '../../../components/panel';
import { describeError } from '../../../lib/api-client';
import { formatChinaDate } from '../../../lib/format';
import { usePublicArticles } from '../api/content';
import '../content.css';

/** Where each section's list lives on the portal. */
export const SECTION_PATHS = { notice: '/notices', policy: '/policies' } as const;
type PortalKind = keyof typeof SECTION_PATHS;

/** Titles and dates of articles, each linking to its page. */
export function ArticleTitles({ items }: { items: PublicArticleSummary[] }) {
  return (
    <ul className="sw-news-list">
      {items.map((a) => (
        <li key={a.id}>
          <Link to={`/articles/${a.id}`} lang={a.lang} title={a.title}>
            {a.title}
          </Link>
          <time dateTime={a.publishedAt}>{formatChinaDate(a.publishedAt)}</time>
        </li>
      ))}
    </ul>
  );
}

function LatestOf({ kind }: { kind: PortalKind }) {
  const { t } = useTranslation();
  const articles = usePublicArticles({ kind }, 5);
  const items = articles.data?.pages[0]?.items ?? [];
  const name = t(`content.kinds.${kind as ContentKind}`);
  return (
    <Panel
      title={
        <h2 className="sw-card-heading" id={`latest-${kind}`}>
          {name}
        </h2>
      }
      extra={
        <Link to={SECTION_PATHS[kind]} aria-label={t('content.portal.moreOf', { kind: name })}>
          {t('content.portal.more')}
        </Link>
      }
      data-testid={`latest-${kind}`}
    >
      {articles.isPending ? (
        <Skeleton active paragraph={{ rows: 4 }} title={false} />
      ) : articles.isError ? (
        <Alert type="warning" showIcon title={describeError(articles.error)} />
      ) : items.length === 0 ? (
        <p className="sw-content-muted">{t('content.portal.empty', { kind: name })}</p>
      ) : (
        <ArticleTitles items={items} />
      )}
    </Panel>
  );
}

/** The portal home's news: the latest 5 通知公告 and 5 政策法规, side by side. */
export function LatestArticles() {
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <LatestOf kind="notice" />
      </Col>
      <Col xs={24} lg={12}>
        <LatestOf kind="policy" />
      </Col>
    </Row>
  );
}
