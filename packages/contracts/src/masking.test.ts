import { describe, expect, it } from 'vitest';
import { maskEmail, maskIdNumber, maskMobile, maskName } from './masking.ts';

describe('maskMobile', () => {
  it('keeps the first 3 and last 4 digits', () => {
    expect(maskMobile('13812341234')).toBe('138****1234');
  });

  it('returns the empty string unchanged', () => {
    expect(maskMobile('')).toBe('');
  });
});

describe('maskEmail', () => {
  it('keeps the first 2 and last 2 characters of the local part', () => {
    expect(maskEmail('loveyoung@126.com')).toBe('lo*****ng@126.com');
    expect(maskEmail('abcde@example.com')).toBe('ab*de@example.com');
  });

  it('keeps only the first character of a short local part', () => {
    expect(maskEmail('abcd@qq.com')).toBe('a***@qq.com');
    expect(maskEmail('ab@qq.com')).toBe('a*@qq.com');
    expect(maskEmail('a@qq.com')).toBe('a@qq.com');
  });

  it('returns the empty string unchanged', () => {
    expect(maskEmail('')).toBe('');
  });
});

describe('maskIdNumber', () => {
  it('keeps the first 4 and last 4 characters', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
    expect(maskIdNumber('E12345678')).toBe('E123*5678');
    expect(maskIdNumber('A123456(3)')).toBe('A123**6(3)');
  });

  it('keeps the first and last character of short values', () => {
    expect(maskIdNumber('H1234567')).toBe('H******7');
    expect(maskIdNumber('12')).toBe('12');
  });

  it('returns the empty string unchanged', () => {
    expect(maskIdNumber('')).toBe('');
  });
});

describe('maskName', () => {
  it('keeps the first character', () => {
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('李')).toBe('李');
    expect(maskName('𠀋三')).toBe('𠀋*'); // a character outside the BMP counts as one
    expect(maskName('John Smith')).toBe('J*********');
  });

  it('returns the empty string unchanged', () => {
    expect(maskName('')).toBe('');
  });
});
