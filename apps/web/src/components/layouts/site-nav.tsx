import { UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { useSession } from '../../hooks/use-session';
import { SignOutButton } from '../sign-out-button';

/** Portal navigation: 首页 / 办事服务, then 登录 / 注册 or the signed-in user. */
export function SiteNav() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  return (
    <nav className="sw-nav" aria-label={t('nav.label')}>
      <NavLink to="/" end className="sw-nav__link">
        {t('nav.home')}
      </NavLink>
      <NavLink to="/apps" className="sw-nav__link">
        {t('nav.services')}
      </NavLink>
      {session ? (
        <>
          <Link
            to="/account"
            className="sw-nav__link sw-nav__user"
            title={t('nav.signedInAs', { username: session.account.username })}
          >
            <UserOutlined aria-hidden="true" /> {session.account.username}
          </Link>
          <NavLink to="/account" className="sw-nav__link">
            {t('nav.accountCentre')}
          </NavLink>
          {session.account.kind === 'staff' ? (
            <NavLink to="/console" className="sw-nav__link">
              {t('console.title')}
            </NavLink>
          ) : null}
          <SignOutButton type="text" className="sw-nav__button" />
        </>
      ) : (
        <>
          <NavLink to="/login" className="sw-nav__link">
            {t('nav.login')}
          </NavLink>
          <NavLink to="/register" className="sw-nav__link">
            {t('nav.register')}
          </NavLink>
        </>
      )}
    </nav>
  );
}
