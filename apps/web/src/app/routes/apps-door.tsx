// Door 3, the service apps (`/apps/*`). One lazily loaded chunk. The guide page is composed here, at
// the app level, because it shows the content feature's articles inside the services feature's page.
import { ServiceArticles } from '../../features/content/components/service-articles';
import { ServiceGuidePage } from '../../features/services/components/service-guide-page';

export { AppsLayout } from '../../components/layouts/apps-layout';
export { ServiceListPage } from '../../features/services/components/service-list-page';
export { ServiceUiRoute } from '../../services/service-route';

export function ServiceGuide() {
  return <ServiceGuidePage related={(code) => <ServiceArticles serviceCode={code} />} />;
}
