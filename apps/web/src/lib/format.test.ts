import { describe, expect, it } from 'vitest';
import { formatBytes, formatChinaDate, formatYmd, parseYmd, safeNextPath } from './format';

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

describe('formatChinaDate', () => {
  it('names the day in China, wherever the browser is', () => {
    // the end of a working day in Shanghai is 15:59:59.999Z
    expect(formatChinaDate('2026-11-24T15:59:59.999Z')).toBe('2026-11-24');
    expect(formatChinaDate('2026-11-24T16:00:00.000Z')).toBe('2026-11-25');
    expect(formatChinaDate(null)).toBe('—');
    expect(formatChinaDate('not a date', '')).toBe('');
  });
});

describe('formatBytes', () => {
  it('uses B, KB and MB', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(10 * 1024 * 1024)).toBe('10.0 MB');
  });
});
