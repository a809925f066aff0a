import {
  AppstoreOutlined,
  AuditOutlined,
  CreditCardOutlined,
  DesktopOutlined,
  FileTextOutlined,
  IdcardOutlined,
  KeyOutlined,
  MailOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { SessionResponse } from '@sw/contracts';
import { Layout } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { UnreadBadge } from '../../features/inbox/components/unread-badge';
import { SessionGate } from '../session-gate';
import { SignOutButton } from '../sign-out-button';
import { WorkspaceShell } from '../workspace/workspace-shell';
import { AppHeader } from './app-header';

function AccountShell({ session }: { session: SessionResponse }) {
  const { t } = useTranslation();
  const pages = [
    { key: 'info', path: '/account/info', label: t('account.menuInfo'), icon: <IdcardOutlined /> },
    // 我的申请 (issue 4): every account that applies, administrators included (they view their organization's)
    ...(session.account.kind === 'staff'
      ? []
      : [
          {
            key: 'applications',
            path: '/account/applications',
            label: t('applications.menu'),
            icon: <FileTextOutlined />,
          },
          // 地方特色应用 (seed 002 §2.1.3): the province's services, e.g. 关企互动 → 智慧审证
          {
            key: 'local-apps',
            path: '/account/local-apps',
            label: t('catalogue.localFeatures'),
            icon: <AppstoreOutlined />,
          },
        ]),
    // 我的消息 (站内信, seed 000 §4.9)
    { key: 'messages', path: '/account/messages', label: t('inbox.menu'), icon: <MailOutlined /> },
    { key: 'devices', path: '/account/devices', label: t('account.menuDevices'), icon: <DesktopOutlined /> },
    { key: 'passkeys', path: '/account/passkeys', label: t('passkeys.menu'), icon: <KeyOutlined /> },
    // 实名认证 (seed 004 §3.6): individuals and operators raise their level here
    ...(session.account.kind === 'individual' || session.account.kind === 'enterprise_operator'
      ? [
          {
            key: 'real-name',
            path: '/account/real-name',
            label: t('realName.menu'),
            icon: <SafetyCertificateOutlined />,
          },
        ]
      : []),
    ...(session.account.kind === 'enterprise_admin' || session.account.kind === 'institution_admin'
      ? [
          {
            key: 'operators',
            path: '/account/operators',
            label: t('operators.title'),
            icon: <TeamOutlined />,
          },
          // 我的资质 (seed 004 §3.4): administrators only
          {
            key: 'qualifications',
            path: '/account/qualifications',
            label: t('qualifications.menu'),
            icon: <AuditOutlined />,
          },
        ]
      : []),
    // 我的IC卡 (seed 004 §3.3): accounts of an organization (administrators and operators)
    ...(session.account.organizationId && session.account.kind !== 'overseas'
      ? [{ key: 'cards', path: '/account/cards', label: t('cards.mine.menu'), icon: <CreditCardOutlined /> }]
      : []),
  ];
  return (
    <Layout className="sw-app">
      <AppHeader
        wide
        subtitle={t('account.centre')}
        tools={
          <>
            <UnreadBadge />
            {session.account.kind === 'staff' ? (
              <Link to="/console" className="sw-header__user">
                {t('console.title')}
              </Link>
            ) : null}
            <Link to="/account/info" className="sw-header__user">
              <UserOutlined aria-hidden="true" /> {session.account.username}
            </Link>
            <SignOutButton type="text" className="sw-nav__button" />
          </>
        }
      />
      <WorkspaceShell pages={pages} basePath="/account">
        <Outlet />
      </WorkspaceShell>
    </Layout>
  );
}

/** Door 2, the account centre (`/account/*`): signed-in users only. */
export function AccountLayout() {
  return <SessionGate>{(session) => <AccountShell session={session} />}</SessionGate>;
}
