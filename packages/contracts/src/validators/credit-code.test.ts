import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, isValidCreditCode, orgCodeOfCreditCode } from './credit-code.ts';

// Published codes of real organizations; each was cross-checked by an independent implementation.
const VALID = [
  '91350100M000100Y43', // well-known sample
  '91110000802100433B', // well-known sample
  '914403001922038216', // 华为技术有限公司
  '9144030071526726XG', // 深圳市腾讯计算机系统有限公司 (embedded org code ends in X)
  '91330100716105852F', // 阿里巴巴（中国）有限公司
  '91110108551385082Q', // 北京小米科技有限责任公司
  '12100000400000624D', // a public institution (事业单位)
];

describe('creditCodeCheckChar', () => {
  it('computes the GB 32100 check character', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    expect(creditCodeCheckChar('91110000802100433')).toBe('B');
    expect(creditCodeCheckChar('9144030071526726X')).toBe('G');
  });

  it('refuses characters outside the GB 32100 set', () => {
    expect(() => creditCodeCheckChar('91350100M000100I4')).toThrow(RangeError);
    expect(() => creditCodeCheckChar('91350100M000100Y')).toThrow(RangeError);
  });
});

describe('isValidCreditCode', () => {
  it('accepts valid codes in any case', () => {
    for (const v of VALID) expect(isValidCreditCode(v), v).toBe(true);
    expect(isValidCreditCode('9144030071526726xg')).toBe(true);
  });

  it('rejects a wrong check character', () => {
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
    expect(isValidCreditCode('91110000802100433C')).toBe(false);
  });

  it('rejects a code whose embedded organization code fails GB 11714', () => {
    // '80210043' + '4' is not a valid org code; append the matching GB 32100 check character anyway
    const first17 = '911100008021004340'.slice(0, 17);
    const code = first17 + creditCodeCheckChar(first17);
    expect(isValidCreditCode(code)).toBe(false);
  });

  it('rejects characters outside the set and wrong lengths', () => {
    for (const v of [
      '',
      '91350100M000100Y4',
      '91350100M000100Y433',
      '91350100M000I00Y43',
      '91350100O000100Y43',
      '91350100-M000100Y43',
    ]) {
      expect(isValidCreditCode(v), v).toBe(false);
    }
  });
});

describe('orgCodeOfCreditCode', () => {
  it('returns characters 9–17', () => {
    expect(orgCodeOfCreditCode('91350100M000100Y43')).toBe('M000100Y4');
    expect(orgCodeOfCreditCode('9144030071526726XG')).toBe('71526726X');
  });
});
