import { Layout } from 'antd';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { SiteFooter } from '../site-footer';
import { AppHeader } from './app-header';
import { SiteNav } from './site-nav';

/** Door 3, the service apps (`/apps`): the portal chrome with the door's name in the banner. */
export function AppsLayout() {
  const { t } = useTranslation();
  return (
    <Layout className="sw-site">
      <AppHeader subtitle={t('apps.title')} nav={<SiteNav />} />
      <Layout.Content id="main" className="sw-site__content">
        <Outlet />
      </Layout.Content>
      <SiteFooter />
    </Layout>
  );
}
