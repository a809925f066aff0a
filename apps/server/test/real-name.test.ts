import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, auditEvents } from '../src/db/schema/index.ts';
import { Agent, createTestApp, registerIndividual, type TestApp } from './helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function signedIn(overrides: Record<string, unknown> = {}) {
  const agent = new Agent(t.app);
  const { username, password } = await registerIndividual(agent, overrides);
  expect((await agent.signIn(username, password)).statusCode).toBe(200);
  const [account] = await t.ctx.db.select().from(accounts).where(eq(accounts.username, username));
  return { agent, account: account! };
}

describe('实名认证 (seed 004 §3.6.3)', () => {
  it('raises an individual to 中 by 身份信息认证, audited with the agency’s answer', async () => {
    const { agent, account } = await signedIn();
    const before = await agent.get('/api/account/real-name');
    expect(before.statusCode).toBe(200);
    expect(before.json()).toMatchObject({ methods: ['identity', 'bank_card', 'face'], simulated: true });
    const res = await agent.post('/api/account/real-name/identity');
    expect(res.statusCode).toBe(200);
    expect(res.json().level).toBe('medium');
    const [row] = await t.ctx.db.select().from(accounts).where(eq(accounts.id, account.id));
    expect(row!.realNameLevel).toBe('medium');
    const audit = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.targetId, account.id));
    const call = audit.find((a) => a.action === 'agency.call');
    expect(call?.detail).toMatchObject({ operation: 'identity', outcome: 'match' });
    expect(audit.map((a) => a.action)).toContain('account.real_name_verified');
  });

  it('refuses a name the identity source does not hold, and changes nothing', async () => {
    const { agent, account } = await signedIn({ name: '王五', idNumber: '11010519491231002X' });
    const res = await agent.post('/api/account/real-name/identity');
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('realname.mismatch');
    const [row] = await t.ctx.db.select().from(accounts).where(eq(accounts.id, account.id));
    expect(row!.realNameLevel).toBe(account.realNameLevel);
  });

  it('raises to 高 by 银行卡认证 with the bank-reserved mobile’s code; a card failing Luhn is a field error', async () => {
    const { agent } = await signedIn();
    const mobile = '13677778888';
    const bad = await agent.post('/api/account/real-name/bank-card', {
      cardNumber: '4111 1111 1111 1112',
      mobile,
      smsCode: await agent.smsCode(mobile, 'settings'),
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0]).toMatchObject({ path: 'cardNumber', code: 'realname.card_invalid' });
    const wrongCode = await agent.post('/api/account/real-name/bank-card', {
      cardNumber: '4111111111111111',
      mobile,
      smsCode: '000001',
    });
    expect(wrongCode.statusCode).toBe(400);
    const ok = await agent.post('/api/account/real-name/bank-card', {
      cardNumber: '4111111111111111',
      mobile,
      smsCode: await latest(agent, mobile),
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().level).toBe('high');
    // never lowered by a later, lesser method
    const identity = await agent.post('/api/account/real-name/identity');
    expect(identity.json().level).toBe('high');
  });

  it('asks a sign-in, and says 503 when the agency does not answer', async () => {
    expect((await new Agent(t.app).post('/api/account/real-name/identity')).statusCode).toBe(401);
    const { agent } = await signedIn();
    const original = t.ctx.identityAgencies.checkIdentity;
    t.ctx.identityAgencies.checkIdentity = async () => {
      throw Object.assign(
        new (await import('../src/http/app-error.ts')).AppError('agency.unavailable', { status: 503 }),
      );
    };
    try {
      const res = await agent.post('/api/account/real-name/identity');
      expect(res.statusCode).toBe(503);
      expect(res.json().code).toBe('agency.unavailable');
    } finally {
      t.ctx.identityAgencies.checkIdentity = original;
    }
  });
});

async function latest(agent: Agent, mobile: string) {
  const res = await agent.get(`/api/dev/outbox?to=${mobile}&limit=1`);
  return (res.json() as { text: string }[])[0]!.text.match(/\d{6}/)![0];
}
