import { type LicenceJwks, verifyLicenceCode } from '@sw/contracts/licences';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, auditEvents, licenceLinks, sessions, signInAudit } from '../src/db/schema/index.ts';
import { fixedClock } from '../src/lib/clock.ts';
import { insertAccount } from '../src/modules/identity/identity.repo.ts';
import { hashPassword } from '../src/modules/identity/passwords.ts';
import { grantStaffRole } from '../src/modules/identity/staff-roles.ts';
import {
  Agent,
  createTestApp,
  outboxMessages,
  registerIndividual,
  residentId,
  type TestApp,
} from './helpers.ts';

/*
 * The citizen hub (seed 003, issue 13 §1–§2): a phone bound with a PIN, sign-in by PIN or face,
 * one phone at a time, the five-minute face check before personal data, and 我的证照 with its
 * signed, offline-verifiable codes.
 */

const clock = fixedClock(new Date('2026-12-04T02:00:00Z'));
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());

const ZHANG = { name: '张三', idNumber: '11010519491231002X' };
const LI = { name: '李四', idNumber: '440604198507150021' };

/** A registered person signed in on a phone (an agent is a browser: its cookies are the phone's). */
async function person(overrides: Record<string, unknown> = {}) {
  const phone = new Agent(t.app);
  const { username, password } = await registerIndividual(phone, overrides);
  expect((await phone.signIn(username, password)).statusCode).toBe(200);
  return { phone, username, password };
}

async function bind(phone: Agent, pin = '135790', defaultMethod: 'pin' | 'face' = 'pin') {
  const res = await phone.send('PUT', '/api/hub/device', { pin, confirmPin: pin, defaultMethod });
  expect(res.statusCode).toBe(200);
  return res.json();
}

/** A face check through the simulated camera: for a step-up (signed in) or a hub sign-in (bound phone). */
async function face(phone: Agent, purpose: 'step_up' | 'sign_in', outcome: 'passed' | 'failed' = 'passed') {
  const started =
    purpose === 'sign_in'
      ? await phone.post('/api/hub/sign-in/face')
      : await phone.post('/api/face-checks', { purpose: 'step_up' });
  expect(started.statusCode).toBe(201);
  const id = started.json().id as string;
  const decideUrl =
    purpose === 'sign_in' ? `/api/dev/hub/face-checks/${id}/decide` : `/api/dev/face-checks/${id}/decide`;
  expect((await phone.post(decideUrl, { outcome })).statusCode).toBe(204);
  return id;
}

async function stepUp(phone: Agent) {
  const res = await phone.post('/api/hub/step-up', { faceCheckId: await face(phone, 'step_up') });
  expect(res.statusCode).toBe(200);
  return res.json().stepUpUntil as string;
}

