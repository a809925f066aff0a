import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CSRF_COOKIE, CSRF_HEADER } from '@sw/contracts';
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accounts,
  actionTokens,
  applicationFiles,
  applications,
  auditEvents,
  devOutbox,
  files,
  inboxMessages,
  organizations,
} from '../src/db/schema/index.ts';
import { devOutboxIndex } from '../src/integrations/dev-outbox.ts';
import { fixedClock } from '../src/lib/clock.ts';
import { decide } from '../src/modules/casework/applications.service.ts';
import { type AccountRow, insertAccount } from '../src/modules/identity/identity.repo.ts';
import { hashPassword } from '../src/modules/identity/passwords.ts';
import { grantStaffRole } from '../src/modules/identity/staff-roles.ts';
import { Agent, createTestApp, creditCode, organizationBody, residentId, type TestApp } from './helpers.ts';

// Thursday 30 April 2026, 10:00 in Shanghai: 1–5 May is the 劳动节 holiday, so the 2 working
// days are Wednesday 6 and Thursday 7 May
const START = new Date('2026-04-30T02:00:00Z');
const DUE = '2026-05-07T15:59:59.999Z';
const clock = fixedClock(START);
const STAFF_PASSWORD = 'Staff@2026';
const PASSWORD = 'Review@2026';
const SERVICE = 'enterprise-registration';
const LEGAL_REP_ID = residentId('13010219800101', 1);

let t: TestApp;
let dataDir: string;
let platformAdmin: Agent;
let otherStaff: Agent;
let reviewer: AccountRow;

async function staffAccount(username: string) {
  return insertAccount(t.ctx.db, {
    username,
    kind: 'staff',
    name: '工作人员',
    passwordHash: await hashPassword(STAFF_PASSWORD),
  });
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'sw-qyzc-'));
  t = await createTestApp({ clock, env: { DATA_DIR: dataDir } });
  const admin = await staffAccount('qyzcadmin');
  await grantStaffRole(t.ctx.db, {
    accountId: admin.id,
    role: 'platform_admin',
    serviceCode: '*',
    grantedBy: null,
    at: START,
  });
  platformAdmin = new Agent(t.app);
  expect((await platformAdmin.signIn('qyzcadmin', STAFF_PASSWORD)).statusCode).toBe(200);
  await staffAccount('qyzcstaff');
  otherStaff = new Agent(t.app);
  expect((await otherStaff.signIn('qyzcstaff', STAFF_PASSWORD)).statusCode).toBe(200);
  reviewer = await staffAccount('qyzcreviewer');
  await grantStaffRole(t.ctx.db, {
    accountId: reviewer.id,
    role: 'reviewer',
    serviceCode: SERVICE,
    grantedBy: null,
    at: START,
  });
});
afterAll(async () => {
  await t.close();
  await rm(dataDir, { recursive: true, force: true });
});

// ---------------------------------------------------------------- helpers

async function jpeg(): Promise<Buffer> {
  return sharp(randomBytes(64 * 48 * 3), { raw: { width: 64, height: 48, channels: 3 } })
    .jpeg()
    .toBuffer();
}

