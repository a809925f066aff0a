import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accounts,
  appointmentBookings,
  appointmentSlots,
  auditEvents,
  inboxMessages,
} from '../src/db/schema/index.ts';
import { fixedClock } from '../src/lib/clock.ts';
import { book } from '../src/modules/appointments/appointments.service.ts';
import { insertAccount } from '../src/modules/identity/identity.repo.ts';
import { hashPassword } from '../src/modules/identity/passwords.ts';
import { grantStaffRole } from '../src/modules/identity/staff-roles.ts';
import { sendBookingReminders } from '../src/modules/services/northbound/reminders.ts';
import { SAMPLE_HKTD_APPLICATIONS } from '../src/modules/services/northbound/samples.ts';
import { northboundProfiles, northboundRecords } from '../src/modules/services/northbound/schema.ts';
import {
  Agent,
  createTestApp,
  latestCode,
  outboxMessages,
  samplePdf,
  type TestApp,
  uploadFile,
} from './helpers.ts';

// 10:00 in Shanghai on 3 December 2026: tomorrow may still be booked until noon today
const clock = fixedClock(new Date('2026-12-03T02:00:00Z'));
const TOMORROW = '2026-12-04';
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const PORT = 'hzmb-zhuhai';
let t: TestApp;
let dataDir: string;
let officer: Agent;
let chief: Agent;

const chan = SAMPLE_HKTD_APPLICATIONS[0]!; // HKID A123456(3), mobile 13912345678, an e-mail
const lee = SAMPLE_HKTD_APPLICATIONS[1]!; // HKID K123456(0), mobile 13712345678, no e-mail

let seq = 0;
function registration(overrides: Record<string, unknown> = {}) {
  seq++;
  return {
    username: `hkowner${seq}${Date.now() % 10000}`,
    password: 'Hk@2026pass',
    confirmPassword: 'Hk@2026pass',
    name: '陳大文',
    idType: 'hk_macao_permit',
    idNumber: `H${String(12345600 + seq).padStart(8, '0')}`,
    gender: 'male',
    birthDate: '1980-05-01',
    idValidTo: '2030-01-01',
    region: ['HK', 'KLN', 'YT'],
    address: '彌敦道 1 號',
    mobile: `1350000${String(1000 + seq).slice(-4)}`,
    agreement: true,
    activateNational: true,
    ...overrides,
  };
}

/** 个人注册 through the 港车北上 page: the mobile's code, the form; the answer signs the person in. */
async function registerOwner(overrides: Record<string, unknown> = {}) {
  const agent = new Agent(t.app, 'zh-HK');
  const body = registration(overrides);
  const smsCode = await agent.smsCode(body.mobile as string);
  const res = await agent.post('/api/services/northbound/register', { ...body, smsCode });
  expect(res.statusCode, res.body).toBe(201);
  return { agent, body };
}

/** 实名核验 with the face-check simulator → 高. */
async function faceVerify(agent: Agent) {
  const started = await agent.post('/api/face-checks', { purpose: 'real_name' });
  expect(started.statusCode, started.body).toBe(201);
  const id = started.json().id as string;
  expect((await agent.post(`/api/dev/face-checks/${id}/decide`, { outcome: 'passed' })).statusCode).toBe(204);
  const raised = await agent.post('/api/account/real-name/face', { faceCheckId: id });
  expect(raised.statusCode, raised.body).toBe(200);
}

async function bind(agent: Agent, hkid: string, mobile: string) {
  const sent = await agent.post('/api/services/northbound/binding/code', { hkid, channel: 'sms' });
  expect(sent.statusCode, sent.body).toBe(200);
  const code = await latestCode(agent, mobile);
  const bound = await agent.post('/api/services/northbound/binding', { hkid, channel: 'sms', code });
  expect(bound.statusCode, bound.body).toBe(200);
  return bound.json();
}

async function pushHkTd(app: Record<string, unknown>) {
  const res = await officer.send('PUT', '/api/dev/northbound/hktd', app);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().outcome as string;
}

async function decide(who: Agent, id: string, action: string, reason?: string) {
  const detail = await who.get(`/api/console/applications/${id}`);
  expect(detail.statusCode, detail.body).toBe(200);
  return who.post(`/api/console/applications/${id}/decide`, {
    action,
    version: detail.json().version,
    ...(reason ? { reason } : {}),
  });
}

async function staff(
  username: string,
  roles: ('reviewer' | 'supervisor')[],
  services: string[] = ['northbound'],
) {
  const row = await insertAccount(t.ctx.db, {
    username,
    kind: 'staff',
    name: username,
    passwordHash: await hashPassword('Staff@2026x'),
  });
  for (const serviceCode of services)
    for (const role of roles)
      await grantStaffRole(t.ctx.db, {
        accountId: row.id,
        role,
        serviceCode,
        grantedBy: null,
        at: clock.now(),
      });
  const agent = new Agent(t.app);
  expect((await agent.signIn(username, 'Staff@2026x')).statusCode).toBe(200);
  return agent;
}

async function setSlots(
  day: string,
  slots: { starts: string; ends: string; capacity: number }[],
  freeOfBooking = false,
) {
  const res = await officer.send('PUT', `/api/console/appointments/northbound/${PORT}/${day}`, {
    freeOfBooking,
    slots,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** A vehicle taken through the back office to 可通行 (with a shared policy). */
async function clearToTravel(agent: Agent, recordId: string, applicationId: string, policyNo: string) {
  expect((await decide(officer, applicationId, 'approve')).statusCode).toBe(200);
  const insured = await agent.post(`/api/services/northbound/records/${recordId}/insurance`, {
    source: 'lookup',
    policyNo,
  });
  expect(insured.statusCode, insured.body).toBe(200);
  expect((await decide(officer, applicationId, 'pass_inspection')).statusCode).toBe(200);
  const issued = await decide(officer, applicationId, 'issue');
  expect(issued.statusCode, issued.body).toBe(200);
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'sw-nb-'));
  t = await createTestApp({ clock, env: { DATA_DIR: dataDir } });
  officer = await staff('gdofficer', ['reviewer']);
  chief = await staff('gdchief', ['reviewer', 'supervisor']);
  for (const app of SAMPLE_HKTD_APPLICATIONS) expect(await pushHkTd(app)).toBe('created');
}, 60_000);

