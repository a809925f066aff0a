import { AppstoreOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Empty, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../../hooks/use-locale';
import { describeError } from '../../../lib/api-client';
import { localized, useServices } from '../api/get-services';

/** The services for a phone screen: an icon grid (首页) or a list with descriptions (办事). */
export function ServiceGrid({ variant = 'grid' }: { variant?: 'grid' | 'list' }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { data: services, isPending, isError, error } = useServices();

  if (isPending) return <Skeleton active />;
  if (isError) return <Alert type="error" showIcon title={describeError(error)} />;
  if (services.length === 0) return <Empty description={t('apps.empty')} />;

  if (variant === 'list') {
    return (
      <ul className="sw-hub-list">
        {services.map((service) => (
          <li key={service.code}>
            <Link to={service.path} className="sw-hub-list__item">
              <span className="sw-hub-list__text">
                <strong>{localized(service.name, locale)}</strong>
                <span>{localized(service.description, locale)}</span>
              </span>
              <RightOutlined aria-hidden="true" />
            </Link>
          </li>
        ))}
      </ul>
    );
  }

  return (
    <ul className="sw-hub-grid">
      {services.map((service) => (
        <li key={service.code}>
          <Link to={service.path} className="sw-hub-grid__item">
            <span className="sw-hub-grid__icon" aria-hidden="true">
              <AppstoreOutlined />
            </span>
            <span className="sw-hub-grid__name">{localized(service.name, locale)}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
