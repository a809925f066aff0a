import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, sessions } from '../src/db/schema/index.ts';
import { Agent, createTestApp, registerIndividual, type TestApp } from './helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function signedIn() {
  const agent = new Agent(t.app);
  const { username, password } = await registerIndividual(agent);
  expect((await agent.signIn(username, password)).statusCode).toBe(200);
  const [account] = await t.ctx.db.select().from(accounts).where(eq(accounts.username, username));
  return { agent, account: account! };
}

async function check(agent: Agent, outcome?: 'passed' | 'failed' | 'mismatch') {
  const started = await agent.post('/api/face-checks', { purpose: 'real_name' });
  expect(started.statusCode).toBe(201);
  const view = started.json();
  expect(view).toMatchObject({ status: 'pending', simulated: true });
  if (outcome) {
    const decided = await agent.post(`/api/dev/face-checks/${view.id}/decide`, { outcome });
    expect(decided.statusCode).toBe(204);
  }
  return view.id as string;
}

describe('人脸识别 (face check) and 实名认证 → 高', () => {
  it('a passed check raises an individual to 高 once, and steps the session up', async () => {
    const { agent, account } = await signedIn();
    const id = await check(agent, 'passed');
    expect((await agent.get(`/api/face-checks/${id}`)).json().status).toBe('passed');
    const raised = await agent.post('/api/account/real-name/face', { faceCheckId: id });
    expect(raised.statusCode).toBe(200);
    expect(raised.json().level).toBe('high');
    const rows = await t.ctx.db.select().from(sessions).where(eq(sessions.accountId, account.id));
    expect(rows.some((s) => s.stepUpAt !== null)).toBe(true);
    const again = await agent.post('/api/account/real-name/face', { faceCheckId: id });
    expect(again.statusCode).toBe(422);
    expect(again.json().code).toBe('face.expired');
  });

  it('refuses a check that failed liveness, was someone else, or is not finished', async () => {
    const { agent } = await signedIn();
    for (const outcome of ['failed', 'mismatch', undefined] as const) {
      const id = await check(agent, outcome);
      const res = await agent.post('/api/account/real-name/face', { faceCheckId: id });
      expect(res.statusCode).toBe(422);
      expect(res.json().code).toBe('face.not_passed');
    }
  });

  it('keeps a check to the account that started it', async () => {
    const { agent } = await signedIn();
    const id = await check(agent);
    const other = await signedIn();
    expect((await other.agent.get(`/api/face-checks/${id}`)).statusCode).toBe(404);
    expect(
      (await other.agent.post(`/api/dev/face-checks/${id}/decide`, { outcome: 'passed' })).statusCode,
    ).toBe(404);
    expect((await other.agent.post('/api/account/real-name/face', { faceCheckId: id })).statusCode).toBe(404);
  });
});
