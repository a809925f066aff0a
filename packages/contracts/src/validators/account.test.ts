import { describe, expect, it } from 'vitest';
import { isStrongPassword, isValidUsername, normalizeUsername, passwordStrengthIssues } from './account.ts';

describe('isValidUsername', () => {
  it('accepts 6–18 lowercase letters, or letters with digits', () => {
    for (const v of [
      'loveyoung',
      'abcdef',
      'zhangsan2024',
      '2024zhangsan',
      'a12345',
      'abcdefghijklmnopqr',
      '123abc',
    ]) {
      expect(isValidUsername(v), v).toBe(true);
    }
  });

  it('rejects digits only, upper case, other characters and wrong lengths', () => {
    for (const v of [
      '12345678',
      'abcde',
      'abcdefghijklmnopqrs',
      'LoveYoung',
      'love_young',
      'love.young',
      'love young',
      '张三丰abcdef',
      '',
    ]) {
      expect(isValidUsername(v), v).toBe(false);
    }
  });
});

describe('normalizeUsername', () => {
  it('lower-cases', () => {
    expect(normalizeUsername('LoveYoung')).toBe('loveyoung');
  });
});

describe('passwordStrengthIssues', () => {
  it('accepts three or four classes at 8–16 characters', () => {
    for (const v of ['Abcdefg1', 'abcdef1!', 'ABCDEF1!', 'Abcdefg!', 'Aa1!Aa1!Aa1!Aa1!', 'P@ssw0rd']) {
      expect(passwordStrengthIssues(v), v).toEqual([]);
      expect(isStrongPassword(v), v).toBe(true);
    }
  });

  it('reports length', () => {
    expect(passwordStrengthIssues('Abcde1!')).toEqual(['length']);
    expect(passwordStrengthIssues('Abcdefghijklmn1!x')).toEqual(['length']);
  });

  it('reports too few classes', () => {
    expect(passwordStrengthIssues('abcdefgh')).toEqual(['classes']);
    expect(passwordStrengthIssues('abcdefg1')).toEqual(['classes']);
    expect(passwordStrengthIssues('12345678')).toEqual(['classes']);
    expect(passwordStrengthIssues('abc')).toEqual(['length', 'classes']);
  });

  it('reports characters outside printable ASCII', () => {
    expect(passwordStrengthIssues('Abcdef1 ')).toEqual(['charset']);
    expect(passwordStrengthIssues('Abcdef1密码')).toEqual(['charset']);
    expect(isStrongPassword('Abcdefg1\n')).toBe(false);
  });
});
