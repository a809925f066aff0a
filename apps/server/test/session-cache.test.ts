import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { accounts, sessions } from '../src/db/schema/index.ts';
import { fixedClock } from '../src/lib/clock.ts';
import { refreshAccountSessions } from '../src/modules/identity/sessions.ts';
import { Agent, CAPTCHA, createTestApp, registerIndividual, type TestApp } from './helpers.ts';

// two instances of the platform on one database, as behind a load balancer
let a: TestApp;
let b: Awaited<ReturnType<typeof build>>;
const clockB = fixedClock(new Date());
beforeAll(async () => {
  a = await createTestApp();
  b = await build({
    config: loadConfig({ NODE_ENV: 'test', CAPTCHA_TEST_ANSWER: CAPTCHA, LOG_LEVEL: 'silent' }),
    database: a.database,
    clock: clockB,
    logger: false,
  });
  await b.app.ready();
});
afterAll(async () => {
  await b.app.close();
  await a.close();
});

async function signedIn() {
  const agent = new Agent(a.app);
  const { body } = await registerIndividual(agent);
  expect((await agent.signIn(body.username as string, 'Passw0rd!')).statusCode).toBe(200);
  const onB = new Agent(b.app);
  for (const [k, v] of agent.cookies) onB.cookies.set(k, v);
  return { onA: agent, onB, username: body.username as string };
}

async function until(check: () => Promise<boolean>) {
  for (let i = 0; i < 50; i++) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return false;
}

describe('session cache across instances', () => {
  it('a sign-out on one instance ends the session on the other at once', async () => {
    const { onA, onB } = await signedIn();
    expect((await onB.get('/api/me')).statusCode).toBe(200); // B now holds the session in its cache
    expect(b.ctx.sessionCache.size).toBeGreaterThan(0);
    expect((await onA.post('/api/auth/sign-out')).statusCode).toBe(204);
    expect(await until(async () => (await onB.get('/api/me')).statusCode === 401)).toBe(true);
  });

  it('an account change reaches cached sessions on every instance', async () => {
    const { onB, username } = await signedIn();
    expect((await onB.get('/api/me')).json().name).toBe('李四');
    const [row] = await a.ctx.db
      .update(accounts)
      .set({ name: '李四改' })
      .where(eq(accounts.username, username))
      .returning();
    await refreshAccountSessions(a.ctx, row!.id);
    expect(await until(async () => (await onB.get('/api/me')).json().name === '李四改')).toBe(true);
  });

  it('serves a session revoked without a broadcast no longer than the cache lifetime', async () => {
    const { onB } = await signedIn();
    clockB.set(new Date());
    expect((await onB.get('/api/me')).statusCode).toBe(200);
    // revoked behind the platform's back: no notification reaches B
    await a.ctx.db.update(sessions).set({ revokedAt: new Date() });
    expect((await onB.get('/api/me')).statusCode).toBe(200); // still cached
    clockB.advance(10_001);
    expect((await onB.get('/api/me')).statusCode).toBe(401);
  });
});
