import { type ComponentType, Suspense } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import { NotFoundResult } from '../../components/not-found-result';
import { PageLoading } from '../../components/page-loading';
import { WorkspaceIndex } from '../../components/workspace/workspace-index';
import { lazyNamed } from './lazy-named';

// One chunk per front door (see the *-door modules); the portal's pages beyond the front page are
// a chunk of their own.
const portal = () => import('./portal-door');
const portalPages = () => import('./portal-pages');
const account = () => import('./account-door');
const apps = () => import('./apps-door');
const mobile = () => import('./mobile-door');
const mobilePages = () => import('./mobile-pages');
const hubVerify = () => import('./hub-verify-door');
const consoleDoor = () => import('./console-door');

const PortalLayout = lazyNamed(portal, 'PortalLayout');
const HomePage = lazyNamed(portal, 'HomeRoute');
const NoticesPage = lazyNamed(portalPages, 'NoticesPage');
const PoliciesPage = lazyNamed(portalPages, 'PoliciesPage');
const ArticlePage = lazyNamed(portalPages, 'ArticlePage');
const LoginPage = lazyNamed(portalPages, 'LoginPage');
const RegisterChoicePage = lazyNamed(portalPages, 'RegisterChoicePage');
const RegisterIndividualPage = lazyNamed(portalPages, 'RegisterIndividualPage');
const RegisterOverseasPage = lazyNamed(portalPages, 'RegisterOverseasPage');
const RegisterEnterpriseRoute = lazyNamed(portalPages, 'RegisterEnterpriseRoute');
const LegacyCorrectionLink = lazyNamed(portalPages, 'LegacyCorrectionLink');
const RegisterInstitutionPage = lazyNamed(portalPages, 'RegisterInstitutionRoute');
const DevOutboxPage = lazyNamed(portalPages, 'DevOutboxPage');
const FirstSignInPage = lazyNamed(portalPages, 'FirstSignInPage');
const RecoverEmailPage = lazyNamed(portalPages, 'RecoverEmailPage');
const ForgotPasswordPage = lazyNamed(portalPages, 'ForgotPasswordPage');
const ForgotUsernamePage = lazyNamed(portalPages, 'ForgotUsernamePage');

const AccountLayout = lazyNamed(account, 'AccountLayout');
const AccountInfoPage = lazyNamed(account, 'AccountInfoPage');
const DevicesPage = lazyNamed(account, 'DevicesPage');
const PasskeysPage = lazyNamed(account, 'PasskeysPage');
const RealNamePage = lazyNamed(account, 'RealNamePage');
const QualificationsPage = lazyNamed(account, 'QualificationsPage');
const OperatorsPage = lazyNamed(account, 'OperatorsPage');
const MyCardsPage = lazyNamed(account, 'MyCardsPage');
const MessagesPage = lazyNamed(account, 'MessagesPage');
const MyApplicationsPage = lazyNamed(account, 'MyApplicationsPage');
const LocalFeaturesPage = lazyNamed(account, 'LocalFeaturesPage');
const ApplicationDetailPage = lazyNamed(account, 'ApplicationDetailPage');

const AppsLayout = lazyNamed(apps, 'AppsLayout');
const ServiceListPage = lazyNamed(apps, 'ServiceListPage');
const ServiceGuide = lazyNamed(apps, 'ServiceGuide');
const ServiceUiRoute = lazyNamed(apps, 'ServiceUiRoute');

const MobileLayout = lazyNamed(mobile, 'MobileLayout');
const HubHome = lazyNamed(mobile, 'HubHome');
const HubServices = lazyNamed(mobilePages, 'HubServices');
const HubMinePage = lazyNamed(mobilePages, 'HubMinePage');
const HubSignInPage = lazyNamed(mobilePages, 'HubSignInPage');
const HubSecurityPage = lazyNamed(mobilePages, 'HubSecurityPage');
const LicenceWalletPage = lazyNamed(mobilePages, 'LicenceWalletPage');
const LicenceAddPage = lazyNamed(mobilePages, 'LicenceAddPage');
const LicencePage = lazyNamed(mobilePages, 'LicencePage');
const VerifyPage = lazyNamed(hubVerify, 'VerifyPage');
const AppointmentPage = lazyNamed(mobilePages, 'AppointmentPage');
const MyAppointmentsPage = lazyNamed(mobilePages, 'MyAppointmentsPage');
const ProgressPage = lazyNamed(mobilePages, 'ProgressPage');
const FeedbackPage = lazyNamed(mobilePages, 'FeedbackPage');

const ConsoleLayout = lazyNamed(consoleDoor, 'ConsoleLayout');
const ConsoleOverviewPage = lazyNamed(consoleDoor, 'ConsoleOverviewPage');
const DepartmentUsersPage = lazyNamed(consoleDoor, 'DepartmentUsersPage');
const AccountsPage = lazyNamed(consoleDoor, 'AccountsPage');
const LockoutsPage = lazyNamed(consoleDoor, 'LockoutsPage');
const SignInLogPage = lazyNamed(consoleDoor, 'SignInLogPage');
const CardAdminPage = lazyNamed(consoleDoor, 'CardAdminPage');
const DashboardPage = lazyNamed(consoleDoor, 'DashboardPage');
const QueuePage = lazyNamed(consoleDoor, 'QueuePage');
const ConsoleApplicationPage = lazyNamed(consoleDoor, 'ConsoleApplicationPage');
const StaffPage = lazyNamed(consoleDoor, 'StaffPage');
const SettingsPage = lazyNamed(consoleDoor, 'SettingsPage');
const ConsoleMessagesPage = lazyNamed(consoleDoor, 'ConsoleMessagesPage');
const SeatPage = lazyNamed(consoleDoor, 'SeatPage');
const CalendarPage = lazyNamed(consoleDoor, 'CalendarPage');
const ContentConsolePage = lazyNamed(consoleDoor, 'ContentConsolePage');
const ServiceConsoleRoute = lazyNamed(consoleDoor, 'ServiceConsoleRoute');

