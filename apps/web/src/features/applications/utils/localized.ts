import type { Locale, Localized } from '@sw/contracts';

/** A text of the API in the interface language, falling back to zh-CN. */
export function localized(texts: Partial<Localized> | undefined, locale: Locale): string {
  if (!texts) return '';
  return texts[locale] || texts['zh-CN'] || '';
}
