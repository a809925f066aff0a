import { creditCodeCheckChar, orgCodeCheckChar } from '@sw/contracts';
import { describe, expect, it } from 'vitest';
import {
  EnterpriseRegistrationForm,
  EnterpriseRegistrationRecord,
  REGISTRATION_ATTACHMENTS,
  registrationOrgCode,
} from './contract.ts';

const orgBody = '12345678';
const orgCode = orgBody + orgCodeCheckChar(orgBody);
const first17 = `91130100${orgCode}`;
const creditCode = first17 + creditCodeCheckChar(first17);

const form = {
  registrationType: 'unified',
  creditCode,
  province: '13',
  city: '1301',
  district: '130102',
  address: '中山东路1号',
  nameZh: '河北测试进出口有限公司',
  entityTypes: ['cargo_owner'],
  contacts: [
    { role: 'legal_rep', name: '王五', idType: 'resident_id', idNumber: '' },
    { role: 'general_manager' },
    { role: 'finance', email: '' },
  ],
  admin: {
    username: 'hebeiadmin',
    realName: '赵六',
    password: 'Passw0rd!',
    confirmPassword: 'Passw0rd!',
    email: 'a@example.com',
    fax: '0311-12345678',
    phone: '0311-12345678',
    mobile: '13912345678',
  },
};

function issues(input: unknown) {
  const result = EnterpriseRegistrationForm.safeParse(input);
  return result.success
    ? {}
    : Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('the registration form of seed 001 §2.3', () => {
  it('accepts a 三证合一 form; blanks count as not given; the org code comes from the credit code', () => {
    const parsed = EnterpriseRegistrationForm.parse(form);
    expect(parsed.contacts[0].idNumber).toBeUndefined();
    expect(parsed.contacts[2].email).toBeUndefined();
    expect(registrationOrgCode(parsed)).toBe(orgCode);
  });

  it('asks each registration type for its own code', () => {
    expect(issues({ ...form, creditCode: undefined })).toEqual({ creditCode: 'field.required' });
    expect(issues({ ...form, orgCode: '87654321X' })).toMatchObject({ orgCode: expect.any(String) });
    expect(issues({ ...form, registrationType: 'enterprise' })).toEqual({
      orgCode: 'field.required',
      creditCode: 'field.unknown',
    });
    expect(
      issues({
        ...form,
        registrationType: 'institution',
        creditCode: undefined,
        orgCode,
        enterpriseType: 'private',
      }),
    ).toEqual({
      enterpriseType: 'field.invalid',
    });
  });

  it('checks the administrator (starred fields, the platform password rule) and the contacts', () => {
    expect(
      issues({
        ...form,
        entityTypes: ['cargo_owner', 'cargo_owner'],
        contacts: [{ role: 'legal_rep', idNumber: '130102198001010011' }, form.contacts[1], form.contacts[2]],
        admin: {
          ...form.admin,
          password: 'abc12345',
          confirmPassword: 'abc12345',
          mobile: '',
          fax: undefined,
        },
      }),
    ).toEqual({
      entityTypes: 'field.invalid',
      'contacts.0.idType': 'field.required',
      'admin.password': 'field.password_weak',
      'admin.mobile': 'field.mobile_invalid',
      'admin.fax': expect.any(String),
    });
  });

  it('keeps no password in the record', () => {
    const { password: _p, confirmPassword: _c, ...admin } = form.admin;
    expect(EnterpriseRegistrationRecord.safeParse({ ...form, admin }).success).toBe(true);
    expect(EnterpriseRegistrationRecord.safeParse(form).success).toBe(false);
  });

  it('names the attachment rules of figures 7 and 11', () => {
    const required = (type: 'unified' | 'enterprise') =>
      REGISTRATION_ATTACHMENTS.filter((r) => r.requiredFor.includes(type)).map((r) => r.slot);
    expect(required('unified')).toEqual(['creditCertificate']);
    expect(required('enterprise')).toEqual(['businessLicence', 'orgCodeCertificate']);
  });
});