function page(Component: ComponentType) {
  return (
    <Suspense fallback={<PageLoading />}>
      <Component />
    </Suspense>
  );
}

/** The one route tree of the web app: five doors, each a layout route with its pages. */
export const routes: RouteObject[] = [
  {
    path: '/',
    element: page(PortalLayout),
    children: [
      { index: true, element: page(HomePage) },
      { path: 'login', element: page(LoginPage) },
      { path: 'register', element: page(RegisterChoicePage) },
      { path: 'register/individual', element: page(RegisterIndividualPage) },
      { path: 'register/overseas', element: page(RegisterOverseasPage) },
      { path: 'register/enterprise', element: page(RegisterEnterpriseRoute) },
      { path: 'register/enterprise/correction', element: page(LegacyCorrectionLink) },
      { path: 'register/institution', element: page(RegisterInstitutionPage) },
      { path: 'dev/outbox', element: page(DevOutboxPage) },
      { path: 'first-sign-in', element: page(FirstSignInPage) },
      { path: 'recover/email', element: page(RecoverEmailPage) },
      { path: 'recover/password', element: page(ForgotPasswordPage) },
      { path: 'recover/username', element: page(ForgotUsernamePage) },
      { path: 'notices', element: page(NoticesPage) },
      { path: 'policies', element: page(PoliciesPage) },
      { path: 'articles/:id', element: page(ArticlePage) },
      { path: '*', element: <NotFoundResult /> },
    ],
  },
  {
    path: '/account',
    element: page(AccountLayout),
    children: [
      { index: true, element: <WorkspaceIndex defaultPath="/account/info" /> },
      { path: 'info', element: page(AccountInfoPage) },
      { path: 'devices', element: page(DevicesPage) },
      { path: 'passkeys', element: page(PasskeysPage) },
      { path: 'real-name', element: page(RealNamePage) },
      { path: 'qualifications', element: page(QualificationsPage) },
      { path: 'operators', element: page(OperatorsPage) },
      { path: 'cards', element: page(MyCardsPage) },
      { path: 'messages', element: page(MessagesPage) },
      { path: 'applications', element: page(MyApplicationsPage) },
      { path: 'local-apps', element: page(LocalFeaturesPage) },
      { path: 'applications/:id', element: page(ApplicationDetailPage) },
      { path: '*', element: <NotFoundResult homePath="/account" /> },
    ],
  },
  {
    path: '/apps',
    element: page(AppsLayout),
    children: [
      { index: true, element: page(ServiceListPage) },
      { path: ':service', element: page(ServiceGuide) },
      { path: ':service/*', element: page(ServiceUiRoute) },
    ],
  },
  {
    path: '/m',
    element: page(MobileLayout),
    children: [
      { index: true, element: page(HubHome) },
      { path: 'services', element: page(HubServices) },
      { path: 'me', element: page(HubMinePage) },
      { path: 'me/security', element: page(HubSecurityPage) },
      { path: 'login', element: page(HubSignInPage) },
      { path: 'licences', element: page(LicenceWalletPage) },
      { path: 'licences/add', element: page(LicenceAddPage) },
      { path: 'licences/:id', element: page(LicencePage) },
      { path: 'verify', element: page(VerifyPage) },
      { path: 'appointments', element: page(MyAppointmentsPage) },
      { path: 'appointments/:kind', element: page(AppointmentPage) },
      { path: 'progress', element: page(ProgressPage) },
      { path: 'feedback', element: page(FeedbackPage) },
      { path: '*', element: <NotFoundResult homePath="/m" /> },
    ],
  },
  {
    path: '/console',
    element: page(ConsoleLayout),
    children: [
      { index: true, element: <WorkspaceIndex defaultPath="/console/dashboard" /> },
      { path: 'dashboard', element: page(DashboardPage) },
      { path: 'queue/:view', element: page(QueuePage) },
      { path: 'applications/:id', element: page(ConsoleApplicationPage) },
      { path: 'overview', element: page(ConsoleOverviewPage) },
      { path: 'department-users', element: page(DepartmentUsersPage) },
      { path: 'accounts', element: page(AccountsPage) },
      { path: 'lockouts', element: page(LockoutsPage) },
      { path: 'sign-in-log', element: page(SignInLogPage) },
      { path: 'cards', element: page(CardAdminPage) },
      { path: 'staff', element: page(StaffPage) },
      { path: 'calendar', element: page(CalendarPage) },
      { path: 'settings', element: page(SettingsPage) },
      { path: 'messages', element: page(ConsoleMessagesPage) },
      { path: 'consultations', element: page(SeatPage) },
      { path: 'content/:kind', element: page(ContentConsolePage) },
      { path: 'services/:service/:page', element: page(ServiceConsoleRoute) },
      { path: '*', element: <NotFoundResult homePath="/console" /> },
    ],
  },
  { path: '/index.html', element: <Navigate to="/" replace /> },
];
