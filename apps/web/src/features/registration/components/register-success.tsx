import { Card, Result, Space } from 'antd';
import { type ReactNode, useState } from 'react';
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

/**
 * A registration page: the form until it succeeds, then 注册成功 in the same card frame
 * (under `header`, e.g. the steps bar at 完成).
 */
export function RegistrationFlow({
  header,
  children,
}: {
  header?: ReactNode;
  children: (onRegistered: (username: string) => void) => ReactNode;
}) {
  const [registered, setRegistered] = useState<string | null>(null);
  return (
    <div className="sw-container sw-container--form">
      {registered ? (
        <Card className="sw-form-card">
          {header}
          <RegisterSuccess username={registered} />
        </Card>
      ) : (
        children(setRegistered)
      )}
    </div>
  );
}
