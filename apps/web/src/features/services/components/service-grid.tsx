import { AppstoreOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Empty, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCity } from '../../../hooks/use-hub-prefs';
import { useLocale } from '../../../hooks/use-locale';
import { describeError } from '../../../lib/api-client';
import { localized, useServices } from '../api/get-services';

/**
 * The services for a phone screen, for the hub's city (chosen at its top left, remembered on the
 * device): an icon grid (首页) or a list with descriptions (办事). A service offered only in some
 * cities shows there only.
 */
export function ServiceGrid({
  variant = 'grid',
  category,
  q,
  hideEmpty = false,
}: {
  variant?: 'grid' | 'list';
  /** only this category's services (the hub's 办事 tab) */
  category?: string;
  /** free text */
  q?: string;
  /** no 「暂无」 when nothing matches (the hub lists its own services beside these) */
  hideEmpty?: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [city] = useCity();
  const { data: services, isPending, isError, error } = useServices({ city, category, q });

  let body: React.ReactNode;
  if (isPending) body = <Skeleton active />;
  else if (isError) body = <Alert type="error" showIcon title={describeError(error)} />;
  else if (services.length === 0) body = hideEmpty ? null : <Empty description={t('apps.empty')} />;
  else if (variant === 'list')
    body = (
      <ul className="sw-hub-list">
        {services.map((service) => (
          <li key={service.code}>
            <Link to={service.link} className="sw-hub-list__item">
              <span className="sw-hub-list__text">
                <strong>{localized(service.name, locale)}</strong>
                <span>{localized(service.description, locale)}</span>
                {service.regions.note ? <span>{localized(service.regions.note, locale)}</span> : null}
              </span>
              <RightOutlined aria-hidden="true" />
            </Link>
          </li>
        ))}
      </ul>
    );
  else
    body = (
      <ul className="sw-hub-grid">
        {services.map((service) => (
          <li key={service.code}>
            <Link to={service.link} className="sw-hub-grid__item">
              <span className="sw-hub-grid__icon" aria-hidden="true">
                <AppstoreOutlined />
              </span>
              <span className="sw-hub-grid__name">{localized(service.name, locale)}</span>
            </Link>
          </li>
        ))}
      </ul>
    );

  return body;
}
