import { AppstoreOutlined } from '@ant-design/icons';
import { type CatalogueItem, LOCAL_FEATURE_GROUPS } from '@sw/contracts';
import { Alert, Col, Empty, Row, Skeleton, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../../components/page-title';
import { Panel } from '../../../components/panel';
import { useLocale } from '../../../hooks/use-locale';
import { describeError } from '../../../lib/api-client';
import { localized, useServices } from '../api/get-services';
import { ApplyButton } from './apply-button';

function Tile({ item }: { item: CatalogueItem }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const name = localized(item.name, locale);
  return (
    <Panel className="sw-local-tile" size="small">
      <div className="sw-local-tile__head">
        <span className="sw-local-tile__icon" aria-hidden="true">
          <AppstoreOutlined />
        </span>
        <h4 className="sw-local-tile__name">{name}</h4>
      </div>
      <p className="sw-muted">{localized(item.description, locale)}</p>
      <Space wrap>
        <ApplyButton item={item} name={name} />
        <Link to={`/apps/${item.code}`} aria-label={`${t('catalogue.guide')} ${name}`}>
          {t('catalogue.guide')}
        </Link>
      </Space>
    </Panel>
  );
}

/**
 * 地方特色应用 (seed 002 §2.1.3): the province's own services in their groups (关企互动 …), each
 * entered with the same checks as 「在线办理」. Used on the portal and in the account centre.
 */
export function LocalFeatures({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const services = useServices();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const Sub = headingLevel === 2 ? 'h3' : 'h4';
  if (services.isPending) return <Skeleton active />;
  if (services.isError) return <Alert type="error" showIcon title={describeError(services.error)} />;
  const groups = LOCAL_FEATURE_GROUPS.map((group) => ({
    ...group,
    items: services.data.filter((item) => item.localFeature?.code === group.code),
  })).filter((group) => group.items.length > 0);
  return (
    <section aria-labelledby="local-features-title" className="sw-local-features">
      <Heading
        id="local-features-title"
        className={headingLevel === 2 ? 'sw-section-title' : 'sw-visually-hidden'}
      >
        {t('catalogue.localFeatures')}
      </Heading>
      {groups.length === 0 ? <Empty description={t('catalogue.empty')} /> : null}
      {groups.map((group) => (
        <section key={group.code} aria-labelledby={`local-${group.code}`} className="sw-block">
          <Sub id={`local-${group.code}`} className="sw-subsection-title">
            {localized(group.name, locale)}
          </Sub>
          <Row gutter={[16, 16]}>
            {group.items.map((item) => (
              <Col key={item.code} xs={24} md={12} lg={8}>
                <Tile item={item} />
              </Col>
            ))}
          </Row>
        </section>
      ))}
    </section>
  );
}

/** `/account/local-apps` — 地方特色应用 in the account centre, reached after single-window sign-in. */
export function LocalFeaturesPage() {
  const { t } = useTranslation();
  return (
    <div className="sw-workspace-page">
      <PageTitle>{t('catalogue.localFeatures')}</PageTitle>
      <LocalFeatures headingLevel={3} />
    </div>
  );
}
