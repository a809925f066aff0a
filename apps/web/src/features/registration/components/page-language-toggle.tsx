import type { Locale } from '@sw/contracts';
import { Button } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../hooks/use-locale';
import { changeLocale } from '../../../lib/i18n';

/**
 * 「EN | 中」 at the top right of the overseas registration page (seed 004 §1.5: 点击右上角“EN”和“中”
 * 进行中英文切换). It switches the interface language, so the header switch agrees with it;
 * 中 returns to the Chinese the visitor had (繁體 stays 繁體).
 */
export function PageLanguageToggle() {
  const { t } = useTranslation();
  const locale = useLocale();
  const chinese = useRef<Locale>(locale === 'zh-HK' ? 'zh-HK' : 'zh-CN');
  if (locale !== 'en') chinese.current = locale;
  const isEnglish = locale === 'en';

  return (
    <fieldset className="sw-page-lang" aria-label={t('overseas.pageLanguage')}>
      <Button
        type="link"
        size="small"
        lang="en"
        aria-pressed={isEnglish}
        className={isEnglish ? 'sw-page-lang__current' : undefined}
        onClick={() => void changeLocale('en')}
      >
        {t('overseas.languageEn')}
      </Button>
      <span aria-hidden="true">|</span>
      <Button
        type="link"
        size="small"
        lang={chinese.current}
        aria-pressed={!isEnglish}
        className={isEnglish ? undefined : 'sw-page-lang__current'}
        onClick={() => void changeLocale(chinese.current)}
      >
        {t('overseas.languageZh')}
      </Button>
    </fieldset>
  );
}
