import { LOCALES } from '@sw/contracts';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../hooks/use-locale';
import { useSession } from '../hooks/use-session';
import { apiClient } from '../lib/api-client';
import { changeLocale } from '../lib/i18n';

/**
 * 简体 / 繁體 / EN, shown in every header. The choice is remembered in localStorage and, signed in,
 * with the account: its e-mails, SMS and 站内信 are then written in that language.
 */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { data: session } = useSession();
  const choose = (option: (typeof LOCALES)[number]) => {
    void changeLocale(option);
    if (session)
      void apiClient.put('/api/account/settings/locale', { locale: option }).catch(() => undefined);
  };
  return (
    <fieldset className="sw-lang" aria-label={t('language.label')}>
      {LOCALES.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          className="sw-lang__option"
          aria-pressed={option === locale}
          onClick={() => choose(option)}
        >
          {t(`language.${option}`)}
        </button>
      ))}
    </fieldset>
  );
}
