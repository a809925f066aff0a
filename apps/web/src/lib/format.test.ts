import { describe, expect, it } from 'vitest';
import { formatYmd, parseYmd, safeNextPath } from './format';

describe('safeNextPath', () => {
  it('keeps same-site paths', () => {
    expect(safeNextPath('/console', '/account')).toBe('/console');
    expect(safeNextPath('/m?tab=me', '/account')).toBe('/m?tab=me');
  });

  it('refuses anything that could leave the site', () => {
    for (const next of [
      null,
      '',
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      'javascript:alert(1)',
    ]) {
      expect(safeNextPath(next, '/account'), String(next)).toBe('/account');
    }
  });
});

describe('formatYmd', () => {
  it('formats YYYYMMDD and shows 00000000 as long-term', () => {
    expect(formatYmd('20240229', '长期')).toBe('2024-02-29');
    expect(formatYmd('00000000', '长期')).toBe('长期');
    expect(formatYmd(null, '长期')).toBe('—');
  });
});

describe('parseYmd', () => {
  it('parses only strict calendar dates', () => {
    expect(parseYmd('20240229')?.format('YYYY-MM-DD')).toBe('2024-02-29');
    expect(parseYmd('20230229')).toBeNull();
    expect(parseYmd('00000000')).toBeNull();
    expect(parseYmd(undefined)).toBeNull();
  });
});
