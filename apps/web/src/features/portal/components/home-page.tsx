import { AppstoreOutlined, DashboardOutlined, IdcardOutlined, MobileOutlined } from '@ant-design/icons';
import { Col, Row, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '../../../components/link-button';
import { Panel } from '../../../components/panel';
import { useSession } from '../../../hooks/use-session';

type Door = { key: 'account' | 'apps' | 'hub' | 'console'; path: string; icon: ReactNode };

const DOORS: readonly Door[] = [
  { key: 'account', path: '/account', icon: <IdcardOutlined /> },
  { key: 'apps', path: '/apps', icon: <AppstoreOutlined /> },
  { key: 'hub', path: '/m', icon: <MobileOutlined /> },
  { key: 'console', path: '/console', icon: <DashboardOutlined /> },
];

/**
 * The portal's front page: what the platform is, its news (the latest 通知公告 and 政策法规, given
 * by the route as `news`, since they belong to another feature) and its four other doors.
 */
export function HomePage({ news, local }: { news?: ReactNode; local?: ReactNode }) {
  const { t } = useTranslation();
  const { data: session } = useSession();
  return (
    <>
      <section className="sw-hero" aria-labelledby="home-title">
        <div className="sw-hero__inner">
          <h1 id="home-title">{t('home.title')}</h1>
          <p className="sw-hero__subtitle">{t('home.subtitle')}</p>
          <Space wrap size="middle">
            {session ? (
              <LinkButton type="primary" size="large" to="/account">
                {t('nav.accountCentre')}
              </LinkButton>
            ) : (
              <>
                <LinkButton type="primary" size="large" to="/login">
                  {t('nav.login')}
                </LinkButton>
                <LinkButton size="large" to="/register">
                  {t('nav.register')}
                </LinkButton>
              </>
            )}
          </Space>
        </div>
      </section>
      <div className="sw-container">
        {news ? <div className="sw-block">{news}</div> : null}
        {local ? <div className="sw-block">{local}</div> : null}
        <section aria-labelledby="doors-title">
          <h2 id="doors-title" className="sw-section-title">
            {t('home.doorsTitle')}
          </h2>
          <Row gutter={[16, 16]}>
            {DOORS.map((door) => (
              <Col key={door.key} xs={24} sm={12} lg={6}>
                <Panel className="sw-door-card">
                  <div className="sw-door-card__icon" aria-hidden="true">
                    {door.icon}
                  </div>
                  <h3>{t(`home.doors.${door.key}.title`)}</h3>
                  <p>{t(`home.doors.${door.key}.description`)}</p>
                  <LinkButton
                    to={door.path}
                    aria-label={`${t('home.enter')} ${t(`home.doors.${door.key}.title`)}`}
                  >
                    {t('home.enter')}
                  </LinkButton>
                </Panel>
              </Col>
            ))}
          </Row>
        </section>
        {session ? null : (
          <section className="sw-home-start" aria-labelledby="start-title">
            <Panel>
              <h2 id="start-title" className="sw-section-title">
                {t('home.startTitle')}
              </h2>
              <p>{t('home.startText')}</p>
              <LinkButton type="primary" to="/register">
                {t('login.registerNow')}
              </LinkButton>
            </Panel>
          </section>
        )}
      </div>
    </>
  );
}