describe('hub sign-in: a bound phone, its PIN and the face', () => {
  it('binds after a full sign-in, then signs in by PIN; five wrong PINs lock it with the time left', async () => {
    const { phone } = await person();
    const weak = await phone.send('PUT', '/api/hub/device', {
      pin: '123456',
      confirmPin: '123456',
      defaultMethod: 'pin',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors).toEqual([expect.objectContaining({ path: 'pin', code: 'hub.pin_weak' })]);
    const mismatch = await phone.send('PUT', '/api/hub/device', {
      pin: '135790',
      confirmPin: '135791',
      defaultMethod: 'pin',
    });
    expect(mismatch.json().errors).toEqual([
      expect.objectContaining({ path: 'confirmPin', code: 'hub.pin_mismatch' }),
    ]);
    expect(await bind(phone)).toMatchObject({
      bound: true,
      holder: '李*',
      pinSet: true,
      defaultMethod: 'pin',
      mine: true,
    });

    expect((await phone.post('/api/auth/sign-out')).statusCode).toBe(204);
    expect((await phone.get('/api/hub/device')).json()).toMatchObject({
      bound: true,
      holder: '李*',
      mine: false,
    });
    for (let left = 4; left >= 1; left--) {
      const wrong = await phone.post('/api/hub/sign-in/pin', { pin: '000001' });
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json()).toMatchObject({ code: 'hub.pin_wrong', remainingAttempts: left });
    }
    const fifth = await phone.post('/api/hub/sign-in/pin', { pin: '000001' });
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json()).toMatchObject({ code: 'hub.pin_locked', retryAfterSeconds: 900 });
    expect(fifth.json().detail).toContain('分钟后可再试');
    const right = await phone.post('/api/hub/sign-in/pin', { pin: '135790' });
    expect(right.statusCode).toBe(423);
    clock.advance(15 * 60_000);
    const after = await phone.post('/api/hub/sign-in/pin', { pin: '135790' });
    expect(after.statusCode).toBe(200);
    expect(after.json()).toMatchObject({ method: 'hub_pin', stepUpUntil: null });
    expect((await phone.get('/api/me')).statusCode).toBe(200);
    const audit = await t.ctx.db
      .select({ outcome: signInAudit.outcome })
      .from(signInAudit)
      .where(eq(signInAudit.method, 'hub_pin'));
    expect(audit.map((a) => a.outcome)).toEqual(expect.arrayContaining(['bad_pin', 'locked', 'success']));
  });

  it('refuses a PIN sign-in on a phone that is not bound, and a malformed PIN next to the field', async () => {
    const stranger = new Agent(t.app);
    const res = await stranger.post('/api/hub/sign-in/pin', { pin: '135790' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('hub.device_unbound');
    const bad = await stranger.post('/api/hub/sign-in/pin', { pin: '12ab' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ path: 'pin', code: 'hub.pin_format' })]);
    expect((await stranger.get('/api/hub/device')).json()).toMatchObject({ bound: false, holder: null });
  });

  it('signs in by face: the check passes, is used once, and the session starts stepped up', async () => {
    const { phone } = await person();
    await bind(phone, '246801', 'face');
    await phone.post('/api/auth/sign-out');
    const failed = await face(phone, 'sign_in', 'failed');
    expect((await phone.post(`/api/hub/sign-in/face/${failed}`)).json().code).toBe('face.not_passed');
    const id = await face(phone, 'sign_in');
    const res = await phone.post(`/api/hub/sign-in/face/${id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ method: 'hub_face' });
    expect(Date.parse(res.json().stepUpUntil)).toBe(clock.now().getTime() + 5 * 60_000);
    expect((await phone.post(`/api/hub/sign-in/face/${id}`)).json().code).toBe('face.expired');
    expect((await phone.get('/api/auth/session')).json().stepUpUntil).toBe(res.json().stepUpUntil);
  });

  it('keeps one phone at a time: a sign-in on another ends the old session, which is told why', async () => {
    const { phone, username, password } = await person();
    await bind(phone);
    const other = new Agent(t.app);
    expect((await other.signIn(username, password)).statusCode).toBe(200);
    // a desktop session is not a phone: both live
    expect((await phone.get('/api/me')).statusCode).toBe(200);
    await bind(other, '975310');
    const old = await phone.get('/api/me');
    expect(old.statusCode).toBe(401);
    expect(old.json().code).toBe('auth.session_replaced');
    expect(old.json().detail).toContain('其他设备登录');
    expect((await other.get('/api/me')).statusCode).toBe(200);
    // and back: the first phone's PIN sign-in ends the second's session
    expect((await phone.post('/api/hub/sign-in/pin', { pin: '135790' })).statusCode).toBe(200);
    expect((await other.get('/api/me')).json().code).toBe('auth.session_replaced');
    const live = await t.ctx.db
      .select()
      .from(sessions)
      .where(and(eq(sessions.revokedReason, 'replaced')));
    expect(live.length).toBeGreaterThanOrEqual(2);
  });

  it('changes the default method (修改默认登录方式) only on one’s own bound phone', async () => {
    const { phone } = await person();
    expect((await phone.send('PATCH', '/api/hub/device', { defaultMethod: 'face' })).json().code).toBe(
      'hub.device_unbound',
    );
    await bind(phone);
    const res = await phone.send('PATCH', '/api/hub/device', { defaultMethod: 'face' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ defaultMethod: 'face', mine: true });
    expect((await phone.send('DELETE', '/api/hub/device')).statusCode).toBe(204);
    expect((await phone.get('/api/hub/device')).json().bound).toBe(false);
  });
});

describe('personal data after a face check in the last five minutes', () => {
  it('refuses linking and opening without it, allows them for five minutes after', async () => {
    const { phone } = await person({ name: '周九', idNumber: residentId('44010319920101', 31) });
    const refused = await phone.post('/api/licences', { type: 'eid', city: '4401' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('auth.step_up_required');
    const until = await stepUp(phone);
    expect(Date.parse(until)).toBe(clock.now().getTime() + 5 * 60_000);
    const linked = await phone.post('/api/licences', { type: 'eid', city: '4401' });
    expect(linked.statusCode).toBe(201);
    clock.advance(5 * 60_000 + 1000);
    expect((await phone.get(`/api/licences/${linked.json().id}`)).json().code).toBe('auth.step_up_required');
    // the list shows no numbers and needs no face check
    expect((await phone.get('/api/licences')).json()).toEqual([
      expect.objectContaining({ type: 'eid', issuedHere: false }),
    ]);
  });
});

describe('我的证照: linking from the issuing authorities with the manual’s FAQ rules', () => {
  it('links the demo person’s licences, masked, once per type; refuses what the authority does not hold', async () => {
    const { phone } = await person({ ...ZHANG });
    await stepUp(phone);
    const eid = await phone.post('/api/licences', { type: 'eid', city: '4401' });
    expect(eid.json().fields).toEqual(
      expect.arrayContaining([
        { key: 'name', value: '张*' },
        { key: 'idNumber', value: '1101**********002X' },
      ]),
    );
    const driving = await phone.post('/api/licences', { type: 'driving_licence', city: '4401' });
    expect(driving.json().fields).toEqual(expect.arrayContaining([{ key: 'class', value: 'C1' }]));
    const ssc = await phone.post('/api/licences', { type: 'social_security_card', city: '4401' });
    expect(ssc.statusCode).toBe(201);
    expect(ssc.json().city).toBe('4401');
    expect((await phone.post('/api/licences', { type: 'eid', city: '4401' })).json().code).toBe(
      'licences.already_linked',
    );
    const none = await phone.post('/api/licences', { type: 'disability_card', city: '4401' });
    expect(none.statusCode).toBe(422);
    expect(none.json().errors).toEqual([
      expect.objectContaining({ path: 'type', code: 'licences.not_held' }),
    ]);
    const otherCity = await phone.post('/api/licences', { type: 'housing_fund', city: '4403' });
    expect(otherCity.json().errors).toEqual([
      expect.objectContaining({ path: 'city', code: 'licences.housing_fund_other_city' }),
    ]);
    expect(otherCity.json().errors[0].message).toContain('缴纳公积金的城市');
    // 办理进度查询: the agency's cases of the last six months (the older one is not returned)
    const progress = await phone.get('/api/hub/progress');
    expect(progress.json().map((c: { business: string }) => c.business)).toEqual([
      '居民身份证换领（有效期满）',
      '市内移居',
    ]);
    const calls = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'agency.call'));
    expect(calls.at(-1)?.detail).toMatchObject({ adapter: 'household-agency-simulator', found: 2 });
    const rows = await t.ctx.db.select().from(licenceLinks);
    // nothing stored in clear
    expect(JSON.stringify(rows)).not.toContain('11010519491231002X');
  });

  it('gives the FAQ’s answers: first-generation card, another city, 东莞, a birth before the date', async () => {
    const { phone } = await person({ ...LI });
    await stepUp(phone);
    const first = await phone.post('/api/licences', { type: 'social_security_card', city: '4406' });
    expect(first.json().errors[0]).toMatchObject({ code: 'licences.ssc_first_generation' });
    expect(first.json().errors[0].message).toContain('银联标识');
    const dongguan = await phone.post('/api/licences', { type: 'housing_fund', city: '4419' });
    expect(dongguan.json().errors[0]).toMatchObject({
      path: 'city',
      code: 'licences.housing_fund_city_unsupported',
    });
    const birth = await phone.post('/api/licences', { type: 'birth_certificate', city: '4406' });
    expect(birth.json().errors[0]).toMatchObject({ code: 'licences.birth_date_unsupported' });
    const disability = await phone.post('/api/licences', { type: 'disability_card', city: '4406' });
    expect(disability.statusCode).toBe(201);
    const en = new Agent(t.app, 'en');
    en.cookies.clear();
    for (const [k, v] of phone.cookies) en.cookies.set(k, v);
    const english = await en.post('/api/licences', { type: 'social_security_card', city: '4406' });
    expect(english.json().errors[0].message).toContain('UnionPay');
  });

  it('refuses an unknown type or a city outside Guangdong next to the field, writing nothing', async () => {
    const { phone } = await person({ name: '王五', idNumber: residentId('44010319900307', 123) });
    await stepUp(phone);
    const res = await phone.post('/api/licences', { type: 'library_card', city: '1101' });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['city', 'type']);
    expect((await phone.get('/api/licences')).json()).toEqual([]);
  });
});

describe('亮证: signed codes that anyone verifies offline with the published keys', () => {
  it('signs a 60-second code that verifies against the JWKS, and is refused once expired or tampered', async () => {
    const idNumber = residentId('44010319900307', 456);
    const { phone } = await person({ name: '孙八', idNumber });
    await stepUp(phone);
    const linked = (await phone.post('/api/licences', { type: 'driving_licence', city: '4401' })).json();
    const res = await phone.post(`/api/licences/${linked.id}/code`);
    expect(res.statusCode).toBe(200);
    const view = res.json();
    expect(view.qrVersion).toBeLessThanOrEqual(15);
    expect(view.svg).toContain('<svg');
    expect(Date.parse(view.expiresAt) - Date.parse(view.issuedAt)).toBe(60_000);

    const keys = await new Agent(t.app).get('/api/licences/verification-keys');
    expect(keys.statusCode).toBe(200);
    expect(keys.headers['cache-control']).toBe('public, max-age=300');
    const jwks = keys.json() as LicenceJwks;
    expect(jwks.keys).toEqual([
      expect.objectContaining({ kid: view.kid, kty: 'EC', crv: 'P-256', alg: 'ES256' }),
    ]);
    expect(JSON.stringify(jwks)).not.toContain('"d"');

    const now = clock.now();
    const ok = await verifyLicenceCode(view.code, jwks, now);
    expect(ok).toMatchObject({
      status: 'valid',
      claims: {
        licence: {
          type: 'driving_licence',
          holderMasked: '孙*',
          numberMasked: `4401**********${idNumber.slice(-4)}`,
        },
      },
    });
    expect((await verifyLicenceCode(view.code, jwks, new Date(now.getTime() + 60_000))).status).toBe(
      'expired',
    );
    const chars = [...view.code];
    const i = chars.length - 10;
    chars[i] = chars[i] === 'A' ? 'B' : 'A';
    expect((await verifyLicenceCode(chars.join(''), jwks, now)).status).toBe('forged');
    expect(await verifyLicenceCode(view.code, { keys: [] }, now)).toMatchObject({ reason: 'unknown_key' });

    // no face check in five minutes: no code
    clock.advance(5 * 60_000 + 1);
    expect((await phone.post(`/api/licences/${linked.id}/code`)).json().code).toBe('auth.step_up_required');
  });

  it('rotates the key after 30 days and keeps the old one published until its codes are dead', async () => {
    const { phone, username, password } = await person({
      name: '赵六',
      idNumber: residentId('44010319850101', 77),
    });
    await stepUp(phone);
    const linked = (await phone.post('/api/licences', { type: 'eid', city: '4401' })).json();
    const before = (await phone.post(`/api/licences/${linked.id}/code`)).json();
    clock.advance(31 * 86_400_000);
    expect((await phone.signIn(username, password)).statusCode).toBe(200);
    await stepUp(phone);
    const after = (await phone.post(`/api/licences/${linked.id}/code`)).json();
    expect(after.kid).not.toBe(before.kid);
    const jwks = (await phone.get('/api/licences/verification-keys')).json() as LicenceJwks;
    expect(jwks.keys.map((k) => k.kid)).toEqual(expect.arrayContaining([before.kid, after.kid]));
    expect((await verifyLicenceCode(after.code, jwks, clock.now())).status).toBe('valid');
    clock.advance(12 * 60_000);
    await stepUp(phone);
    await phone.post(`/api/licences/${linked.id}/code`);
    const later = (await phone.get('/api/licences/verification-keys')).json() as LicenceJwks;
    expect(later.keys.map((k) => k.kid)).not.toContain(before.kid);
  });

  it('unlinks (取消关联): the licence leaves the wallet and its codes stop, audited', async () => {
    const { phone } = await person({ name: '钱七', idNumber: residentId('44010319800202', 55) });
    await stepUp(phone);
    const linked = (await phone.post('/api/licences', { type: 'eid', city: '4401' })).json();
    expect((await phone.send('DELETE', `/api/licences/${linked.id}`)).statusCode).toBe(204);
    expect((await phone.get('/api/licences')).json()).toEqual([]);
    expect((await phone.post(`/api/licences/${linked.id}/code`)).statusCode).toBe(404);
    const audit = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.targetId, linked.id));
    expect(audit.map((a) => a.action).sort()).toEqual(['licence.linked', 'licence.unlinked']);
  });
});

describe('办理进度查询: the agencies’ half', () => {
  it('lists nothing for a person the agency has no case of, and needs a face check', async () => {
    const other = await person({ name: '吴十', idNumber: residentId('44010319930303', 71) });
    expect((await other.phone.get('/api/hub/progress')).json().code).toBe('auth.step_up_required');
    await stepUp(other.phone);
    expect((await other.phone.get('/api/hub/progress')).json()).toEqual([]);
  });
});

describe('意见反馈: a message answered from the console', () => {
  it('is submitted by the citizen, answered by the hub’s staff with a reason, and the answer reaches them', async () => {
    const { phone, username } = await person({ name: '郑小东', idNumber: residentId('44010319870707', 91) });
    const empty = await phone.post('/api/applications', {
      serviceCode: 'hub-feedback',
      form: { topic: 'app', content: '' },
    });
    const draftId = empty.json().id as string;
    const refused = await phone.post(`/api/applications/${draftId}/submit`, {
      version: empty.json().version,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([expect.objectContaining({ path: 'form.content' })]);
    const saved = await phone.send('PUT', `/api/applications/${draftId}/form`, {
      version: empty.json().version,
      form: { topic: 'housing_fund', content: '公积金提取预约为什么只能预约7天内？', city: '4401' },
    });
    const submitted = await phone.post(`/api/applications/${draftId}/submit`, {
      version: saved.json().version,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'waiting', number: expect.stringMatching(/^YJFK/) });

    const staffRow = await insertAccount(t.ctx.db, {
      username: 'hubstaff-test',
      kind: 'staff',
      name: '客服一号',
      passwordHash: await hashPassword('Staff@2026x'),
    });
    await grantStaffRole(t.ctx.db, {
      accountId: staffRow.id,
      role: 'reviewer',
      serviceCode: 'hub-feedback',
      grantedBy: null,
      at: clock.now(),
    });
    const staff = new Agent(t.app);
    expect((await staff.signIn('hubstaff-test', 'Staff@2026x')).statusCode).toBe(200);
    const detail = (await staff.get(`/api/console/applications/${draftId}`)).json();
    expect(detail.formView).toBeTruthy();
    expect(
      (
        await staff.post(`/api/console/applications/${draftId}/decide`, {
          action: 'reply',
          version: detail.version,
        })
      ).statusCode,
    ).toBe(400);
    const answer = '您好，公积金提取预约可预约未来7天内的工作日，请按需选择。';
    const replied = await staff.post(`/api/console/applications/${draftId}/decide`, {
      action: 'reply',
      version: detail.version,
      reason: answer,
    });
    expect(replied.statusCode, replied.body).toBe(200);

    const mine = (await phone.get(`/api/applications/${draftId}`)).json();
    expect(mine.status).toBe('replied');
    expect(mine.timeline.at(-1)).toMatchObject({ action: 'reply', reason: answer });
    const [account] = await t.ctx.db.select().from(accounts).where(eq(accounts.username, username));
    const inbox = (await phone.get('/api/inbox')).json();
    expect(JSON.stringify(inbox)).toContain(answer);
    expect(account).toBeTruthy();
    const sms = (await outboxMessages(t)).filter((m) => m.payload?.text.includes(submitted.json().number));
    expect(sms.length).toBeGreaterThan(0);
  });
});
