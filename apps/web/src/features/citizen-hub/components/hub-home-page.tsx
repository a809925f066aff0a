import { IdcardOutlined, RightOutlined, ScanOutlined, ScheduleOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LinkButton } from '../../../components/link-button';
import { useElderMode } from '../../../hooks/use-hub-prefs';
import { useSession } from '../../../hooks/use-session';
import { CategoryGrid } from './category-grid';

/**
 * 首页 of the citizen hub: 【请登录】 or the person, 我的证照 with 【全部】, the shortcuts, the
 * guide's categories and the services of the chosen city (passed in as `children`). 长辈模式 keeps
 * the few big entries only.
 */
export function HubHomePage({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const [elder] = useElderMode();
  return (
    <>
      <section className="sw-hub-hero">
        <h1>
          {session
            ? t('hub.hello', { name: session.account.name || session.account.username })
            : t('hub.title')}
        </h1>
        <p>{t('hub.welcome')}</p>
        {session ? null : (
          <LinkButton size="large" to="/m/login" className="sw-hub-hero__signin">
            {t('hub.pleaseSignIn')}
          </LinkButton>
        )}
      </section>
      <section className="sw-hub-section" aria-labelledby="hub-wallet-home">
        <div className="sw-hub-section__head">
          <h2 id="hub-wallet-home">{t('hub.wallet.title')}</h2>
          <Link to="/m/licences" className="sw-hub-more">
            {t('hub.all')} <RightOutlined aria-hidden="true" />
          </Link>
        </div>
        <ul className="sw-hub-shortcuts">
          <li>
            <Link to="/m/licences" className="sw-hub-shortcut">
              <IdcardOutlined aria-hidden="true" />
              <span>{t('hub.wallet.show')}</span>
            </Link>
          </li>
          <li>
            <Link to="/m/progress" className="sw-hub-shortcut">
              <ScheduleOutlined aria-hidden="true" />
              <span>{t('hub.progress.title')}</span>
            </Link>
          </li>
          <li>
            <Link to="/m/verify" className="sw-hub-shortcut">
              <ScanOutlined aria-hidden="true" />
              <span>{t('hub.verify.title')}</span>
            </Link>
          </li>
        </ul>
      </section>
      <section className="sw-hub-section sw-hub-gap" aria-labelledby="hub-categories-title">
        <h2 id="hub-categories-title">{t('hub.categories')}</h2>
        <CategoryGrid only={elder ? ['social', 'housing_fund', 'household', 'marriage_birth'] : undefined} />
      </section>
      {elder ? null : (
        <section className="sw-hub-section sw-hub-gap" aria-labelledby="hub-services-title">
          <h2 id="hub-services-title">{t('hub.servicesHere')}</h2>
          {children}
        </section>
      )}
    </>
  );
}
