import type { Locale } from '../enums.ts';
import { COUNTRIES, type Country } from './countries.ts';

export type { Country } from './countries.ts';
export { COUNTRIES } from './countries.ts';

/** Mainland China: not a choice for an overseas enterprise (seed 004 §1.5 境外企业注册). */
export const MAINLAND_CHINA = 'CHN';

const BY_ALPHA3 = new Map(COUNTRIES.map((c) => [c.alpha3, c]));

/** Countries and regions an overseas or HK/Macao/Taiwan enterprise may name: all but mainland China. */
export const OVERSEAS_COUNTRIES: readonly Country[] = COUNTRIES.filter((c) => c.alpha3 !== MAINLAND_CHINA);

/** The ISO 3166-1 entry for an alpha-3 code (exact, upper case), if any. */
export function findCountry(alpha3: string): Country | undefined {
  return BY_ALPHA3.get(alpha3);
}

/** An ISO 3166-1 alpha-3 code (upper case). */
export function isCountryCode(v: string): boolean {
  return BY_ALPHA3.has(v);
}

/** An alpha-3 code an overseas enterprise may give: any ISO 3166-1 entry except mainland China. */
export function isOverseasCountryCode(v: string): boolean {
  return v !== MAINLAND_CHINA && BY_ALPHA3.has(v);
}

/** The name of a country in the interface language (zh-HK gets traditional characters). */
export function countryName(country: Country, locale: Locale): string {
  if (locale === 'en') return country.en;
  return locale === 'zh-HK' ? country.zhHant : country.zh;
}

/** The name for a code, or the code itself when it is not an ISO 3166-1 entry. */
export function countryNameOf(alpha3: string, locale: Locale): string {
  const country = findCountry(alpha3);
  return country ? countryName(country, locale) : alpha3;
}

function fold(v: string): string {
  return v
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const SEARCH_TEXT = new Map(
  COUNTRIES.map((c) => [
    c.alpha3,
    // both codes, every name in every language, so a type-ahead finds "HKG", "hk", "香港", "香港" (繁) or "Hong"
    [c.alpha3, c.alpha2, c.zh, c.zhHant, c.en, ...(c.aliases ?? [])].map(fold),
  ]),
);

/**
 * Type-ahead match for the country field (seed 004 §1.5: 可输入编码选中或下拉选择地区):
 * a code prefix (alpha-3 or alpha-2), or part of a name in Chinese or English, ignoring case and accents.
 */
export function countryMatches(country: Country, query: string): boolean {
  const q = fold(query);
  if (!q) return true;
  const texts = SEARCH_TEXT.get(country.alpha3) ?? [];
  return texts.some((t, i) => (i < 2 ? t.startsWith(q) : t.includes(q)));
}
