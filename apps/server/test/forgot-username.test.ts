import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, auditEvents } from '../src/db/schema/index.ts';
import {
  Agent,
  createTestApp,
  organizationBody,
  registerIndividual,
  residentId,
  type TestApp,
} from './helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function proveMobile(agent: Agent, body: Record<string, unknown>) {
  const mobile = String(body.mobile);
  const smsCode = await agent.smsCode(mobile, 'recover');
  return agent.post('/api/username-recovery/mobile', { ...body, smsCode });
}

/** An enterprise with its administrator and two operators (each with a bound mobile). */
async function enterprise() {
  const agent = new Agent(t.app);
  const body = organizationBody();
  body.administrator.smsCode = await agent.smsCode(body.administrator.mobile as string);
  const res = await agent.post('/api/accounts/organization', body);
  if (res.statusCode !== 201) throw new Error(`${res.statusCode} ${res.body}`);
  const { organizationId } = res.json();
  const operators = [];
  for (const [i, name] of ['陈培', '刘秀英'].entries()) {
    const mobile = `15${String(Date.now()).slice(-7)}${i}${Math.floor(Math.random() * 10)}`.slice(0, 11);
    const idNumber = residentId('13010219900101', (Date.now() + i) % 1000);
    await t.ctx.db.insert(accounts).values({
      username: `op${Date.now()}${i}`,
      kind: 'enterprise_operator',
      organizationId,
      name,
      idType: 'resident_id',
      idNumberEnc: t.ctx.crypto.encrypt(idNumber),
      idNumberBidx: t.ctx.crypto.blindIndex('id:resident_id', idNumber),
      idValidFrom: '20200101',
      idValidTo: '20400101',
      mobileEnc: t.ctx.crypto.encrypt(mobile),
      mobileBidx: t.ctx.crypto.blindIndex('mobile', mobile),
      passwordHash: 'x',
    });
    operators.push({ name, mobile, idNumber, username: `op${Date.now()}${i}` });
  }
  return { body, operators };
}

const legalRepOf = (body: ReturnType<typeof organizationBody>) => ({
  name: body.organization.legalRepName,
  idType: body.organization.legalRepIdType,
  idNumber: body.organization.legalRepIdNumber,
  idValidFrom: body.organization.legalRepIdValidFrom,
  idValidTo: body.organization.legalRepIdValidTo,
});

