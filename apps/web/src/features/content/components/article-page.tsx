import { Alert, Breadcrumb, Result, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LinkButton } from '../../../components/link-button';
import { useLocale } from '../../../hooks/use-locale';
import { describeError, isApiError } from '../../../lib/api-client';
import { formatChinaDate } from '../../../lib/format';
import { usePublicArticle } from '../api/content';
import { ArticleHtml } from './article-html';
import { SECTION_PATHS } from './latest-articles';
import '../content.css';

/** `/articles/:id` — one published article: title, date and the body the server sanitised. */
export function ArticlePage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { id } = useParams();
  const article = usePublicArticle(id);

  if (article.isPending) {
    return (
      <div className="sw-container">
        <Skeleton active />
      </div>
    );
  }
  if (article.isError) {
    const missing =
      isApiError(article.error) && (article.error.status === 404 || article.error.status === 400);
    return (
      <div className="sw-container">
        {missing ? (
          <Result
            status="404"
            title={<h1 className="sw-result-title">{t('content.portal.notFoundTitle')}</h1>}
            subTitle={t('content.portal.notFoundText')}
            extra={
              <LinkButton type="primary" to="/">
                {t('common.backHome')}
              </LinkButton>
            }
          />
        ) : (
          <Alert type="error" showIcon title={describeError(article.error)} />
        )}
      </div>
    );
  }

  const a = article.data;
  const section =
    a.kind === 'guide' || a.kind === 'faq'
      ? null
      : { path: SECTION_PATHS[a.kind], name: t(`content.kinds.${a.kind}`) };
  return (
    <div className="sw-container">
      <Breadcrumb
        className="sw-block"
        items={[
          { key: 'home', title: <Link to="/">{t('nav.home')}</Link> },
          ...(section ? [{ key: 'section', title: <Link to={section.path}>{section.name}</Link> }] : []),
        ]}
      />
      <article className="sw-article" lang={a.lang}>
        <h1 className="sw-article__title">{a.title}</h1>
        <p className="sw-article__meta" lang={locale}>
          <time dateTime={a.publishedAt}>
            {t('content.portal.publishedAt', { date: formatChinaDate(a.publishedAt) })}
          </time>
        </p>
        {a.lang !== locale ? (
          <Alert
            className="sw-block"
            type="info"
            showIcon
            title={<span lang={locale}>{t('content.portal.fallbackNote')}</span>}
          />
        ) : null}
        <ArticleHtml html={a.html} lang={a.lang} />
      </article>
    </div>
  );
}
