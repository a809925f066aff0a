import { Result, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '../../../components/link-button';

/** 注册成功: shows the new username with 登录系统 / 返回首页. */
export function RegisterSuccess({ username }: { username: string }) {
  const { t } = useTranslation();
  return (
    <Result
      status="success"
      title={<h1 className="sw-result-title">{t('registerSuccess.title')}</h1>}
      subTitle={<span data-testid="registered-username">{t('registerSuccess.subtitle', { username })}</span>}
      extra={
        <Space wrap>
          <LinkButton type="primary" to="/login">
            {t('registerSuccess.login')}
          </LinkButton>
          <LinkButton to="/">{t('registerSuccess.home')}</LinkButton>
        </Space>
      }
    />
  );
}