afterAll(async () => {
  await t?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('港车北上 registration (000 §2.1)', () => {
  it('registers with a Mainland Travel Permit, keeps the manual’s extra facts encrypted, and signs the person in', async () => {
    const { agent, body } = await registerOwner();
    const me = await agent.get('/api/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ username: body.username, kind: 'individual' });
    const [account] = await t.ctx.db
      .select()
      .from(accounts)
      .where(eq(accounts.username, body.username as string));
    expect(account!.idType).toBe('hk_macao_permit');
    const [profile] = await t.ctx.db
      .select()
      .from(northboundProfiles)
      .where(eq(northboundProfiles.accountId, account!.id));
    expect(profile).toMatchObject({ gender: 'male', birthDate: '1980-05-01', activateNational: true });
    expect(profile!.addressEnc).not.toContain('彌敦道');
    // 实名核验 is the next step: the centre says so
    const center = await agent.get('/api/services/northbound/center');
    expect(center.json()).toMatchObject({ bound: false, faceVerified: false, vehicles: [] });
  });

  it('refuses a permit number of the wrong shape, an unknown region and an expired permit, writing nothing', async () => {
    const agent = new Agent(t.app, 'zh-HK');
    const bad = await agent.post('/api/services/northbound/register', {
      ...registration({ idNumber: 'A1234567', region: ['HK', 'XX', 'YT'] }),
      smsCode: '123456',
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['idNumber', 'region']));
    expect(bad.json().errors.find((e: { path: string }) => e.path === 'region').message).toBe(
      '請選擇證件地址所在地區',
    );
    const body = registration({ idValidTo: '2026-01-01' });
    const smsCode = await agent.smsCode(body.mobile as string);
    const expired = await agent.post('/api/services/northbound/register', { ...body, smsCode });
    expect(expired.statusCode).toBe(400);
    expect(expired.json().errors[0]).toMatchObject({ path: 'idValidTo', code: 'northbound.permit_expired' });
    expect(
      await t.ctx.db
        .select()
        .from(accounts)
        .where(eq(accounts.username, body.username as string)),
    ).toHaveLength(0);
  });
});

describe('first sign-in binding (000 §3.1)', () => {
  it('needs the face check first, then finds HK TD’s data by HKID with or without brackets and sends the code to HK TD’s contact', async () => {
    const { agent, body } = await registerOwner();
    const early = await agent.post('/api/services/northbound/binding/code', {
      hkid: 'A123456(3)',
      channel: 'sms',
    });
    expect(early.statusCode).toBe(403);
    expect(early.json().errors[0].code).toBe('northbound.face_check_required');
    await faceVerify(agent);

    const wrongDigit = await agent.post('/api/services/northbound/binding/code', {
      hkid: 'A123456(7)',
      channel: 'sms',
    });
    expect(wrongDigit.statusCode).toBe(400);
    expect(wrongDigit.json().errors[0]).toMatchObject({ path: 'hkid', code: 'northbound.hkid_invalid' });
    const unknown = await agent.post('/api/services/northbound/binding/code', {
      hkid: 'C668668(9)',
      channel: 'sms',
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().errors[0].message).toBe(
      '填寫的香港身份證號碼與香港運輸署提供的資料不一致，無法查找申請資料',
    );

    const sent = await agent.post('/api/services/northbound/binding/code', {
      hkid: 'A123456(3)',
      channel: 'sms',
    });
    expect(sent.json()).toMatchObject({ channel: 'sms', targetMasked: '139****5678' });
    // the code went to the mobile given to HK TD, not to the one the account registered with
    expect(await outboxMessages(t, body.mobile as string)).toHaveLength(1); // only the registration code
    const code = await latestCode(agent, chan.owner.mobile);
    const wrong = await agent.post('/api/services/northbound/binding', {
      hkid: 'A1234563',
      channel: 'sms',
      code: code === '000000' ? '111111' : '000000',
    });
    expect(wrong.statusCode).toBe(400);
    const bound = await agent.post('/api/services/northbound/binding', {
      hkid: 'A1234563',
      channel: 'sms',
      code,
    });
    expect(bound.statusCode, bound.body).toBe(200);
    const center = bound.json();
    expect(center).toMatchObject({
      bound: true,
      faceVerified: true,
      hkidMasked: expect.stringContaining('*'),
    });
    expect(center.vehicles).toHaveLength(1);
    expect(center.vehicles[0]).toMatchObject({
      hkPlate: 'AB1234',
      status: 'preliminary',
      stage: 'approval',
      canFillInsurance: false,
      tempPlate: null,
    });
    const audit = await t.ctx.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'northbound.hkid_bound'));
    expect(audit.length).toBeGreaterThan(0);
    expect(JSON.stringify(audit)).not.toContain('A1234563');

    // a second account cannot take the same owner's records
    const other = await registerOwner();
    await faceVerify(other.agent);
    await other.agent.post('/api/services/northbound/binding/code', { hkid: 'A1234563', channel: 'sms' });
    clock.advance(61_000);
    const again = await other.agent.post('/api/services/northbound/binding/code', {
      hkid: 'A1234563',
      channel: 'sms',
    });
    expect(again.statusCode).toBe(200);
    const code2 = await latestCode(other.agent, chan.owner.mobile);
    const taken = await other.agent.post('/api/services/northbound/binding', {
      hkid: 'A1234563',
      channel: 'sms',
      code: code2,
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().errors[0].code).toBe('northbound.already_bound');
  });

  it('refuses the e-mail channel when HK TD has no e-mail for the owner', async () => {
    const { agent } = await registerOwner();
    await faceVerify(agent);
    const res = await agent.post('/api/services/northbound/binding/code', {
      hkid: 'K1234560',
      channel: 'email',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0]).toMatchObject({ path: 'channel', code: 'northbound.contact_missing' });
  });
});

describe('back office, insurance, plates and crossings', () => {
  it('takes a vehicle from 粤港审批 through insurance to 发牌, with the manual’s insurance rules', async () => {
    const ref = 'HKTD-2026-000201';
    await pushHkTd({
      ...chan,
      hktdRef: ref,
      owner: { ...chan.owner, hkid: 'G123456A', mobile: '13912340201' },
    });
    const { agent, body: owner } = await registerOwner();
    await faceVerify(agent);
    const center = await bind(agent, 'G123456(A)', '13912340201');
    const vehicle = center.vehicles[0];
    expect(vehicle.status).toBe('preliminary');

    // insurance only at its stage
    const tooEarly = await agent.post(`/api/services/northbound/records/${vehicle.recordId}/insurance`, {
      source: 'lookup',
      policyNo: 'PDZA202644000001',
    });
    expect(tooEarly.statusCode).toBe(409);
    expect(tooEarly.json().errors[0].code).toBe('northbound.insurance_wrong_stage');

    // an officer cannot pass the inspection before the insurance
    expect((await decide(officer, vehicle.applicationId, 'approve')).statusCode).toBe(200);
    const noInsurance = await decide(officer, vehicle.applicationId, 'pass_inspection');
    expect(noInsurance.statusCode).toBe(409);
    expect(noInsurance.json().errors[0].code).toBe('northbound.insurance_missing');
    const [approvedMsg] = await t.ctx.db
      .select()
      .from(inboxMessages)
      .where(eq(inboxMessages.applicationId, vehicle.applicationId));
    expect(approvedMsg!.title).toContain('粵港審批已通過');

    const records = `/api/services/northbound/records/${vehicle.recordId}/insurance`;
    const lookup = await agent.get(
      `/api/services/northbound/insurance/lookup?recordId=${vehicle.recordId}&policyNo=PDZA202644000001`,
    );
    expect(lookup.json()).toMatchObject({ found: true, simulated: true, policy: { type: 'ctpl' } });
    const none = await agent.get(
      `/api/services/northbound/insurance/lookup?recordId=${vehicle.recordId}&policyNo=PAPER0001`,
    );
    expect(none.json()).toMatchObject({ found: false, policy: null });
    const otherCar = await agent.post(records, { source: 'lookup', policyNo: 'EQ-HK-2026-0088' });
    expect(otherCar.json().errors[0].code).toBe('northbound.policy_other_vehicle');
    const tooShort = await agent.post(records, { source: 'lookup', policyNo: 'PDZA202644000002' });
    expect(tooShort.statusCode).toBe(422);
    expect(tooShort.json().errors[0]).toMatchObject({
      path: 'endDate',
      code: 'northbound.insurance_too_short',
      message: '保險憑證有效期不少於臨時出入內地期限',
    });
    const tcpl = await agent.post(records, {
      source: 'manual',
      policyNo: 'PAPER0001',
      type: 'third_party',
      insurer: 'X',
      startDate: '2026-12-01',
      endDate: '2027-12-31',
      photoFileId: crypto.randomUUID(),
    });
    expect(tcpl.json().errors[0].code).toBe('northbound.insurance_type');
    const notYet = await agent.post(records, {
      source: 'manual',
      policyNo: 'PAPER0001',
      type: 'ctpl',
      insurer: '某保險公司',
      startDate: '2026-12-10',
      endDate: '2027-12-31',
      photoFileId: crypto.randomUUID(),
    });
    expect(notYet.json().errors[0].code).toBe('northbound.insurance_not_in_force');
    const noPhoto = await agent.post(records, {
      source: 'manual',
      policyNo: 'PAPER0001',
      type: 'ctpl',
      insurer: '某保險公司',
      startDate: '2026-12-01',
      endDate: '2027-12-31',
      photoFileId: crypto.randomUUID(),
    });
    expect(noPhoto.json().errors[0].code).toBe('northbound.photo_required');
    const uploaded = await uploadFile(t, agent, {
      service: 'northbound',
      slot: 'insurance',
      filename: 'policy.pdf',
      content: samplePdf(),
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const photo = uploaded.json();
    const manual = await agent.post(records, {
      source: 'manual',
      policyNo: 'PAPER0001',
      type: 'ctpl',
      insurer: '某保險公司',
      startDate: '2026-12-01',
      endDate: '2027-12-31',
      photoFileId: photo.id,
    });
    expect(manual.statusCode, manual.body).toBe(200);
    expect(manual.json().vehicles[0].insurance).toMatchObject({ source: 'manual', policyNo: 'PAPER0001' });

    // the officer sees it, with the photo among the attachments, and may send it back
    const onRecord = await officer.get(
      `/api/console/services/northbound/applications/${vehicle.applicationId}/record`,
    );
    expect(onRecord.json()).toMatchObject({
      insurance: { source: 'manual' },
      detail: { owner: { hkidMasked: expect.stringContaining('*') } },
    });
    expect(
      (await decide(officer, vehicle.applicationId, 'return_insurance', '保单照片不清晰')).statusCode,
    ).toBe(200);
    expect((await agent.get('/api/services/northbound/center')).json().vehicles[0]).toMatchObject({
      status: 'inspection',
      insurance: null,
      canFillInsurance: true,
    });

    const shared = await agent.post(records, { source: 'lookup', policyNo: 'PDZA202644000001' });
    expect(shared.statusCode, shared.body).toBe(200);
    expect((await decide(officer, vehicle.applicationId, 'pass_inspection')).statusCode).toBe(200);
    const issued = await decide(officer, vehicle.applicationId, 'issue');
    expect(issued.statusCode, issued.body).toBe(200);
    const after = (await agent.get('/api/services/northbound/center')).json().vehicles[0];
    expect(after).toMatchObject({
      status: 'active',
      stage: 'active',
      tempPlate: expect.stringMatching(/^粤Z·\d{4}港$/),
      permitValidFrom: '2026-12-03',
      permitValidTo: '2027-10-31',
    });
    expect(after.stay).toMatchObject({ inMainland: false, yearDays: 0 });
    // the owner's account hears of it, in Traditional Chinese
    const issuedSms = (await outboxMessages(t)).filter((m) => m.payload?.text.includes(after.tempPlate));
    expect(issuedSms).toHaveLength(1);
    expect(issuedSms[0]!.payload).toMatchObject({
      to: owner.mobile,
      text: expect.stringContaining('【港車北上】'),
    });

    // 我的资料 / 我的驾驶人: masked, with the driver tag issued
    const detail = await agent.get(`/api/services/northbound/records/${vehicle.recordId}`);
    expect(detail.json().drivers[0]).toMatchObject({
      hkidMasked: expect.stringContaining('*'),
      driverTagNo: expect.stringMatching(/-D1$/),
    });
    expect(detail.body).not.toContain('C6686689');

    // a crossing recorded by the border port counts in the stay time; an entry without a booking is marked
    const crossed = await officer.post('/api/dev/northbound/crossings', {
      hktdRef: ref,
      direction: 'entry',
      port: PORT,
      at: '2026-11-30T09:00:00+08:00',
    });
    expect(crossed.statusCode, crossed.body).toBe(204);
    const stay = (await agent.get('/api/services/northbound/center')).json().vehicles[0].stay;
    expect(stay).toMatchObject({ inMainland: true, currentStayDays: 4, yearDays: 4, warning: 'none' });
    expect(
      (
        await officer.get(`/api/console/services/northbound/applications/${vehicle.applicationId}/record`)
      ).json().crossingsWithoutBooking,
    ).toBe(1);
    // the owner is warned each time (站内信 and SMS, in Traditional Chinese) …
    const warned = (await outboxMessages(t)).filter((m) => m.payload?.text.includes('未預約通關'));
    expect(warned).toHaveLength(1);
    expect(warned[0]!.payload).toMatchObject({ to: owner.mobile, text: expect.stringContaining('累計1次') });
    // … and from the third entry without a booking, the reviewers are told to decide on suspension
    for (const [direction, at] of [
      ['exit', '2026-12-01T08:00:00+08:00'],
      ['entry', '2026-12-01T20:00:00+08:00'],
      ['exit', '2026-12-02T08:00:00+08:00'],
    ] as const) {
      expect(
        (await officer.post('/api/dev/northbound/crossings', { hktdRef: ref, direction, port: PORT, at }))
          .statusCode,
      ).toBe(204);
    }
    const alertsBefore = (await officer.get('/api/inbox'))
      .json()
      .items.filter((m: { title: string }) => m.title.startsWith('多次未预约通关'));
    expect(alertsBefore).toHaveLength(0);
    await officer.post('/api/dev/northbound/crossings', {
      hktdRef: ref,
      direction: 'entry',
      port: PORT,
      at: '2026-12-02T20:00:00+08:00',
    });
    const alerts = (await officer.get('/api/inbox'))
      .json()
      .items.filter((m: { title: string }) => m.title.startsWith('多次未预约通关'));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ applicationId: vehicle.applicationId });
    expect(alerts[0].body).toContain('已 3 次未预约通关');
    expect(
      (await outboxMessages(t))
        .filter((m) => m.payload?.text.includes('未預約通關'))
        .map((m) => m.payload?.text),
    ).toEqual([
      expect.stringContaining('累計1次'),
      expect.stringContaining('累計2次'),
      expect.stringContaining('累計3次'),
    ]);

    // another account cannot read this record
    const stranger = await registerOwner();
    expect(
      (await stranger.agent.get(`/api/services/northbound/records/${vehicle.recordId}`)).statusCode,
    ).toBe(404);
  });

  it('imports HK TD’s data file with a per-row error report, and an update reaches the owner', async () => {
    const header =
      'hktdRef,ownerName,ownerNameEn,ownerHkid,ownerMobile,ownerEmail,hkPlate,make,model,colour,chassisNo,permittedFrom,permittedUntil,driver1Name,driver1Hkid,driver1LicenceNo,driver2Name,driver2Hkid,driver2LicenceNo,driver3Name,driver3Hkid,driver3LicenceNo';
    const ok =
      'HKTD-2026-000301,張三,CHEUNG Sam,B123456(6),13600000001,,ZZ100,HONDA,ODYSSEY,銀色,JHMRC1840KC000001,2026-12-01,2027-11-30,,,,,,,,,';
    const bad =
      'HKTD-2026-000302,李四,,B1234567,136000,,ZZ101,HONDA,JAZZ,紅色,JHM0000002,2026-12-01,2027-11-30,甲,A1234563,L1,乙,A1234563,L2,丙,A1234563,L3';
    const csv = [header, ok, bad].join('\n');
    const res = await officer.post('/api/console/services/northbound/import', {
      fileName: 'hktd.csv',
      contentBase64: Buffer.from(csv).toString('base64'),
    });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ created: 1, updated: 0, unchanged: 0 });
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0].row).toBe(3);
    const cols = report.errors[0].fields.map((f: { path: string }) => f.path);
    expect(cols).toEqual(expect.arrayContaining(['ownerHkid', 'ownerMobile', 'driver3Name']));
    expect(report.errors[0].fields.find((f: { path: string }) => f.path === 'driver3Name').code).toBe(
      'northbound.too_many_drivers',
    );
    expect(
      await t.ctx.db
        .select()
        .from(northboundRecords)
        .where(eq(northboundRecords.hktdRef, 'HKTD-2026-000302')),
    ).toHaveLength(0);

    // the same file again changes nothing; a changed colour updates the record
    expect(
      (
        await officer.post('/api/console/services/northbound/import', {
          fileName: 'hktd.csv',
          contentBase64: Buffer.from([header, ok].join('\n')).toString('base64'),
        })
      ).json(),
    ).toMatchObject({ unchanged: 1 });
    const changed = [header, ok.replace('銀色', '黑色')].join('\n');
    expect(
      (
        await officer.post('/api/console/services/northbound/import', {
          fileName: 'hktd.csv',
          contentBase64: Buffer.from(changed).toString('base64'),
        })
      ).json(),
    ).toMatchObject({ updated: 1 });
    const { agent } = await registerOwner();
    await faceVerify(agent);
    const center = await bind(agent, 'B1234566', '13600000001');
    expect(center.vehicles[0].vehicle).toContain('黑色');

    const unreadable = await officer.post('/api/console/services/northbound/import', {
      fileName: 'x.xlsx',
      contentBase64: Buffer.from('not a workbook').toString('base64'),
    });
    expect(unreadable.statusCode).toBe(422);
    expect(unreadable.json().errors[0].code).toBe('northbound.import_unreadable');
    // an applicant may not import
    expect(
      (
        await agent.post('/api/console/services/northbound/import', {
          fileName: 'hktd.csv',
          contentBase64: '',
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('通关预约 (000 §4.4)', () => {
  let owner: Agent;
  let ownerLogin: { username: string; password: string };
  let recordId: string;
  let applicationId: string;

  beforeAll(async () => {
    await pushHkTd({
      ...lee,
      hktdRef: 'HKTD-2026-000401',
      owner: { ...lee.owner, hkid: 'R123456(A)', mobile: '13712340401' },
      vehicle: { ...lee.vehicle, hkPlate: 'XY888' },
    });
    const registered = await registerOwner();
    owner = registered.agent;
    ownerLogin = {
      username: registered.body.username as string,
      password: registered.body.password as string,
    };
    await faceVerify(owner);
    const center = await bind(owner, 'R123456A', '13712340401');
    recordId = center.vehicles[0].recordId;
    applicationId = center.vehicles[0].applicationId;
  });

  it('books only a vehicle cleared to travel, one place per vehicle and day, and gives the place back on cancelling', async () => {
    await setSlots(TOMORROW, [
      { starts: '08:00', ends: '12:00', capacity: 2 },
      { starts: '12:00', ends: '18:00', capacity: 1 },
    ]);
    const slots = (await owner.get(`/api/services/northbound/slots?day=${TOMORROW}`)).json();
    expect(slots).toMatchObject({ port: PORT, freeOfBooking: false, closesAt: '2026-12-03T04:00:00.000Z' });
    const [morning, afternoon] = slots.slots;

    const notYet = await owner.post('/api/services/northbound/bookings', { recordId, slotId: morning.id });
    expect(notYet.statusCode).toBe(409);
    expect(notYet.json().errors[0].code).toBe('northbound.vehicle_not_approved');

    await clearToTravel(owner, recordId, applicationId, 'EQ-HK-2026-0088');
    const booked = await owner.post('/api/services/northbound/bookings', { recordId, slotId: morning.id });
    expect(booked.statusCode, booked.body).toBe(201);
    expect(booked.json()).toMatchObject({
      day: TOMORROW,
      starts: '08:00',
      status: 'booked',
      canCancel: true,
      voucher: expect.stringMatching(/^[A-Z0-9_-]{16}$/),
    });
    const twice = await owner.post('/api/services/northbound/bookings', { recordId, slotId: afternoon.id });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('appointments.already_booked');
    const [slotRow] = await t.ctx.db
      .select()
      .from(appointmentSlots)
      .where(eq(appointmentSlots.id, afternoon.id));
    expect(slotRow!.booked).toBe(0); // the refused booking gave its place back

    // the day-before reminder, once
    expect(await sendBookingReminders(t.ctx)).toBe(1);
    expect(await sendBookingReminders(t.ctx)).toBe(0);
    const reminders = await t.ctx.db
      .select()
      .from(inboxMessages)
      .where(eq(inboxMessages.title, '通關預約提醒'));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.body).toContain('港珠澳大橋珠海公路口岸');

    const cancelled = await owner.post(`/api/services/northbound/bookings/${booked.json().id}/cancel`);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', canCancel: false });
    expect((await owner.get(`/api/services/northbound/slots?day=${TOMORROW}`)).json().slots[0].booked).toBe(
      0,
    );
    const list = (await owner.get('/api/services/northbound/bookings')).json();
    expect(list[0]).toMatchObject({ id: booked.json().id, status: 'cancelled', hkPlate: 'XY888' });
    expect(
      (await owner.post(`/api/services/northbound/bookings/${booked.json().id}/cancel`)).statusCode,
    ).toBe(409);
    // another person cannot cancel it
    const stranger = await registerOwner();
    expect(
      (await stranger.agent.post(`/api/services/northbound/bookings/${booked.json().id}/cancel`)).statusCode,
    ).toBe(404);
  });

  it('refuses a full slot, a day needing no booking, today, and anything after noon the day before', async () => {
    const day = '2026-12-05';
    await setSlots(day, [{ starts: '08:00', ends: '12:00', capacity: 0 }]);
    const [slot] = (await owner.get(`/api/services/northbound/slots?day=${day}`)).json().slots;
    const full = await owner.post('/api/services/northbound/bookings', { recordId, slotId: slot.id });
    expect(full.statusCode).toBe(409);
    expect(full.json()).toMatchObject({
      code: 'appointments.slot_full',
      detail: '該時段預約已滿，請選擇其他時段',
    });

    await setSlots('2026-12-06', [{ starts: '08:00', ends: '12:00', capacity: 5 }], true);
    const [free] = (await owner.get('/api/services/northbound/slots?day=2026-12-06')).json().slots;
    expect(
      (await owner.post('/api/services/northbound/bookings', { recordId, slotId: free.id })).json().code,
    ).toBe('appointments.no_booking_needed');

    await setSlots('2026-12-03', [{ starts: '20:00', ends: '22:00', capacity: 5 }]);
    const [today] = (await owner.get('/api/services/northbound/slots?day=2026-12-03')).json().slots;
    expect(
      (await owner.post('/api/services/northbound/bookings', { recordId, slotId: today.id })).json().code,
    ).toBe('appointments.day_out_of_range');

    // staff cannot lower a quota below what is booked
    await setSlots('2026-12-07', [{ starts: '08:00', ends: '12:00', capacity: 3 }]);
    const [later] = (await owner.get('/api/services/northbound/slots?day=2026-12-07')).json().slots;
    expect(
      (await owner.post('/api/services/northbound/bookings', { recordId, slotId: later.id })).statusCode,
    ).toBe(201);
    const lower = await officer.send('PUT', `/api/console/appointments/northbound/${PORT}/2026-12-07`, {
      slots: [{ starts: '08:00', ends: '12:00', capacity: 0 }],
    });
    expect(lower.statusCode).toBe(409);
    expect(lower.json().code).toBe('appointments.capacity_below_booked');
    // an applicant cannot edit slots
    expect(
      (await owner.send('PUT', `/api/console/appointments/northbound/${PORT}/2026-12-07`, { slots: [] }))
        .statusCode,
    ).toBe(403);

    const slotId = (await owner.get(`/api/services/northbound/slots?day=${TOMORROW}`)).json().slots[0].id;
    const saved = clock.now();
    clock.set(new Date('2026-12-03T04:00:00Z')); // noon in Shanghai: a fresh sign-in, then too late
    try {
      const late = new Agent(t.app, 'zh-HK');
      expect((await late.signIn(ownerLogin.username, ownerLogin.password)).statusCode).toBe(200);
      const refused = await late.post('/api/services/northbound/bookings', { recordId, slotId });
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({
        code: 'appointments.cutoff_passed',
        detail: '預約和取消須在前一天中午12時前辦理',
      });
    } finally {
      clock.set(saved);
    }
  });

  it('refuses a suspended vehicle; only a supervisor reinstates', async () => {
    expect((await decide(officer, applicationId, 'suspend', '多次未预约通关')).statusCode).toBe(200);
    const [slot] = (await owner.get(`/api/services/northbound/slots?day=${TOMORROW}`)).json().slots;
    const refused = await owner.post('/api/services/northbound/bookings', { recordId, slotId: slot.id });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().errors[0]).toMatchObject({
      code: 'northbound.vehicle_suspended',
      message: '車輛通行資格已暫停或註銷，不能預約通關',
    });
    expect((await owner.get('/api/services/northbound/center')).json().vehicles[0]).toMatchObject({
      status: 'suspended',
      reason: '多次未预约通关',
    });
    expect((await decide(officer, applicationId, 'reinstate')).statusCode).toBe(403);
    expect((await decide(chief, applicationId, 'reinstate')).statusCode).toBe(200);
    const rows = await t.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, applicationId)));
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['application.decide']));
  });
});

