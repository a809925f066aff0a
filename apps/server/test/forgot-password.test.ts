import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, auditEvents, sessions } from '../src/db/schema/index.ts';
import {
  Agent,
  createTestApp,
  latestCode,
  organizationBody,
  outboxMessages,
  registerIndividual,
  type TestApp,
} from './helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const NEW_PASSWORD = 'Renewed@2026';

async function start(agent: Agent, username: string) {
  return agent.post('/api/password-recovery/start', { username, ...(await agent.captcha()) });
}

async function sendCode(agent: Agent, flow: string, method: 'sms' | 'email') {
  const res = await agent.post('/api/password-recovery/code', { flow, method, ...(await agent.captcha()) });
  await t.ctx.jobs.drain();
  return res;
}

async function enterprise() {
  const agent = new Agent(t.app);
  const body = organizationBody();
  body.administrator.smsCode = await agent.smsCode(body.administrator.mobile as string);
  const res = await agent.post('/api/accounts/organization', body);
  if (res.statusCode !== 201) throw new Error(`${res.statusCode} ${res.body}`);
  return body;
}

describe('忘记密码 (seed 004 §2.4): 填写用户名 → 安全验证 → 重置密码 → 完成', () => {
  it('resets an individual’s password by 手机验证: every session ends, the old password stops working', async () => {
    const owner = new Agent(t.app);
    const { username, password, body } = await registerIndividual(owner);
    expect((await owner.signIn(username, password)).statusCode).toBe(200);

    const agent = new Agent(t.app);
    const started = await start(agent, username);
    expect(started.statusCode).toBe(200);
    const flow = started.json();
    expect(flow.methods.map((m: { method: string }) => m.method)).toEqual(['sms', 'email', 'account_info']);
    const sms = flow.methods.find((m: { method: string }) => m.method === 'sms');
    expect(sms.target).toBe(`${String(body.mobile).slice(0, 3)}****${String(body.mobile).slice(-4)}`);

    expect((await sendCode(agent, flow.flow, 'sms')).statusCode).toBe(202);
    const code = await latestCode(agent, String(body.mobile));
    const wrong = await agent.post('/api/password-recovery/verify', {
      flow: flow.flow,
      method: 'sms',
      code: code === '000000' ? '111111' : '000000',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0]).toMatchObject({ path: 'code', code: 'otp.invalid' });

    const verified = await agent.post('/api/password-recovery/verify', {
      flow: flow.flow,
      method: 'sms',
      code,
    });
    expect(verified.statusCode).toBe(200);
    expect(verified.json().username).toBe(username);

    const reset = await agent.post('/api/password-recovery/reset', {
      token: verified.json().token,
      password: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    expect(reset.statusCode).toBe(200);
    expect(reset.json()).toEqual({ username });
    // single use
    const again = await agent.post('/api/password-recovery/reset', {
      token: verified.json().token,
      password: 'Another@2026',
      confirmPassword: 'Another@2026',
    });
    expect(again.statusCode).toBe(410);

    expect((await owner.get('/api/me')).statusCode).toBe(401);
    const [account] = await t.ctx.db.select().from(accounts).where(eq(accounts.username, username));
    const live = await t.ctx.db
      .select()
      .from(sessions)
      .where(and(eq(sessions.accountId, account!.id)));
    expect(live.every((s) => s.revokedAt !== null)).toBe(true);
    expect((await new Agent(t.app).signIn(username, password)).statusCode).toBe(401);
    expect((await new Agent(t.app).signIn(username, NEW_PASSWORD)).statusCode).toBe(200);

    const audit = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.targetId, account!.id));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['account.password_recovery_verified', 'account.password_reset']),
    );
    await t.ctx.messaging.deliverDue();
    const told = await outboxMessages(t, String(body.mobile));
    expect(told.some((m) => m.payload?.text.includes('密码已重置'))).toBe(true);
  });

  it('verifies by 账号信息验证 (name and identity document)', async () => {
    const { username, body } = await registerIndividual(new Agent(t.app));
    const agent = new Agent(t.app);
    const { flow } = (await start(agent, username)).json();
    const wrong = await agent.post('/api/password-recovery/verify', {
      flow,
      method: 'account_info',
      name: '张三',
      idType: body.idType,
      idNumber: body.idNumber,
      ...(await agent.captcha()),
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().code).toBe('recovery.verification_failed');
    const right = await agent.post('/api/password-recovery/verify', {
      flow,
      method: 'account_info',
      name: body.name,
      idType: body.idType,
      idNumber: String(body.idNumber).toLowerCase(),
      ...(await agent.captcha()),
    });
    expect(right.statusCode).toBe(200);
  });

  it('gives an enterprise administrator 法定代表人信息验证, with the manual’s message on a mismatch', async () => {
    const body = await enterprise();
    const agent = new Agent(t.app);
    const { flow, methods } = (await start(agent, body.administrator.username)).json();
    // 电子营业执照验证 too: its credit code starts with 9
    expect(methods.map((m: { method: string }) => m.method)).toEqual([
      'sms',
      'email',
      'account_info',
      'legal_rep',
      'e_license',
    ]);
    const mobile = '13600001111';
    const answers = {
      flow,
      method: 'legal_rep',
      enterpriseName: body.organization.name,
      creditCode: body.organization.creditCode,
      legalRepName: body.organization.legalRepName,
      legalRepIdType: 'resident_id',
      legalRepIdNumber: body.organization.legalRepIdNumber,
      mobile,
    };
    const smsCode = await agent.smsCode(mobile, 'recover');
    const mismatch = await agent.post('/api/password-recovery/verify', {
      ...answers,
      legalRepName: '错误姓名',
      smsCode,
    });
    expect(mismatch.statusCode).toBe(422);
    expect(mismatch.json().code).toBe('recovery.enterprise_mismatch');
    expect(mismatch.json().detail).toContain('国家企业信用信息公示平台');

    const ok = await agent.post('/api/password-recovery/verify', { ...answers, smsCode });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().username).toBe(body.administrator.username);
  });

  it('says 身份信息不完整 when the account has no e-mail for 邮箱验证', async () => {
    const { username } = await registerIndividual(new Agent(t.app));
    const [account] = await t.ctx.db.select().from(accounts).where(eq(accounts.username, username));
    await t.ctx.db
      .update(accounts)
      .set({ emailEnc: null, emailBidx: null })
      .where(eq(accounts.id, account!.id));
    const agent = new Agent(t.app);
    const { flow, methods } = (await start(agent, username)).json();
    expect(methods.find((m: { method: string }) => m.method === 'email').target).toBeNull();
    const res = await agent.post('/api/password-recovery/verify', { flow, method: 'email', code: '123456' });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('recovery.identity_incomplete');
  });

  it('answers an unknown username exactly as a real one: a flow, a code "sent", a wrong code refused', async () => {
    const { username } = await registerIndividual(new Agent(t.app));
    const agent = new Agent(t.app);
    const shapes = [];
    for (const name of [username, 'nosuchperson01']) {
      const started = await start(agent, name);
      expect(started.statusCode).toBe(200);
      const { flow, methods } = started.json();
      const sent = await sendCode(agent, flow, 'sms');
      expect(sent.statusCode).toBe(202);
      const wrong = await agent.post('/api/password-recovery/verify', {
        flow,
        method: 'sms',
        code: '999999',
      });
      shapes.push({
        methods: methods.map((m: { method: string; target: string | null }) => [m.method, m.target !== null]),
        sent: Object.keys(sent.json()).sort(),
        wrong: [wrong.statusCode, wrong.json().code, wrong.json().errors?.[0]?.code],
      });
    }
    expect(shapes[1]).toEqual(shapes[0]);
    // the decoy's masked mobile is stable
    const again = (await start(agent, 'nosuchperson01')).json();
    const first = (await start(agent, 'nosuchperson01')).json();
    expect(again.methods).toEqual(first.methods);
  });

  it('refuses a forged or altered flow, and limits verifications per username across clients', async () => {
    const { username, body } = await registerIndividual(new Agent(t.app));
    const agent = new Agent(t.app);
    const { flow } = (await start(agent, username)).json();
    const [payload, signature] = flow.split('.');
    const forged = `${Buffer.from(JSON.stringify({ u: 'someoneelse', exp: Date.now() + 60_000, n: 'x' })).toString('base64url')}.${signature}`;
    const res = await agent.post('/api/password-recovery/verify', {
      flow: forged,
      method: 'sms',
      code: '123456',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('recovery.verification_failed');
    expect(payload).toBeTruthy();

    let last = 0;
    for (let i = 0; i < 11; i++) {
      const other = new Agent(t.app);
      const r = await other.post('/api/password-recovery/verify', {
        flow,
        method: 'account_info',
        name: '不对',
        idType: body.idType,
        idNumber: body.idNumber,
        ...(await other.captcha()),
      });
      last = r.statusCode;
    }
    expect(last).toBe(429);
  });

  it('refuses bad input with field errors and writes nothing', async () => {
    const agent = new Agent(t.app);
    const res = await agent.post('/api/password-recovery/start', {
      username: '',
      captchaId: 'x',
      captchaAnswer: '',
    });
    expect(res.statusCode).toBe(400);
    const bad = await agent.post('/api/password-recovery/verify', { flow: 'x', method: 'face' });
    expect(bad.statusCode).toBe(400);
    const weak = await agent.post('/api/password-recovery/reset', {
      token: 'whatever',
      password: 'short',
      confirmPassword: 'short',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors.map((e: { path: string }) => e.path)).toContain('password');
  });
});