/** An anonymous upload for a slot of the service, as the registration page makes it. */
async function upload(
  agent: Agent,
  slot: string,
): Promise<{ slot: string; fileId: string; uploadToken: string }> {
  if (!agent.cookies.has(CSRF_COOKIE)) await agent.get('/api/csrf');
  const boundary = `----swtest${randomBytes(8).toString('hex')}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="scan.jpg"\r\n` +
        'Content-Type: image/jpeg\r\n\r\n',
    ),
    await jpeg(),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/files?service=${SERVICE}&slot=${slot}`,
    payload: body,
    headers: {
      cookie: [...agent.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      [CSRF_HEADER]: agent.cookies.get(CSRF_COOKIE)!,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
  });
  if (res.statusCode !== 201) throw new Error(`upload: ${res.statusCode} ${res.body}`);
  const { id, uploadToken } = res.json() as { id: string; uploadToken: string };
  return { slot, fileId: id, uploadToken };
}

let seq = 0;
/** A valid 三证合一 form; each call another organization, username, e-mail. */
function unifiedForm(overrides: Record<string, unknown> = {}) {
  seq++;
  const n = 40_000_000 + (Date.now() % 1_000_000) * 10 + seq;
  const tail = String(n).slice(-6);
  return {
    registrationType: 'unified',
    creditCode: creditCode(n).creditCode,
    province: '13',
    city: '1301',
    district: '130102',
    address: '中山东路100号',
    nameZh: `河北审核测试进出口有限公司${tail}`,
    nameEn: 'Hebei Review Test Import and Export Co., Ltd.',
    shortName: '审核测试',
    postalCode: '050000',
    bankName: '中国银行石家庄分行',
    bankAccount: '1234 5678 9012 3456',
    eportCardNo: '8900000012345',
    registeredCapital: '500万元人民币',
    customsCode: '1301960ABC',
    inspectionCode: '1300601234',
    enterpriseType: 'private',
    businessScope: '货物进出口；技术进出口',
    entityTypes: ['cargo_owner', 'forwarder'],
    contacts: [
      {
        role: 'legal_rep',
        name: '王五',
        idType: 'resident_id',
        idNumber: LEGAL_REP_ID,
        mobile: '13911112222',
      },
      { role: 'general_manager', name: '李四' },
      { role: 'finance', email: 'finance@example.com' },
    ],
    admin: {
      username: `qyzc${tail}`,
      realName: '赵六',
      password: PASSWORD,
      confirmPassword: PASSWORD,
      email: `Admin${tail}@Example.com`,
      fax: '0311-85551234',
      phone: '0311-85551235',
      mobile: `137${String(n).slice(-8)}`,
      customsDeclarantNo: 'BG12345',
      jobTitle: '关务经理',
    },
    ...overrides,
  };
}

type Form = ReturnType<typeof unifiedForm>;

async function submit(agent: Agent, form: Record<string, unknown>, attachments: unknown[]) {
  return agent.post('/api/register/enterprise-review', { form, attachments, ...(await agent.captcha()) });
}

async function setReview(on: boolean) {
  const res = await platformAdmin.send('PUT', '/api/console/settings', { registrationReview: on });
  expect(res.statusCode).toBe(200);
  expect(res.json()).toEqual({ registrationReview: on });
}

async function applicationOf(number: string) {
  const [row] = await t.ctx.db.select().from(applications).where(eq(applications.number, number));
  return row!;
}

async function accountNamed(username: string) {
  const [row] = await t.ctx.db.select().from(accounts).where(eq(accounts.username, username));
  return row!;
}

async function organizationOf(account: AccountRow) {
  const [row] = await t.ctx.db
    .select()
    .from(organizations)
    .where(eq(organizations.id, account.organizationId!));
  return row!;
}

/** The e-mails the simulator delivered to an address (the outbox worker run first). */
async function mailsTo(address: string) {
  await t.ctx.messaging.deliverDue();
  return t.ctx.db
    .select()
    .from(devOutbox)
    .where(eq(devOutbox.toBidx, devOutboxIndex(t.ctx.crypto, address)));
}

async function counts() {
  return {
    organizations: await t.ctx.db.$count(organizations),
    accounts: await t.ctx.db.$count(accounts),
    applications: await t.ctx.db.$count(applications),
  };
}

const asReviewer = () => ({ id: reviewer.id, roles: new Set(['reviewer'] as const) });

/** A registration submitted through the API; returns what the tests need. */
async function registered(form: Form = unifiedForm()) {
  const agent = new Agent(t.app);
  const res = await submit(agent, form, [await upload(agent, 'creditCertificate')]);
  expect(res.statusCode, res.body).toBe(201);
  return { agent, form, number: res.json().number as string };
}

// ---------------------------------------------------------------- the setting

describe('the platform setting 「注册需审核」', () => {
  it('is off by default: the reviewed registration answers 409 and platform info says so', async () => {
    const agent = new Agent(t.app);
    const info = await agent.get('/api/platform/info');
    expect(info.json().registrationReview).toBe(false);
    const before = await counts();
    const res = await submit(agent, unifiedForm(), []);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('registration.review_mode_off');
    expect(await counts()).toEqual(before);
  });

  it('is changed by a platform admin only, and the change is audited', async () => {
    const anonymous = new Agent(t.app);
    expect(
      (await anonymous.send('PUT', '/api/console/settings', { registrationReview: true })).statusCode,
    ).toBe(401);
    const denied = await otherStaff.send('PUT', '/api/console/settings', { registrationReview: true });
    expect(denied.statusCode).toBe(403);
    expect((await otherStaff.get('/api/console/settings')).statusCode).toBe(403);
    expect((await platformAdmin.get('/api/console/settings')).json()).toEqual({ registrationReview: false });
    const bad = await platformAdmin.send('PUT', '/api/console/settings', { registrationReview: 'yes' });
    expect(bad.statusCode).toBe(400);

    await setReview(true);
    await setReview(true); // no change, no second audit row
    const audits = await t.ctx.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'platform.setting_change'));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ targetId: 'registration.review', detail: { from: false, to: true } });
    expect((await anonymous.get('/api/platform/info')).json().registrationReview).toBe(true);
  });

  it('turns the immediate 004 registration of enterprises away while on', async () => {
    const agent = new Agent(t.app);
    const res = await agent.post('/api/accounts/organization', organizationBody());
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('registration.review_required');
    const check = await agent.post('/api/accounts/organization/check', organizationBody().organization);
    expect(check.json().code).toBe('registration.review_required');
  });
});

// ---------------------------------------------------------------- submission

describe('registration with review (seed 001 §2.3)', () => {
  it('registers a 三证合一 enterprise: pending review, numbered, due in 2 working days past 劳动节', async () => {
    const agent = new Agent(t.app);
    const form = unifiedForm();
    const scan = await upload(agent, 'creditCertificate');
    const customs = await upload(agent, 'customsCertificate');
    const res = await submit(agent, form, [scan, customs]);
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.number).toMatch(/^QYZC20260430\d{6}$/);
    expect(body).toMatchObject({
      dueAt: DUE,
      slaWorkingDays: 2,
      username: form.admin.username,
      emailMasked: expect.stringMatching(/^ad\*+\d\d@example\.com$/),
    });

    const account = await accountNamed(form.admin.username);
    expect(account).toMatchObject({ status: 'pending_review', kind: 'enterprise_admin', name: '赵六' });
    expect(account.passwordHash).toMatch(/^\$argon2id\$/);
    expect(account.emailEnc).not.toContain('example');
    expect(t.ctx.crypto.decrypt(account.emailEnc!)).toBe(form.admin.email.toLowerCase());
    expect(account.mobileBidx).toBe(t.ctx.crypto.blindIndex('mobile', form.admin.mobile));
    expect(t.ctx.crypto.decrypt(account.phoneEnc!)).toBe('0311-85551235');
    expect(account).toMatchObject({ fax: '0311-85551234', jobTitle: '关务经理' });
    const org = await organizationOf(account);
    expect(org).toMatchObject({
      status: 'pending_review',
      kind: 'enterprise',
      creditCode: form.creditCode,
      orgCode: form.creditCode.slice(8, 17),
      name: form.nameZh,
      address: '河北省石家庄市长安区中山东路100号',
      legalRepName: '王五',
    });

    const application = await applicationOf(body.number);
    expect(application).toMatchObject({
      serviceCode: SERVICE,
      status: 'pending',
      applicantAccountId: account.id,
      organizationId: org.id,
      applicantName: form.nameZh,
      applicantCode: form.creditCode,
      submittedAt: START,
    });
    expect(application.dueAt!.toISOString()).toBe(DUE);
    // the stored form keeps no password
    const stored = JSON.parse(t.ctx.crypto.decrypt(application.formEnc));
    expect(stored.admin.password).toBeUndefined();
    expect(stored.admin.confirmPassword).toBeUndefined();
    expect(stored.nameZh).toBe(form.nameZh);
    const attached = await t.ctx.db
      .select()
      .from(applicationFiles)
      .where(eq(applicationFiles.applicationId, application.id));
    expect(attached.map((a) => a.slot).sort()).toEqual(['creditCertificate', 'customsCertificate']);
    const [file] = await t.ctx.db.select().from(files).where(eq(files.id, scan.fileId));
    expect(file).toMatchObject({ ownerAccountId: account.id, uploadTokenHash: null, mime: 'image/jpeg' });

    const mails = await mailsTo(form.admin.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain(body.number);
    expect(mails[0]!.text).toContain('2026-05-07');
    const inbox = await t.ctx.db.select().from(inboxMessages).where(eq(inboxMessages.accountId, account.id));
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ applicationId: application.id, category: 'application' });
    expect(inbox[0]!.title).toContain(body.number);
  });

  it('refuses a 三证合一 registration without its credit-code certificate, writing nothing', async () => {
    const agent = new Agent(t.app);
    const before = await counts();
    const res = await submit(agent, unifiedForm(), [await upload(agent, 'customsCertificate')]);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      expect.objectContaining({
        path: 'attachments.creditCertificate',
        code: 'casework.attachment_required',
      }),
    ]);
    expect(await counts()).toEqual(before);
  });

  it('checks the form field by field (passwords, codes, divisions, contacts)', async () => {
    const agent = new Agent(t.app);
    const form = unifiedForm();
    const res = await submit(
      agent,
      {
        ...form,
        city: '1302',
        district: '130102',
        postalCode: '05000',
        customsCode: '123',
        entityTypes: [],
        contacts: [
          {
            role: 'legal_rep',
            idType: 'resident_id',
            idNumber: `${LEGAL_REP_ID.slice(0, 17)}${LEGAL_REP_ID.endsWith('1') ? '2' : '1'}`,
          },
          form.contacts[1],
          form.contacts[2],
        ],
        admin: { ...form.admin, password: 'short', confirmPassword: 'other', fax: '' },
      },
      [],
    );
    expect(res.statusCode).toBe(400);
    const errors = Object.fromEntries(
      (res.json().errors as { path: string; code: string }[]).map((e) => [e.path, e.code]),
    );
    expect(errors).toMatchObject({
      'form.district': 'field.division_invalid',
      'form.postalCode': 'field.postal_code_invalid',
      'form.customsCode': 'field.customs_code_invalid',
      'form.entityTypes': 'field.required',
      'form.contacts.0.idNumber': 'field.id_number_invalid',
      'form.admin.password': 'field.password_weak',
      'form.admin.confirmPassword': 'field.password_mismatch',
      'form.admin.fax': 'field.phone_invalid',
    });
  });

  it('asks a non-unified enterprise for its licence and organization-code certificate', async () => {
    const agent = new Agent(t.app);
    const { creditCode: _omit, ...base } = unifiedForm();
    const orgCode = creditCode(70_000_000 + seq).orgCode;
    const form = { ...base, registrationType: 'enterprise', orgCode, businessLicenceNo: '130100000012345' };
    const licence = await upload(agent, 'businessLicence');
    const missing = await submit(agent, form, [licence]);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toEqual([
      expect.objectContaining({
        path: 'attachments.orgCodeCertificate',
        code: 'casework.attachment_required',
      }),
    ]);
    const wrongSlot = await submit(agent, form, [licence, await upload(agent, 'creditCertificate')]);
    expect(wrongSlot.json().errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: 'attachments.creditCertificate',
          code: 'casework.attachment_slot_unknown',
        }),
      ]),
    );
    const ok = await submit(agent, form, [licence, await upload(agent, 'orgCodeCertificate')]);
    expect(ok.statusCode, ok.body).toBe(201);
    const org = await organizationOf(await accountNamed(form.admin.username));
    expect(org).toMatchObject({ creditCode: null, orgCode, status: 'pending_review' });
  });

  it('says 「组织机构代码已存在」 when the organization is registered already', async () => {
    const { form } = await registered();
    const agent = new Agent(t.app);
    const again = { ...unifiedForm(), creditCode: form.creditCode };
    const before = await counts();
    const res = await submit(agent, again, [await upload(agent, 'creditCertificate')]);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'account.org_code_taken',
      detail: '组织机构代码已存在',
      errors: [{ path: 'form.creditCode', code: 'account.org_code_taken', message: '组织机构代码已存在' }],
    });
    expect(await counts()).toEqual(before);
    // the upload was not claimed: the transaction never ran
    const taken = await submit(
      agent,
      { ...unifiedForm(), admin: { ...unifiedForm().admin, username: form.admin.username } },
      [await upload(agent, 'creditCertificate')],
    );
    expect(taken.json().errors).toEqual([
      expect.objectContaining({ path: 'form.admin.username', code: 'account.username_taken' }),
    ]);
  });

  it('lets one of two concurrent registrations of the same organization win; the other gets the same answer', async () => {
    const a = new Agent(t.app);
    const b = new Agent(t.app);
    const first = unifiedForm();
    const second = { ...unifiedForm(), creditCode: first.creditCode };
    const bodies = await Promise.all([
      (async () => ({
        form: first,
        attachments: [await upload(a, 'creditCertificate')],
        ...(await a.captcha()),
      }))(),
      (async () => ({
        form: second,
        attachments: [await upload(b, 'creditCertificate')],
        ...(await b.captcha()),
      }))(),
    ]);
    const results = await Promise.all([
      a.post('/api/register/enterprise-review', bodies[0]),
      b.post('/api/register/enterprise-review', bodies[1]),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const lost = results.find((r) => r.statusCode === 409)!;
    expect(lost.json().errors).toEqual([
      expect.objectContaining({ path: 'form.creditCode', code: 'account.org_code_taken' }),
    ]);
    expect(await t.ctx.db.$count(organizations, eq(organizations.creditCode, first.creditCode))).toBe(1);
  });

  it('does not let an upload be claimed twice', async () => {
    const agent = new Agent(t.app);
    const scan = await upload(agent, 'creditCertificate');
    expect((await submit(agent, unifiedForm(), [scan])).statusCode).toBe(201);
    const before = await counts();
    const res = await submit(agent, unifiedForm(), [scan]);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ path: 'attachments.0', code: 'file.upload_token_invalid' }),
    ]);
    expect(await counts()).toEqual(before);
  });
});

// ---------------------------------------------------------------- review

describe('the review: sign-in before the decision, return for correction, approval', () => {
  it('tells the applicant at sign-in that the registration is under review, and until when', async () => {
    const { agent, form } = await registered();
    const res = await agent.signIn(form.admin.username, PASSWORD);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({
      code: 'auth.registration_under_review',
      dueAt: DUE,
      detail: '注册信息正在审核中，预计于 2026年5月7日 前完成审核',
    });
    agent.locale = 'en';
    expect((await agent.signIn(form.admin.username, PASSWORD)).json().detail).toContain('7 May 2026');
    const wrong = await agent.signIn(form.admin.username, 'Wrong@2026');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('auth.invalid_credentials');
  });

  it('returns a registration with reasons, e-mails a single-use link, and takes the correction', async () => {
    const { agent, form, number } = await registered();
    const application = await applicationOf(number);
    const missingReason = decide(t.ctx, {
      applicationId: application.id,
      expectedVersion: application.version,
      action: 'reject',
      actor: asReviewer(),
    });
    await expect(missingReason).rejects.toMatchObject({ code: 'field.required' });
    await decide(t.ctx, {
      applicationId: application.id,
      expectedVersion: application.version,
      action: 'reject',
      reason: '附件不清晰，请重新上传原件扫描件',
      actor: asReviewer(),
    });
    const account = await accountNamed(form.admin.username);
    expect(account.status).toBe('pending_review');
    const mails = await mailsTo(form.admin.email);
    const returned = mails.find((m) => m.subject?.includes('未通过审核'));
    expect(returned?.text).toContain('附件不清晰，请重新上传原件扫描件');
    const link = returned!.text.match(
      /(http:\/\/localhost:\d+\/apps\/enterprise-registration\/correction\?token=)([\w-]+)/,
    );
    expect(link).not.toBeNull();
    const token = link![2]!;

    const signIn = await agent.signIn(form.admin.username, PASSWORD);
    expect(signIn.statusCode).toBe(403);
    expect(signIn.json().code).toBe('auth.registration_returned');

    const view = await agent.get(`/api/register/enterprise-review/correction?token=${token}`);
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({
      number,
      status: 'rejected',
      reasons: '附件不清晰，请重新上传原件扫描件',
      form: { nameZh: form.nameZh, admin: { username: form.admin.username } },
    });
    expect(view.json().form.admin.password).toBeUndefined();
    const [kept] = view.json().attachments as { fileId: string; slot: string }[];
    expect(kept).toMatchObject({ slot: 'creditCertificate', mime: 'image/jpeg' });

    // corrected the next working day: the 2 working days start again
    clock.set(new Date('2026-05-06T03:00:00Z'));
    try {
      const { password: _p, confirmPassword: _c, ...admin } = form.admin;
      const corrected = {
        ...form,
        nameZh: `${form.nameZh}（更正）`,
        admin: { ...admin, username: 'someoneelse', jobTitle: '总经理助理' },
      };
      const extra = await upload(agent, 'other');
      const res = await agent.post('/api/register/enterprise-review/correction', {
        token,
        form: corrected,
        attachments: [{ slot: 'creditCertificate', fileId: kept!.fileId }, extra],
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        number,
        dueAt: '2026-05-08T15:59:59.999Z',
        username: form.admin.username,
      });
      const after = await applicationOf(number);
      expect(after).toMatchObject({ status: 'pending', applicantName: corrected.nameZh });
      expect(after.dueAt!.toISOString()).toBe('2026-05-08T15:59:59.999Z');
      expect(after.submittedAt).toEqual(START);
      const org = await organizationOf(account);
      expect(org).toMatchObject({ name: corrected.nameZh, status: 'pending_review' });
      expect(await accountNamed(form.admin.username)).toMatchObject({ jobTitle: '总经理助理' });
      const attached = await t.ctx.db
        .select()
        .from(applicationFiles)
        .where(eq(applicationFiles.applicationId, application.id));
      expect(attached.map((a) => a.slot).sort()).toEqual(['creditCertificate', 'other']);

      // single use
      const replay = await agent.post('/api/register/enterprise-review/correction', {
        token,
        form: corrected,
        attachments: [{ slot: 'creditCertificate', fileId: kept!.fileId }],
      });
      expect(replay.statusCode).toBe(410);
      expect(replay.json().code).toBe('registration.correction_link_invalid');
      expect((await agent.get(`/api/register/enterprise-review/correction?token=${token}`)).statusCode).toBe(
        410,
      );
      const resubmitted = (await mailsTo(form.admin.email)).filter((m) => m.subject?.includes('重新提交'));
      expect(resubmitted).toHaveLength(1);
      expect((await agent.signIn(form.admin.username, PASSWORD)).json()).toMatchObject({
        code: 'auth.registration_under_review',
        dueAt: '2026-05-08T15:59:59.999Z',
      });
    } finally {
      clock.set(START);
    }
  });

  it('lets a correction link expire after 7 days and keeps only the newest', async () => {
    const { number, form } = await registered();
    let application = await applicationOf(number);
    await decide(t.ctx, {
      applicationId: application.id,
      expectedVersion: application.version,
      action: 'reject',
      reason: '联系方式不完整',
      actor: asReviewer(),
    });
    application = await applicationOf(number);
    const tokens = await t.ctx.db
      .select()
      .from(actionTokens)
      .where(
        and(
          eq(actionTokens.applicationId, application.id),
          eq(actionTokens.purpose, 'registration_correction'),
        ),
      );
    expect(tokens).toHaveLength(1);
    expect(tokens[0]!.expiresAt.getTime() - START.getTime()).toBe(7 * 24 * 3_600_000);
    const mail = (await mailsTo(form.admin.email)).find((m) => m.subject?.includes('未通过审核'))!;
    const token = mail.text.match(/token=([\w-]+)/)![1]!;
    const agent = new Agent(t.app);
    clock.set(new Date(START.getTime() + 7 * 24 * 3_600_000 + 1));
    try {
      expect((await agent.get(`/api/register/enterprise-review/correction?token=${token}`)).statusCode).toBe(
        410,
      );
    } finally {
      clock.set(START);
    }
    expect((await agent.get(`/api/register/enterprise-review/correction?token=${token}`)).statusCode).toBe(
      200,
    );
    expect((await agent.get('/api/register/enterprise-review/correction?token=nonsense')).statusCode).toBe(
      410,
    );
  });

  it('approves: organization and administrator active, result e-mailed, sign-in works', async () => {
    const { agent, form, number } = await registered();
    const application = await applicationOf(number);
    await decide(t.ctx, {
      applicationId: application.id,
      expectedVersion: application.version,
      action: 'approve',
      actor: asReviewer(),
    });
    const account = await accountNamed(form.admin.username);
    expect(account).toMatchObject({ status: 'active', realNameLevel: 'low' });
    expect(await organizationOf(account)).toMatchObject({ status: 'active' });
    expect(await applicationOf(number)).toMatchObject({ status: 'approved', assigneeId: reviewer.id });
    const approved = (await mailsTo(form.admin.email)).find((m) => m.subject?.includes('审核通过'));
    expect(approved?.text).toContain(form.admin.username);
    expect(approved?.text).toMatch(/http:\/\/localhost:\d+\/login/);
    const res = await agent.signIn(form.admin.username, PASSWORD);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().account).toMatchObject({ username: form.admin.username, status: 'active' });
    // final: nothing more to decide
    await expect(
      decide(t.ctx, {
        applicationId: application.id,
        expectedVersion: application.version + 1,
        action: 'reject',
        reason: 'x',
        actor: asReviewer(),
      }),
    ).rejects.toMatchObject({ code: 'casework.transition_not_allowed' });
  });
});
