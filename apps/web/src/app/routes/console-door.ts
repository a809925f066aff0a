// Door 5, the staff console (`/console/*`). One lazily loaded chunk.
export { ConsoleLayout } from '../../components/layouts/console-layout';
export { CardAdminPage } from '../../features/card-admin/components/card-admin-page';
export { ApplicationDetailPage as ConsoleApplicationPage } from '../../features/casework-console/components/application-detail-page';
export { CalendarPage } from '../../features/casework-console/components/calendar-page';
export { DashboardPage } from '../../features/casework-console/components/dashboard-page';
export { QueuePage } from '../../features/casework-console/components/queue-page';
export { SettingsPage } from '../../features/casework-console/components/settings-page';
export { StaffPage } from '../../features/casework-console/components/staff-page';
export { AccountsPage } from '../../features/console/components/accounts-page';
export { ConsoleOverviewPage } from '../../features/console/components/console-overview-page';
export { DepartmentUsersPage } from '../../features/console/components/department-users-page';
export { LockoutsPage } from '../../features/console/components/lockouts-page';
export { SignInLogPage } from '../../features/console/components/sign-in-log-page';
export { SeatPage } from '../../features/consultations/components/seat-page';
export { ContentConsolePage } from '../../features/content/components/content-console-page';
export { ConsoleMessagesPage } from '../../features/inbox/components/messages-page';
export { ServiceConsoleRoute } from '../../services/service-route';
