import { describe, expect, it } from 'vitest';
import { isValidBankCard, isValidEmail, isValidMobile, luhnCheckDigit } from './contact.ts';

describe('isValidMobile', () => {
  it('accepts mainland mobile numbers', () => {
    for (const v of ['13812341234', '15900000000', '17612345678', '18688889999', '19912345678']) {
      expect(isValidMobile(v), v).toBe(true);
    }
  });

  it('rejects other numbers', () => {
    for (const v of [
      '12812341234',
      '10012341234',
      '1381234123',
      '138123412345',
      '+8613812341234',
      '138 1234 1234',
      '23812341234',
      '',
    ]) {
      expect(isValidMobile(v), v).toBe(false);
    }
  });
});

describe('isValidEmail', () => {
  it('accepts ordinary addresses', () => {
    for (const v of [
      'loveyoung@126.com',
      'zhang.san@example.com.cn',
      'a@b.cn',
      'first.last+tag@sub.example.org',
      'user_name-1@mail-server.gov.hk',
      'UPPER@EXAMPLE.COM',
      'x@example.xn--fiqs8s',
    ]) {
      expect(isValidEmail(v), v).toBe(true);
    }
  });

  it('rejects malformed addresses', () => {
    for (const v of [
      '',
      'plainaddress',
      '@example.com',
      'user@',
      'user@localhost',
      'user@example.c',
      'user@example.123',
      'user name@example.com',
      'user@exa mple.com',
      '.user@example.com',
      'user.@example.com',
      'us..er@example.com',
      'user@example..com',
      'user@-example.com',
      'user@example-.com',
      'user@@example.com',
      '张三@example.com',
      `${'a'.repeat(65)}@example.com`,
      `${'a'.repeat(60)}@${'b'.repeat(36)}.com`, // 101 characters
    ]) {
      expect(isValidEmail(v), v).toBe(false);
    }
  });

  it('allows exactly 100 characters', () => {
    const v = `${'a'.repeat(60)}@${'b'.repeat(35)}.com`;
    expect(v).toHaveLength(100);
    expect(isValidEmail(v)).toBe(true);
  });
});

describe('luhnCheckDigit', () => {
  it('computes the Luhn digit', () => {
    expect(luhnCheckDigit('7992739871')).toBe('3');
    expect(luhnCheckDigit('411111111111111')).toBe('1');
    expect(luhnCheckDigit('622202100112345678')).toBe('9');
    expect(luhnCheckDigit('621226120200000000')).toBe('1');
  });

  it('refuses non-digits', () => {
    expect(() => luhnCheckDigit('1234a')).toThrow(RangeError);
    expect(() => luhnCheckDigit('')).toThrow(RangeError);
  });
});

describe('isValidBankCard', () => {
  it('accepts 12–19 digit numbers passing Luhn', () => {
    for (const v of [
      '4111111111111111',
      '378282246310005',
      '6011111111111117',
      '6222021001123456789',
      '6212261202000000001',
      '622848001234567894',
      '123456789015',
    ]) {
      expect(isValidBankCard(v), v).toBe(true);
    }
  });

  it('rejects wrong check digits, lengths and characters', () => {
    for (const v of [
      '4111111111111112',
      '6222021001123456780',
      '79927398713',
      '41111111111111111111',
      '4111 1111 1111 1111',
      '',
    ]) {
      expect(isValidBankCard(v), v).toBe(false);
    }
  });
});
