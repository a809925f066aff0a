import { AppstoreOutlined, EnvironmentOutlined, HomeOutlined, UserOutlined } from '@ant-design/icons';
import { GUANGDONG_CITIES } from '@sw/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Drawer } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { useCity, useElderMode } from '../../hooks/use-hub-prefs';
import { useLocale } from '../../hooks/use-locale';
import { SESSION_QUERY_KEY } from '../../hooks/use-session';
import { clearSessionReplaced, onSessionReplaced, wasSessionReplaced } from '../../lib/session-ended';
import { LanguageSwitch } from '../language-switch';
import { SimulatorBanner } from '../simulator-banner';

/** 「左上角的地市」: the hub's city, a drawer of the 21 cities of Guangdong, remembered. */
function CitySwitch() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [city, setCity] = useCity();
  const [open, setOpen] = useState(false);
  const current = GUANGDONG_CITIES.find((c) => c.code === city) ?? GUANGDONG_CITIES[0];
  return (
    <>
      <button
        type="button"
        className="sw-mobile__city"
        aria-label={t('hub.cityCurrent', { city: current.name[locale] })}
        onClick={() => setOpen(true)}
      >
        <EnvironmentOutlined aria-hidden="true" />
        <span>{current.name[locale]}</span>
      </button>
      <Drawer
        open={open}
        placement="top"
        size="auto"
        title={t('hub.cityChoose')}
        onClose={() => setOpen(false)}
        className="sw-city-drawer"
      >
        <ul className="sw-city-grid">
          {GUANGDONG_CITIES.map((c) => (
            <li key={c.code}>
              <Button
                block
                type={c.code === city ? 'primary' : 'default'}
                aria-pressed={c.code === city}
                onClick={() => {
                  setCity(c.code);
                  setOpen(false);
                }}
              >
                {c.name[locale]}
              </Button>
            </li>
          ))}
        </ul>
      </Drawer>
    </>
  );
}

/** Whether the browser is online, following its events (the offline shell says so). */
function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}

/** Installable: the hub's manifest, and a service worker that keeps its shell for offline use. */
function useInstallable() {
  useEffect(() => {
    if (!document.querySelector('link[rel="manifest"]')) {
      const link = document.createElement('link');
      link.rel = 'manifest';
      link.href = '/manifest.webmanifest';
      document.head.appendChild(link);
    }
    if ('serviceWorker' in navigator && window.isSecureContext)
      navigator.serviceWorker.register('/sw.js', { scope: '/m' }).catch(() => {
        // not installable here (a private window, a blocked worker): the hub works all the same
      });
  }, []);
}

/** The old phone learns why it was signed out: another phone signed in (one at a time). */
function SessionReplacedNotice() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [shown, setShown] = useState(wasSessionReplaced);
  useEffect(
    () =>
      onSessionReplaced(() => {
        setShown(true);
        queryClient.setQueryData(SESSION_QUERY_KEY, null);
      }),
    [queryClient],
  );
  if (!shown) return null;
  return (
    <Alert
      className="sw-mobile__notice"
      type="warning"
      showIcon
      role="alert"
      title={t('hub.replaced')}
      closable={{
        'aria-label': t('common.close'),
        onClose: () => {
          clearSessionReplaced();
          setShown(false);
        },
      }}
    />
  );
}

/** Door 4, the citizen hub (`/m`): a phone-width column with a top bar and a bottom tab bar. */
export function MobileLayout() {
  const { t } = useTranslation();
  const [elder] = useElderMode();
  const online = useOnline();
  useInstallable();
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
    <div className={elder ? 'sw-mobile sw-mobile--elder' : 'sw-mobile'}>
      <header className="sw-mobile__top">
        <SimulatorBanner />
        <div className="sw-mobile__bar">
          <CitySwitch />
          <NavLink to="/m" className="sw-mobile__brand">
            {t('hub.title')}
          </NavLink>
          <LanguageSwitch />
        </div>
        {online ? null : (
          <Alert className="sw-mobile__notice" type="error" showIcon role="alert" title={t('hub.offline')} />
        )}
        <SessionReplacedNotice />
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
