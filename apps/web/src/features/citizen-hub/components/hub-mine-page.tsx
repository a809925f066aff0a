import {
  CalendarOutlined,
  CommentOutlined,
  IdcardOutlined,
  LockOutlined,
  RightOutlined,
  ScanOutlined,
  ScheduleOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Avatar, Skeleton, Switch } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LinkButton } from '../../../components/link-button';
import { SignOutButton } from '../../../components/sign-out-button';
import { useElderMode } from '../../../hooks/use-hub-prefs';
import { useSession } from '../../../hooks/use-session';

function Entry({ to, icon, label, hint }: { to: string; icon: ReactNode; label: string; hint?: string }) {
  return (
    <li>
      <Link to={to} className="sw-hub-list__item">
        <span className="sw-hub-list__icon" aria-hidden="true">
          {icon}
        </span>
        <span className="sw-hub-list__text">
          <strong>{label}</strong>
          {hint ? <span>{hint}</span> : null}
        </span>
        <RightOutlined aria-hidden="true" />
      </Link>
    </li>
  );
}

/** 长辈模式: larger type and a simpler layout, remembered on this phone. */
function ElderModeSwitch() {
  const { t } = useTranslation();
  const [elder, setElder] = useElderMode();
  return (
    <div className="sw-hub-list__item">
      <span className="sw-hub-list__text">
        <strong id="hub-elder-label">{t('hub.elder.title')}</strong>
        <span>{t('hub.elder.hint')}</span>
      </span>
      <Switch checked={elder} onChange={setElder} aria-labelledby="hub-elder-label" />
    </div>
  );
}

/** 我的 (个人中心): the person, 我的证照, 办理进度, 登录方式, 长辈模式, 意见反馈, 退出登录. */
export function HubMinePage() {
  const { t } = useTranslation();
  const { data: session, isPending } = useSession();
  if (isPending) return <Skeleton active avatar />;
  return (
    <>
      <section className="sw-hub-section sw-hub-me">
        <Avatar size={64} icon={<UserOutlined />} className="sw-hub-me__avatar" />
        {session ? (
          <>
            <h1>{session.account.name || session.account.username}</h1>
            <p className="sw-hub-hint">
              {session.account.mobileMasked ?? ''} · {session.account.username}
            </p>
          </>
        ) : (
          <>
            <h1>{t('hub.notSignedIn')}</h1>
            <p>{t('hub.notSignedInHint')}</p>
            <LinkButton type="primary" size="large" block to="/m/login?next=/m/me">
              {t('hub.signIn')}
            </LinkButton>
          </>
        )}
      </section>
      <section className="sw-hub-section sw-hub-gap" aria-label={t('hub.me')}>
        <ul className="sw-hub-list">
          <Entry
            to="/m/licences"
            icon={<IdcardOutlined />}
            label={t('hub.wallet.title')}
            hint={t('hub.wallet.hint')}
          />
          <Entry
            to="/m/appointments"
            icon={<CalendarOutlined />}
            label={t('hub.appointments.mine')}
            hint={t('hub.appointments.hint')}
          />
          <Entry to="/m/progress" icon={<ScheduleOutlined />} label={t('hub.progress.title')} />
          <Entry
            to="/m/me/security"
            icon={<LockOutlined />}
            label={t('hub.security.title')}
            hint={t('hub.security.hint')}
          />
          <Entry to="/m/verify" icon={<ScanOutlined />} label={t('hub.verify.title')} />
          <Entry to="/m/feedback" icon={<CommentOutlined />} label={t('hub.feedback.title')} />
          <li>
            <ElderModeSwitch />
          </li>
        </ul>
      </section>
      {session ? (
        <SignOutButton block size="large" to="/m" label={t('hub.signOut')} className="sw-hub-me__signout" />
      ) : null}
    </>
  );
}
