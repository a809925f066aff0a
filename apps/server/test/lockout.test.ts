import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { signInAudit } from '../src/db/schema/index.ts';
import { fixedClock } from '../src/lib/clock.ts';
import { Agent, CAPTCHA, createTestApp, registerIndividual, type TestApp } from './helpers.ts';

const clock = fixedClock(new Date());
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(async () => {
  await t.close();
});

async function registered() {
  const agent = new Agent(t.app);
  const { username } = await registerIndividual(agent);
  return { agent, username };
}

describe('sign-in lockout', () => {
  it('locks after 5 consecutive failures for 15 minutes, then lets the right password in', async () => {
    const { agent, username } = await registered();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await agent.signIn(username, 'Wr0ng!pass')).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);

    const locked = await agent.signIn(username, 'Passw0rd!'); // even the right password
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('auth.account_locked');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(14 * 60);

    clock.advance(15 * 60_000 + 1000);
    expect((await agent.signIn(username, 'Passw0rd!')).statusCode).toBe(200);
    const outcomes = (
      await t.ctx.db.select().from(signInAudit).where(eq(signInAudit.identifier, username))
    ).map((a) => a.outcome);
    expect(outcomes.filter((o) => o === 'locked')).toHaveLength(1);
    expect(outcomes.at(-1)).toBe('success');
  });

  it('a success resets the count', async () => {
    const { agent, username } = await registered();
    for (let i = 0; i < 4; i++) await agent.signIn(username, 'Wr0ng!pass');
    expect((await agent.signIn(username, 'Passw0rd!')).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await agent.signIn(username, 'Wr0ng!pass')).statusCode).toBe(401);
  });

  it('locks an unknown username exactly like a real one, so nothing is revealed', async () => {
    const agent = new Agent(t.app);
    const { username } = await registered();
    const answers = async (name: string) => {
      const out: string[] = [];
      for (let i = 0; i < 6; i++) {
        const res = await agent.signIn(name, 'Wr0ng!pass');
        out.push(`${res.statusCode} ${res.json().code}`);
      }
      return out;
    };
    expect(await answers('nosuchuser9')).toEqual(await answers(username));
  });

  it('holds across a restart and on another instance sharing the database', async () => {
    const { agent, username } = await registered();
    for (let i = 0; i < 5; i++) await agent.signIn(username, 'Wr0ng!pass');
    // a second instance (or this one restarted) on the same database
    const other = await build({
      config: loadConfig({
        NODE_ENV: 'test',
        CAPTCHA_TEST_ANSWER: CAPTCHA,
        LOG_LEVEL: 'silent',
        RATE_LIMIT_SIGN_IN: '10000',
      }),
      database: t.database,
      clock,
      logger: false,
    });
    try {
      const res = await new Agent(other.app).signIn(username, 'Passw0rd!');
      expect(res.statusCode).toBe(429);
      expect(res.json().code).toBe('auth.account_locked');
    } finally {
      await other.app.close();
    }
  });

  it('counts concurrent failures without losing any', async () => {
    const { username } = await registered();
    const agents = Array.from({ length: 5 }, () => new Agent(t.app));
    await Promise.all(agents.map((a) => a.signIn(username, 'Wr0ng!pass')));
    const res = await new Agent(t.app).signIn(username, 'Passw0rd!');
    expect(res.json().code).toBe('auth.account_locked');
  });
});