describe('补办车卡 / 补办驾驶人标识 (000 §4.7)', () => {
  let owner: Agent;
  let recordId: string;
  let applicationId: string;
  let siteOfficer: Agent;

  beforeAll(async () => {
    await pushHkTd({
      ...chan,
      hktdRef: 'HKTD-2026-000471',
      owner: { ...chan.owner, hkid: 'T654321(3)', mobile: '13712340471' },
    });
    owner = (await registerOwner()).agent;
    await faceVerify(owner);
    const center = await bind(owner, 'T6543213', '13712340471');
    recordId = center.vehicles[0].recordId;
    applicationId = center.vehicles[0].applicationId;
    siteOfficer = await staff('tagofficer', ['reviewer'], ['northbound-tags']);
  });

  it('offers nothing before 发牌, then replaces the 车卡 at the chosen site: the officer completes it and the new number reaches the owner', async () => {
    expect((await owner.get('/api/services/northbound-tags/vehicles')).json()).toEqual([]);
    const early = await owner.post('/api/services/northbound-tags/requests', {
      kind: 'vehicle_tag',
      recordId,
      site: 'hzmb-zhuhai',
      reason: 'lost',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().errors[0]).toMatchObject({
      path: 'recordId',
      code: 'northbound-tags.not_replaceable',
      message: '該車輛尚未發牌或通行資格已註銷，不能補辦',
    });

    await clearToTravel(owner, recordId, applicationId, 'PDZA202644000001');
    const [vehicle] = (await owner.get('/api/services/northbound-tags/vehicles')).json();
    expect(vehicle).toMatchObject({ recordId, drivers: [{ index: 0, name: expect.stringContaining('*') }] });
    const oldTag = vehicle.tagNo as string;

    const created = await owner.post('/api/services/northbound-tags/requests', {
      kind: 'vehicle_tag',
      recordId,
      site: 'hzmb-zhuhai',
      reason: 'lost',
    });
    expect(created.statusCode, created.body).toBe(201);
    const request = created.json();
    expect(request).toMatchObject({ kind: 'vehicle_tag', status: 'submitted', site: 'hzmb-zhuhai' });
    expect(request.number).toMatch(/^GCBB/);
    expect(request.statusName['zh-HK']).toBe('已提交，待現場辦理');

    // one request at a time per tag
    const again = await owner.post('/api/services/northbound-tags/requests', {
      kind: 'vehicle_tag',
      recordId,
      site: 'zhuhai-dmv',
      reason: 'damaged',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0].code).toBe('northbound-tags.already_requested');

    // the site's officer sees what to fit, and completes it
    const detail = await siteOfficer.get(`/api/console/applications/${request.id}`);
    expect(detail.statusCode, detail.body).toBe(200);
    expect(JSON.stringify(detail.json())).toContain(oldTag);
    // an officer of 港车北上's clearance, not of this service, does not see it
    expect((await officer.get(`/api/console/applications/${request.id}`)).statusCode).toBe(404);
    const done = await decide(siteOfficer, request.id, 'complete');
    expect(done.statusCode, done.body).toBe(200);

    const [record] = await t.ctx.db
      .select()
      .from(northboundRecords)
      .where(eq(northboundRecords.id, recordId));
    expect(record!.tagNo).toBe(`${oldTag}-R1`);
    expect((await owner.get('/api/services/northbound/center')).json().vehicles[0].tagNo).toBe(
      `${oldTag}-R1`,
    );
    const [mine] = (await owner.get('/api/services/northbound-tags/requests')).json();
    expect(mine).toMatchObject({ id: request.id, status: 'completed' });
    const inbox = await t.ctx.db
      .select()
      .from(inboxMessages)
      .where(eq(inboxMessages.accountId, record!.accountId!));
    expect(inbox.map((m) => m.title)).toContain(`補辦已辦結（${request.number}）`);
    const audit = await t.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'northbound.tag_reissued'), eq(auditEvents.targetId, applicationId)));
    expect(audit[0]!.detail).toMatchObject({ kind: 'vehicle_tag', oldNo: oldTag, newNo: `${oldTag}-R1` });
  });

  it('replaces a driver’s 驾驶人标识 with the type and reason of the manual, and refuses a driver the vehicle does not have', async () => {
    const noDriver = await owner.post('/api/services/northbound-tags/requests', {
      kind: 'driver_tag',
      recordId,
      driverIndex: 1,
      site: 'hzmb-zhuhai',
      businessType: 'reissue',
      reason: 'scrapped',
    });
    expect(noDriver.statusCode).toBe(422);
    expect(noDriver.json().errors[0]).toMatchObject({
      path: 'driverIndex',
      code: 'northbound-tags.driver_not_found',
    });

    const incomplete = await owner.post('/api/services/northbound-tags/requests', {
      kind: 'driver_tag',
      recordId,
      site: 'hzmb-zhuhai',
      reason: 'expired',
    });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['driverIndex', 'businessType', 'reason']),
    );

    const created = await owner.post('/api/services/northbound-tags/requests', {
      kind: 'driver_tag',
      recordId,
      driverIndex: 0,
      site: 'zhuhai-dmv',
      businessType: 'reissue',
      reason: 'damaged',
    });
    expect(created.statusCode, created.body).toBe(201);
    const refused = await decide(
      siteOfficer,
      created.json().id,
      'reject',
      '驾驶人备案信息与出入境证件不一致',
    );
    expect(refused.statusCode, refused.body).toBe(200);
    const mine = (await owner.get('/api/services/northbound-tags/requests')).json();
    expect(mine[0]).toMatchObject({
      kind: 'driver_tag',
      status: 'rejected',
      reasonText: '驾驶人备案信息与出入境证件不一致',
      driverName: expect.stringContaining('*'),
    });
    // refused: the tag is unchanged, and a new request may be made
    const [record] = await t.ctx.db
      .select()
      .from(northboundRecords)
      .where(eq(northboundRecords.id, recordId));
    expect(JSON.parse(record!.driverTags!)[0]).not.toMatch(/-R\d+$/);
  });

  it('gives the owner 准入资格确认函 and 临时入境机动车牌证 as PDFs whose QR code verifies them, and a revoked permit verifies as no longer valid', async () => {
    const letter = await owner.get(`/api/services/northbound/records/${recordId}/documents/admission-letter`);
    expect(letter.statusCode, letter.body).toBe(200);
    expect(letter.headers['content-type']).toBe('application/pdf');
    expect(letter.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // a download link names the page's language (a navigation sends no app headers)
    const simplified = await owner.get(
      `/api/services/northbound/records/${recordId}/documents/admission-letter?lang=zh-CN`,
    );
    const simplifiedText = execFileSync('pdftotext', ['-', '-'], {
      input: simplified.rawPayload,
      encoding: 'utf8',
    });
    expect(simplifiedText).toContain('准入资格确认函');
    expect(
      (await owner.get(`/api/services/northbound/records/${recordId}/documents/admission-letter?lang=xx`))
        .statusCode,
    ).toBe(400);
    const permit = await owner.get(`/api/services/northbound/records/${recordId}/documents/plate-permit`);
    expect(permit.statusCode).toBe(200);
    const text = execFileSync('pdftotext', ['-', '-'], { input: permit.rawPayload, encoding: 'utf8' });
    const [vehicle] = (await owner.get('/api/services/northbound/center')).json().vehicles;
    expect(text).toContain('臨時入境機動車牌證');
    expect(text).toContain(vehicle.tempPlate);
    expect(text).toContain(vehicle.tagNo);
    const url = /https?:\/\/\S+\/apps\/northbound\/verify\/([ap][0-9a-f]+)/.exec(
      text.replace(/\s+(?=[0-9a-f])/g, ''),
    );
    expect(url, text).not.toBeNull();
    const token = url![1]!;

    const anyone = new Agent(t.app, 'zh-HK');
    const check = await anyone.get(`/api/services/northbound/documents/verify/${token}`);
    expect(check.statusCode, check.body).toBe(200);
    expect(check.json()).toMatchObject({
      kind: 'plate-permit',
      valid: true,
      tempPlate: vehicle.tempPlate,
      ownerMasked: expect.stringContaining('*'),
    });
    // a forged token (another record's id with this MAC) is not ours
    const forged = `${token.slice(0, 1)}${'0'.repeat(32)}${token.slice(33)}`;
    const refused = await anyone.get(`/api/services/northbound/documents/verify/${forged}`);
    expect(refused.statusCode).toBe(404);
    expect(refused.json().errors[0].code).toBe('northbound.document_unknown');

    expect((await decide(chief, applicationId, 'revoke', '申请人申请注销')).statusCode).toBe(200);
    expect((await anyone.get(`/api/services/northbound/documents/verify/${token}`)).json()).toMatchObject({
      valid: false,
      statusName: { 'zh-HK': '已註銷' },
    });
    const gone = await owner.get(`/api/services/northbound/records/${recordId}/documents/plate-permit`);
    expect(gone.statusCode).toBe(409);
    expect(gone.json().errors[0].code).toBe('northbound.document_not_available');
    // another owner cannot download it
    const stranger = (await registerOwner()).agent;
    const theirs = await stranger.get(
      `/api/services/northbound/records/${recordId}/documents/admission-letter`,
    );
    expect(theirs.statusCode).toBe(404);
  });

  it('never shows or takes another owner’s vehicle', async () => {
    const stranger = (await registerOwner()).agent;
    expect((await stranger.get('/api/services/northbound-tags/vehicles')).json()).toEqual([]);
    const taken = await stranger.post('/api/services/northbound-tags/requests', {
      kind: 'vehicle_tag',
      recordId,
      site: 'hzmb-zhuhai',
      reason: 'lost',
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().errors[0].code).toBe('northbound-tags.not_replaceable');
  });
});

