import { errorMessage, LONG_TERM_DATE } from '@sw/contracts';
import type { FormRule } from 'antd';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { idNumberRule, mobileRule, otpCodeRule, passwordRule, usernameRule, validToRule } from './form-rules';

/** Runs a validator rule the way antd does; resolves to the error message or null. */
async function check(rule: FormRule, value: unknown): Promise<string | null> {
  if (typeof rule === 'function' || !rule.validator) throw new Error('expected a validator rule');
  try {
    // biome-ignore lint/suspicious/noExplicitAny: antd's RuleObject argument is not used by these validators.
    await rule.validator({} as any, value, () => {});
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('registration form rules', () => {
  it('use the contracts validators and their messages', async () => {
    expect(await check(usernameRule('zh-CN'), 'wangxm2024')).toBeNull();
    expect(await check(usernameRule('zh-CN'), '12345678')).toBe(
      errorMessage('field.username_invalid', 'zh-CN'),
    );
    expect(await check(passwordRule('en'), 'abcdefgh')).toBe(errorMessage('field.password_weak', 'en'));
    expect(await check(passwordRule('en'), 'Abcdef12!')).toBeNull();
    expect(await check(idNumberRule('resident_id', 'zh-CN'), '11010519491231002X')).toBeNull();
    expect(await check(idNumberRule('resident_id', 'zh-CN'), '110105194912310021')).toBe(
      errorMessage('field.id_number_invalid', 'zh-CN'),
    );
  });

  it('requires the mobile only when asked to', async () => {
    expect(await check(mobileRule(true, 'zh-CN'), '')).toBe(errorMessage('account.mobile_required', 'zh-CN'));
    expect(await check(mobileRule(false, 'zh-CN'), '')).toBeNull();
    expect(await check(mobileRule(false, 'zh-CN'), '12345')).toBe(
      errorMessage('field.mobile_invalid', 'zh-CN'),
    );
    expect(await check(otpCodeRule(true, 'zh-CN'), '12ab56')).toBe(errorMessage('otp.invalid', 'zh-CN'));
  });

  it('accepts 00000000 as 长期 and refuses an end before the start', async () => {
    const next = dayjs().add(1, 'year').format('YYYYMMDD');
    expect(
      await check(
        validToRule(() => '20200101', 'zh-CN'),
        LONG_TERM_DATE,
      ),
    ).toBeNull();
    expect(
      await check(
        validToRule(() => '20200101', 'zh-CN'),
        next,
      ),
    ).toBeNull();
    expect(
      await check(
        validToRule(() => '20200101', 'zh-CN'),
        '20190101',
      ),
    ).toBe(errorMessage('field.date_range_invalid', 'zh-CN'));
  });
});
