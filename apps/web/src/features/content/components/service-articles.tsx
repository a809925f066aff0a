import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePublicArticles } from '../api/content';
import { ArticleTitles } from './latest-articles';

/**
 * The published articles about one service (办事指南 and others linked to it), for the service's
 * guide page; nothing at all when there are none. Composed into that page by the route, since
 * features do not import each other.
 */
export function ServiceArticles({ serviceCode }: { serviceCode: string }) {
  const { t } = useTranslation();
  const articles = usePublicArticles({ service: serviceCode }, 10);
  const items = articles.data?.pages[0]?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Card
      className="sw-block-top"
      title={<h2 className="sw-card-heading">{t('content.portal.relatedTitle')}</h2>}
      data-testid="service-articles"
    >
      <ArticleTitles items={items} />
    </Card>
  );
}
