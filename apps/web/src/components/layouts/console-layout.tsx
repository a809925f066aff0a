import {
  AppstoreOutlined,
  BankOutlined,
  BarChartOutlined,
  BookOutlined,
  CalendarOutlined,
  ClockCircleOutlined,
  CreditCardOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  InboxOutlined,
  MailOutlined,
  NotificationOutlined,
  ProfileOutlined,
  QuestionCircleOutlined,
  ReadOutlined,
  ScheduleOutlined,
  SettingOutlined,
  SolutionOutlined,
  TeamOutlined,
  UnlockOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { SessionResponse } from '@sw/contracts';
import { Layout, Result, Space } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { useConsoleAccess } from '../../features/casework-console/api/services';
import { ApplicationTabLabel } from '../../features/casework-console/components/application-tab-label';
import { UnreadBadge } from '../../features/inbox/components/unread-badge';
import { useLocale } from '../../hooks/use-locale';
import { serviceConsoleMenus } from '../../services/registry';
import { LinkButton } from '../link-button';
import { loginPath, SessionGate } from '../session-gate';
import { SignOutButton } from '../sign-out-button';
import type { WorkspaceDetailTab } from '../workspace/workspace-page';
import { WorkspaceShell } from '../workspace/workspace-shell';
import { AppHeader } from './app-header';

const CONTENT_SECTIONS = [
  { kind: 'notice', icon: <NotificationOutlined /> },
  { kind: 'policy', icon: <BookOutlined /> },
  { kind: 'guide', icon: <ReadOutlined /> },
  { kind: 'faq', icon: <QuestionCircleOutlined /> },
] as const;

function ConsoleForbidden() {
  const { t } = useTranslation();
  return (
    <Layout className="sw-app">
      <AppHeader wide subtitle={t('console.title')} />
      <Layout.Content id="main" className="sw-center">
        <Result
          status="403"
          title={<h1 className="sw-result-title">{t('console.forbiddenTitle')}</h1>}
          subTitle={t('console.forbiddenSubtitle')}
          extra={
            <Space wrap>
              <SignOutButton type="primary" to={loginPath('/console')} label={t('console.switchAccount')} />
              <LinkButton to="/">{t('common.backHome')}</LinkButton>
            </Space>
          }
        />
      </Layout.Content>
    </Layout>
  );
}

function ConsoleShell({ session }: { session: SessionResponse }) {
  const { t } = useTranslation();
  const locale = useLocale();
  // the menu shows what the viewer may use: queues for reviewers and supervisors of a service,
  // administration for platform admins (hidden until known)
  const access = useConsoleAccess();
  const admin = access.platformAdmin === true;
  const detailTabs = useMemo<WorkspaceDetailTab[]>(
    () => [
      {
        key: 'application',
        basePath: '/console/applications',
        icon: <FileTextOutlined />,
        label: (id) => <ApplicationTabLabel id={id} />,
      },
    ],
    [],
  );
  const queues = [
    { view: 'mine', label: t('casework.menu.mine'), icon: <ScheduleOutlined /> },
    { view: 'unassigned', label: t('casework.menu.unassigned'), icon: <InboxOutlined /> },
    { view: 'overdue', label: t('casework.menu.overdue'), icon: <ClockCircleOutlined /> },
    { view: 'all', label: t('casework.menu.all'), icon: <ProfileOutlined /> },
  ];
  const adminOnly = <T,>(items: T[]): T[] => (admin ? items : []);
  const pages = [
    {
      key: 'dashboard',
      path: '/console/dashboard',
      label: t('casework.menu.dashboard'),
      icon: <BarChartOutlined />,
    },
    ...(access.caseworker
      ? queues.map((q) => ({
          key: `queue-${q.view}`,
          path: `/console/queue/${q.view}`,
          label: q.label,
          icon: q.icon,
        }))
      : []),
    ...(access.caseworker
      ? [
          {
            key: 'consultations',
            path: '/console/consultations',
            label: t('consultations.seat.menu'),
            icon: <CustomerServiceOutlined />,
          },
        ]
      : []),
    {
      key: 'messages',
      path: '/console/messages',
      label: t('inbox.menu'),
      icon: <MailOutlined />,
    },
    {
      key: 'overview',
      path: '/console/overview',
      label: t('console.menuOverview'),
      icon: <DashboardOutlined />,
    },
    ...adminOnly([
      { key: 'staff', path: '/console/staff', label: t('casework.menu.staff'), icon: <SolutionOutlined /> },
      {
        key: 'department-users',
        path: '/console/department-users',
        label: t('consoleAccounts.menu.departmentUsers'),
        icon: <BankOutlined />,
      },
      {
        key: 'accounts',
        path: '/console/accounts',
        label: t('consoleAccounts.menu.accounts'),
        icon: <TeamOutlined />,
      },
      {
        key: 'lockouts',
        path: '/console/lockouts',
        label: t('consoleAccounts.menu.lockouts'),
        icon: <UnlockOutlined />,
      },
      {
        key: 'sign-in-log',
        path: '/console/sign-in-log',
        label: t('consoleAccounts.menu.signInLog'),
        icon: <FileSearchOutlined />,
      },
      { key: 'cards', path: '/console/cards', label: t('cards.admin.menu'), icon: <CreditCardOutlined /> },
      {
        key: 'calendar',
        path: '/console/calendar',
        label: t('casework.menu.calendar'),
        icon: <CalendarOutlined />,
      },
      {
        key: 'settings',
        path: '/console/settings',
        label: t('casework.menu.settings'),
        icon: <SettingOutlined />,
      },
      // 内容管理: the articles of the portal, one section per entry
      ...CONTENT_SECTIONS.map((section) => ({
        key: `content-${section.kind}`,
        path: `/console/content/${section.kind}`,
        label: t(`content.kindsMenu.${section.kind}`),
        icon: section.icon,
        group: { key: 'content', label: t('content.menuGroup') },
      })),
    ]),
    // pages services add (their reference data), under 业务配置
    ...serviceConsoleMenus()
      .filter((entry) => admin || !entry.platformAdmin)
      .map((entry) => ({
        key: `service-${entry.code}-${entry.path}`,
        path: `/console/services/${entry.code}/${entry.path}`,
        label: entry.label[locale],
        icon: <AppstoreOutlined />,
        group: { key: 'services', label: t('console.serviceSettings') },
      })),
  ];
  return (
    <Layout className="sw-app sw-app--console">
      <AppHeader
        wide
        subtitle={t('console.title')}
        tools={
          <>
            <UnreadBadge to="/console/messages" />
            <span className="sw-header__user">
              <UserOutlined aria-hidden="true" /> {session.account.username}
            </span>
            <SignOutButton type="text" className="sw-nav__button" />
          </>
        }
      />
      <WorkspaceShell pages={pages} basePath="/console" theme="dark" detailTabs={detailTabs}>
        <Outlet />
      </WorkspaceShell>
    </Layout>
  );
}

/** Door 5, the console (`/console/*`): staff sessions only; others see 403. */
export function ConsoleLayout() {
  return (
    <SessionGate>
      {(session) => (session.account.isStaff ? <ConsoleShell session={session} /> : <ConsoleForbidden />)}
    </SessionGate>
  );
}
