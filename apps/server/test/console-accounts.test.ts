import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, auditEvents, signInAudit, signInThrottle } from '../src/db/schema/index.ts';
import { fixedClock } from '../src/lib/clock.ts';
import { insertAccount, insertSignInAudit } from '../src/modules/identity/identity.repo.ts';
import { hashPassword } from '../src/modules/identity/passwords.ts';
import { grantStaffRole } from '../src/modules/identity/staff-roles.ts';
import { Agent, createTestApp, registerIndividual, type TestApp } from './helpers.ts';

const clock = fixedClock(new Date('2026-03-02T02:00:00Z'));
let t: TestApp;
let staff: Agent;
let staffId: string;
beforeAll(async () => {
  t = await createTestApp({ clock });
  const row = await insertAccount(t.ctx.db, {
    username: 'opsadmin',
    kind: 'staff',
    name: '运维人员',
    passwordHash: await hashPassword('Staff@2026'),
  });
  await grantStaffRole(t.ctx.db, {
    accountId: row.id,
    role: 'platform_admin',
    serviceCode: '*',
    grantedBy: null,
    at: clock.now(),
  });
  staffId = row.id;
  staff = new Agent(t.app);
  expect((await staff.signIn('opsadmin', 'Staff@2026')).statusCode).toBe(200);
});
afterAll(async () => {
  await t.close();
});

let seq = 0;
function departmentBody(overrides: Record<string, unknown> = {}) {
  seq++;
  const n = String(seq).padStart(4, '0');
  return {
    username: `bw${Date.now() % 100000}x${n}`,
    name: '赵部委',
    department: '商务部',
    mobile: `1370000${n}`,
    email: `dept${n}@mofcom.example.gov.cn`,
    ...overrides,
  };
}

async function individual() {
  const agent = new Agent(t.app);
  const { username, password } = await registerIndividual(agent);
  expect((await agent.signIn(username, password)).statusCode).toBe(200);
  return { agent, username, password };
}

describe('console account administration is for staff only', () => {
  it('answers 401 without a session and 403 to a citizen on every route', async () => {
    const citizen = (await individual()).agent;
    const anonymous = new Agent(t.app);
    const someone = crypto.randomUUID();
    const calls: [Agent, 'GET' | 'POST' | 'DELETE', string, unknown?][] = [
      [citizen, 'GET', '/api/console/accounts'],
      [citizen, 'POST', '/api/console/department-users', departmentBody()],
      [citizen, 'POST', `/api/console/accounts/${someone}/disable`],
      [citizen, 'POST', `/api/console/accounts/${someone}/enable`],
      [citizen, 'GET', '/api/console/lockouts'],
      [citizen, 'DELETE', `/api/console/lockouts/${'a'.repeat(64)}`],
      [citizen, 'GET', '/api/console/sign-ins'],
    ];
    for (const [agent, method, url, body] of calls) {
      const res =
        method === 'GET'
          ? await agent.get(url)
          : await agent.send(method, url, body as Record<string, unknown>);
      expect([url, res.statusCode, res.json().code]).toEqual([url, 403, 'auth.forbidden']);
      const anon =
        method === 'GET'
          ? await anonymous.get(url)
          : await anonymous.send(method, url, body as Record<string, unknown>);
      expect([url, anon.statusCode]).toEqual([url, 401]);
    }
  });
});

