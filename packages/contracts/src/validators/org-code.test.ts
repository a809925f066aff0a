import { describe, expect, it } from 'vitest';
import { isValidOrgCode, normalizeOrgCode, orgCodeCheckChar } from './org-code.ts';

describe('orgCodeCheckChar', () => {
  it('computes the GB 11714 check character, including X and 0', () => {
    expect(orgCodeCheckChar('80210043')).toBe('3');
    expect(orgCodeCheckChar('M000100Y')).toBe('4');
    expect(orgCodeCheckChar('D2694931')).toBe('5');
    expect(orgCodeCheckChar('71526726')).toBe('X'); // 11 - r = 10
    expect(orgCodeCheckChar('00000000')).toBe('0'); // 11 - r = 11
    expect(orgCodeCheckChar('a0000000')).toBe('3');
  });

  it('refuses malformed input', () => {
    expect(() => orgCodeCheckChar('1234567')).toThrow(RangeError);
    expect(() => orgCodeCheckChar('1234567-')).toThrow(RangeError);
  });
});

describe('isValidOrgCode', () => {
  it('accepts codes with and without the hyphen, in any case', () => {
    for (const v of [
      '80210043-3',
      '802100433',
      'M000100Y-4',
      'm000100y4',
      '71526726-X',
      '71526726x',
      '192203821',
      'D26949315',
    ]) {
      expect(isValidOrgCode(v), v).toBe(true);
    }
  });

  it('rejects wrong check characters and shapes', () => {
    for (const v of [
      '80210043-4',
      '802100434',
      '71526726-0',
      '8021004-33',
      '80210043--3',
      '8021004333',
      '80210043',
      '',
      '80210043-A',
      '8021 0043-3',
    ]) {
      expect(isValidOrgCode(v), v).toBe(false);
    }
  });
});

describe('normalizeOrgCode', () => {
  it('strips the hyphen and upper-cases', () => {
    expect(normalizeOrgCode('71526726-x')).toBe('71526726X');
    expect(normalizeOrgCode('m000100y4')).toBe('M000100Y4');
  });
});