describe('找回用户名 (seed 004 §2.3)', () => {
  it('gives an individual the username after the bound mobile and 本人信息', async () => {
    const { username, body } = await registerIndividual(new Agent(t.app));
    const agent = new Agent(t.app);
    const step1 = await proveMobile(agent, { kind: 'individual', mobile: body.mobile });
    expect(step1.statusCode).toBe(200);
    expect(step1.json().step).toBe('identity');
    const identity = {
      flow: step1.json().flow,
      name: body.name,
      idType: body.idType,
      idNumber: body.idNumber,
      idValidFrom: body.idValidFrom,
      idValidTo: body.idValidTo,
    };
    const wrong = await agent.post('/api/username-recovery/identity', { ...identity, idValidTo: '20390101' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().code).toBe('recovery.verification_failed');
    const right = await agent.post('/api/username-recovery/identity', identity);
    expect(right.statusCode).toBe(200);
    expect(right.json()).toEqual({ step: 'done', usernames: [username] });
    const [account] = await t.ctx.db.select().from(accounts).where(eq(accounts.username, username));
    const audit = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.targetId, account!.id));
    expect(audit.map((a) => a.action)).toContain('account.username_recovered');
  });

  it('refuses a wrong code, and never names an account for a mobile that is not its bound one', async () => {
    const { body } = await registerIndividual(new Agent(t.app));
    const agent = new Agent(t.app);
    await agent.smsCode(String(body.mobile), 'recover');
    const bad = await agent.post('/api/username-recovery/mobile', {
      kind: 'individual',
      mobile: body.mobile,
      smsCode: '000000',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('smsCode');
    // someone else's phone, the person's true identity: no answer
    const step1 = await proveMobile(agent, { kind: 'individual', mobile: '13311112222' });
    const res = await agent.post('/api/username-recovery/identity', {
      flow: step1.json().flow,
      name: body.name,
      idType: body.idType,
      idNumber: body.idNumber,
      idValidFrom: body.idValidFrom,
      idValidTo: body.idValidTo,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('recovery.verification_failed');
  });

  it('gives an operator the username with the enterprise and 本人信息', async () => {
    const { body, operators } = await enterprise();
    const op = operators[0]!;
    const agent = new Agent(t.app);
    const step1 = await proveMobile(agent, { kind: 'enterprise_operator', mobile: op.mobile });
    const res = await agent.post('/api/username-recovery/identity', {
      flow: step1.json().flow,
      enterpriseName: body.organization.name,
      orgCode: body.organization.orgCode,
      name: op.name,
      idType: 'resident_id',
      idNumber: op.idNumber,
      idValidFrom: '20200101',
      idValidTo: '20400101',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().step).toBe('done');
    expect(res.json().usernames).toHaveLength(1);
  });

  it('administrator, bound mobile: the legal representative’s identity is enough', async () => {
    const { body } = await enterprise();
    const agent = new Agent(t.app);
    const step1 = await proveMobile(agent, {
      kind: 'enterprise_admin',
      enterpriseName: body.organization.name,
      orgCode: body.organization.orgCode,
      mobile: body.administrator.mobile,
    });
    expect(step1.json()).toMatchObject({ step: 'identity', boundMobile: true });
    const res = await agent.post('/api/username-recovery/identity', {
      flow: step1.json().flow,
      ...legalRepOf(body),
    });
    expect(res.json()).toEqual({ step: 'done', usernames: [body.administrator.username] });
  });

  it('administrator, bound mobile, 经办人: one more fact (两操作员手机号)', async () => {
    const { body, operators } = await enterprise();
    const agent = new Agent(t.app);
    const step1 = await proveMobile(agent, {
      kind: 'enterprise_admin',
      enterpriseName: body.organization.name,
      orgCode: body.organization.orgCode,
      mobile: body.administrator.mobile,
    });
    const step2 = await agent.post('/api/username-recovery/identity', {
      flow: step1.json().flow,
      name: '经办人',
      idType: 'resident_id',
      idNumber: residentId('11010519950505', 7),
      idValidFrom: '20200101',
      idValidTo: '00000000',
    });
    expect(step2.json()).toMatchObject({ step: 'enterprise', factsNeeded: 1, operators: ['*培', '**英'] });
    const codes = [];
    for (const op of operators)
      codes.push({ mobile: op.mobile, smsCode: await agent.smsCode(op.mobile, 'recover') });
    const res = await agent.post('/api/username-recovery/enterprise', {
      flow: step2.json().flow,
      operators: codes,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ step: 'done', usernames: [body.administrator.username] });
  });

  it('administrator, another mobile: two facts, and the same person twice is one', async () => {
    // the administrator is also the legal representative
    const { body } = await enterprise();
    const agent = new Agent(t.app);
    const step1 = await proveMobile(agent, {
      kind: 'enterprise_admin',
      enterpriseName: body.organization.name,
      orgCode: body.organization.orgCode,
      mobile: '13322223333',
    });
    expect(step1.json()).toMatchObject({ step: 'identity', boundMobile: false });
    const step2 = await agent.post('/api/username-recovery/identity', {
      flow: step1.json().flow,
      ...legalRepOf(body),
    });
    expect(step2.json()).toMatchObject({ step: 'enterprise', factsNeeded: 2 });
    const flow = step2.json().flow;
    const one = await agent.post('/api/username-recovery/enterprise', { flow, legalRep: legalRepOf(body) });
    expect(one.statusCode).toBe(422);
    expect(one.json().code).toBe('recovery.facts_needed');
    const administrator = {
      name: body.administrator.name,
      idType: body.administrator.idType,
      idNumber: body.administrator.idNumber,
      idValidFrom: '20200101',
      idValidTo: '00000000',
    };
    const both = await agent.post('/api/username-recovery/enterprise', {
      flow,
      legalRep: legalRepOf(body),
      administrator,
    });
    expect(both.statusCode).toBe(200);
    expect(both.json()).toEqual({ step: 'done', usernames: [body.administrator.username] });
    // an administrator who is also the legal representative: the two checks are one fact
    const [org] = await t.ctx.db
      .select()
      .from(accounts)
      .where(eq(accounts.username, body.administrator.username));
    await t.ctx.db
      .update(accounts)
      .set({
        name: body.organization.legalRepName,
        idType: 'resident_id',
        idNumberBidx: t.ctx.crypto.blindIndex('id:resident_id', body.organization.legalRepIdNumber),
        idValidFrom: body.organization.legalRepIdValidFrom,
        idValidTo: body.organization.legalRepIdValidTo,
      })
      .where(eq(accounts.id, org!.id));
    const same = await agent.post('/api/username-recovery/enterprise', {
      flow,
      legalRep: legalRepOf(body),
      administrator: legalRepOf(body),
    });
    expect(same.statusCode).toBe(422);
    expect(same.json().code).toBe('recovery.same_fact');
  });

  it('个人实名认证: identity and bank card with the bank-reserved mobile give the username', async () => {
    const { username, body } = await registerIndividual(new Agent(t.app));
    const agent = new Agent(t.app);
    const bankMobile = '13566667777';
    const answers = {
      kind: 'individual',
      name: body.name,
      idType: body.idType,
      idNumber: body.idNumber,
      idValidFrom: body.idValidFrom,
      idValidTo: body.idValidTo,
      mobile: bankMobile,
    };
    const smsCode = await agent.smsCode(bankMobile, 'recover');
    const badCard = await agent.post('/api/username-recovery/bank-card', {
      ...answers,
      cardNumber: '4111111111111112',
      smsCode,
    });
    expect(badCard.statusCode).toBe(422);
    expect(badCard.json().errors[0]).toMatchObject({ path: 'cardNumber', code: 'realname.card_invalid' });
    const ok = await agent.post('/api/username-recovery/bank-card', {
      ...answers,
      cardNumber: '4111 1111 1111 1111',
      smsCode,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ step: 'done', usernames: [username] });
    // the code is spent
    const again = await agent.post('/api/username-recovery/bank-card', {
      ...answers,
      cardNumber: '4111111111111111',
      smsCode,
    });
    expect(again.statusCode).toBe(400);
  });
});