describe('roles per step: a reviewer limited to duties (岗位)', () => {
  it('lets a platform admin limit a reviewer to 验车、保险核验; the reviewer is offered and may take only those steps', async () => {
    const adminRow = await insertAccount(t.ctx.db, {
      username: 'gdadmin',
      kind: 'staff',
      name: 'gdadmin',
      passwordHash: await hashPassword('Staff@2026x'),
    });
    await grantStaffRole(t.ctx.db, {
      accountId: adminRow.id,
      role: 'platform_admin',
      serviceCode: '*',
      grantedBy: null,
      at: clock.now(),
    });
    const admin = new Agent(t.app);
    expect((await admin.signIn('gdadmin', 'Staff@2026x')).statusCode).toBe(200);
    const inspectorRow = await insertAccount(t.ctx.db, {
      username: 'gdinspector',
      kind: 'staff',
      name: 'gdinspector',
      passwordHash: await hashPassword('Staff@2026x'),
    });

    // the service names its duties to the console
    const services = (await admin.get('/api/console/services')).json() as {
      code: string;
      duties: { code: string }[];
    }[];
    expect(services.find((x) => x.code === 'northbound')!.duties.map((d) => d.code)).toEqual([
      'approval',
      'inspection',
      'issuing',
    ]);

    // unknown duties, and duties on a supervisor's grant, are refused next to the field
    const unknown = await admin.send('PUT', `/api/console/staff/${inspectorRow.id}/grants`, {
      grants: [{ role: 'reviewer', serviceCode: 'northbound', duties: ['cooking'] }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toMatchObject({ path: 'grants.0.duties', code: 'staff.duty_unknown' });
    const onSupervisor = await admin.send('PUT', `/api/console/staff/${inspectorRow.id}/grants`, {
      grants: [{ role: 'supervisor', serviceCode: 'northbound', duties: ['approval'] }],
    });
    expect(onSupervisor.json().errors[0]).toMatchObject({ code: 'staff.duty_unknown' });
    // every duty is no limit at all
    const all = await admin.send('PUT', `/api/console/staff/${inspectorRow.id}/grants`, {
      grants: [
        { role: 'reviewer', serviceCode: 'northbound', duties: ['issuing', 'approval', 'inspection'] },
      ],
    });
    expect(all.json().grants).toEqual([{ role: 'reviewer', serviceCode: 'northbound' }]);
    const limited = await admin.send('PUT', `/api/console/staff/${inspectorRow.id}/grants`, {
      grants: [{ role: 'reviewer', serviceCode: 'northbound', duties: ['inspection'] }],
    });
    expect(limited.statusCode, limited.body).toBe(200);
    expect(limited.json().grants).toEqual([
      { role: 'reviewer', serviceCode: 'northbound', duties: ['inspection'] },
    ]);

    const inspector = new Agent(t.app);
    expect((await inspector.signIn('gdinspector', 'Staff@2026x')).statusCode).toBe(200);
    const mine = (await inspector.get('/api/console/services')).json() as {
      code: string;
      myDuties: string[] | null;
    }[];
    expect(mine.find((x) => x.code === 'northbound')!.myDuties).toEqual(['inspection']);

    // a fresh HK TD application, at 初审通过: 粤港审批 is not the inspector's step
    expect(
      await pushHkTd({
        ...chan,
        hktdRef: 'HKTD-2026-000901',
        vehicle: { ...chan.vehicle, hkPlate: 'DT901', chassisNo: 'JTEGH3FH0AB900901' },
      }),
    ).toBe('created');
    const [record] = await t.ctx.db
      .select()
      .from(northboundRecords)
      .where(eq(northboundRecords.hktdRef, 'HKTD-2026-000901'));
    const id = record!.applicationId;
    const seen = (await inspector.get(`/api/console/applications/${id}`)).json();
    expect(seen.allowedActions.map((a: { action: string }) => a.action)).toEqual([]);
    const refused = await decide(inspector, id, 'approve');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('casework.duty_forbidden');
    // the approval's officer approves and the application passes on, unassigned, to 验车、保险核验
    expect((await decide(officer, id, 'approve')).statusCode).toBe(200);
    const next = (await inspector.get(`/api/console/applications/${id}`)).json();
    expect(next.assigneeId).toBeNull();
    expect(next.allowedActions.map((a: { action: string }) => a.action).sort()).toEqual([
      'pass_inspection',
      'reject',
      'return_insurance',
    ]);
    const returned = await decide(inspector, id, 'return_insurance', '保单照片不清晰');
    expect(returned.statusCode, returned.body).toBe(200);
  });
});

describe.skipIf(!onPostgres)('never oversold (PostgreSQL)', () => {
  it('200 clients racing for 50 places get exactly 50', async () => {
    const day = '2026-12-08';
    await setSlots(day, [{ starts: '08:00', ends: '12:00', capacity: 50 }]);
    const [slot] = (await officer.get(`/api/console/appointments/northbound/${PORT}/${day}`)).json().slots;
    const [someone] = await t.ctx.db.select().from(accounts).limit(1);
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, (_, i) =>
        book(t.ctx, {
          serviceCode: 'northbound',
          slotId: slot.id,
          subject: `race-vehicle-${i}`,
          accountId: someone!.id,
          rules: { cutoffHourDayBefore: 12, horizonDays: 7 },
        }),
      ),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    expect(won).toHaveLength(50);
    expect(lost.every((r) => (r.reason as { code?: string }).code === 'appointments.slot_full')).toBe(true);
    const [row] = await t.ctx.db.select().from(appointmentSlots).where(eq(appointmentSlots.id, slot.id));
    expect(row!.booked).toBe(50);
    const bookings = await t.ctx.db
      .select()
      .from(appointmentBookings)
      .where(eq(appointmentBookings.slotId, slot.id));
    expect(bookings).toHaveLength(50);
  }, 60_000);
});
