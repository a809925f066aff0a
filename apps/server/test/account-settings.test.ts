import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, auditEvents, cards, signInAudit } from '../src/db/schema/index.ts';
import {
  Agent,
  createTestApp,
  latestCode,
  organizationBody,
  registerIndividual,
  residentId,
  type TestApp,
} from './helpers.ts';

let t: TestApp;
// real time that a test can move forward past the 60-second resend limit of one number
let offset = 0;
const clock = { now: () => new Date(Date.now() + offset) };
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());

/** An enterprise administrator, signed in. */
async function signedInAdmin() {
  const agent = new Agent(t.app);
  const body = organizationBody();
  body.administrator.smsCode = await agent.smsCode(body.administrator.mobile as string);
  const res = await agent.post('/api/accounts/organization', body);
  expect(res.statusCode).toBe(201);
  expect((await agent.signIn(body.administrator.username as string, 'Passw0rd!')).statusCode).toBe(200);
  return { agent, body };
}

/** An individual, registered and signed in. */
async function signedInPerson() {
  const agent = new Agent(t.app);
  const { body } = await registerIndividual(agent);
  expect((await agent.signIn(body.username as string, 'Passw0rd!')).statusCode).toBe(200);
  return { agent, body };
}

let opSeq = 0;
function operatorBody(overrides: Record<string, unknown> = {}) {
  opSeq++;
  const n = `${String(Date.now()).slice(-6)}${String(opSeq).padStart(2, '0')}`;
  return {
    username: `op${n}`,
    name: '操作员甲',
    idType: 'resident_id',
    idNumber: residentId('13010219920202', opSeq),
    mobile: `136${n}`,
    ...overrides,
  };
}

describe('手机号登录开关 and sign-in by mobile (seed 004 §3.1 账户设置, §2.1)', () => {
  it('turns on, signs in by mobile, refuses a second account with the same number, turns off', async () => {
    const { agent, body } = await signedInPerson();
    const mobile = body.mobile as string;
    // off: the number is not a sign-in name
    const before = await new Agent(t.app).signIn(mobile, 'Passw0rd!');
    expect(before.statusCode).toBe(401);

    const on = await agent.send('PUT', '/api/account/settings/phone-login', { enabled: true });
    expect(on.statusCode).toBe(200);
    expect((await agent.get('/api/me')).json().phoneLoginEnabled).toBe(true);

    const phone = new Agent(t.app);
    const res = await phone.signIn(mobile, 'Passw0rd!');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ method: 'mobile', account: { username: body.username } });
    // audited with the number masked, never in clear
    const rows = await t.database.db.select().from(signInAudit).where(eq(signInAudit.method, 'mobile'));
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.identifier).not.toContain(mobile);

    // another account holding the same mobile cannot switch on
    const other = new Agent(t.app);
    const org = organizationBody({ administrator: { mobile } });
    offset += 61_000;
    org.administrator.smsCode = await other.smsCode(mobile);
    expect((await other.post('/api/accounts/organization', org)).statusCode).toBe(201);
    await other.signIn(org.administrator.username as string, 'Passw0rd!');
    const taken = await other.send('PUT', '/api/account/settings/phone-login', { enabled: true });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({
      code: 'account.phone_login_taken',
      detail: '该账号对应的手机号已开启手机号登录！',
    });

    expect(
      (await agent.send('PUT', '/api/account/settings/phone-login', { enabled: false })).statusCode,
    ).toBe(200);
    expect((await new Agent(t.app).signIn(mobile, 'Passw0rd!')).statusCode).toBe(401);
    // now the other account may
    expect((await other.send('PUT', '/api/account/settings/phone-login', { enabled: true })).statusCode).toBe(
      200,
    );
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'account.phone_login_on'));
    expect(audit.length).toBe(2);
  });

  it('two accounts switching on the same number at once: one wins', async () => {
    const a = await signedInPerson();
    const mobile = a.body.mobile as string;
    const b = new Agent(t.app);
    const org = organizationBody({ administrator: { mobile } });
    offset += 61_000;
    org.administrator.smsCode = await b.smsCode(mobile);
    expect((await b.post('/api/accounts/organization', org)).statusCode).toBe(201);
    await b.signIn(org.administrator.username as string, 'Passw0rd!');
    const results = await Promise.all([
      a.agent.send('PUT', '/api/account/settings/phone-login', { enabled: true }),
      b.send('PUT', '/api/account/settings/phone-login', { enabled: true }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  });
});

describe('信息同步 (seed 004 §3.1 账户设置)', () => {
  it('sends the account’s record to the (simulated) national platform, audited without personal numbers', async () => {
    const { agent, body } = await signedInPerson();
    const res = await agent.post('/api/account/settings/sync');
    expect(res.statusCode).toBe(200);
    expect(res.json().receipt).toMatch(/^GWY[0-9A-F]{16}$/);
    const audits = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'agency.call'));
    const sync = audits.filter((a) => (a.detail as { operation?: string }).operation === 'sync_user');
    expect(sync).toHaveLength(1);
    expect(JSON.stringify(sync[0]!.detail)).not.toContain(String(body.idNumber));
    expect((await new Agent(t.app).post('/api/account/settings/sync')).statusCode).toBe(401);
  });
});

