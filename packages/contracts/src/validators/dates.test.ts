import { describe, expect, it } from 'vitest';
import { isValidYmd, ymdToDate } from './dates.ts';

describe('isValidYmd', () => {
  it('accepts real calendar dates', () => {
    for (const v of ['19000101', '19491231', '20000229', '20240229', '20991231', '21991231']) {
      expect(isValidYmd(v, { allowLongTerm: false }), v).toBe(true);
    }
  });

  it('rejects impossible dates and bad formats', () => {
    for (const v of [
      '19001301',
      '20230229',
      '19000229', // 1900 is not a leap year
      '21000229', // 2100 is not a leap year
      '20240431',
      '20240100',
      '20240001',
      '18991231',
      '22000101',
      '2024-01-01',
      '2024011',
      '202401011',
      '',
      ' 20240101',
      '2024010a',
    ]) {
      expect(isValidYmd(v, { allowLongTerm: false }), v).toBe(false);
    }
  });

  it('accepts 00000000 only for long-term', () => {
    expect(isValidYmd('00000000', { allowLongTerm: true })).toBe(true);
    expect(isValidYmd('00000000', { allowLongTerm: false })).toBe(false);
    expect(isValidYmd('20240101', { allowLongTerm: true })).toBe(true);
  });
});

describe('ymdToDate', () => {
  it('returns a UTC date', () => {
    expect(ymdToDate('19491231')?.toISOString()).toBe('1949-12-31T00:00:00.000Z');
  });

  it('returns null for invalid input', () => {
    expect(ymdToDate('20230229')).toBeNull();
    expect(ymdToDate('00000000')).toBeNull();
  });
});
