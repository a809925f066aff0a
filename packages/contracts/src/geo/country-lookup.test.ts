import { describe, expect, it } from 'vitest';
import {
  COUNTRIES,
  countryMatches,
  countryName,
  countryNameOf,
  findCountry,
  isCountryCode,
  isOverseasCountryCode,
  OVERSEAS_COUNTRIES,
} from './country-lookup.ts';

describe('the ISO 3166-1 list', () => {
  it('holds every entry once, with both codes and three names', () => {
    expect(COUNTRIES).toHaveLength(249);
    expect(new Set(COUNTRIES.map((c) => c.alpha3)).size).toBe(249);
    expect(new Set(COUNTRIES.map((c) => c.alpha2)).size).toBe(249);
    for (const c of COUNTRIES) {
      expect(c.alpha3).toMatch(/^[A-Z]{3}$/);
      expect(c.alpha2).toMatch(/^[A-Z]{2}$/);
      expect(c.zh && c.zhHant && c.en).toBeTruthy();
    }
  });

  it('names Hong Kong, Macao and Taiwan as regions of China', () => {
    expect(findCountry('HKG')).toMatchObject({ zh: '中国香港', zhHant: '中國香港', en: 'Hong Kong, China' });
    expect(findCountry('MAC')).toMatchObject({ zh: '中国澳门', zhHant: '中國澳門', en: 'Macao, China' });
    expect(findCountry('TWN')).toMatchObject({ zh: '中国台湾', zhHant: '中國台灣', en: 'Taiwan, China' });
    const everyName = COUNTRIES.flatMap((c) => [c.en, ...(c.aliases ?? [])]);
    expect(everyName).not.toContain('Taiwan, Province of China');
    expect(everyName).not.toContain("People's Republic of China");
  });

  it('leaves mainland China out of the overseas choices', () => {
    expect(isCountryCode('CHN')).toBe(true);
    expect(isOverseasCountryCode('CHN')).toBe(false);
    expect(isOverseasCountryCode('HKG')).toBe(true);
    expect(isOverseasCountryCode('BDI')).toBe(true);
    expect(isOverseasCountryCode('hkg')).toBe(false);
    expect(isOverseasCountryCode('XKX')).toBe(false);
    expect(isOverseasCountryCode('')).toBe(false);
    expect(OVERSEAS_COUNTRIES).toHaveLength(248);
    expect(OVERSEAS_COUNTRIES.some((c) => c.alpha3 === 'CHN')).toBe(false);
  });

  it('names a country in the interface language', () => {
    const de = findCountry('DEU')!;
    expect(countryName(de, 'zh-CN')).toBe('德国');
    expect(countryName(de, 'zh-HK')).toBe('德國');
    expect(countryName(de, 'en')).toBe('Germany');
    expect(countryNameOf('ZZZ', 'en')).toBe('ZZZ');
  });
});

describe('countryMatches (type-ahead by code or name)', () => {
  const find = (q: string) => OVERSEAS_COUNTRIES.filter((c) => countryMatches(c, q)).map((c) => c.alpha3);

  it('finds by code prefix, Chinese or English name, ignoring case and accents', () => {
    expect(find('bdi')).toEqual(['BDI']);
    expect(find('hk')).toContain('HKG');
    expect(find('香港')).toEqual(['HKG']);
    expect(find('德國')).toEqual(['DEU']);
    expect(find('germ')).toEqual(['DEU']);
    expect(find('cote d ivoire')).toEqual(['CIV']);
    expect(find('Ivory')).toEqual(['CIV']);
    expect(find('aland isl')).toEqual(['ALA']); // Åland Islands, typed without the ring
    expect(find('USA')).toEqual(['USA']);
  });

  it('matches everything for an empty query and nothing for nonsense', () => {
    expect(find('')).toHaveLength(248);
    expect(find('qqqq')).toEqual([]);
    expect(find('china')).toEqual(expect.arrayContaining(['HKG', 'MAC', 'TWN']));
    expect(find('china')).not.toContain('CHN');
  });
});
