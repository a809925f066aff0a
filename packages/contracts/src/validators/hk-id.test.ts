import { describe, expect, it } from 'vitest';
import { hkIdCheckChar, isValidHkId, normalizeHkId } from './hk-id.ts';

describe('hkIdCheckChar', () => {
  it('computes the check character for one- and two-letter prefixes', () => {
    expect(hkIdCheckChar('A123456')).toBe('3');
    expect(hkIdCheckChar('G123456')).toBe('A'); // 11 - r = 10
    expect(hkIdCheckChar('K123456')).toBe('0'); // 11 - r = 11
    expect(hkIdCheckChar('C668668')).toBe('9'); // the sample printed on HK government forms
    expect(hkIdCheckChar('AB987654')).toBe('3');
    expect(hkIdCheckChar('XA000000')).toBe('8');
  });

  it('refuses malformed input', () => {
    expect(() => hkIdCheckChar('123456')).toThrow(RangeError);
    expect(() => hkIdCheckChar('ABC123456')).toThrow(RangeError);
  });
});

describe('isValidHkId', () => {
  it('accepts bracketed and unbracketed forms in any case', () => {
    for (const v of [
      'A123456(3)',
      'A1234563',
      'a123456(3)',
      'G123456(A)',
      'G123456a',
      'K123456(0)',
      'C668668(9)',
      'AB987654(3)',
      'XA0000008',
      'A123456（3）',
    ]) {
      expect(isValidHkId(v), v).toBe(true);
    }
  });

  it('rejects wrong check characters and shapes', () => {
    for (const v of [
      'A123456(4)',
      'A1234564',
      'G123456(0)',
      'K123456(A)',
      'AB987654(2)',
      '123456(3)',
      'ABC123456(3)',
      'A12345(3)',
      'A123456(3',
      'A123456()',
      'A123456 (3)',
      '',
    ]) {
      expect(isValidHkId(v), v).toBe(false);
    }
  });
});

describe('normalizeHkId', () => {
  it('produces the bracketed upper-case form', () => {
    expect(normalizeHkId('a1234563')).toBe('A123456(3)');
    expect(normalizeHkId('g123456(a)')).toBe('G123456(A)');
    expect(normalizeHkId('ab987654（3）')).toBe('AB987654(3)');
  });

  it('only upper-cases what it cannot parse', () => {
    expect(normalizeHkId('abc')).toBe('ABC');
  });
});
