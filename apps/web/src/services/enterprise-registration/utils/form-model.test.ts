import { creditCodeCheckChar, errorMessage, orgCodeCheckChar } from '@sw/contracts';
import { describe, expect, it } from 'vitest';
import {
  EnterpriseRegistrationForm,
  EnterpriseRegistrationRecord,
} from '../../../../../server/src/modules/services/enterprise-registration/contract.ts';
import {
  fromRecord,
  offeredSlots,
  schemaErrors,
  stripSecrets,
  toAttachmentsBody,
  toFormBody,
  toUploadsBody,
  type UiForm,
} from './form-model';
import { problemAliases } from './problem-aliases';

const orgCode = `12345678${orgCodeCheckChar('12345678')}`;
const first17 = `91130100${orgCode}`;
const creditCode = first17 + creditCodeCheckChar(first17);

function unified(overrides: Partial<UiForm> = {}): UiForm {
  return {
    registrationType: 'unified',
    region: ['13', '1301', '130102'],
    creditCode,
    nameZh: '石家庄测试贸易有限公司',
    address: '河北省石家庄市长安区中山东路1号',
    entityTypes: ['cargo_owner'],
    contacts: [{ idType: 'resident_id', name: '王建国', mobile: '13812345678' }, {}, {}],
    admin: {
      username: 'qyadmin01',
      realName: '李管理',
      password: 'Passw0rd!',
      confirmPassword: 'Passw0rd!',
      email: 'admin@example.com',
      fax: '0311-86001235',
      phone: '0311-86001234',
      mobile: '13912345678',
    },
    ...overrides,
  };
}

describe('the 001 form model', () => {
  it('builds a body the contract accepts, with the contacts in the manual’s order', () => {
    const body = toFormBody(unified(), true);
    expect(EnterpriseRegistrationForm.safeParse(body).success).toBe(true);
    expect((body.contacts as { role: string }[]).map((c) => c.role)).toEqual([
      'legal_rep',
      'general_manager',
      'finance',
    ]);
    expect(body).toMatchObject({ province: '13', city: '1301', district: '130102' });
  });

  it('leaves out what the registration type does not have, and the passwords of a correction', () => {
    const form = unified({ orgCode: 'ABC', businessLicenceNo: '123', enterpriseType: 'private' });
    const body = toFormBody(form, false);
    expect(body).not.toHaveProperty('orgCode');
    expect(body).not.toHaveProperty('businessLicenceNo');
    expect(body.admin).not.toHaveProperty('password');
    const institution = toFormBody({ ...form, registrationType: 'institution', orgCode }, true);
    expect(institution).not.toHaveProperty('creditCode');
    expect(institution).not.toHaveProperty('enterpriseType');
    expect(institution.orgCode).toBe(orgCode);
  });

  it('puts the contract’s errors on the antd fields, 省市区 on the cascader', () => {
    const errors = schemaErrors(
      EnterpriseRegistrationForm,
      toFormBody(unified({ region: ['13', '1401'], nameZh: '', admin: { confirmPassword: 'x' } }), true),
      'zh-CN',
    );
    expect(errors.get(JSON.stringify(['form', 'region']))?.errors).toEqual([
      errorMessage('field.division_invalid', 'zh-CN'),
    ]);
    expect(errors.get(JSON.stringify(['form', 'nameZh']))?.errors).toEqual([
      errorMessage('field.required', 'zh-CN'),
    ]);
    expect(errors.has(JSON.stringify(['form', 'admin', 'email']))).toBe(true);
    expect(errors.has(JSON.stringify(['form', 'creditCode']))).toBe(false);
  });

  it('round-trips a stored record for the correction screen', () => {
    const record = EnterpriseRegistrationRecord.parse(toFormBody(unified(), false));
    const ui = fromRecord(record as unknown as Record<string, unknown>);
    expect(ui.region).toEqual(['13', '1301', '130102']);
    expect(ui.contacts?.[0]).toMatchObject({ name: '王建国', idType: 'resident_id' });
    expect(ui.contacts?.[0]).not.toHaveProperty('role');
    expect(EnterpriseRegistrationRecord.safeParse(toFormBody(ui, false)).success).toBe(true);
  });

  it('keeps no password in the draft', () => {
    const draft = stripSecrets({ form: unified(), captchaAnswer: 'ABCD' });
    expect(draft.form.admin).not.toHaveProperty('password');
    expect(draft.form.admin).not.toHaveProperty('confirmPassword');
    expect(draft).not.toHaveProperty('captchaAnswer');
    expect(draft.form.admin?.username).toBe('qyadmin01');
  });

  it('sends the offered slots only; a kept file without a token in a correction', () => {
    expect(offeredSlots('unified').map((r) => r.slot)).toContain('creditCertificate');
    expect(offeredSlots('enterprise').map((r) => r.slot)).not.toContain('creditCertificate');
    const file = (id: string, uploadToken?: string) => ({
      id,
      name: `${id}.png`,
      mime: 'image/png',
      size: 1,
      sha256: '',
      width: null,
      height: null,
      hasThumbnail: false,
      ...(uploadToken ? { uploadToken } : {}),
    });
    const attachments = {
      creditCertificate: [file('a', 't')],
      businessLicence: [file('b', 'u')],
      other: [file('c')],
    };
    expect(toUploadsBody(attachments, 'unified')).toEqual([
      { slot: 'creditCertificate', fileId: 'a', uploadToken: 't' },
    ]);
    expect(toAttachmentsBody(attachments, 'unified')).toEqual([
      { slot: 'creditCertificate', fileId: 'a', uploadToken: 't' },
      { slot: 'other', fileId: 'c' },
    ]);
  });

  it('maps the server’s paths to the fields that show them', () => {
    const aliases = problemAliases('unified', [{ slot: 'creditCertificate' }, { slot: 'other' }]);
    expect(aliases['form.city']).toBe('form.region');
    expect(aliases['form.orgCode']).toBe('form.creditCode');
    expect(aliases['attachments.1.uploadToken']).toBe('attachments.other');
    expect(problemAliases('enterprise', [])).not.toHaveProperty('form.orgCode');
  });
});
