import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications, auditEvents, files } from '../src/db/schema/index.ts';
import { insertAccount } from '../src/modules/identity/identity.repo.ts';
import { hashPassword } from '../src/modules/identity/passwords.ts';
import { grantStaffRole } from '../src/modules/identity/staff-roles.ts';
import { accountRecoveryRequests } from '../src/modules/services/account-recovery/schema.ts';
import {
  Agent,
  createTestApp,
  organizationBody,
  outboxMessages,
  registerIndividual,
  type TestApp,
  uploadFile,
} from './helpers.ts';

const SERVICE = 'account-recovery';
const STAFF_PASSWORD = 'Staff@2026';
const NEW_PASSWORD = 'Manual@2026';

let t: TestApp;
let dataDir: string;
let reviewer: Agent;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'sw-rgsh-'));
  t = await createTestApp({ env: { DATA_DIR: dataDir } });
  const staff = await insertAccount(t.ctx.db, {
    username: 'rgshreviewer',
    kind: 'staff',
    name: '账号审核员',
    passwordHash: await hashPassword(STAFF_PASSWORD),
  });
  await grantStaffRole(t.ctx.db, {
    accountId: staff.id,
    role: 'reviewer',
    serviceCode: SERVICE,
    grantedBy: null,
    at: new Date(),
  });
  reviewer = new Agent(t.app);
  expect((await reviewer.signIn('rgshreviewer', STAFF_PASSWORD)).statusCode).toBe(200);
});
afterAll(async () => {
  await t.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function jpeg(): Promise<Buffer> {
  return sharp(randomBytes(64 * 48 * 3), { raw: { width: 64, height: 48, channels: 3 } })
    .jpeg()
    .toBuffer();
}

async function upload(agent: Agent, slot: string, content?: Buffer, filename = 'scan.jpg') {
  const res = await uploadFile(t, agent, {
    service: SERVICE,
    slot,
    filename,
    content: content ?? (await jpeg()),
  });
  if (res.statusCode !== 201) return { res };
  const { id, uploadToken } = res.json() as { id: string; uploadToken: string };
  return { res, attachment: { slot, fileId: id, uploadToken } };
}

async function enterprise() {
  const agent = new Agent(t.app);
  const body = organizationBody();
  body.administrator.smsCode = await agent.smsCode(body.administrator.mobile as string);
  const res = await agent.post('/api/accounts/organization', body);
  if (res.statusCode !== 201) throw new Error(`${res.statusCode} ${res.body}`);
  return body;
}

let mobileSeq = 0;
function freshMobile() {
  mobileSeq++;
  return `135${String(Date.now() % 100000).padStart(5, '0')}${String(mobileSeq).padStart(3, '0')}`;
}

/** The claim of an administrator's password reset, as 「提交人工审核」 carries it over. */
function adminPasswordClaim(org: ReturnType<typeof organizationBody>, mobile: string) {
  return {
    purpose: 'password',
    accountType: 'enterprise_admin',
    username: org.administrator.username,
    mobile,
    enterpriseName: org.organization.name,
    enterpriseCode: org.organization.creditCode,
    legalRep: {
      name: org.organization.legalRepName,
      idType: 'resident_id',
      idNumber: org.organization.legalRepIdNumber,
      idValidFrom: org.organization.legalRepIdValidFrom,
      idValidTo: org.organization.legalRepIdValidTo,
    },
  };
}

async function submit(agent: Agent, form: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const slots = form.accountType === 'individual' ? ['idCard'] : ['idCard', 'businessLicence'];
  const attachments = [];
  for (const slot of slots) attachments.push((await upload(agent, slot)).attachment!);
  const smsCode = await agent.smsCode(String(form.mobile), 'recover');
  return agent.post('/api/services/account-recovery/requests', {
    form,
    smsCode,
    attachments,
    ...(form.purpose === 'password' ? { newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD } : {}),
    ...extra,
  });
}

async function applicationOf(number: string) {
  const [row] = await t.ctx.db.select().from(applications).where(eq(applications.number, number));
  return row!;
}

async function decide(number: string, action: string, reason?: string) {
  const row = await applicationOf(number);
  return reviewer.post(`/api/console/applications/${row.id}/decide`, {
    version: row.version,
    action,
    ...(reason ? { reason } : {}),
  });
}

async function smsTo(mobile: string) {
  return (await outboxMessages(t, mobile)).map((m) => m.payload?.text ?? '');
}

describe('人工资料审核 (seed 004 §2.3–§2.4) on the casework engine', () => {
  it('提交人工审核 for an administrator’s password: the reviewer compares, approves, the chosen password works', async () => {
    const org = await enterprise();
    const mobile = freshMobile();
    const agent = new Agent(t.app);
    const res = await submit(agent, adminPasswordClaim(org, mobile));
    expect(res.statusCode).toBe(201);
    const receipt = res.json();
    expect(receipt.number).toMatch(/^RGSH\d{8}\d{6}$/);
    expect(receipt.mobileMasked).toBe(`${mobile.slice(0, 3)}****${mobile.slice(-4)}`);
    expect((await smsTo(mobile)).some((s) => s.includes(receipt.number) && s.includes('已受理'))).toBe(true);

    const row = await applicationOf(receipt.number);
    expect(row.applicantAccountId).toBeNull();
    expect(row.status).toBe('pending');
    expect(row.applicantName).toBe(org.organization.name);
    // the password is only a hash, and not in the form
    const [request] = await t.ctx.db
      .select()
      .from(accountRecoveryRequests)
      .where(eq(accountRecoveryRequests.applicationId, row.id));
    expect(request!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(t.ctx.crypto.decrypt(row.formEnc)).not.toContain(NEW_PASSWORD);

    // the console shows it without an applicant account, with the side-by-side
    const detail = await reviewer.get(`/api/console/applications/${row.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().applicant).toBeNull();
    expect(detail.json().attachments.flatMap((s: { files: unknown[] }) => s.files)).toHaveLength(2);
    const review = await reviewer.get(
      `/api/console/services/account-recovery/applications/${row.id}/candidates`,
    );
    expect(review.statusCode).toBe(200);
    const view = review.json();
    expect(view.purpose).toBe('password');
    expect(view.passwordChosen).toBe(true);
    expect(view.candidates).toHaveLength(1);
    expect(view.candidates[0]).toMatchObject({ username: org.administrator.username, allSame: true });
    const byField = Object.fromEntries(
      view.candidates[0].checks.map((c: { field: string; same: boolean }) => [c.field, c.same]),
    );
    expect(byField).toMatchObject({
      enterpriseName: true,
      enterpriseCode: true,
      'legalRep.name': true,
      'legalRep.idNumber': true,
      mobile: false,
    });
    // masked on both sides
    const idRow = view.candidates[0].checks.find((c: { field: string }) => c.field === 'legalRep.idNumber');
    expect(idRow.claimed).not.toBe(org.organization.legalRepIdNumber);
    expect(idRow.onRecord).not.toBe(org.organization.legalRepIdNumber);

    // an applicant without an account cannot be looked at by anyone else
    const stranger = new Agent(t.app);
    const files_ = await t.ctx.db.select().from(files);
    const claimedFile = files_.find((f) => f.ownerAccountId === null && f.uploadTokenHash === null);
    expect(claimedFile).toBeDefined();
    expect((await stranger.get(`/api/files/${claimedFile!.id}`)).statusCode).toBe(404);

    const decided = await decide(receipt.number, 'approve');
    expect(decided.statusCode).toBe(200);
    const owner = new Agent(t.app);
    expect((await owner.signIn(org.administrator.username, 'Passw0rd!')).statusCode).toBe(401);
    expect((await owner.signIn(org.administrator.username, NEW_PASSWORD)).statusCode).toBe(200);
    const messages = await smsTo(mobile);
    expect(messages.some((s) => s.includes('已通过') && s.includes(org.administrator.username))).toBe(true);
    // the hash does not outlive the decision; the reset is audited on the account
    const [after] = await t.ctx.db
      .select()
      .from(accountRecoveryRequests)
      .where(eq(accountRecoveryRequests.applicationId, row.id));
    expect(after!.passwordHash).toBeNull();
    const audits = await t.ctx.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'account.password_reset_by_review'));
    expect(audits).toHaveLength(1);
  });

  it('找回用户名 by manual review for an individual: approval sends the username to the mobile given', async () => {
    const owner = new Agent(t.app);
    const { body, username } = await registerIndividual(owner);
    const mobile = freshMobile();
    const res = await submit(new Agent(t.app), {
      purpose: 'username',
      accountType: 'individual',
      mobile,
      person: {
        name: body.name,
        idType: body.idType,
        idNumber: body.idNumber,
        idValidFrom: body.idValidFrom,
        idValidTo: body.idValidTo,
      },
    });
    expect(res.statusCode).toBe(201);
    expect((await decide(res.json().number, 'approve')).statusCode).toBe(200);
    expect((await smsTo(mobile)).some((s) => s.includes(username))).toBe(true);
  });

  it('an 经办人 may claim an administrator’s username: the enterprise and its legal representative must agree', async () => {
    const org = await enterprise();
    const mobile = freshMobile();
    const { username: _username, ...claim } = adminPasswordClaim(org, mobile);
    const res = await submit(new Agent(t.app), {
      ...claim,
      purpose: 'username',
      enterpriseCode: org.organization.orgCode,
      person: {
        name: '钱经办',
        idType: 'resident_id',
        idNumber: '110105199001010011',
        idValidFrom: '20200101',
        idValidTo: '20400101',
      },
    });
    expect(res.statusCode).toBe(201);
    const row = await applicationOf(res.json().number);
    const review = (
      await reviewer.get(`/api/console/services/account-recovery/applications/${row.id}/candidates`)
    ).json();
    expect(review.candidates[0]).toMatchObject({ username: org.administrator.username, allSame: true });
    expect((await decide(res.json().number, 'approve')).statusCode).toBe(200);
    expect((await smsTo(mobile)).some((s) => s.includes(org.administrator.username))).toBe(true);
  });

  it('a rejection tells the reason by SMS and changes nothing; a claim matching no account cannot be approved', async () => {
    const org = await enterprise();
    const mobile = freshMobile();
    const claim = adminPasswordClaim(org, mobile);
    claim.legalRep.name = '不是法人';
    const res = await submit(new Agent(t.app), claim);
    expect(res.statusCode).toBe(201);
    const { number } = res.json();
    const row = await applicationOf(number);
    const review = (
      await reviewer.get(`/api/console/services/account-recovery/applications/${row.id}/candidates`)
    ).json();
    expect(review.candidates[0].allSame).toBe(false);

    const refused = await decide(number, 'approve');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('recovery.no_matching_account');
    expect((await applicationOf(number)).status).toBe('pending');

    const noReason = await decide(number, 'reject');
    expect(noReason.statusCode).toBe(400);
    const rejected = await decide(number, 'reject', '填写的信息与账号注册信息不一致');
    expect(rejected.statusCode).toBe(200);
    expect(
      (await smsTo(mobile)).some((s) => s.includes('未通过') && s.includes('填写的信息与账号注册信息不一致')),
    ).toBe(true);
    const owner = new Agent(t.app);
    expect((await owner.signIn(org.administrator.username, 'Passw0rd!')).statusCode).toBe(200);
  });

  it('an unknown username gets the same receipt: nothing tells whether an account exists', async () => {
    const org = organizationBody();
    const mobile = freshMobile();
    const res = await submit(new Agent(t.app), adminPasswordClaim(org, mobile));
    expect(res.statusCode).toBe(201);
    expect(Object.keys(res.json()).sort()).toEqual(['dueAt', 'mobileMasked', 'number']);
    const row = await applicationOf(res.json().number);
    const review = (
      await reviewer.get(`/api/console/services/account-recovery/applications/${row.id}/candidates`)
    ).json();
    expect(review.candidates).toEqual([]);
  });

  it('bad input: each a field error, nothing written', async () => {
    const org = await enterprise();
    const mobile = freshMobile();
    const agent = new Agent(t.app);
    const before = (await t.ctx.db.select().from(applications)).length;
    const claim = adminPasswordClaim(org, mobile);

    const smsCode = await agent.smsCode(mobile, 'recover');
    const idCard = (await upload(agent, 'idCard')).attachment!;
    const licence = (await upload(agent, 'businessLicence')).attachment!;
    const post = (body: Record<string, unknown>) =>
      agent.post('/api/services/account-recovery/requests', {
        form: claim,
        smsCode,
        attachments: [idCard, licence],
        newPassword: NEW_PASSWORD,
        confirmPassword: NEW_PASSWORD,
        ...body,
      });

    // no uploads
    const none = await post({ attachments: [] });
    expect(none.statusCode).toBe(400);
    expect(none.json().errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['attachments.idCard', 'attachments.businessLicence']),
    );
    // passwords that differ; a missing legal representative
    const mismatch = await post({ confirmPassword: 'Other@2026' });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().errors[0]).toMatchObject({
      path: 'confirmPassword',
      code: 'field.password_mismatch',
    });
    const { legalRep: _legalRep, ...withoutLegalRep } = claim;
    const missing = await post({ form: withoutLegalRep });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toContainEqual(expect.objectContaining({ path: 'form.legalRep' }));
    // a wrong code
    const wrongCode = await post({ smsCode: smsCode === '000000' ? '111111' : '000000' });
    expect(wrongCode.statusCode).toBe(400);
    expect(wrongCode.json().errors[0].path).toBe('smsCode');

    // a PDF, and a scan over 4 MB
    const pdf = await upload(
      agent,
      'idCard',
      Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
      'id.pdf',
    );
    expect(pdf.res.statusCode).toBe(415);
    expect(pdf.res.json().code).toBe('file.type_not_allowed');
    const big = await sharp(randomBytes(1800 * 1800 * 3), { raw: { width: 1800, height: 1800, channels: 3 } })
      .png({ compressionLevel: 0 })
      .toBuffer();
    expect(big.length).toBeGreaterThan(4 * 1024 * 1024);
    const tooBig = await upload(agent, 'idCard', big, 'id.png');
    expect(tooBig.res.statusCode).toBe(413);

    expect((await t.ctx.db.select().from(applications)).length).toBe(before);
  });
});
