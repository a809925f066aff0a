import {
  BankOutlined,
  CreditCardOutlined,
  DashboardOutlined,
  FileSearchOutlined,
  TeamOutlined,
  UnlockOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { SessionResponse } from '@sw/contracts';
import { Layout, Result, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { LinkButton } from '../link-button';
import { loginPath, SessionGate } from '../session-gate';
import { SignOutButton } from '../sign-out-button';
import { WorkspaceShell } from '../workspace/workspace-shell';
import { AppHeader } from './app-header';

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
  const pages = [
    {
      key: 'overview',
      path: '/console/overview',
      label: t('console.menuOverview'),
      icon: <DashboardOutlined />,
    },
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
  ];
  return (
    <Layout className="sw-app sw-app--console">
      <AppHeader
        wide
        subtitle={t('console.title')}
        tools={
          <>
            <span className="sw-header__user">
              <UserOutlined aria-hidden="true" /> {session.account.username}
            </span>
            <SignOutButton type="text" className="sw-nav__button" />
          </>
        }
      />
      <WorkspaceShell pages={pages} basePath="/console" theme="dark">
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
