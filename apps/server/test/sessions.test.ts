import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/lib/clock.ts';
import { insertAccount } from '../src/modules/identity/identity.repo.ts';
import { hashPassword } from '../src/modules/identity/passwords.ts';
import { Agent, createTestApp, individualBody, registerIndividual, type TestApp } from './helpers.ts';

const clock = fixedClock(new Date('2026-03-02T02:00:00Z'));
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(async () => {
  await t.close();
});

async function registeredAgent() {
  const agent = new Agent(t.app);
  const { body } = await registerIndividual(agent); // throws unless 201
  expect((await agent.signIn(body.username as string, 'Passw0rd!')).statusCode).toBe(200);
  return agent;
}

describe('session lifetime', () => {
  it('ends after 30 idle minutes', async () => {
    const agent = await registeredAgent();
    clock.advance(29 * 60_000);
    expect((await agent.get('/api/me')).statusCode).toBe(200); // activity moves the idle limit
    clock.advance(29 * 60_000);
    expect((await agent.get('/api/me')).statusCode).toBe(200);
    clock.advance(31 * 60_000);
    const res = await agent.get('/api/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('auth.unauthenticated');
    expect(agent.cookies.has('sw_session')).toBe(false); // the dead cookie is cleared
  });

  it('ends 12 hours after sign-in however active', async () => {
    const agent = await registeredAgent();
    for (let i = 0; i < 24; i++) {
      clock.advance(29 * 60_000);
      expect((await agent.get('/api/auth/session')).statusCode).toBe(200);
    }
    clock.advance(29 * 60_000); // 12 h 05 min after sign-in
    expect((await agent.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('a one-time code expires after 5 minutes', async () => {
    const agent = new Agent(t.app);
    const body = individualBody();
    const smsCode = await agent.smsCode(body.mobile as string);
    clock.advance(5 * 60_000 + 1000);
    const res = await agent.post('/api/accounts/individual', { ...body, smsCode });
    expect(res.json().errors[0]).toMatchObject({ path: 'smsCode', code: 'otp.expired' });
  });

  it('a captcha expires after 5 minutes', async () => {
    const agent = new Agent(t.app);
    const captcha = await agent.captcha();
    clock.advance(5 * 60_000 + 1000);
    const res = await agent.post('/api/otp/sms', { mobile: '13600000009', purpose: 'register', ...captcha });
    expect(res.json().code).toBe('captcha.invalid');
  });

  it('caps codes per number per day (China time) and resets at midnight', async () => {
    const capped = await createTestApp({ clock, env: { OTP_DAILY_LIMIT: '2' } });
    try {
      clock.set(new Date('2026-03-02T10:00:00Z')); // 18:00 in Beijing
      const agent = new Agent(capped.app);
      const send = async () =>
        (
          await agent.post('/api/otp/sms', {
            mobile: '13600000010',
            purpose: 'register',
            ...(await agent.captcha()),
          })
        ).json();
      await send();
      clock.advance(61_000);
      await send();
      clock.advance(61_000);
      expect((await send()).code).toBe('otp.daily_limit');
      clock.set(new Date('2026-03-02T16:00:30Z')); // 00:00:30 next day in Beijing
      expect((await send()).resendAfter).toBe(60);
    } finally {
      await capped.close();
    }
  });
});

describe('console', () => {
  it('shows the overview to staff only', async () => {
    const citizen = await registeredAgent();
    expect((await citizen.get('/api/console/overview')).statusCode).toBe(403);
    expect((await new Agent(t.app).get('/api/console/overview')).statusCode).toBe(401);

    await insertAccount(t.ctx.db, {
      username: 'reviewer01',
      kind: 'staff',
      name: '审核员',
      passwordHash: await hashPassword('Staff@2026'),
    });
    const staff = new Agent(t.app);
    expect((await staff.signIn('reviewer01', 'Staff@2026')).json().account.isStaff).toBe(true);
    const res = await staff.get('/api/console/overview');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.accounts.byKind.staff).toBe(1);
    expect(body.accounts.total).toBe(body.accounts.byKind.individual + 1);
    expect(body.signIns.today).toBeGreaterThanOrEqual(1);
  });
});
