import type { CatalogueItem } from '@sw/contracts';
import { Card, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../../hooks/use-locale';
import { localized } from '../api/get-services';
import { ApplyButton } from './apply-button';

/** One service of the catalogue: name, department, time limit, where it is offered, guide and apply. */
export function ServiceCard({ item }: { item: CatalogueItem }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const name = localized(item.name, locale);
  const regionNote = localized(item.regions.note, locale);
  return (
    <Card className="sw-service-card" data-testid={`service-${item.code}`}>
      <h3 className="sw-service-card__name">
        <Link to={`/apps/${item.code}`}>{name}</Link>
      </h3>
      <Space size={[4, 4]} wrap className="sw-service-card__tags">
        <Tag>{localized(item.categoryName, locale)}</Tag>
        <Tag color="blue">{t(`catalogue.modes.${item.mode}`)}</Tag>
        {regionNote ? <Tag>{regionNote}</Tag> : null}
      </Space>
      <p>{localized(item.description, locale)}</p>
      <dl className="sw-service-card__facts">
        <dt>{t('catalogue.department')}</dt>
        <dd>{localized(item.department, locale)}</dd>
        {item.slaWorkingDays > 0 ? (
          <>
            <dt>{t('catalogue.sections.timeLimit')}</dt>
            <dd>{t('catalogue.sla', { days: item.slaWorkingDays })}</dd>
          </>
        ) : null}
      </dl>
      <Space wrap>
        <ApplyButton item={item} name={name} />
        <Link to={`/apps/${item.code}`} aria-label={`${t('catalogue.guide')} ${name}`}>
          {t('catalogue.guide')}
        </Link>
      </Space>
    </Card>
  );
}
