import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { LinkButton } from '../../../components/link-button';

/** A hub page that needs a signed-in person: 【请登录】, coming back here. */
export function SignInFirst({ title }: { title: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <section className="sw-hub-section" aria-labelledby="hub-signin-first">
      <h1 id="hub-signin-first">{title}</h1>
      <p>{t('hub.notSignedInHint')}</p>
      <LinkButton
        type="primary"
        size="large"
        block
        to={`/m/login?next=${encodeURIComponent(location.pathname)}`}
      >
        {t('hub.signIn')}
      </LinkButton>
    </section>
  );
}
