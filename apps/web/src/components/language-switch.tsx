import { LOCALES } from '@sw/contracts';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../hooks/use-locale';
import { changeLocale } from '../lib/i18n';

/** 简体 / 繁體 / EN, shown in every header. The choice is remembered in localStorage. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <fieldset className="sw-lang" aria-label={t('language.label')}>
      {LOCALES.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          className="sw-lang__option"
          aria-pressed={option === locale}
          onClick={() => void changeLocale(option)}
        >
          {t(`language.${option}`)}
        </button>
      ))}
    </fieldset>
  );
}
