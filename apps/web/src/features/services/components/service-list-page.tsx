import { type CatalogueItem, errorMessage, LOCAL_FEATURE_GROUPS, SERVICE_CATEGORIES } from '@sw/contracts';
import { Alert, Card, Col, Empty, Input, Row, Segmented, Select, Skeleton, Space } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageTitle } from '../../../components/page-title';
import { useLocale } from '../../../hooks/use-locale';
import { useSession } from '../../../hooks/use-session';
import { describeError } from '../../../lib/api-client';
import { localized, useServices } from '../api/get-services';
import { ServiceCard } from './service-card';

function Cards({ items }: { items: readonly CatalogueItem[] }) {
  return (
    <Row gutter={[16, 16]}>
      {items.map((item) => (
        <Col key={item.code} xs={24} md={12} lg={8}>
          <ServiceCard item={item} />
        </Col>
      ))}
    </Row>
  );
}

/**
 * 地方特色应用 (seed 002 §2.1.3): the province's own services, grouped (关企互动 …). `#local` opens
 * here from the portal and the account centre; `?group=` picks a group.
 */
function LocalFeatures({ items }: { items: readonly CatalogueItem[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const groups = LOCAL_FEATURE_GROUPS.map((group) => ({
    ...group,
    items: items.filter((item) => item.localFeature?.code === group.code),
  })).filter((group) => group.items.length > 0);
  if (groups.length === 0) return null;
  return (
    <section id="local" aria-labelledby="local-features" className="sw-block-top">
      <h2 id="local-features" className="sw-section-title">
        {t('catalogue.localFeatures')}
      </h2>
      {groups.map((group) => (
        <section key={group.code} aria-labelledby={`group-${group.code}`} className="sw-block">
          <h3 id={`group-${group.code}`} className="sw-subsection-title">
            {localized(group.name, locale)}
          </h3>
          <Cards items={group.items} />
        </section>
      ))}
    </section>
  );
}

/**
 * `/apps` — 办事服务 (issue 10 §4): the listed services by category and 受理部门, with search, and the
 * 地方特色应用 groups. Filters live in the address (`?category=&department=&q=`), so a filtered list
 * can be bookmarked and the back button restores it.
 */
export function ServiceListPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const category = params.get('category') ?? '';
  const department = params.get('department') ?? '';
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const list = useServices({ ...(category ? { category } : {}), ...(q ? { q } : {}) });
  const everything = useServices();
  const { data: session } = useSession();
  const kind = session?.account.kind;
  // seed 004 重要提醒: 管理员账号不可进行业务操作
  const isAdministrator = kind === 'enterprise_admin' || kind === 'institution_admin';

  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  // 受理部门: every department of the catalogue, whatever the other filters
  const departments = useMemo(() => {
    const names = new Map<string, string>();
    for (const item of everything.data ?? []) {
      const name = localized(item.department, locale);
      names.set(item.department['zh-CN'], name);
    }
    return [...names].map(([value, label]) => ({ value, label }));
  }, [everything.data, locale]);

  const items = (list.data ?? []).filter((item) => !department || item.department['zh-CN'] === department);
  const general = items.filter((item) => !item.localFeature);
  const filtered = Boolean(category || department || q);

  let body: React.ReactNode;
  if (list.isPending) body = <Skeleton active />;
  else if (list.isError) body = <Alert type="error" showIcon title={describeError(list.error)} />;
  else if (items.length === 0)
    body = (
      <Card>
        <Empty description={filtered ? t('catalogue.nothing') : t('catalogue.empty')} />
      </Card>
    );
  else
    body = (
      <>
        {general.length > 0 ? <Cards items={general} /> : null}
        <LocalFeatures items={items} />
      </>
    );

  return (
    <div className="sw-container">
      <PageTitle>{t('catalogue.title')}</PageTitle>
      <p className="sw-lead">{t('catalogue.subtitle')}</p>
      {isAdministrator ? (
        <Alert
          className="sw-form-alert"
          type="warning"
          showIcon
          title={errorMessage('account.admin_no_business', locale)}
        />
      ) : null}
      <Card className="sw-block">
        <Space orientation="vertical" size="middle" className="sw-stack">
          <Input.Search
            aria-label={t('catalogue.search')}
            placeholder={t('catalogue.searchPlaceholder')}
            value={text}
            maxLength={40}
            allowClear
            enterButton={t('catalogue.search')}
            onChange={(event) => {
              setText(event.target.value);
              if (!event.target.value) setParam('q', '');
            }}
            onSearch={(value) => setParam('q', value.trim())}
          />
          <div className="sw-filter-row">
            <Segmented
              aria-label={t('catalogue.allCategories')}
              value={category}
              onChange={(value) => setParam('category', String(value))}
              options={[
                { value: '', label: t('catalogue.allCategories') },
                ...SERVICE_CATEGORIES.map((c) => ({ value: c.code, label: localized(c.name, locale) })),
              ]}
            />
            <Select
              aria-label={t('catalogue.department')}
              className="sw-filter-select"
              value={department}
              onChange={(value) => setParam('department', value)}
              options={[{ value: '', label: t('catalogue.allDepartments') }, ...departments]}
            />
          </div>
        </Space>
      </Card>
      {body}
    </div>
  );
}