describe('部委用户', () => {
  it('creates a department user with a one-time initial password that must be changed', async () => {
    const body = departmentBody({ idType: 'resident_id', idNumber: '11010519491231002X' });
    const res = await staff.post('/api/console/department-users', body);
    expect(res.statusCode).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    const { account, initialPassword } = res.json();
    expect(account).toMatchObject({
      username: body.username,
      kind: 'department',
      status: 'active',
      department: '商务部',
      mobileMasked: `137****${body.mobile.slice(-4)}`,
      idNumberMasked: '1101**********002X',
      mustChangePassword: true,
    });
    expect(initialPassword).toMatch(/^[!-~]{12}$/);
    expect(JSON.stringify(account)).not.toContain(body.mobile);

    const [row] = await t.ctx.db.select().from(accounts).where(eq(accounts.id, account.id));
    expect(row).toMatchObject({ kind: 'department', createdBy: staffId, mustChangePassword: true });
    expect(row!.mobileEnc).not.toContain(body.mobile);
    expect(row!.passwordHash).not.toContain(initialPassword);
    const [audit] = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.targetId, account.id));
    expect(audit).toMatchObject({ action: 'account.create_department_user', actorId: staffId });
    expect(JSON.stringify(audit!.detail)).not.toContain(initialPassword);

    // the initial password signs in, and the account is held at the change-password step
    const user = new Agent(t.app);
    const signIn = await user.signIn(body.username, initialPassword);
    expect(signIn.statusCode).toBe(200);
    expect(signIn.json().account.mustChangePassword).toBe(true);
  });

  it('rejects a taken username with the field error, and writes nothing', async () => {
    const body = departmentBody();
    expect((await staff.post('/api/console/department-users', body)).statusCode).toBe(201);
    const before = await t.ctx.db.select().from(accounts);
    const dup = await staff.post('/api/console/department-users', {
      ...departmentBody(),
      username: body.username,
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('account.username_taken');
    expect(dup.json().errors).toEqual([
      { path: 'username', code: 'account.username_taken', message: expect.any(String) },
    ]);
    expect(await t.ctx.db.select().from(accounts)).toHaveLength(before.length);
  });

  it('validates every field, the ID number against its type', async () => {
    const res = await staff.post('/api/console/department-users', {
      username: 'ab',
      name: '',
      department: '<b>部</b>',
      mobile: '12345',
      email: 'nope',
      idType: 'resident_id',
      idNumber: '110105194912310021',
    });
    expect(res.statusCode).toBe(400);
    const paths = Object.fromEntries(
      res.json().errors.map((e: { path: string; code: string }) => [e.path, e.code]),
    );
    expect(paths).toMatchObject({
      username: 'field.username_invalid',
      name: 'field.required',
      department: 'field.invalid',
      mobile: 'field.mobile_invalid',
      email: 'field.email_invalid',
      idNumber: 'field.id_number_invalid',
    });
  });

  it('lists and searches department users, newest first, in stable pages', async () => {
    const created: string[] = [];
    for (let i = 0; i < 5; i++) {
      clock.advance(1000);
      const body = departmentBody({ department: i % 2 === 0 ? '海关总署' : '市场监管总局' });
      expect((await staff.post('/api/console/department-users', body)).statusCode).toBe(201);
      created.push(body.username);
    }
    const customs = await staff.get('/api/console/accounts?kind=department&q=海关');
    expect(customs.json().items.map((a: { username: string }) => a.username)).toEqual([
      created[4],
      created[2],
      created[0],
    ]);

    // a whole mobile number finds its account though numbers are stored sealed
    const one = departmentBody();
    await staff.post('/api/console/department-users', one);
    const byMobile = await staff.get(`/api/console/accounts?q=${one.mobile}`);
    expect(byMobile.json().items.map((a: { username: string }) => a.username)).toEqual([one.username]);

    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { username: string }[]; nextCursor: string | null } = (
        await staff.get(`/api/console/accounts?kind=department&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      all.push(...page.items.map((a) => a.username));
      cursor = page.nextCursor;
    } while (cursor);
    const everything = (await staff.get('/api/console/accounts?kind=department&limit=100')).json().items;
    expect(all).toEqual(everything.map((a: { username: string }) => a.username));
    expect(new Set(all).size).toBe(all.length);

    const bad = await staff.get('/api/console/accounts?cursor=garbage');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('request.cursor_invalid');
  });
});

describe('账号解锁 and 停用/启用', () => {
  async function lockOut(username: string) {
    const agent = new Agent(t.app);
    for (let i = 0; i < 5; i++) await agent.signIn(username, 'Wr0ng!pass');
    return agent;
  }

  it('lists locked identifiers with the account, and unlocking lets the owner in at once', async () => {
    const { username, password } = await individual();
    await lockOut(username);
    await lockOut('nosuchperson9');
    expect((await new Agent(t.app).signIn(username, password)).json().code).toBe('auth.account_locked');

    const list = (await staff.get('/api/console/lockouts')).json();
    const mine = list.find((l: { identifier: string }) => l.identifier === username);
    expect(mine).toMatchObject({ username, via: 'username', failures: 5 });
    expect(new Date(mine.lockedUntil).getTime()).toBe(clock.now().getTime() + 15 * 60_000);
    expect(list.find((l: { identifier: string }) => l.identifier === 'nosuchperson9')).toMatchObject({
      username: null,
      accountId: null,
    });

    expect((await staff.send('DELETE', `/api/console/lockouts/${mine.id}`)).statusCode).toBe(204);
    expect(
      await t.ctx.db.select().from(signInThrottle).where(eq(signInThrottle.identifier, username)),
    ).toEqual([]);
    expect((await new Agent(t.app).signIn(username, password)).statusCode).toBe(200);
    const [audit] = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.targetId, mine.id));
    expect(audit).toMatchObject({ action: 'account.unlock', actorId: staffId });
    expect((await staff.get('/api/console/lockouts')).json().map((l: { id: string }) => l.id)).not.toContain(
      mine.id,
    );
    expect((await staff.send('DELETE', `/api/console/lockouts/${mine.id}`)).statusCode).toBe(404);
  });

  it('a lock provoked by mobile number is the account’s one lock, listed without the number, and unlocks', async () => {
    const agent = new Agent(t.app);
    const { body, username, password } = await registerIndividual(agent);
    const mobile = body.mobile as string;
    await t.ctx.db.update(accounts).set({ phoneLoginEnabled: true }).where(eq(accounts.username, username));
    await lockOut(mobile);
    const list = await staff.get('/api/console/lockouts');
    expect(list.body).not.toContain(mobile);
    const lock = list.json().find((l: { username: string | null }) => l.username === username);
    expect(lock).toMatchObject({ identifier: username });
    expect((await staff.send('DELETE', `/api/console/lockouts/${lock.id}`)).statusCode).toBe(204);
    expect((await new Agent(t.app).signIn(mobile, password)).statusCode).toBe(200);
  });

  it('does not list a lock that has run out', async () => {
    const { username } = await individual();
    await lockOut(username);
    clock.advance(15 * 60_000 + 1000);
    const list = (await staff.get('/api/console/lockouts')).json();
    expect(list.map((l: { identifier: string }) => l.identifier)).not.toContain(username);
  });

  it('disables an account: its sessions end and it cannot sign in; enabling lets it back', async () => {
    const { agent, username, password } = await individual();
    const [row] = await t.ctx.db.select().from(accounts).where(eq(accounts.username, username));
    const id = row!.id;

    const disabled = await staff.post(`/api/console/accounts/${id}/disable`);
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json().status).toBe('disabled');
    expect((await agent.get('/api/me')).statusCode).toBe(401);
    const refused = await new Agent(t.app).signIn(username, password);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('auth.account_disabled');

    const twice = await staff.post(`/api/console/accounts/${id}/disable`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('account.status_conflict');

    expect((await staff.post(`/api/console/accounts/${id}/enable`)).json().status).toBe('active');
    expect((await new Agent(t.app).signIn(username, password)).statusCode).toBe(200);
    const actions = (await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.targetId, id))).map(
      (a) => a.action,
    );
    expect(actions).toEqual(['account.disable', 'account.enable']);

    expect((await staff.post(`/api/console/accounts/${crypto.randomUUID()}/disable`)).statusCode).toBe(404);
    const self = await staff.post(`/api/console/accounts/${staffId}/disable`);
    expect(self.statusCode).toBe(403);
    expect(self.json().code).toBe('account.cannot_disable_self');
  });
});

describe('登录日志', () => {
  it('filters by identifier, outcome, method, IP and time, newest first, without personal numbers', async () => {
    const { username, password } = await individual();
    const start = clock.now();
    clock.advance(1000);
    await new Agent(t.app).signIn(username, 'Wr0ng!pass');
    clock.advance(1000);
    // from another address (the test app sees every request from 127.0.0.1)
    await insertSignInAudit(t.ctx.db, {
      accountId: null,
      identifier: username,
      method: 'password',
      outcome: 'captcha_failed',
      ip: '203.0.113.9',
      userAgent: null,
      at: clock.now(),
    });
    clock.advance(1000);
    await new Agent(t.app).signIn(username, password);
    clock.advance(1000);
    await new Agent(t.app).signIn('13912345678', 'Wr0ng!pass'); // a mobile typed as the username

    const mine = (await staff.get(`/api/console/sign-ins?identifier=${username.toUpperCase()}`)).json();
    expect(mine.items.map((e: { outcome: string }) => e.outcome)).toEqual([
      'success',
      'captcha_failed',
      'bad_password',
      'success', // signed in once on registering
    ]);
    expect(mine.items[0]).toMatchObject({
      username,
      method: 'password',
      identifier: username,
      ip: '127.0.0.1',
    });
    expect(mine.items[0].accountId).toBeTruthy();

    const failed = (
      await staff.get(`/api/console/sign-ins?identifier=${username}&outcome=bad_password`)
    ).json();
    expect(failed.items).toHaveLength(1);
    const byMethod = (await staff.get(`/api/console/sign-ins?identifier=${username}&method=passkey`)).json();
    expect(byMethod.items).toEqual([]);
    const byIp = (await staff.get(`/api/console/sign-ins?ip=203.0.113.9`)).json();
    expect(
      byIp.items.map((e: { outcome: string; username: string | null }) => [e.outcome, e.username]),
    ).toEqual([['captcha_failed', null]]);
    expect(
      (await staff.get(`/api/console/sign-ins?identifier=${username}&ip=127.0.0.1`)).json().items,
    ).toHaveLength(3);

    const window = (
      await staff.get(
        `/api/console/sign-ins?from=${encodeURIComponent(new Date(start.getTime() + 1500).toISOString())}&to=${encodeURIComponent(new Date(start.getTime() + 3500).toISOString())}`,
      )
    ).json();
    expect(window.items.map((e: { outcome: string }) => e.outcome)).toEqual(['success', 'captcha_failed']);

    const all = (await staff.get('/api/console/sign-ins?limit=100')).json();
    expect(JSON.stringify(all)).not.toContain('13912345678');
    const typedMobile = all.items.find((e: { identifier: string }) => e.identifier.startsWith('139'));
    expect(typedMobile?.identifier).toBe('139****5678');

    const backwards = await staff.get(
      `/api/console/sign-ins?from=${encodeURIComponent(new Date().toISOString())}&to=${encodeURIComponent(new Date(0).toISOString())}`,
    );
    expect(backwards.statusCode).toBe(400);
  });

  it('pages with a cursor that stays stable while new attempts arrive', async () => {
    // many attempts in the same millisecond: the id breaks the tie
    const { username, password } = await individual();
    for (let i = 0; i < 7; i++) await new Agent(t.app).signIn(username, i % 2 ? password : 'Wr0ng!pass');
    const url = `/api/console/sign-ins?identifier=${username}&limit=3`;
    const first = (await staff.get(url)).json();
    expect(first.items).toHaveLength(3);
    // a new attempt after the first page does not shift the following pages
    clock.advance(1000);
    await new Agent(t.app).signIn(username, password);
    const seen = [...first.items.map((e: { id: string }) => e.id)];
    let cursor = first.nextCursor;
    while (cursor) {
      const page = (await staff.get(`${url}&cursor=${cursor}`)).json();
      seen.push(...page.items.map((e: { id: string }) => e.id));
      cursor = page.nextCursor;
    }
    const rows = await t.ctx.db.select().from(signInAudit).where(eq(signInAudit.identifier, username));
    expect(seen).toHaveLength(rows.length - 1);
    expect(new Set(seen).size).toBe(seen.length);
    const everything = (await staff.get(`/api/console/sign-ins?identifier=${username}&limit=100`)).json();
    expect(everything.items.slice(1).map((e: { id: string }) => e.id)).toEqual(seen);
  });
});
