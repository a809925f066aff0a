import { type ComponentType, Suspense } from 'react';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { NotFoundResult } from '../../components/not-found-result';
import { PageLoading } from '../../components/page-loading';
import { WorkspaceIndex } from '../../components/workspace/workspace-index';
import { lazyNamed } from './lazy-named';

// One chunk per front door (see the *-door modules).
const portal = () => import('./portal-door');
const account = () => import('./account-door');
const apps = () => import('./apps-door');
const mobile = () => import('./mobile-door');
const consoleDoor = () => import('./console-door');

const PortalLayout = lazyNamed(portal, 'PortalLayout');
const HomePage = lazyNamed(portal, 'HomePage');
const LoginPage = lazyNamed(portal, 'LoginPage');
const RegisterChoicePage = lazyNamed(portal, 'RegisterChoicePage');
const RegisterIndividualPage = lazyNamed(portal, 'RegisterIndividualPage');
const DevOutboxPage = lazyNamed(portal, 'DevOutboxPage');

const AccountLayout = lazyNamed(account, 'AccountLayout');
const AccountInfoPage = lazyNamed(account, 'AccountInfoPage');
const DevicesPage = lazyNamed(account, 'DevicesPage');

const AppsLayout = lazyNamed(apps, 'AppsLayout');
const ServiceListPage = lazyNamed(apps, 'ServiceListPage');

const MobileLayout = lazyNamed(mobile, 'MobileLayout');
const HubHome = lazyNamed(mobile, 'HubHome');
const HubServices = lazyNamed(mobile, 'HubServices');
const HubMinePage = lazyNamed(mobile, 'HubMinePage');

const ConsoleLayout = lazyNamed(consoleDoor, 'ConsoleLayout');
const ConsoleOverviewPage = lazyNamed(consoleDoor, 'ConsoleOverviewPage');

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
      { path: 'dev/outbox', element: page(DevOutboxPage) },
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
      { path: '*', element: <NotFoundResult homePath="/account" /> },
    ],
  },
  {
    path: '/apps',
    element: page(AppsLayout),
    children: [
      { index: true, element: page(ServiceListPage) },
      { path: '*', element: <NotFoundResult homePath="/apps" /> },
    ],
  },
  {
    path: '/m',
    element: page(MobileLayout),
    children: [
      { index: true, element: page(HubHome) },
      { path: 'services', element: page(HubServices) },
      { path: 'me', element: page(HubMinePage) },
      { path: '*', element: <NotFoundResult homePath="/m" /> },
    ],
  },
  {
    path: '/console',
    element: page(ConsoleLayout),
    children: [
      { index: true, element: <WorkspaceIndex defaultPath="/console/overview" /> },
      { path: 'overview', element: page(ConsoleOverviewPage) },
      { path: '*', element: <NotFoundResult homePath="/console" /> },
    ],
  },
  { path: '/index.html', element: <Navigate to="/" replace /> },
];

export const router = createBrowserRouter(routes);
