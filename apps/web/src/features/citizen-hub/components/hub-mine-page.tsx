import { UserOutlined } from '@ant-design/icons';
import { Avatar, Descriptions, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '../../../components/link-button';
import { SignOutButton } from '../../../components/sign-out-button';
import { useSession } from '../../../hooks/use-session';

/** 我的: the signed-in account (name, masked mobile) or a 登录 button that comes back here. */
export function HubMinePage() {
  const { t } = useTranslation();
  const { data: session, isPending } = useSession();
  if (isPending) return <Skeleton active avatar />;
  if (!session) {
    return (
      <section className="sw-hub-section sw-hub-me">
        <Avatar size={64} icon={<UserOutlined />} className="sw-hub-me__avatar" />
        <h1>{t('hub.notSignedIn')}</h1>
        <p>{t('hub.notSignedInHint')}</p>
        <LinkButton type="primary" size="large" block to="/login?next=/m">
          {t('hub.signIn')}
        </LinkButton>
      </section>
    );
  }
  const { account } = session;
  return (
    <section className="sw-hub-section sw-hub-me">
      <Avatar size={64} icon={<UserOutlined />} className="sw-hub-me__avatar" />
      <h1>{account.name || account.username}</h1>
      <Descriptions
        column={1}
        bordered
        size="small"
        items={[
          { key: 'name', label: t('hub.name'), children: account.name || t('common.none') },
          { key: 'mobile', label: t('hub.mobile'), children: account.mobileMasked ?? t('common.none') },
          { key: 'account', label: t('hub.account'), children: account.username },
        ]}
      />
      <SignOutButton block size="large" to="/m" label={t('hub.signOut')} className="sw-hub-me__signout" />
    </section>
  );
}
