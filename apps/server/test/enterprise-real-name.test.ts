import { sign } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, auditEvents, cards } from '../src/db/schema/index.ts';
import { insertAccount } from '../src/modules/identity/identity.repo.ts';
import { hashPassword } from '../src/modules/identity/passwords.ts';
import { grantStaffRole } from '../src/modules/identity/staff-roles.ts';
import { openPkcs12 } from '../src/modules/pki/certificates.ts';
import { Agent, createTestApp, creditCode, organizationBody, residentId, type TestApp } from './helpers.ts';

/*
 * 企业实名认证 (seed 004 §3.6.1): 法人身份认证 (three steps), 银行UKEY认证, IC 卡认证 (also for
 * operators, §3.6.2); 找回用户名 by 企业实名认证 (§2.3.1.2); 忘记密码 by 电子营业执照验证 (§2.4.2.1.5).
 */

let t: TestApp;
let staff: Agent;
const PIN = 'Card#2026';
// the market regulator simulator's sample enterprise and its legal representative
const SAMPLE = { creditCode: '91440101MA59UQXX9Q', orgCode: 'MA59UQXX9', name: '广州示例进出口贸易有限公司' };
const LEGAL_REP = { name: '陈建国', idType: 'resident_id', idNumber: '44010619750505001X' };

beforeAll(async () => {
  t = await createTestApp();
  const staffRow = await insertAccount(t.ctx.db, {
    username: 'ernstaff',
    kind: 'staff',
    name: '发卡员',
    passwordHash: await hashPassword('Staff@2026'),
  });
  await grantStaffRole(t.ctx.db, {
    accountId: staffRow.id,
    role: 'platform_admin',
    serviceCode: '*',
    grantedBy: null,
    at: new Date(),
  });
  staff = new Agent(t.app);
  expect((await staff.signIn('ernstaff', 'Staff@2026')).statusCode).toBe(200);
});
afterAll(() => t.close());

/** Registers an enterprise (004 无卡注册) and signs its administrator in. */
async function enterprise(organization: Record<string, unknown> = {}) {
  const agent = new Agent(t.app);
  const body = organizationBody({ organization });
  body.administrator.smsCode = await agent.smsCode(body.administrator.mobile as string);
  const res = await agent.post('/api/accounts/organization', body);
  if (res.statusCode !== 201) throw new Error(`${res.statusCode} ${res.body}`);
  const admin = new Agent(t.app);
  expect((await admin.signIn(body.administrator.username, 'Passw0rd!')).statusCode).toBe(200);
  return { body, admin, organizationId: res.json().organizationId as string };
}

async function levelOf(username: string) {
  const [row] = await t.ctx.db.select().from(accounts).where(eq(accounts.username, username));
  return row!.realNameLevel;
}

describe('法人身份认证 (three steps → 高)', () => {
  it('checks the enterprise with the market regulator, then the legal representative, then the administrator', async () => {
    const { body, admin } = await enterprise({
      creditCode: SAMPLE.creditCode,
      orgCode: SAMPLE.orgCode,
      name: SAMPLE.name,
      legalRepName: LEGAL_REP.name,
      legalRepIdNumber: LEGAL_REP.idNumber,
    });
    const view = await admin.get('/api/account/real-name');
    expect(view.json().methods).toEqual(['card', 'legal_rep', 'bank_ukey']);

    const enterpriseStep = {
      enterpriseName: SAMPLE.name,
      creditCode: SAMPLE.creditCode,
      legalRepName: LEGAL_REP.name,
      legalRepIdType: 'resident_id',
      legalRepIdNumber: LEGAL_REP.idNumber,
    };
    // 法人的证件号码应与企业在市场局备案信息一致
    const wrong = await admin.post('/api/account/real-name/legal-rep/enterprise', {
      ...enterpriseStep,
      legalRepIdNumber: residentId('44010619750505', 2),
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().code).toBe('realname.enterprise_mismatch');

    const first = await admin.post('/api/account/real-name/legal-rep/enterprise', enterpriseStep);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      step: 'legal_rep',
      method: 'identity',
      person: { name: LEGAL_REP.name },
    });
    expect(first.body).not.toContain(LEGAL_REP.idNumber);

    // the flow cannot skip a step, nor carry another person's number
    const skipped = await admin.post('/api/account/real-name/legal-rep/administrator', {
      flow: first.json().flow,
      method: 'identity',
      idValidFrom: '20200101',
      idValidTo: '20400101',
    });
    expect(skipped.json().code).toBe('realname.flow_expired');
    const otherNumber = await admin.post('/api/account/real-name/legal-rep/legal-rep', {
      flow: first.json().flow,
      method: 'identity',
      idValidFrom: '20150101',
      idValidTo: '00000000',
      legalRepIdNumber: residentId('44010619750505', 3),
    });
    expect(otherNumber.json().code).toBe('realname.flow_expired');

    const second = await admin.post('/api/account/real-name/legal-rep/legal-rep', {
      flow: first.json().flow,
      method: 'identity',
      idValidFrom: '20150101',
      idValidTo: '00000000',
      legalRepIdNumber: LEGAL_REP.idNumber,
    });
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ step: 'administrator', method: 'identity' });
    expect(second.json().person.name).toBe(body.administrator.name);

    const third = await admin.post('/api/account/real-name/legal-rep/administrator', {
      flow: second.json().flow,
      method: 'identity',
      idValidFrom: '20200101',
      idValidTo: '20400101',
    });
    expect(third.statusCode).toBe(200);
    expect(third.json().level).toBe('high');
    expect(await levelOf(body.administrator.username)).toBe('high');
    const audits = await t.ctx.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'account.real_name_verified'));
    expect(audits.some((a) => (a.detail as { method?: string }).method === 'legal_rep')).toBe(true);

    // 修改管理员信息: changing the administrator's identity ends the enterprise's real-name level
    const changed = await admin.send('PUT', '/api/account/identity', {
      name: '李管理',
      idType: 'resident_id',
      idNumber: body.administrator.idNumber,
      idValidFrom: '20200101',
      idValidTo: '20400101',
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toEqual({ changed: true, realNameReset: true });
    expect(await levelOf(body.administrator.username)).toBe('none');
  });

  it('refuses an enterprise the market regulator does not know', async () => {
    const { body, admin } = await enterprise();
    const res = await admin.post('/api/account/real-name/legal-rep/enterprise', {
      enterpriseName: body.organization.name,
      creditCode: body.organization.creditCode,
      legalRepName: body.organization.legalRepName,
      legalRepIdType: 'resident_id',
      legalRepIdNumber: body.organization.legalRepIdNumber,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('realname.enterprise_mismatch');
  });
});

