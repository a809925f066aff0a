import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, auditEvents } from '../src/db/schema/index.ts';
import {
  Agent,
  createTestApp,
  latestCode,
  outboxMessages,
  registerIndividual,
  residentId,
  type TestApp,
} from './helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function signedIn() {
  const agent = new Agent(t.app);
  const { username, password, body } = await registerIndividual(agent);
  expect((await agent.signIn(username, password)).statusCode).toBe(200);
  const [account] = await t.ctx.db.select().from(accounts).where(eq(accounts.username, username));
  return { agent, body, account: account! };
}

describe('账号基本信息 changes (seed 004 §3.1)', () => {
  it('修改绑定手机 with the old number’s code and the new one’s; the old number is told', async () => {
    const { agent, body, account } = await signedIn();
    const oldMobile = String(body.mobile);
    expect((await agent.post('/api/account/mobile/code')).statusCode).toBe(202);
    const oldCode = await latestCode(agent, oldMobile);
    const newMobile = '13922223333';
    const newCode = await agent.smsCode(newMobile, 'change_contact');
    const wrong = await agent.send('PUT', '/api/account/mobile', {
      proof: { method: 'mobile', code: oldCode === '000000' ? '111111' : '000000' },
      newMobile,
      newCode,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].path).toBe('proof.code');
    const res = await agent.send('PUT', '/api/account/mobile', {
      proof: { method: 'mobile', code: oldCode },
      newMobile,
      newCode,
    });
    expect(res.statusCode).toBe(200);
    const [row] = await t.ctx.db.select().from(accounts).where(eq(accounts.id, account.id));
    expect(row!.mobileBidx).toBe(t.ctx.crypto.blindIndex('mobile', newMobile));
    expect(row!.mobileEnc).not.toContain(newMobile);
    await t.ctx.messaging.deliverDue();
    const told = await outboxMessages(t, oldMobile);
    expect(told.some((m) => m.payload?.text.includes('绑定手机已修改为 139****3333'))).toBe(true);
    expect((await agent.get('/api/me')).json().mobileMasked).toBe('139****3333');
  });

  it('修改绑定手机 by 更换验证方式 (the registered ID), refusing another ID', async () => {
    const { agent, body } = await signedIn();
    const newMobile = '13944445555';
    const newCode = await agent.smsCode(newMobile, 'change_contact');
    const other = await agent.send('PUT', '/api/account/mobile', {
      proof: { method: 'identity', idType: 'resident_id', idNumber: residentId('11010519800101', 5) },
      newMobile,
      newCode,
    });
    expect(other.statusCode).toBe(422);
    expect(other.json().errors[0].path).toBe('proof.idNumber');
    const ok = await agent.send('PUT', '/api/account/mobile', {
      proof: { method: 'identity', idType: body.idType, idNumber: body.idNumber },
      newMobile,
      newCode,
    });
    expect(ok.statusCode).toBe(200);
  });

  it('修改邮箱 with the new address’s code', async () => {
    const { agent, account } = await signedIn();
    const code = await agent.emailCode('New.Address@Example.com', 'change_contact');
    const res = await agent.send('PUT', '/api/account/email', { email: 'New.Address@Example.com', code });
    expect(res.statusCode).toBe(200);
    const [row] = await t.ctx.db.select().from(accounts).where(eq(accounts.id, account.id));
    expect(row!.emailBidx).toBe(t.ctx.crypto.blindIndex('email', 'new.address@example.com'));
  });

  it('修改个人信息 ends 实名认证, audited; an unchanged form changes nothing', async () => {
    const { agent, body, account } = await signedIn();
    expect((await agent.post('/api/account/real-name/identity')).json().level).toBe('medium');
    const same = await agent.send('PUT', '/api/account/identity', {
      name: body.name,
      idType: body.idType,
      idNumber: body.idNumber,
      idValidFrom: body.idValidFrom,
      idValidTo: body.idValidTo,
    });
    expect(same.json()).toEqual({ changed: false, realNameReset: false });
    const res = await agent.send('PUT', '/api/account/identity', {
      name: '李思',
      idType: body.idType,
      idNumber: body.idNumber,
      idValidFrom: body.idValidFrom,
      idValidTo: body.idValidTo,
    });
    expect(res.json()).toEqual({ changed: true, realNameReset: true });
    const [row] = await t.ctx.db.select().from(accounts).where(eq(accounts.id, account.id));
    expect(row!.realNameLevel).toBe('none');
    expect(row!.name).toBe('李思');
    const audit = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.targetId, account.id));
    expect(audit.map((a) => a.action)).toContain('account.identity_changed');
    const bad = await agent.send('PUT', '/api/account/identity', {
      name: '李思',
      idType: 'resident_id',
      idNumber: '110105199001011234',
      idValidFrom: '20200101',
      idValidTo: '20400101',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ path: 'idNumber', code: 'field.id_number_invalid' });
  });
});
