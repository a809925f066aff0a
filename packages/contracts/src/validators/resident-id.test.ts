import { describe, expect, it } from 'vitest';
import { isValidResidentId, parseResidentId, residentIdCheckChar } from './resident-id.ts';

// Valid samples computed with GB 11643 and cross-checked by an independent implementation.
const VALID = [
  '11010519491231002X', // the well-known sample from the standard
  '110105194912310011',
  '440308199901010012',
  '310115200002291235', // 29 February of a leap year
];

describe('residentIdCheckChar', () => {
  it('computes the GB 11643 check character', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(residentIdCheckChar('44030819990101001')).toBe('2');
    expect(residentIdCheckChar('31011520000229123')).toBe('5');
  });

  it('refuses malformed input', () => {
    expect(() => residentIdCheckChar('1101051949123100')).toThrow(RangeError);
    expect(() => residentIdCheckChar('1101051949123100A')).toThrow(RangeError);
  });
});

describe('isValidResidentId', () => {
  it('accepts valid numbers', () => {
    for (const v of VALID) expect(isValidResidentId(v), v).toBe(true);
  });

  it('accepts a lowercase x', () => {
    expect(isValidResidentId('11010519491231002x')).toBe(true);
  });

  it('rejects a wrong check character', () => {
    expect(isValidResidentId('110105194912310021')).toBe(false);
    expect(isValidResidentId('440308199901010013')).toBe(false);
    expect(isValidResidentId('44030819990101001X')).toBe(false);
  });

  it('rejects impossible, early and future birth dates even with a correct check character', () => {
    expect(isValidResidentId('11010118991231001X')).toBe(false); // 1899
    expect(isValidResidentId('110101209912310015')).toBe(false); // 2099, in the future
    const first17 = '11010120230229001'; // 2023 is not a leap year
    expect(isValidResidentId(first17 + residentIdCheckChar(first17))).toBe(false);
  });

  it('judges the future against the given clock', () => {
    const first17 = '11010120300101001';
    const id = first17 + residentIdCheckChar(first17);
    expect(isValidResidentId(id, new Date('2029-12-31T15:00:00Z'))).toBe(false);
    expect(isValidResidentId(id, new Date('2029-12-31T16:00:00Z'))).toBe(true); // midnight in Beijing
  });

  it('rejects wrong shapes', () => {
    for (const v of [
      '',
      '11010519491231002',
      '11010519491231002XX',
      '110105194912310',
      'A1010519491231002X',
      '1101051949123100X2',
      ' 11010519491231002X',
    ]) {
      expect(isValidResidentId(v), v).toBe(false);
    }
  });
});

describe('parseResidentId', () => {
  it('extracts birth date, gender and region', () => {
    expect(parseResidentId('11010519491231002X')).toEqual({
      birthDate: '19491231',
      gender: 'female',
      regionCode: '110105',
    });
    expect(parseResidentId('110105194912310011')).toEqual({
      birthDate: '19491231',
      gender: 'male',
      regionCode: '110105',
    });
  });

  it('returns null for an invalid number', () => {
    expect(parseResidentId('110105194912310021')).toBeNull();
  });
});

describe('isValidResidentId as an untyped callback', () => {
  it('ignores a non-Date second argument', () => {
    const loose = isValidResidentId as (v: string, index: unknown) => boolean;
    expect(['11010519491231002X', '110105194912310021'].filter(loose)).toEqual(['11010519491231002X']);
  });
});
