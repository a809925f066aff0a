// Door 3, the service apps (`/apps/*`). One lazily loaded chunk. The guide page is composed here, at
// the app level, because it shows the content feature's articles inside the services feature's page.
import { Outlet, useLocation, useParams } from 'react-router';
import { AppsLayout as PortalAppsLayout } from '../../components/layouts/apps-layout';
import { ServiceArticles } from '../../features/content/components/service-articles';
import { ServiceGuidePage } from '../../features/services/components/service-guide-page';
import { serviceManifest } from '../../services/registry';
import { ServiceUiRoute } from '../../services/service-route';

export { ServiceListPage } from '../../features/services/components/service-list-page';
export { ServiceUiRoute };

/** A service that is a system of its own (manifest `ownLayout`) brings its chrome; others get the portal's. */
function ownsLayout(code: string | undefined) {
  return Boolean(code && serviceManifest(code)?.ownLayout);
}

export function AppsLayout() {
  // a layout route does not see its children's params: the service is the path's second segment
  const service = useLocation().pathname.split('/')[2];
  return ownsLayout(service) ? <Outlet /> : <PortalAppsLayout />;
}

/** `/apps/<code>`: the generic 办事指南, or the front door of a service with its own layout. */
export function ServiceGuide() {
  const { service } = useParams();
  if (ownsLayout(service)) return <ServiceUiRoute />;
  return <ServiceGuidePage related={(code) => <ServiceArticles serviceCode={code} />} />;
}
