import { Layout } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePlatformInfo } from '../hooks/use-platform-info';

export function SiteFooter() {
  const { t } = useTranslation();
  const { data } = usePlatformInfo();
  return (
    <Layout.Footer className="sw-footer">
      <p>
        {t('footer.sponsor')}
        <span className="sw-footer__sep" aria-hidden="true">
          |
        </span>
        {t('footer.operator')}
      </p>
      <p>
        {t('footer.license')}
        {data?.version ? (
          <>
            <span className="sw-footer__sep" aria-hidden="true">
              |
            </span>
            {t('footer.version', { version: data.version })}
          </>
        ) : null}
      </p>
      <p>{t('footer.hotline')}</p>
    </Layout.Footer>
  );
}
