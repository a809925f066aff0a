// Door 4, the citizen hub (`/m/*`). One lazily loaded chunk. The pages are composed here, at the
// app level, because the hub shows the services feature inside its own pages.
import { HubHomePage } from '../../features/citizen-hub/components/hub-home-page';
import { HubServicesPage } from '../../features/citizen-hub/components/hub-services-page';
import { ServiceGrid } from '../../features/services/components/service-grid';

export { MobileLayout } from '../../components/layouts/mobile-layout';
export { HubMinePage } from '../../features/citizen-hub/components/hub-mine-page';

export function HubHome() {
  return (
    <HubHomePage>
      <ServiceGrid />
    </HubHomePage>
  );
}

export function HubServices() {
  return (
    <HubServicesPage>
      <ServiceGrid variant="list" />
    </HubServicesPage>
  );
}
