import { describe, expect, it } from 'vitest';
import { ActivateAccountBody, IssueCardBody, isValidCardNo, isValidCardPin } from './cards.ts';

const valid = {
  holderName: '张三',
  holderIdType: 'resident_id',
  holderIdNumber: '11010519491231002x',
  creditCode: '91350100M000100Y43',
  orgCode: 'M000100Y-4',
  orgName: '示例贸易有限公司',
  role: 'legal_person',
  notAfter: '2030-01-01T00:00:00+08:00',
  pin: 'Pin#2026',
};

function codes(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return (result.error?.issues ?? []).map((i) => `${i.path.join('.')} ${i.message}`);
}

describe('card numbers and PINs', () => {
  it('card numbers are 8–20 digits', () => {
    expect(isValidCardNo('89000000')).toBe(true);
    expect(isValidCardNo('8900000000000000001')).toBe(true);
    expect(isValidCardNo('8900000')).toBe(false);
    expect(isValidCardNo('89000000a')).toBe(false);
  });
  it('PINs are 6–16 printable ASCII without spaces', () => {
    expect(isValidCardPin('123456')).toBe(true);
    expect(isValidCardPin('Pin#2026Pin#2026')).toBe(true);
    expect(isValidCardPin('12345')).toBe(false);
    expect(isValidCardPin('1234 5678')).toBe(false);
    expect(isValidCardPin('密码密码密码')).toBe(false);
  });
});

describe('IssueCardBody', () => {
  it('normalises the codes and the ID number', () => {
    const parsed = IssueCardBody.parse(valid);
    expect(parsed).toMatchObject({ orgCode: 'M000100Y4', holderIdNumber: '11010519491231002X' });
  });
  it('requires the organization code to be characters 9–17 of the credit code', () => {
    expect(codes(IssueCardBody.safeParse({ ...valid, orgCode: '12345678-X' }))).toContain(
      'orgCode field.org_code_mismatch',
    );
  });
  it('refuses an end before the start, and a bad ID number', () => {
    const result = IssueCardBody.safeParse({
      ...valid,
      notBefore: '2031-01-01T00:00:00Z',
      holderIdNumber: '110105194912310021',
    });
    expect(codes(result)).toEqual(
      expect.arrayContaining(['notAfter field.date_range_invalid', 'holderIdNumber field.id_number_invalid']),
    );
  });
});

describe('ActivateAccountBody', () => {
  it('wants a strong password, typed twice', () => {
    expect(
      ActivateAccountBody.safeParse({ password: 'Activ8!pass', confirmPassword: 'Activ8!pass' }).success,
    ).toBe(true);
    expect(codes(ActivateAccountBody.safeParse({ password: 'Activ8!pass', confirmPassword: 'x' }))).toEqual([
      'confirmPassword field.password_mismatch',
    ]);
    expect(codes(ActivateAccountBody.safeParse({ password: 'weak', confirmPassword: 'weak' }))).toEqual([
      'password field.password_weak',
    ]);
  });
});
