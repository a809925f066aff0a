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
