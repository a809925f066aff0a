import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq, ne } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, applications, inboxMessages, licenceLinks } from '../src/db/schema/index.ts';
import { fixedClock } from '../src/lib/clock.ts';
import { type AccountRow, insertAccount } from '../src/modules/identity/identity.repo.ts';
import { hashPassword } from '../src/modules/identity/passwords.ts';
import { grantStaffRole } from '../src/modules/identity/staff-roles.ts';
import {
  Agent,
  createTestApp,
  outboxMessages,
  registerIndividual,
  samplePdf,
  type TestApp,
  uploadFile,
} from './helpers.ts';

/*
 * 申报居住登记 and 申领居住证 (seed 003 三、1「居住证服务」 and its 常见疑问): a registration reviewed by
 * the police; a permit only once a registration of the city was approved six months ago (深圳 at
 * once); the permit's issue puts it into the holder's 我的证照.
 */

const DAY = 24 * 60 * 60_000;
// Monday 5 January 2026, 10:00 in Shanghai
const clock = fixedClock(new Date('2026-01-05T02:00:00Z'));
const STAFF_PASSWORD = 'Jzz@2026x';
const REG = 'residence-registration';
const PERMIT = 'residence-permit';

let t: TestApp;
let dataDir: string;

type Applicant = { agent: Agent; id: string; username: string; password: string; mobile: string };
type Staff = { agent: Agent; row: AccountRow };
let reviewer: Staff;

/** A person registered through the public API, signed in, real-name verified (身份信息认证 → 中). */
async function applicant(): Promise<Applicant> {
  const agent = new Agent(t.app);
  const { username, password, body } = await registerIndividual(agent);
  expect((await agent.signIn(username, password)).statusCode).toBe(200);
  const verified = await agent.post('/api/account/real-name/identity');
  expect(verified.statusCode, verified.body).toBe(200);
  const [row] = await t.ctx.db.select().from(accounts).where(eq(accounts.username, username));
  return { agent, id: row!.id, username, password, mobile: body.mobile as string };
}

/** Signs in again (after the clock has moved past every session). */
async function signInAgain(who: { agent: Agent }, username: string, password: string) {
  who.agent = new Agent(t.app);
  const res = await who.agent.signIn(username, password);
  expect(res.statusCode, res.body).toBe(200);
}

function registrationForm(overrides: Record<string, unknown> = {}) {
  return {
    city: '4401',
    address: '天河区体育西路 101 号 2 栋 1203 房',
    startDate: '2025-12-01',
    reason: 'work',
    mobile: '13912345678',
    housing: 'rented',
    ...overrides,
  };
}

async function jpeg(): Promise<Buffer> {
  return sharp(randomBytes(48 * 64 * 3), { raw: { width: 48, height: 64, channels: 3 } })
    .jpeg()
    .toBuffer();
}

async function attach(
  who: Applicant,
  id: string,
  service: string,
  slot: string,
  content: Buffer,
  name: string,
) {
  const file = await uploadFile(t, who.agent, { service, slot, filename: name, content });
  expect(file.statusCode, file.body).toBe(201);
  const attached = await who.agent.post(`/api/applications/${id}/attachments`, {
    slot,
    fileId: file.json().id,
  });
  expect(attached.statusCode, attached.body).toBe(200);
}

/** Draft, attachment (unless told not to), submission: as the apply page does it. */
async function apply(
  who: Applicant,
  service: string,
  form: Record<string, unknown>,
  opts: { attach?: boolean } = {},
) {
  const draft = await who.agent.post('/api/applications', { serviceCode: service, form });
  expect(draft.statusCode, draft.body).toBe(201);
  const { id, version } = draft.json() as { id: string; version: number };
  if (opts.attach !== false) {
    if (service === REG) await attach(who, id, service, 'housingProof', samplePdf(), '租赁合同.pdf');
    else await attach(who, id, service, 'photo', await jpeg(), '证件照.jpg');
  }
  const submitted = await who.agent.post(`/api/applications/${id}/submit`, { version });
  return { id, submitted };
}

