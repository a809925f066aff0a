import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** 办事 of the citizen hub: every service as a list (passed in as `children`). */
export function HubServicesPage({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section className="sw-hub-section">
      <h1>{t('hub.servicesTitle')}</h1>
      {children}
    </section>
  );
}
