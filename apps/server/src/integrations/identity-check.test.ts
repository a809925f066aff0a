import { describe, expect, it } from 'vitest';
import { AppError } from '../http/app-error.ts';
import { createIdentityAgenciesSimulator, luhnValid, withAgencyTimeout } from './identity-check.ts';

const log = { info() {}, warn() {} } as never;

describe('identity agencies simulator', () => {
  const sim = createIdentityAgenciesSimulator({ log, production: false });

  it('knows its sample people by name, and answers other numbers by the check digit', async () => {
    expect(
      await sim.checkIdentity({ name: '张三', idType: 'resident_id', idNumber: '11010519491231002x' }),
    ).toBe('match');
    expect(
      await sim.checkIdentity({ name: '王五', idType: 'resident_id', idNumber: '11010519491231002X' }),
    ).toBe('mismatch');
    expect(
      await sim.checkIdentity({ name: '王五', idType: 'resident_id', idNumber: '110105194912310021' }),
    ).toBe('not_found');
  });

  it('checks a bank card by Luhn before its holder', async () => {
    expect(luhnValid('6222021234567890128')).toBe(luhnValid('6222021234567890128'));
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    const facts = {
      name: '张三',
      idType: 'resident_id' as const,
      idNumber: '11010519491231002X',
      mobile: '13800138000',
    };
    expect(await sim.checkBankCard({ ...facts, cardNumber: '4111111111111112' })).toBe('card_invalid');
    expect(await sim.checkBankCard({ ...facts, cardNumber: '4111111111111111' })).toBe('match');
  });

  it('confirms a corporate account: its sample at its bank for its enterprise only, others by Luhn', async () => {
    const demo = { enterpriseName: '广州示例进出口贸易有限公司', enterpriseCode: '91440101MA59UQXX9Q' };
    const sample = '4405 0149 0401 0000 0018';
    expect(await sim.checkCorporateAccount({ ...demo, bank: 'ccb', accountNumber: sample })).toBe('match');
    expect(await sim.checkCorporateAccount({ ...demo, bank: 'abc', accountNumber: sample })).toBe('mismatch');
    expect(
      await sim.checkCorporateAccount({
        enterpriseName: '别家',
        enterpriseCode: '91110000MA00000000',
        bank: 'ccb',
        accountNumber: sample,
      }),
    ).toBe('mismatch');
    expect(
      await sim.checkCorporateAccount({ ...demo, bank: 'cmbc', accountNumber: '6228480123456789015' }),
    ).toBe('match');
    expect(
      await sim.checkCorporateAccount({ ...demo, bank: 'cmbc', accountNumber: '6228480123456789016' }),
    ).toBe('account_invalid');
  });

  it('asserts nothing in production', async () => {
    const prod = createIdentityAgenciesSimulator({ log, production: true });
    await expect(
      prod.checkIdentity({ name: '张三', idType: 'resident_id', idNumber: '11010519491231002X' }),
    ).rejects.toMatchObject({
      code: 'simulator.unavailable_in_production',
    });
  });

  it('turns an agency that does not answer into a 503', async () => {
    const never = new Promise<string>(() => {});
    const error = await withAgencyTimeout(never, 20).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('agency.unavailable');
  });
});