async function decide(id: string, action: string, reason?: string) {
  const detail = await reviewer.agent.get(`/api/console/applications/${id}`);
  expect(detail.statusCode, detail.body).toBe(200);
  return reviewer.agent.post(`/api/console/applications/${id}/decide`, {
    action,
    version: detail.json().version,
    ...(reason ? { reason } : {}),
  });
}

/** A registration submitted and approved now; its number. */
async function approvedRegistration(who: Applicant, form: Record<string, unknown>): Promise<string> {
  const { id, submitted } = await apply(who, REG, registrationForm({ mobile: who.mobile, ...form }));
  expect(submitted.statusCode, submitted.body).toBe(200);
  expect((await decide(id, 'approve')).statusCode).toBe(200);
  return submitted.json().number as string;
}

async function submittedCount(accountId: string) {
  return t.ctx.db.$count(
    applications,
    and(eq(applications.applicantAccountId, accountId), ne(applications.status, 'draft')),
  );
}

let seq = 0;
async function staff(): Promise<Staff> {
  seq++;
  const username = `jzzstaff${seq}`;
  const row = await insertAccount(t.ctx.db, {
    username,
    kind: 'staff',
    name: `派出所民警${seq}`,
    passwordHash: await hashPassword(STAFF_PASSWORD),
  });
  const agent = new Agent(t.app);
  expect((await agent.signIn(username, STAFF_PASSWORD)).statusCode).toBe(200);
  return { agent, row };
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'sw-residence-'));
  t = await createTestApp({ clock, env: { DATA_DIR: dataDir } });
  reviewer = await staff();
  for (const serviceCode of [REG, PERMIT])
    await grantStaffRole(t.ctx.db, {
      accountId: reviewer.row.id,
      role: 'reviewer',
      serviceCode,
      grantedBy: null,
      at: clock.now(),
    });
});

afterAll(async () => {
  await t.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('居住证服务 in the catalogue', () => {
  it('lists both under 户政(治安), in every city, with their time limits', async () => {
    const list = (await new Agent(t.app).get('/api/services?category=household')).json();
    expect(list).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: REG,
          name: expect.objectContaining({ 'zh-CN': '申报居住登记' }),
          categoryName: expect.objectContaining({ 'zh-CN': '户政(治安)' }),
          regions: { cities: [], note: null },
          audience: ['individual'],
          slaWorkingDays: 5,
        }),
        expect.objectContaining({ code: PERMIT, slaWorkingDays: 10 }),
      ]),
    );
    const inShantou = (await new Agent(t.app).get('/api/services?city=4405')).json() as { code: string }[];
    expect(inShantou.map((s) => s.code)).toEqual(expect.arrayContaining([REG, PERMIT]));
    const doc = (await new Agent(t.app).get('/api/openapi.json')).json();
    expect(Object.keys(doc.paths)).toContain('/api/services/residence-permit/registrations');
  });

  it('names their staff roles in the console', async () => {
    const services = (await reviewer.agent.get('/api/console/services')).json() as {
      code: string;
      roleNames: { reviewer: { 'zh-CN': string } };
    }[];
    const names = Object.fromEntries(services.map((s) => [s.code, s.roleNames.reviewer['zh-CN']]));
    expect(names).toMatchObject({ [REG]: '居住登记审核员', [PERMIT]: '居住证审核员' });
  });
});

