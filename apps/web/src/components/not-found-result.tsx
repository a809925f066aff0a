import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { LinkButton } from './link-button';

export function NotFoundResult({ homePath = '/' }: { homePath?: string }) {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={<h1 className="sw-result-title">{t('common.notFoundTitle')}</h1>}
      subTitle={t('common.notFoundSubtitle')}
      extra={
        <LinkButton type="primary" to={homePath}>
          {t('common.backHome')}
        </LinkButton>
      }
    />
  );
}
