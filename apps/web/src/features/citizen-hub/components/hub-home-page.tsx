import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** 首页 of the citizen hub: a greeting over the service grid passed in as `children`. */
export function HubHomePage({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <section className="sw-hub-hero">
        <h1>{t('hub.title')}</h1>
        <p>{t('hub.welcome')}</p>
      </section>
      <section className="sw-hub-section" aria-labelledby="hub-services-title">
        <h2 id="hub-services-title">{t('hub.servicesTitle')}</h2>
        {children}
      </section>
    </>
  );
}
