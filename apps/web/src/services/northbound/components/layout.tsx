import { CustomerServiceOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Drawer, Layout, Menu, Typography } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import {
  ConsultationPanel,
  useConsultationUnread,
} from '../../../components/consultation/consultation-panel';
import { LanguageSwitch } from '../../../components/language-switch';
import { SignOutButton } from '../../../components/sign-out-button';
import { SimulatorBanner } from '../../../components/simulator-banner';
import { SiteFooter } from '../../../components/site-footer';
import { useSession } from '../../../hooks/use-session';
import { showDoorDefault } from '../../../lib/i18n';
import { useMessages } from '../messages';

const HOME = '/apps/northbound';

/** The system's menu (000 第四章), in the manual's order. */
const MENU = [
  ['center', 'nav.center'],
  ['applications', 'nav.applications'],
  ['appointments', 'nav.appointments'],
  ['profile', 'nav.profile'],
  ['drivers', 'nav.drivers'],
  ['services', 'nav.services'],
  ['query', 'nav.query'],
  ['messages', 'nav.messages'],
  ['guides', 'nav.guides'],
  ['policies', 'nav.policies'],
] as const;

/**
 * 港车北上's own chrome: its name, 【注册】【登录】 or 【退出登录】 top right (000 §3.2), the language
 * switch (Traditional Chinese unless the person chose otherwise), 在线咨询, and the system menu
 * beside every page once signed in.
 */
export function NorthboundLayout({ children }: { children: ReactNode }) {
  const t = useMessages();
  const { data: session } = useSession();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const [consultOpen, setConsultOpen] = useState(false);
  useEffect(() => {
    void showDoorDefault('zh-HK');
  }, []);
  const page = pathname.split('/')[3] ?? '';
  const signedIn = Boolean(session);
  const unread = useConsultationUnread('northbound', signedIn);
  const queryClient = useQueryClient();
  const withMenu = signedIn && page !== '' && page !== 'register';
  return (
    <Layout className="sw-site nb-site">
      <header className="sw-header">
        <SimulatorBanner />
        <div className="sw-header__bar">
          <div className="sw-header__inner">
            <Link to={HOME} className="nb-brand">
              <span className="nb-brand__mark" aria-hidden="true">
                港
              </span>
              <span>{t('system')}</span>
            </Link>
            <div className="sw-header__tools">
              <Badge count={consultOpen ? 0 : unread} size="small" offset={[-6, 6]}>
                <Button
                  type="text"
                  className="nb-header-button"
                  icon={<CustomerServiceOutlined />}
                  onClick={() => setConsultOpen(true)}
                  aria-label={unread > 0 ? t('consult.unread', { count: unread }) : undefined}
                >
                  {t('nav.consult')}
                </Button>
              </Badge>
              {signedIn ? (
                <SignOutButton to={HOME} label={t('nav.signOut')} type="text" className="nb-header-button" />
              ) : (
                <>
                  <Link className="nb-header-link" to={`${HOME}/register`}>
                    {t('nav.register')}
                  </Link>
                  <Link className="nb-header-link" to={`/login?next=${encodeURIComponent(`${HOME}/center`)}`}>
                    {t('nav.signIn')}
                  </Link>
                </>
              )}
              <LanguageSwitch />
            </div>
          </div>
        </div>
      </header>
      <Layout.Content id="main" className="sw-site__content nb-content">
        {withMenu ? (
          <div className="nb-workspace">
            <nav aria-label={t('nav.menu')} className="nb-menu">
              <Menu
                mode="inline"
                selectedKeys={[page]}
                items={MENU.map(([key, label]) => ({ key, label: t(label) }))}
                onClick={({ key }) =>
                  void navigate(key === 'applications' ? '/account/applications' : `${HOME}/${key}`)
                }
              />
            </nav>
            <div className="nb-page">{children}</div>
          </div>
        ) : (
          children
        )}
      </Layout.Content>
      <SiteFooter />
      <Drawer
        open={consultOpen}
        title={t('consult.title')}
        width={520}
        onClose={() => {
          setConsultOpen(false);
          // what was read in the panel no longer counts on the button
          void queryClient.invalidateQueries({ queryKey: ['consultations', 'mine', 'northbound'] });
        }}
        destroyOnHidden
      >
        {signedIn ? (
          <ConsultationPanel serviceCode="northbound" />
        ) : (
          <Typography.Paragraph>
            {t('consult.signInFirst')}{' '}
            <Link to={`/login?next=${encodeURIComponent(pathname)}`}>{t('nav.signIn')}</Link>
          </Typography.Paragraph>
        )}
        <div className="nb-consult-channels">
          <Typography.Paragraph>{t('consult.lead')}</Typography.Paragraph>
          <Typography.Paragraph>{t('consult.hotline')}</Typography.Paragraph>
          <Typography.Paragraph>{t('consult.wechat')}</Typography.Paragraph>
        </div>
      </Drawer>
    </Layout>
  );
}
