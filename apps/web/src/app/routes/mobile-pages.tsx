// The citizen hub's pages beyond 首页 (a chunk of their own: forms, licences, bookings, feedback).
import { HubServicesPage } from '../../features/citizen-hub/components/hub-services-page';
import { ServiceGrid } from '../../features/services/components/service-grid';

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

export function HubServices() {
  return (
    <HubServicesPage platformServices={(filters) => <ServiceGrid variant="list" hideEmpty {...filters} />} />
  );
}