describe('银行UKEY认证 and 找回用户名 by 企业实名认证', () => {
  it('raises the administrator to 高 when the bank confirms the corporate account', async () => {
    const { body, admin } = await enterprise();
    const malformed = await admin.post('/api/account/real-name/bank-ukey', {
      bank: 'ccb',
      accountNumber: '44050149040100000019',
    });
    expect(malformed.statusCode).toBe(422);
    expect(malformed.json().errors[0]).toMatchObject({
      path: 'accountNumber',
      code: 'realname.account_invalid',
    });
    // the demo enterprise's account, at its bank: not this enterprise's
    const foreign = await admin.post('/api/account/real-name/bank-ukey', {
      bank: 'ccb',
      accountNumber: '44050149040100000018',
    });
    expect(foreign.json().code).toBe('realname.account_mismatch');
    const ok = await admin.post('/api/account/real-name/bank-ukey', {
      bank: 'abc',
      accountNumber: '6228 4801 2345 6789 015',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().level).toBe('high');
    expect(await levelOf(body.administrator.username)).toBe('high');
  });

  it('an individual has no enterprise methods', async () => {
    const agent = new Agent(t.app);
    const { registerIndividual } = await import('./helpers.ts');
    const { username, password } = await registerIndividual(agent);
    await agent.signIn(username, password);
    const res = await agent.post('/api/account/real-name/bank-ukey', {
      bank: 'ccb',
      accountNumber: '6228480123456789015',
    });
    expect(res.statusCode).toBe(403);
  });

  it('找回用户名 企业实名认证 shows every username of the enterprise', async () => {
    const { body, organizationId } = await enterprise();
    await t.ctx.db.insert(accounts).values({
      username: `erop${Date.now()}`,
      kind: 'enterprise_operator',
      organizationId,
      name: '陈培',
      passwordHash: 'x',
    });
    const agent = new Agent(t.app);
    const mobile = '13912345678';
    const request = async (accountNumber: string) =>
      agent.post('/api/username-recovery/enterprise-bank', {
        mobile,
        smsCode: await agent.smsCode(mobile, 'recover'),
        enterpriseName: body.organization.name,
        orgCode: body.organization.orgCode,
        bank: 'cmbc',
        accountNumber,
      });
    const wrong = await request('44050149040100000018');
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().code).toBe('recovery.verification_failed');
    // a malformed account is the same field error whether or not the enterprise is registered
    const stranger = new Agent(t.app);
    const unknown = await stranger.post('/api/username-recovery/enterprise-bank', {
      mobile: '13912345670',
      smsCode: await stranger.smsCode('13912345670', 'recover'),
      enterpriseName: '未注册的公司',
      orgCode: 'MA5ZZZZZ3',
      bank: 'cmbc',
      accountNumber: '6228480123456789016',
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors?.[0]).toMatchObject({
      path: 'accountNumber',
      code: 'realname.account_invalid',
    });
    // another mobile (the first one's resend interval is still running)
    const other = new Agent(t.app);
    const res = await other.post('/api/username-recovery/enterprise-bank', {
      mobile: '13912345679',
      smsCode: await other.smsCode('13912345679', 'recover'),
      enterpriseName: body.organization.name,
      orgCode: body.organization.orgCode,
      bank: 'cmbc',
      accountNumber: '6228480123456789015',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().step).toBe('done');
    expect(res.json().usernames).toHaveLength(2);
    expect(res.json().usernames).toContain(body.administrator.username);
  });
});

describe('IC 卡认证', () => {
  async function issue(
    org: { orgCode: string; creditCode: string; orgName: string },
    person: Record<string, string>,
    role: 'legal_person' | 'operator',
  ) {
    const res = await staff.post('/api/console/cards', {
      ...person,
      ...org,
      role,
      notAfter: new Date(Date.now() + 365 * 86_400_000).toISOString(),
      pin: PIN,
    });
    if (res.statusCode !== 201) throw new Error(`issue: ${res.statusCode} ${res.body}`);
    const card = res.json();
    const file = await staff.get(`/api/console/cards/${card.id}/pkcs12`);
    return { id: card.id as string, ...openPkcs12(file.rawPayload, PIN) };
  }
  async function proof(agent: Agent, card: { privateKeyPem: string; certificatePem: string }) {
    const c = (await agent.post('/api/auth/card/challenge')).json();
    return {
      challengeId: c.id,
      certificate: card.certificatePem,
      signature: sign('sha256', Buffer.from(c.message, 'utf8'), card.privateKeyPem).toString('base64'),
    };
  }

  it('an administrator’s legal-person card raises it to 高 and binds itself; another enterprise’s card is refused', async () => {
    const { body, admin } = await enterprise();
    const org = {
      orgCode: body.organization.orgCode,
      creditCode: body.organization.creditCode,
      orgName: body.organization.name,
    };
    const legal = await issue(
      org,
      {
        holderName: body.organization.legalRepName,
        holderIdType: 'resident_id',
        holderIdNumber: body.organization.legalRepIdNumber,
      },
      'legal_person',
    );
    const stranger = creditCode(77_000_000 + (Date.now() % 1_000_000));
    const foreignCard = await issue(
      { ...stranger, orgName: '别家公司' },
      { holderName: '别人', holderIdType: 'resident_id', holderIdNumber: residentId('11010519800101', 901) },
      'legal_person',
    );
    const refused = await admin.post('/api/account/real-name/card', await proof(admin, foreignCard));
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('card.wrong_organization');

    const res = await admin.post('/api/account/real-name/card', await proof(admin, legal));
    expect(res.statusCode).toBe(200);
    expect(res.json().level).toBe('high');
    const [row] = await t.ctx.db.select().from(cards).where(eq(cards.id, legal.id));
    const [account] = await t.ctx.db
      .select()
      .from(accounts)
      .where(eq(accounts.username, body.administrator.username));
    expect(row!.accountId).toBe(account!.id);
  });

  it('新增有卡操作员: the operator’s card names the new operator and binds itself to it', async () => {
    const { body, admin } = await enterprise();
    const org = {
      orgCode: body.organization.orgCode,
      creditCode: body.organization.creditCode,
      orgName: body.organization.name,
    };
    const holderIdNumber = residentId('13010219930303', 55);
    const card = await issue(
      org,
      { holderName: '周卡员', holderIdType: 'resident_id', holderIdNumber },
      'operator',
    );
    const form = { username: `cardop${Date.now() % 1_000_000}`, mobile: '13712340000', agreement: true };
    const noAgreement = await admin.post('/api/org/operators/card', {
      ...(await proof(admin, card)),
      ...form,
      agreement: false,
    });
    expect(noAgreement.statusCode).toBe(400);
    const legal = await issue(
      org,
      {
        holderName: body.organization.legalRepName,
        holderIdType: 'resident_id',
        holderIdNumber: body.organization.legalRepIdNumber,
      },
      'legal_person',
    );
    const wrongRole = await admin.post('/api/org/operators/card', {
      ...(await proof(admin, legal)),
      ...form,
    });
    expect(wrongRole.json().code).toBe('card.role_mismatch');

    const res = await admin.post('/api/org/operators/card', { ...(await proof(admin, card)), ...form });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ username: form.username, name: '周卡员', idType: 'resident_id' });
    const [created] = await t.ctx.db.select().from(accounts).where(eq(accounts.username, form.username));
    expect(created!.kind).toBe('enterprise_operator');
    expect(created!.mustChangePassword).toBe(true);
    expect(created!.idNumberBidx).toBe(t.ctx.crypto.blindIndex('id:resident_id', holderIdNumber));
    const [row] = await t.ctx.db.select().from(cards).where(eq(cards.id, card.id));
    expect(row!.accountId).toBe(created!.id);
    // once bound, the card cannot register another operator
    const again = await admin.post('/api/org/operators/card', {
      ...(await proof(admin, card)),
      ...form,
      username: `${form.username}b`,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('card.bound_elsewhere');
  });

  it('an operator’s card must carry the operator’s own ID', async () => {
    const { body, organizationId } = await enterprise();
    const idNumber = residentId('13010219920202', 77);
    const username = `erop${Date.now()}c`;
    await t.ctx.db.insert(accounts).values({
      username,
      kind: 'enterprise_operator',
      status: 'active',
      organizationId,
      name: '刘秀英',
      idType: 'resident_id',
      idNumberEnc: t.ctx.crypto.encrypt(idNumber),
      idNumberBidx: t.ctx.crypto.blindIndex('id:resident_id', idNumber),
      passwordHash: await hashPassword('Passw0rd!'),
    });
    const operator = new Agent(t.app);
    expect((await operator.signIn(username, 'Passw0rd!')).statusCode).toBe(200);
    const org = {
      orgCode: body.organization.orgCode,
      creditCode: body.organization.creditCode,
      orgName: body.organization.name,
    };
    const someoneElse = await issue(
      org,
      { holderName: '别人', holderIdType: 'resident_id', holderIdNumber: residentId('13010219920202', 78) },
      'operator',
    );
    const refused = await operator.post('/api/account/real-name/card', await proof(operator, someoneElse));
    expect(refused.json().code).toBe('card.holder_mismatch');
    const own = await issue(
      org,
      { holderName: '刘秀英', holderIdType: 'resident_id', holderIdNumber: idNumber },
      'operator',
    );
    const res = await operator.post('/api/account/real-name/card', await proof(operator, own));
    expect(res.statusCode).toBe(200);
    expect(res.json().level).toBe('high');
    // an operator card does not bind itself
    const [row] = await t.ctx.db
      .select()
      .from(cards)
      .where(and(eq(cards.id, own.id)));
    expect(row!.accountId).toBeNull();
  });
});

describe('忘记密码 by 电子营业执照验证 (credit codes starting with 9)', () => {
  it('resets an administrator’s password once the licence app confirms the enterprise', async () => {
    const { body } = await enterprise();
    const agent = new Agent(t.app);
    const started = await agent.post('/api/password-recovery/start', {
      username: body.administrator.username,
      ...(await agent.captcha()),
    });
    const flow = started.json();
    expect(flow.methods.map((m: { method: string }) => m.method)).toContain('e_license');

    const session = (await agent.post('/api/e-license/sessions')).json();
    const unconfirmed = await agent.post('/api/password-recovery/verify', {
      flow: flow.flow,
      method: 'e_license',
      sessionId: session.id,
    });
    expect(unconfirmed.statusCode).toBe(422);
    expect(unconfirmed.json().code).toBe('recovery.e_license_mismatch');

    await agent.post(`/api/dev/e-license/sessions/${session.id}/authorize`, {
      creditCode: body.organization.creditCode,
      name: body.organization.name,
      legalRepName: body.organization.legalRepName,
      legalRepIdNumber: body.organization.legalRepIdNumber,
    });
    // another browser holding the id gets nothing
    const other = new Agent(t.app);
    const stolen = await other.post('/api/password-recovery/verify', {
      flow: flow.flow,
      method: 'e_license',
      sessionId: session.id,
    });
    expect(stolen.statusCode).toBe(422);

    const verified = await agent.post('/api/password-recovery/verify', {
      flow: flow.flow,
      method: 'e_license',
      sessionId: session.id,
    });
    expect(verified.statusCode).toBe(200);
    expect(verified.json().username).toBe(body.administrator.username);
    // one confirmation buys one reset
    const again = await agent.post('/api/password-recovery/verify', {
      flow: flow.flow,
      method: 'e_license',
      sessionId: session.id,
    });
    expect(again.statusCode).toBe(422);
  });

  it('is not offered to an enterprise whose credit code does not start with 9', async () => {
    const n = 66_000_000 + (Date.now() % 1_000_000);
    const code = creditCode(n);
    const first17 = `1${code.creditCode.slice(1, 17)}`;
    const { creditCodeCheckChar } = await import('@sw/contracts');
    const { body } = await enterprise({
      creditCode: first17 + creditCodeCheckChar(first17),
      orgCode: code.orgCode,
    });
    const agent = new Agent(t.app);
    const started = await agent.post('/api/password-recovery/start', {
      username: body.administrator.username,
      ...(await agent.captcha()),
    });
    expect(started.json().methods.map((m: { method: string }) => m.method)).toEqual([
      'sms',
      'email',
      'account_info',
      'legal_rep',
    ]);
  });
});
