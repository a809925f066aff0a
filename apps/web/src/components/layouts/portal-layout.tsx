import { Layout } from 'antd';
import { Outlet } from 'react-router';
import { SiteFooter } from '../site-footer';
import { AppHeader } from './app-header';
import { SiteNav } from './site-nav';

/** Door 1, the portal (`/`): banner with navigation, a page column, the footer. */
export function PortalLayout() {
  return (
    <Layout className="sw-site">
      <AppHeader nav={<SiteNav />} />
      <Layout.Content id="main" className="sw-site__content">
        <Outlet />
      </Layout.Content>
      <SiteFooter />
    </Layout>
  );
}