describe('operators created by an administrator: first sign-in (seed 004 §2.1)', () => {
  it('SMS check of the administrator-entered mobile, then a forced password change, then sign-in anew', async () => {
    const { agent: admin } = await signedInAdmin();
    const op = operatorBody();
    const created = await admin.post('/api/org/operators', op);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ username: op.username, firstSignInPending: true });
    expect(created.json().mobileMasked).toBe(`${op.mobile.slice(0, 3)}****${op.mobile.slice(-4)}`);

    const agent = new Agent(t.app);
    const signIn = await agent.signIn(op.username, '88888888');
    expect(signIn.statusCode).toBe(200);
    expect(signIn.json().account).toMatchObject({ mustVerifyMobile: true, mustChangePassword: true });

    // nothing else until the steps are done
    const blocked = await agent.get('/api/account/sessions');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('auth.first_sign_in_required');
    const early = await agent.post('/api/account/password', {
      currentPassword: '88888888',
      newPassword: 'NewPassw0rd!',
      confirmPassword: 'NewPassw0rd!',
    });
    expect(early.json().code).toBe('auth.first_sign_in_required');

    const sent = await agent.post('/api/account/first-sign-in/sms', await agent.captcha());
    expect(sent.statusCode).toBe(202);
    expect(sent.json().mobileMasked).toBe(created.json().mobileMasked);
    const code = await latestCode(agent, op.mobile);
    const wrong = await agent.post('/api/account/first-sign-in/verify', {
      code: code === '000000' ? '111111' : '000000',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0]).toMatchObject({ path: 'code', code: 'otp.invalid' });
    expect((await agent.post('/api/account/first-sign-in/verify', { code })).statusCode).toBe(204);
    // the code is spent
    expect((await agent.post('/api/account/first-sign-in/verify', { code })).statusCode).toBe(403);

    const stillBlocked = await agent.get('/api/account/sessions');
    expect(stillBlocked.json().code).toBe('auth.password_change_required');

    const same = await agent.post('/api/account/password', {
      currentPassword: '88888888',
      newPassword: '88888888',
      confirmPassword: '88888888',
    });
    expect(same.statusCode).toBe(400);
    const changed = await agent.post('/api/account/password', {
      currentPassword: '88888888',
      newPassword: 'NewPassw0rd!',
      confirmPassword: 'NewPassw0rd!',
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toEqual({ signedOut: true });
    expect((await agent.get('/api/me')).statusCode).toBe(401);

    expect((await new Agent(t.app).signIn(op.username, '88888888')).statusCode).toBe(401);
    const again = new Agent(t.app);
    const fresh = await again.signIn(op.username, 'NewPassw0rd!');
    expect(fresh.json().account).toMatchObject({ mustVerifyMobile: false, mustChangePassword: false });
    expect((await again.get('/api/account/sessions')).statusCode).toBe(200);
  });

  it('two simultaneous creations of one operator ID give one; only an administrator may create', async () => {
    const { agent: admin } = await signedInAdmin();
    const idNumber = residentId('13010219930303', 77);
    const results = await Promise.all([
      admin.post('/api/org/operators', operatorBody({ idNumber })),
      admin.post('/api/org/operators', operatorBody({ idNumber })),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().errors[0]).toMatchObject({
      path: 'idNumber',
      code: 'account.operator_id_taken',
    });
    // the same ID in another organization is fine
    const { agent: otherAdmin } = await signedInAdmin();
    expect((await otherAdmin.post('/api/org/operators', operatorBody({ idNumber }))).statusCode).toBe(201);

    const { agent: person } = await signedInPerson();
    const refused = await person.post('/api/org/operators', operatorBody());
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('account.not_operator_admin');
    const list = await admin.get('/api/org/operators');
    expect(list.json()).toHaveLength(1);
  });

  it('an operator signing in by card is not held by the first-sign-in steps (they are for password sign-in)', async () => {
    const { agent: admin } = await signedInAdmin();
    const op = operatorBody();
    const created = (await admin.post('/api/org/operators', op)).json();
    // a session as a card sign-in would start it
    const { startSession } = await import('../src/modules/identity/sessions.ts');
    const { token } = await startSession(t.ctx, created.id, 'card', { ip: '127.0.0.1', userAgent: 'test' });
    const card = new Agent(t.app);
    card.cookies.set('sw_session', token);
    expect((await card.get('/api/account/sessions')).statusCode).toBe(200);
    // by password the steps still come first
    const byPassword = new Agent(t.app);
    await byPassword.signIn(op.username, '88888888');
    expect((await byPassword.get('/api/account/sessions')).json().code).toBe('auth.first_sign_in_required');
  });

  it('a session of a disabled account is dead, even one written after the disable', async () => {
    const { agent, body } = await signedInPerson();
    await t.ctx.db
      .update(accounts)
      .set({ status: 'disabled' })
      .where(eq(accounts.username, body.username as string));
    const { refreshAccountSessions } = await import('../src/modules/identity/sessions.ts');
    const [row] = await t.ctx.db
      .select()
      .from(accounts)
      .where(eq(accounts.username, body.username as string));
    await refreshAccountSessions(t.ctx, row!.id);
    expect((await agent.get('/api/me')).statusCode).toBe(401);
  });

  it('one failure count per account, whether the username or the mobile number is typed', async () => {
    const { agent, body } = await signedInPerson();
    expect((await agent.send('PUT', '/api/account/settings/phone-login', { enabled: true })).statusCode).toBe(
      200,
    );
    const attacker = new Agent(t.app);
    for (let i = 0; i < 3; i++) await attacker.signIn(body.username as string, 'Wrong0pass!');
    await attacker.signIn(body.mobile as string, 'Wrong0pass!');
    const fifth = await attacker.signIn(body.mobile as string, 'Wrong0pass!');
    expect(fifth.statusCode).toBe(429);
    // locked by either name, even with the right password
    expect((await new Agent(t.app).signIn(body.username as string, 'Passw0rd!')).statusCode).toBe(429);
  });

  it('changing a password normally keeps this device and signs out the others', async () => {
    const { agent, body } = await signedInPerson();
    const second = new Agent(t.app);
    await second.signIn(body.username as string, 'Passw0rd!');
    const wrong = await agent.post('/api/account/password', {
      currentPassword: 'Nope0000!',
      newPassword: 'Other0pass!',
      confirmPassword: 'Other0pass!',
    });
    expect(wrong.json().errors[0]).toMatchObject({
      path: 'currentPassword',
      code: 'auth.wrong_current_password',
    });
    const ok = await agent.post('/api/account/password', {
      currentPassword: 'Passw0rd!',
      newPassword: 'Other0pass!',
      confirmPassword: 'Other0pass!',
    });
    expect(ok.json()).toEqual({ signedOut: false });
    expect((await agent.get('/api/me')).statusCode).toBe(200);
    expect((await second.get('/api/me')).statusCode).toBe(401);
    const [row] = await t.database.db
      .select()
      .from(accounts)
      .where(eq(accounts.username, body.username as string));
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
  });
});

describe('我的操作员 (seed 004 §3.2): 查询, 修改, 账号状态, 删除, 重置', () => {
  it('finds by 用户名 and 姓名, edits all but the username (a changed identity ends 实名认证), disables', async () => {
    const { agent: admin } = await signedInAdmin();
    const op = operatorBody({ name: '王操作' });
    const created = (await admin.post('/api/org/operators', op)).json();
    await admin.post('/api/org/operators', operatorBody({ name: '李操作' }));
    const byName = (await admin.get(`/api/org/operators?name=${encodeURIComponent('王')}`)).json();
    expect(byName.map((o: { username: string }) => o.username)).toEqual([op.username]);
    const byUsername = (await admin.get(`/api/org/operators?username=${op.username.slice(0, 6)}`)).json();
    expect(byUsername.map((o: { username: string }) => o.username)).toContain(op.username);

    await t.ctx.db.update(accounts).set({ realNameLevel: 'medium' }).where(eq(accounts.id, created.id));
    const edited = await admin.send('PUT', `/api/org/operators/${created.id}`, {
      name: '王操作员',
      idType: 'resident_id',
      idNumber: op.idNumber,
      mobile: '13711112222',
      status: 'disabled',
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      username: op.username,
      name: '王操作员',
      status: 'disabled',
      mobileMasked: '137****2222',
    });
    const [row] = await t.ctx.db.select().from(accounts).where(eq(accounts.id, created.id));
    expect(row!.realNameLevel).toBe('none');
    expect((await new Agent(t.app).signIn(op.username, '88888888')).statusCode).not.toBe(200);
  });

  it('deletes for good: gone from the list, cannot sign in, and its ID may be used again', async () => {
    const { agent: admin } = await signedInAdmin();
    const op = operatorBody();
    const created = (await admin.post('/api/org/operators', op)).json();
    expect((await admin.send('DELETE', `/api/org/operators/${created.id}`)).statusCode).toBe(204);
    expect((await admin.get('/api/org/operators')).json()).toEqual([]);
    expect((await admin.send('DELETE', `/api/org/operators/${created.id}`)).statusCode).toBe(404);
    const again = await admin.post('/api/org/operators', operatorBody({ idNumber: op.idNumber }));
    expect(again.statusCode).toBe(201);
  });

  it('resets the password to the initial one with the first-sign-in steps; only the own organization', async () => {
    const { agent: admin } = await signedInAdmin();
    const created = (await admin.post('/api/org/operators', operatorBody())).json();
    const reset = await admin.post(`/api/org/operators/${created.id}/reset-password`);
    expect(reset.statusCode).toBe(200);
    expect(reset.json().firstSignInPending).toBe(true);
    const { agent: other } = await signedInAdmin();
    expect((await other.send('DELETE', `/api/org/operators/${created.id}`)).statusCode).toBe(404);
    const { agent: person } = await signedInPerson();
    expect((await person.post(`/api/org/operators/${created.id}/reset-password`)).statusCode).toBe(403);
  });

  it('an administrator without a card may not change or delete a card-bound operator', async () => {
    const { agent: admin } = await signedInAdmin();
    const op = operatorBody();
    const created = (await admin.post('/api/org/operators', op)).json();
    // the operator's card, bound (as 绑卡 would leave it)
    await t.ctx.db.insert(cards).values({
      cardNo: `T${Date.now()}`,
      serial: `5e${Date.now().toString(16)}`,
      role: 'operator',
      holderName: op.name,
      holderIdType: 'resident_id',
      holderIdNumberEnc: t.ctx.crypto.encrypt(op.idNumber),
      holderIdNumberBidx: t.ctx.crypto.blindIndex('id:resident_id', op.idNumber),
      orgCode: '000000000',
      orgName: '测试',
      notBefore: new Date(),
      notAfter: new Date(Date.now() + 86_400_000),
      certificatePem: '-',
      pkcs12Enc: '-',
      accountId: created.id,
      boundAt: new Date(),
    });
    expect((await admin.get('/api/org/operators')).json()[0].cardBound).toBe(true);
    const del = await admin.send('DELETE', `/api/org/operators/${created.id}`);
    expect(del.statusCode).toBe(403);
    expect(del.json().code).toBe('operator.card_bound');
    const edit = await admin.send('PUT', `/api/org/operators/${created.id}`, {
      name: op.name,
      idType: 'resident_id',
      idNumber: op.idNumber,
      mobile: op.mobile,
      status: 'active',
    });
    expect(edit.statusCode).toBe(403);
  });
});
