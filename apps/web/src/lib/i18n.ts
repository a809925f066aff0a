import { DEFAULT_LOCALE, isLocale, type Locale } from '@sw/contracts';
import dayjs from 'dayjs';
import 'dayjs/locale/en';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/zh-hk';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { loadMessages } from '../locales';
import { zhCN } from '../locales/zh-cn';

declare module 'i18next' {
  // Module augmentation needs an interface; it makes `t('a.b')` keys type-checked against zh-CN.
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
  }
}

export const LOCALE_STORAGE_KEY = 'sw.locale';

const DAYJS_LOCALES: Record<Locale, string> = { 'zh-CN': 'zh-cn', 'zh-HK': 'zh-hk', en: 'en' };

function readStoredLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(LOCALE_STORAGE_KEY);
    return stored && isLocale(stored) ? stored : DEFAULT_LOCALE;
  } catch {
    // Storage can be unavailable (privacy mode, sandboxed frames): fall back to the default.
    return DEFAULT_LOCALE;
  }
}

/** Keeps everything outside React that depends on the language in step: `<html lang>` and dayjs. */
function applyLocaleSideEffects(locale: Locale): void {
  document.documentElement.lang = locale;
  dayjs.locale(DAYJS_LOCALES[locale]);
}

const initialLocale = readStoredLocale();

void i18n.use(initReactI18next).init({
  resources: { [DEFAULT_LOCALE]: { translation: zhCN } },
  lng: DEFAULT_LOCALE,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: ['zh-CN', 'zh-HK', 'en'],
  partialBundledLanguages: true,
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Fetches a language's messages the first time it is used (zh-CN is bundled). */
async function ensureMessages(locale: Locale): Promise<void> {
  if (i18n.hasResourceBundle(locale, 'translation')) return;
  i18n.addResourceBundle(locale, 'translation', await loadMessages(locale));
}

async function showIn(locale: Locale): Promise<void> {
  await ensureMessages(locale);
  applyLocaleSideEffects(locale);
  await i18n.changeLanguage(locale);
}

/**
 * Resolves once the remembered language's messages are in: main.tsx renders after it, so a page in
 * English never flashes Chinese. Immediate for zh-CN; if a chunk cannot be fetched, zh-CN shows.
 */
export const i18nReady: Promise<void> =
  initialLocale === DEFAULT_LOCALE
    ? Promise.resolve(applyLocaleSideEffects(DEFAULT_LOCALE))
    : showIn(initialLocale).catch(() => applyLocaleSideEffects(DEFAULT_LOCALE));

/** The language the interface is shown in (also sent as `Accept-Language`). */
export function currentLocale(): Locale {
  const lng = i18n.resolvedLanguage ?? i18n.language;
  return lng && isLocale(lng) ? lng : DEFAULT_LOCALE;
}

/** Switches the interface language and remembers the choice in localStorage (`sw.locale`). */
export async function changeLocale(locale: Locale): Promise<void> {
  try {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Not remembered, but the switch itself still works.
  }
  await showIn(locale);
}

export { i18n };

/**
 * A front door with a language of its own (港车北上 opens in Traditional Chinese, 000): shown in
 * `locale` unless the person has chosen a language, without remembering it for the other doors.
 */
export async function showDoorDefault(locale: Locale): Promise<void> {
  let chosen: string | null = null;
  try {
    chosen = window.localStorage.getItem(LOCALE_STORAGE_KEY);
  } catch {
    // storage unavailable: nothing was chosen
  }
  if (chosen || currentLocale() === locale) return;
  await showIn(locale);
}