describe('申报居住登记', () => {
  let a: Applicant;
  beforeAll(async () => {
    a = await applicant();
  });

  it('needs 实名认证 first', async () => {
    const agent = new Agent(t.app);
    const { username, password } = await registerIndividual(agent);
    await agent.signIn(username, password);
    const res = await agent.post('/api/applications', { serviceCode: REG, form: registrationForm() });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('casework.real_name_level_too_low');
  });

  it('answers bad input next to each field, and writes nothing', async () => {
    const before = await outboxMessages(t);
    const { id, submitted } = await apply(
      a,
      REG,
      { city: '4401', address: '', mobile: '12345678901', reason: 'other', housing: 'rented' },
      { attach: false },
    );
    expect(submitted.statusCode).toBe(400);
    const errors = submitted.json().errors as { path: string; code: string; message: string }[];
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'form.address', code: 'field.required' }),
        expect.objectContaining({ path: 'form.startDate', code: 'field.required' }),
        expect.objectContaining({ path: 'form.mobile', code: 'field.mobile_invalid' }),
        expect.objectContaining({
          path: 'form.reasonNote',
          code: 'residence-registration.reason_note_required',
          message: '居住事由选择“其他”的，请说明具体事由',
        }),
      ]),
    );
    // the form right, the rented home's contract missing; then a start still to come
    const noProof = await apply(a, REG, registrationForm(), { attach: false });
    expect(noProof.submitted.json().errors).toEqual([
      expect.objectContaining({ path: 'attachments.housingProof', code: 'casework.attachment_required' }),
    ]);
    const future = await apply(a, REG, registrationForm({ startDate: '2026-01-06' }));
    expect(future.submitted.statusCode).toBe(400);
    expect(future.submitted.json().errors).toEqual([
      expect.objectContaining({
        path: 'form.startDate',
        code: 'residence-registration.start_date_in_future',
      }),
    ]);
    // all three are still drafts without a number, and nobody was told anything
    for (const draftId of [id, noProof.id, future.id]) {
      const mine = (await a.agent.get(`/api/applications/${draftId}`)).json();
      expect(mine).toMatchObject({ status: 'draft', number: null });
    }
    expect(await submittedCount(a.id)).toBe(0);
    expect((await outboxMessages(t)).length).toBe(before.length);
  });

  it('is submitted and approved by the reviewer; 站内信 and SMS tell the applicant', async () => {
    const { id, submitted } = await apply(a, REG, registrationForm({ mobile: a.mobile }));
    expect(submitted.statusCode, submitted.body).toBe(200);
    const number = submitted.json().number as string;
    expect(number).toMatch(/^JZDJ20260105\d{6}$/);
    expect(submitted.json()).toMatchObject({ status: 'pending' });

    // the reviewer's view names the city and masks the address and mobile
    const detail = (await reviewer.agent.get(`/api/console/applications/${id}`)).json();
    const fields = detail.formView.sections.flatMap(
      (section: { fields?: { path: string; value: string }[] }) => section.fields ?? [],
    );
    const value = (p: string) => fields.find((f: { path: string }) => f.path === p)?.value;
    expect(value('city')).toBe('广州');
    expect(value('housing')).toBe('租赁住房');
    expect(value('mobile')).toBe(`${a.mobile.slice(0, 3)}****${a.mobile.slice(-4)}`);
    expect(value('address')).not.toContain('1203');

    const res = await decide(id, 'approve');
    expect(res.statusCode, res.body).toBe(200);
    const mine = (await a.agent.get(`/api/applications/${id}`)).json();
    expect(mine.statusName['zh-CN']).toBe('审核通过');
    expect(mine.statusNote['zh-CN']).toContain('满半年（深圳除外）后可“申领居住证”');
    const inbox = await t.ctx.db
      .select()
      .from(inboxMessages)
      .where(and(eq(inboxMessages.accountId, a.id), eq(inboxMessages.applicationId, id)));
    expect(inbox.map((m) => m.title)).toEqual(
      expect.arrayContaining([`居住登记已提交（${number}）`, `居住登记审核通过（${number}）`]),
    );
    const sms = await outboxMessages(t, a.mobile);
    expect(sms.some((m) => m.payload?.text.includes(`居住登记${number}审核通过`))).toBe(true);
  });

  it('is returned for correction, resubmitted corrected, and refused with a reason', async () => {
    const { id, submitted } = await apply(a, REG, registrationForm({ city: '4406', mobile: a.mobile }));
    const number = submitted.json().number as string;
    expect((await decide(id, 'return')).statusCode).toBe(400); // a reason is required
    const returned = await decide(id, 'return', '居住地址不详细，请补充门牌号及房号');
    expect(returned.statusCode).toBe(200);
    const sms = await outboxMessages(t, a.mobile);
    expect(sms.some((m) => m.payload?.text.includes(`居住登记${number}被退回补正`))).toBe(true);

    const mine = (await a.agent.get(`/api/applications/${id}`)).json();
    expect(mine.status).toBe('returned');
    expect(mine.allowedActions.map((x: { action: string }) => x.action)).toEqual(['resubmit']);
    // the corrected form is checked as at the first submission, and a refusal changes nothing
    const wrong = await a.agent.post(`/api/applications/${id}/actions`, {
      action: 'resubmit',
      version: mine.version,
      form: { ...mine.form, address: '禅城区祖庙路 8 号 3 座 502 房', startDate: '2026-02-01' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([
      expect.objectContaining({
        path: 'form.startDate',
        code: 'residence-registration.start_date_in_future',
      }),
    ]);
    expect((await a.agent.get(`/api/applications/${id}`)).json()).toMatchObject({
      status: 'returned',
      version: mine.version,
    });
    const again = await a.agent.post(`/api/applications/${id}/actions`, {
      action: 'resubmit',
      version: mine.version,
      form: { ...mine.form, address: '禅城区祖庙路 8 号 3 座 502 房' },
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().status).toBe('pending');
    const seen = (await reviewer.agent.get(`/api/console/applications/${id}`)).json();
    const address = seen.formView.sections
      .flatMap((section: { fields?: { path: string; value: string }[] }) => section.fields ?? [])
      .find((f: { path: string }) => f.path === 'address');
    expect(address.value).toMatch(/^禅城区祖庙路/);

    const refused = await decide(id, 'reject', '申报人未在该地址实际居住');
    expect(refused.statusCode).toBe(200);
    const after = await outboxMessages(t, a.mobile);
    expect(after.some((m) => m.payload?.text.includes('原因：申报人未在该地址实际居住'))).toBe(true);
    // a refused registration is not one a permit may be applied for
    const offered = (await a.agent.get('/api/services/residence-permit/registrations')).json();
    expect(offered.map((r: { number: string }) => r.number)).not.toContain(number);
  });
});

describe('申领居住证', () => {
  let guangzhou: Applicant;
  let shenzhen: Applicant;
  let guangzhouRegistration: string;

  beforeAll(async () => {
    guangzhou = await applicant();
    shenzhen = await applicant();
    guangzhouRegistration = await approvedRegistration(guangzhou, { city: '4401' });
  });

  it('is refused without an approved registration, quoting the manual, and nothing is written', async () => {
    const nobody = await applicant();
    const told = (await outboxMessages(t, nobody.mobile)).length;
    const { id, submitted } = await apply(nobody, PERMIT, {
      registrationNumber: 'JZDJ20260105999999',
      collection: 'counter',
    });
    expect(submitted.statusCode).toBe(422);
    expect(submitted.json().errors).toEqual([
      expect.objectContaining({ path: 'form.registrationNumber', code: 'residence-permit.no_registration' }),
    ]);
    expect(submitted.json().errors[0].message).toContain(
      '“申报居住登记”审批通过，满半年〔深圳除外〕后“申领居住证”',
    );
    // another person's registration is not theirs to use
    const borrowed = await apply(nobody, PERMIT, {
      registrationNumber: guangzhouRegistration,
      collection: 'counter',
    });
    expect(borrowed.submitted.json().errors[0].code).toBe('residence-permit.no_registration');
    expect((await nobody.agent.get(`/api/applications/${id}`)).json()).toMatchObject({ status: 'draft' });
    expect(await submittedCount(nobody.id)).toBe(0);
    expect(await outboxMessages(t, nobody.mobile)).toHaveLength(told);
  });

  it('is refused before six months have passed since the approval', async () => {
    const offered = (await guangzhou.agent.get('/api/services/residence-permit/registrations')).json();
    expect(offered).toEqual([
      {
        number: guangzhouRegistration,
        city: '4401',
        cityName: { 'zh-CN': '广州', 'zh-HK': '廣州', en: 'Guangzhou' },
        approvedOn: '2026-01-05',
        eligibleFrom: '2026-07-05',
        eligible: false,
      },
    ]);
    const { submitted } = await apply(guangzhou, PERMIT, {
      registrationNumber: guangzhouRegistration,
      collection: 'counter',
    });
    expect(submitted.statusCode).toBe(422);
    expect(submitted.json().errors).toEqual([
      expect.objectContaining({
        path: 'form.registrationNumber',
        code: 'residence-permit.registration_too_recent',
      }),
    ]);
    expect(await submittedCount(guangzhou.id)).toBe(1); // the registration
  });

  it('is allowed at once in Shenzhen', async () => {
    const number = await approvedRegistration(shenzhen, {
      city: '4403',
      address: '南山区科技园南区 6 栋 1801 房',
    });
    const offered = (await shenzhen.agent.get('/api/services/residence-permit/registrations')).json();
    expect(offered[0]).toMatchObject({ number, eligibleFrom: '2026-01-05', eligible: true });
    const { submitted } = await apply(shenzhen, PERMIT, {
      registrationNumber: number,
      collection: 'counter',
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().number).toMatch(/^JZZ20260105\d{6}$/);
    // the SLA: 10 working days from 受理 (Mon 5 Jan → Mon 19 Jan)
    expect(submitted.json().dueAt.slice(0, 10)).toBe('2026-01-19');
    // one application at a time for the city
    const twice = await apply(shenzhen, PERMIT, { registrationNumber: number, collection: 'counter' });
    expect(twice.submitted.statusCode).toBe(409);
    expect(twice.submitted.json().errors[0].code).toBe('residence-permit.already_applied');
  });

  it('checks the collection: 邮寄 needs an address; the photo is required', async () => {
    const { submitted } = await apply(
      guangzhou,
      PERMIT,
      { registrationNumber: guangzhouRegistration, collection: 'post' },
      { attach: false },
    );
    expect(submitted.statusCode).toBe(400);
    expect(submitted.json().errors).toEqual([
      expect.objectContaining({
        path: 'form.postalAddress',
        code: 'residence-permit.postal_address_required',
      }),
    ]);
    const noPhoto = await apply(
      guangzhou,
      PERMIT,
      { registrationNumber: guangzhouRegistration, collection: 'counter' },
      { attach: false },
    );
    expect(noPhoto.submitted.json().errors).toEqual([
      expect.objectContaining({ path: 'attachments.photo', code: 'casework.attachment_required' }),
    ]);
    const pdf = await uploadFile(t, guangzhou.agent, {
      service: PERMIT,
      slot: 'photo',
      filename: 'photo.jpg',
      content: samplePdf(),
    });
    expect(pdf.statusCode).toBe(415);
  });

  it('is allowed once six months have passed, and its issue puts the permit into 我的证照', async () => {
    // 4 July: one day short of six months
    clock.set(new Date('2026-07-04T02:00:00Z'));
    await signInAgain(guangzhou, guangzhou.username, guangzhou.password);
    const early = await apply(guangzhou, PERMIT, {
      registrationNumber: guangzhouRegistration,
      collection: 'counter',
    });
    expect(early.submitted.json().errors[0].code).toBe('residence-permit.registration_too_recent');

    clock.advance(DAY);
    await signInAgain(guangzhou, guangzhou.username, guangzhou.password);
    reviewer.agent = new Agent(t.app);
    expect((await reviewer.agent.signIn(reviewer.row.username, STAFF_PASSWORD)).statusCode).toBe(200);
    const { id, submitted } = await apply(guangzhou, PERMIT, {
      registrationNumber: guangzhouRegistration,
      collection: 'post',
      postalAddress: '天河区体育西路 101 号 2 栋 1203 房',
      // what the browser says of the city is not believed
      city: '4403',
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const number = submitted.json().number as string;
    expect(submitted.json().statusName['zh-CN']).toBe('待审核');

    expect((await decide(id, 'issue')).statusCode).toBe(409); // not before the approval
    expect((await decide(id, 'approve')).statusCode).toBe(200);
    expect(await t.ctx.db.$count(licenceLinks, eq(licenceLinks.accountId, guangzhou.id))).toBe(0);
    const issued = await decide(id, 'issue');
    expect(issued.statusCode, issued.body).toBe(200);

    const [link, ...others] = await t.ctx.db
      .select()
      .from(licenceLinks)
      .where(eq(licenceLinks.accountId, guangzhou.id));
    expect(others).toEqual([]);
    expect(link).toMatchObject({
      type: 'residence_permit',
      city: '4401',
      source: 'platform',
      unlinkedAt: null,
    });
    const record = JSON.parse(t.ctx.crypto.decrypt(link!.recordEnc));
    expect(record).toEqual({
      number: `4401${number.slice(3)}`,
      holder: '李四',
      validFrom: '2026-07-05',
      validUntil: '2027-07-04',
      fields: { address: '天河区体育西路 101 号 2 栋 1203 房' },
    });

    const wallet = await guangzhou.agent.get('/api/licences');
    expect(wallet.statusCode).toBe(200);
    expect(wallet.json()).toEqual([
      expect.objectContaining({ id: link!.id, type: 'residence_permit', city: '4401', issuedHere: true }),
    ]);
    const mine = (await guangzhou.agent.get(`/api/applications/${id}`)).json();
    expect(mine).toMatchObject({ status: 'issued', final: true });
    // a valid permit is renewed by 签注, not applied for again
    const again = await apply(guangzhou, PERMIT, {
      registrationNumber: guangzhouRegistration,
      collection: 'counter',
    });
    expect(again.submitted.statusCode).toBe(409);
    expect(again.submitted.json().errors[0].code).toBe('residence-permit.already_issued');
    const sms = await outboxMessages(t, guangzhou.mobile);
    expect(sms.some((m) => m.payload?.text.includes(`居住证申领${number}审核通过`))).toBe(true);
    expect(sms.some((m) => m.payload?.text.includes(`居住证${number}已发放，有效期至2027-07-04`))).toBe(true);
  });

  it('refuses with a reason, by 站内信 and SMS, and issues nothing', async () => {
    await signInAgain(shenzhen, shenzhen.username, shenzhen.password);
    const number = (await shenzhen.agent.get('/api/services/residence-permit/registrations')).json()[0]
      .number as string;
    const [open] = await t.ctx.db
      .select()
      .from(applications)
      .where(
        and(
          eq(applications.applicantAccountId, shenzhen.id),
          eq(applications.serviceCode, PERMIT),
          eq(applications.status, 'pending'),
        ),
      );
    expect(open).toBeDefined();
    expect((await decide(open!.id, 'reject')).statusCode).toBe(400);
    const refused = await decide(open!.id, 'reject', '证件照片不符合要求（须近期免冠彩色正面照）');
    expect(refused.statusCode).toBe(200);
    const sms = await outboxMessages(t, shenzhen.mobile);
    expect(sms.some((m) => m.payload?.text.includes('审核不通过，原因：证件照片不符合要求'))).toBe(true);
    expect(await t.ctx.db.$count(licenceLinks, eq(licenceLinks.accountId, shenzhen.id))).toBe(0);
    // and may apply again with the same registration
    const { submitted } = await apply(shenzhen, PERMIT, {
      registrationNumber: number,
      collection: 'counter',
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
  });
});
