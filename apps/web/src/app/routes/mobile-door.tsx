// Door 4, the citizen hub (`/m/*`). One lazily loaded chunk (扫码核验 is one of its own: it brings the
// QR decoder and the code's CBOR). The pages are composed here, at the app level, because the hub
// shows the services feature inside its own pages.
import { HubHomePage } from '../../features/citizen-hub/components/hub-home-page';
import { HubServicesPage } from '../../features/citizen-hub/components/hub-services-page';
import { ServiceGrid } from '../../features/services/components/service-grid';

export { MobileLayout } from '../../components/layouts/mobile-layout';
export { AppointmentPage } from '../../features/citizen-hub/components/appointment-page';
export { FeedbackPage } from '../../features/citizen-hub/components/feedback-page';
export { HubMinePage } from '../../features/citizen-hub/components/hub-mine-page';
export { HubSecurityPage } from '../../features/citizen-hub/components/hub-security-page';
export { HubSignInPage } from '../../features/citizen-hub/components/hub-sign-in-page';
export { LicenceAddPage } from '../../features/citizen-hub/components/licence-add-page';
export { LicencePage } from '../../features/citizen-hub/components/licence-page';
export { LicenceWalletPage } from '../../features/citizen-hub/components/licence-wallet-page';
export { MyAppointmentsPage } from '../../features/citizen-hub/components/my-appointments-page';
export { ProgressPage } from '../../features/citizen-hub/components/progress-page';

export function HubHome() {
  return (
    <HubHomePage>
      <ServiceGrid picker={false} />
    </HubHomePage>
  );
}

export function HubServices() {
  return (
    <HubServicesPage
      platformServices={(filters) => <ServiceGrid variant="list" picker={false} hideEmpty {...filters} />}
    />
  );
}
