import { AppstoreOutlined, HomeOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { BrandMark } from '../brand';
import { LanguageSwitch } from '../language-switch';
import { SimulatorBanner } from '../simulator-banner';

/** Door 4, the citizen hub (`/m`): a phone-width column with a top bar and a bottom tab bar. */
export function MobileLayout() {
  const { t } = useTranslation();
  const tabs = [
    { to: '/m', end: true, label: t('hub.home'), icon: <HomeOutlined aria-hidden="true" /> },
    {
      to: '/m/services',
      end: false,
      label: t('hub.services'),
      icon: <AppstoreOutlined aria-hidden="true" />,
    },
    { to: '/m/me', end: false, label: t('hub.me'), icon: <UserOutlined aria-hidden="true" /> },
  ];
  return (
    <div className="sw-mobile">
      <header className="sw-mobile__top">
        <SimulatorBanner />
        <div className="sw-mobile__bar">
          <NavLink to="/m" className="sw-mobile__brand">
            <BrandMark size={28} />
            <span>
              {t('common.appName')} · {t('hub.title')}
            </span>
          </NavLink>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" className="sw-mobile__content">
        <Outlet />
      </main>
      <nav className="sw-mobile__tabs" aria-label={t('hub.tabs')}>
        {tabs.map((tab) => (
          <NavLink key={tab.to} to={tab.to} end={tab.end} className="sw-mobile__tab">
            {tab.icon}
            <span>{tab.label}</span>
          </NavLink>
        ))}
      </nav>
    </div>
  );
}
