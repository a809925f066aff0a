import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';

/** Centred spinner for a lazily loaded door or page. */
export function PageLoading() {
  const { t } = useTranslation();
  return (
    <div className="sw-page-loading" role="status">
      <Spin description={t('common.loading')} />
    </div>
  );
}
