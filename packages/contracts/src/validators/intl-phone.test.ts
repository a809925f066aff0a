import { describe, expect, it } from 'vitest';
import { isValidIntlMobile, isValidPhoneNumber, normalizePhone } from './intl-phone.ts';

describe('isValidPhoneNumber (联系电话 / 联系传真 of an overseas enterprise)', () => {
  it.each([
    '+852 2345 6789',
    '+1 (415) 555-0132',
    '0044 20 7946 0958',
    '+81-3-1234-5678',
    '02 9876 5432',
    '+65 6123 4567 ext. 204',
    '+49 30 901820 x12',
    '010-12345678转8001',
    '12345',
  ])('accepts %s', (v) => {
    expect(isValidPhoneNumber(v)).toBe(true);
  });

  it.each([
    '',
    '1234', // too few digits
    '+1234567890123456', // 16 digits, beyond E.164
    'call me',
    '+852 2345 6789; drop table',
    '<b>12345</b>',
    '++852 23456789',
    '852 (( 2345',
    '+852 2345 6789 ext',
    '12 -- 345',
    '(12345)',
    `+${'1'.repeat(40)}`,
  ])('refuses %s', (v) => {
    expect(isValidPhoneNumber(v)).toBe(false);
  });
});

describe('isValidIntlMobile (联系手机)', () => {
  it.each(['+852 9123 4567', '13812345678', '+44 7700 900123', '0085291234567', '+1-415-555-0132'])(
    'accepts %s',
    (v) => {
      expect(isValidIntlMobile(v)).toBe(true);
    },
  );

  it.each(['', '12345', '+852 9123 4567 x1', '(852) 91234567', 'mobile', '+1234567890123456'])(
    'refuses %s',
    (v) => {
      expect(isValidIntlMobile(v)).toBe(false);
    },
  );
});

describe('normalizePhone', () => {
  it('keeps + and digits, and writes 00 as +', () => {
    expect(normalizePhone('+852 9123-4567')).toBe('+85291234567');
    expect(normalizePhone('00852 9123 4567')).toBe('+85291234567');
    expect(normalizePhone('138 1234 5678')).toBe('13812345678');
  });
});
