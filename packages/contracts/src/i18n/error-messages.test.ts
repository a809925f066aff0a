import { describe, expect, it } from 'vitest';
import { LOCALES } from '../enums.ts';
import { ERROR_CODES, type ErrorCode } from '../errors.ts';
import { ERROR_MESSAGES, errorMessage, isLocale, resolveLocale } from './error-messages.ts';

const CODES = Object.keys(ERROR_CODES) as ErrorCode[];

describe('ERROR_MESSAGES', () => {
  it.each(LOCALES)('%s has a non-empty message for every code and nothing else', (locale) => {
    for (const code of CODES) {
      const message = ERROR_MESSAGES[locale][code];
      expect(typeof message, code).toBe('string');
      expect(message.trim(), code).not.toBe('');
    }
    expect(Object.keys(ERROR_MESSAGES[locale]).sort()).toEqual([...CODES].sort());
  });

  it('uses the portal wording in zh-CN', () => {
    expect(errorMessage('auth.invalid_credentials', 'zh-CN')).toBe('用户名或密码错误');
    expect(errorMessage('captcha.invalid', 'zh-CN')).toBe('图片验证码错误或已失效，请刷新后重试');
    expect(errorMessage('otp.invalid', 'zh-CN')).toBe('验证码错误');
    expect(errorMessage('field.required', 'zh-CN')).toBe('此项为必填项');
    expect(errorMessage('account.username_taken', 'zh-CN')).toBe('该用户名已被注册');
    expect(errorMessage('field.username_invalid', 'zh-CN')).toBe('用户名须为6-18位小写字母或字母与数字组合');
    expect(errorMessage('field.password_weak', 'zh-CN')).toBe(
      '8-16位大小写字母、数字和符号任意三种及以上组合',
    );
  });

  it('uses Hong Kong terms in zh-HK', () => {
    expect(errorMessage('auth.invalid_credentials', 'zh-HK')).toBe('用戶名稱或密碼錯誤');
    expect(errorMessage('field.email_invalid', 'zh-HK')).toContain('電郵');
    expect(errorMessage('otp.invalid', 'zh-HK')).toBe('驗證碼錯誤');
  });

  it('differs between locales', () => {
    for (const code of CODES) {
      expect(ERROR_MESSAGES.en[code], code).not.toBe(ERROR_MESSAGES['zh-CN'][code]);
      expect(ERROR_MESSAGES['zh-HK'][code], code).not.toBe(ERROR_MESSAGES['zh-CN'][code]);
    }
  });
});

describe('resolveLocale', () => {
  it.each([
    [undefined, 'zh-CN'],
    ['', 'zh-CN'],
    ['*', 'zh-CN'],
    ['fr-FR,de;q=0.5', 'zh-CN'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['zh-SG', 'zh-CN'],
    ['zh-Hans-HK', 'zh-CN'],
    ['zh-HK', 'zh-HK'],
    ['zh-hk', 'zh-HK'],
    ['zh_HK', 'zh-HK'],
    ['zh-TW,zh;q=0.9', 'zh-HK'],
    ['zh-MO', 'zh-HK'],
    ['zh-Hant', 'zh-HK'],
    ['zh-Hant-TW', 'zh-HK'],
    ['yue-HK', 'zh-HK'],
    ['en-US,en;q=0.9', 'en'],
    ['en', 'en'],
    ['en-GB;q=0.8,zh-HK;q=0.9', 'zh-HK'],
    ['zh-CN;q=0.5, en-US;q=0.7', 'en'],
    ['fr, en;q=0.1', 'en'],
    ['en;q=0, zh-TW', 'zh-HK'],
    ['de-DE , zh-HK ; q=0.8 , en ; q=0.9', 'en'],
    ['en;q=0.8, zh-HK;q=0.8', 'en'], // equal q: header order wins
    ['garbage;;;,,,', 'zh-CN'],
  ] as const)('%s → %s', (header, expected) => {
    expect(resolveLocale(header)).toBe(expected);
  });
});

describe('isLocale', () => {
  it('recognizes supported locales only', () => {
    expect(isLocale('zh-HK')).toBe(true);
    expect(isLocale('zh-TW')).toBe(false);
  });
});
