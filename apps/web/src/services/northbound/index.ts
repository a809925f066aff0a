import { defineServiceUi } from '../kit/define-service-ui';
import { AppointmentsPage } from './components/appointments-page';
import { GuidesPage, PoliciesPage } from './components/articles-page';
import { BindPage } from './components/bind-page';
import { CenterPage } from './components/center-page';
import { HomePage } from './components/home-page';
import { ImportPage } from './components/import-page';
import { InsurancePage } from './components/insurance-page';
import { NorthboundLayout } from './components/layout';
import { MessagesPage } from './components/messages-page';
import { DriversPage, ProfilePage } from './components/profile-page';
import { QueryPage } from './components/query-page';
import { RecordSection } from './components/record-section';
import { RegisterPage } from './components/register-page';
import { SlotsPage } from './components/slots-page';
import { DriverTagPage, ServicesPage, VehicleTagPage } from './components/tags-page';
import { VerifyPage } from './components/verify-page';
import './northbound.css';

/** 港车北上 (seed 000): the owner's system under /apps/northbound and the officers' console pages. */
export default defineServiceUi({
  code: 'northbound',
  Layout: NorthboundLayout,
  routes: [
    { path: '', Component: HomePage },
    { path: 'register', Component: RegisterPage },
    { path: 'bind', Component: BindPage },
    { path: 'center', Component: CenterPage },
    { path: 'insurance', Component: InsurancePage },
    { path: 'appointments', Component: AppointmentsPage },
    { path: 'profile', Component: ProfilePage },
    { path: 'drivers', Component: DriversPage },
    { path: 'services', Component: ServicesPage },
    { path: 'services/vehicle-tag', Component: VehicleTagPage },
    { path: 'services/driver-tag', Component: DriverTagPage },
    { path: 'query', Component: QueryPage },
    { path: 'verify/:token', Component: VerifyPage },
    { path: 'messages', Component: MessagesPage },
    { path: 'guides', Component: GuidesPage },
    { path: 'policies', Component: PoliciesPage },
  ],
  consolePages: [
    { path: 'import', Component: ImportPage },
    { path: 'slots', Component: SlotsPage },
  ],
  ConsoleSection: RecordSection,
});
