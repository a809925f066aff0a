// Door 4, the citizen hub (`/m/*`): its layout and 首页, the first load of a phone (≤ 200 kB
// gzipped, issue 13 §5); every other page of the hub is in mobile-pages.tsx, and 扫码核验 in
// hub-verify-door.ts. The pages are composed here, at the app level, because the hub shows the
// services feature inside its own pages.
import { HubHomePage } from '../../features/citizen-hub/components/hub-home-page';
import { ServiceGrid } from '../../features/services/components/service-grid';

export { MobileLayout } from '../../components/layouts/mobile-layout';

export function HubHome() {
  return (
    <HubHomePage>
      <ServiceGrid />
    </HubHomePage>
  );
}
