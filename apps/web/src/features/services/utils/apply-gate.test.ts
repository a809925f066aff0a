import { describe, expect, it } from 'vitest';
import { applyRefusal } from './apply-gate';

const operatorsOnly = { audience: ['enterprise_operator' as const], realNameLevel: 'medium' as const };
const operator = { kind: 'enterprise_operator' as const, realNameLevel: 'high' as const };

describe('applyRefusal', () => {
  it('lets a signed-in account of the right kind and level through', () => {
    expect(
      applyRefusal({ item: operatorsOnly, account: operator, hasPages: true, guests: false }),
    ).toBeNull();
  });

  it('asks to sign in first', () => {
    expect(applyRefusal({ item: operatorsOnly, account: null, hasPages: true, guests: false })).toEqual({
      reason: 'signIn',
    });
  });

  it('tells an administrator that administrators do no business', () => {
    const admin = { kind: 'enterprise_admin' as const, realNameLevel: 'high' as const };
    expect(applyRefusal({ item: operatorsOnly, account: admin, hasPages: true, guests: false })).toEqual({
      reason: 'admin',
    });
  });

  it('refuses another kind of account', () => {
    const person = { kind: 'individual' as const, realNameLevel: 'high' as const };
    expect(
      applyRefusal({ item: operatorsOnly, account: person, hasPages: true, guests: false })?.reason,
    ).toBe('kind');
  });

  it('names the current level when it is too low', () => {
    const low = { kind: 'enterprise_operator' as const, realNameLevel: 'low' as const };
    expect(applyRefusal({ item: operatorsOnly, account: low, hasPages: true, guests: false })).toEqual({
      reason: 'level',
      current: 'low',
    });
  });

  it('lets guests apply to a registration service without signing in', () => {
    expect(applyRefusal({ item: operatorsOnly, account: null, hasPages: true, guests: true })).toBeNull();
  });

  it('refuses when the web app has no pages for the service', () => {
    expect(applyRefusal({ item: operatorsOnly, account: operator, hasPages: false, guests: false })).toEqual({
      reason: 'noPages',
    });
  });
});
