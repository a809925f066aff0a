// Door 5, the staff console (`/console/*`). One lazily loaded chunk.
export { ConsoleLayout } from '../../components/layouts/console-layout';
export { CardAdminPage } from '../../features/card-admin/components/card-admin-page';
export { AccountsPage } from '../../features/console/components/accounts-page';
export { ConsoleOverviewPage } from '../../features/console/components/console-overview-page';
export { DepartmentUsersPage } from '../../features/console/components/department-users-page';
export { LockoutsPage } from '../../features/console/components/lockouts-page';
export { SignInLogPage } from '../../features/console/components/sign-in-log-page';
