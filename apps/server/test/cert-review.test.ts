import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, inboxMessages } from '../src/db/schema/index.ts';
import { fixedClock } from '../src/lib/clock.ts';
import { type AccountRow, insertAccount } from '../src/modules/identity/identity.repo.ts';
import { insertOrganization } from '../src/modules/identity/organizations/organization.repo.ts';
import { hashPassword } from '../src/modules/identity/passwords.ts';
import { grantStaffRole } from '../src/modules/identity/staff-roles.ts';
import { SAMPLE_CERTIFICATES } from '../src/modules/services/cert-review/samples.ts';
import { certReviewRecords } from '../src/modules/services/cert-review/schema.ts';
import certReview from '../src/modules/services/cert-review/service.ts';
import { Agent, createTestApp, outboxMessages, samplePdf, type TestApp, uploadFile } from './helpers.ts';

const clock = fixedClock(new Date('2026-06-01T02:00:00Z'));
const PASSWORD = 'Cert@2026x';
let t: TestApp;
let dataDir: string;

type Person = { row: AccountRow; agent: Agent };
let operator: Person;
let otherOperator: Person;
let admin: Person;
let reviewer: Person;
let platformAdmin: Person;
const OPERATOR_MOBILE = '13900139001';

const sample = SAMPLE_CERTIFICATES[0]!;
const HOLDER = { holderName: sample.holderName, holderCreditCode: sample.holderCreditCode };

/** A certificate as the operator types it: the first sample, unless told otherwise. */
function certForm(overrides: Record<string, unknown> = {}) {
  return {
    certType: sample.certType,
    certNo: sample.certNo,
    issuingAuthority: sample.issuingAuthority,
    issueDate: sample.issueDate,
    validFrom: sample.validFrom,
    validTo: sample.validTo,
    ...HOLDER,
    port: sample.port,
    goods: sample.goods.map((line) => ({ ...line })),
    ...overrides,
  };
}

let seq = 0;
async function person(
  kind: AccountRow['kind'],
  organizationId: string | null,
  mobile?: string,
): Promise<Person> {
  seq++;
  const username = `certuser${seq}`;
  const row = await insertAccount(t.ctx.db, {
    username,
    kind,
    name: `证书用户${seq}`,
    passwordHash: await hashPassword(PASSWORD),
    organizationId,
    ...(mobile
      ? {
          mobileEnc: t.ctx.crypto.encrypt(mobile),
          mobileBidx: t.ctx.crypto.blindIndex('mobile', mobile),
          mobileVerifiedAt: clock.now(),
        }
      : {}),
  });
  const agent = new Agent(t.app);
  const res = await agent.signIn(username, PASSWORD);
  if (res.statusCode !== 200) throw new Error(`sign-in: ${res.statusCode} ${res.body}`);
  return { row, agent };
}

/** Draft, scan, submit: the application as the operator's browser makes it. */
async function submitCertificate(who: Person, form: Record<string, unknown>) {
  const draft = await who.agent.post('/api/applications', { serviceCode: 'cert-review', form });
  expect(draft.statusCode, draft.body).toBe(201);
  const { id, version } = draft.json() as { id: string; version: number };
  const file = await uploadFile(t, who.agent, {
    service: 'cert-review',
    slot: 'scan',
    filename: '证书.pdf',
    content: samplePdf(),
  });
  expect(file.statusCode, file.body).toBe(201);
  const attached = await who.agent.post(`/api/applications/${id}/attachments`, {
    slot: 'scan',
    fileId: file.json().id,
  });
  expect(attached.statusCode, attached.body).toBe(200);
  const submitted = await who.agent.post(`/api/applications/${id}/submit`, { version });
  return { id, submitted };
}

async function settle() {
  await t.ctx.jobs.drain();
  await t.ctx.jobs.runDue();
}

async function checkOf(id: string) {
  const res = await reviewer.agent.get(`/api/console/services/cert-review/applications/${id}/check`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function decideAs(who: Person, id: string, action: string, reason?: string) {
  const detail = await who.agent.get(`/api/console/applications/${id}`);
  expect(detail.statusCode, detail.body).toBe(200);
  return who.agent.post(`/api/console/applications/${id}/decide`, {
    action,
    version: detail.json().version,
    ...(reason ? { reason } : {}),
  });
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'sw-cert-'));
  t = await createTestApp({ clock, env: { DATA_DIR: dataDir } });
  const org = await insertOrganization(t.ctx.db, {
    kind: 'enterprise',
    name: sample.holderName,
    creditCode: sample.holderCreditCode,
    orgCode: sample.holderCreditCode.slice(8, 17),
  });
  const otherOrg = await insertOrganization(t.ctx.db, { kind: 'enterprise', name: '另一家贸易公司' });
  operator = await person('enterprise_operator', org.id, OPERATOR_MOBILE);
  otherOperator = await person('enterprise_operator', otherOrg.id);
  admin = await person('enterprise_admin', org.id);
  reviewer = await person('staff', null);
  platformAdmin = await person('staff', null);
  const at = clock.now();
  await grantStaffRole(t.ctx.db, {
    accountId: reviewer.row.id,
    role: 'reviewer',
    serviceCode: 'cert-review',
    grantedBy: null,
    at,
  });
  await grantStaffRole(t.ctx.db, {
    accountId: platformAdmin.row.id,
    role: 'platform_admin',
    serviceCode: '*',
    grantedBy: null,
    at,
  });
});

afterAll(async () => {
  await t.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('智慧审证 in the catalogue', () => {
  it('is listed under 地方特色应用 → 关企互动, with its guide and the scan rules', async () => {
    const list = await new Agent(t.app).get('/api/services?localFeature=customs-enterprise');
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual([
      expect.objectContaining({
        code: 'cert-review',
        name: expect.objectContaining({ 'zh-CN': '智慧审证' }),
        localFeature: expect.objectContaining({ name: expect.objectContaining({ 'zh-CN': '关企互动' }) }),
        audience: ['enterprise_operator'],
        slaWorkingDays: 2,
        link: '/apps/cert-review',
      }),
    ]);
    const guide = (await new Agent(t.app).get('/api/services/cert-review')).json();
    expect(guide.guide.materials[0]).toMatchObject({
      types: ['application/pdf', 'image/jpeg', 'image/png'],
      maxCount: 3,
      required: true,
    });
    expect(guide.states.map((s: { name: { 'zh-CN': string } }) => s.name['zh-CN'])).toEqual([
      '未审核',
      '审核通过',
      '审核不通过',
      '数据有误',
    ]);
  });

  it('names its reviewers 海关审核员 in the console', async () => {
    const res = await reviewer.agent.get('/api/console/services');
    const service = (res.json() as { code: string; roleNames: { reviewer: { 'zh-CN': string } } }[]).find(
      (s) => s.code === 'cert-review',
    );
    expect(service?.roleNames.reviewer['zh-CN']).toBe('海关审核员');
  });
});

describe('添加证书', () => {
  it('prefills the holder from the operator’s organization and lists the certificate types', async () => {
    const prefill = await operator.agent.get('/api/services/cert-review/prefill');
    expect(prefill.json()).toEqual(HOLDER);
    const types = (await operator.agent.get('/api/services/cert-review/cert-types')).json();
    expect(types.map((type: { name: { 'zh-CN': string } }) => type.name['zh-CN'])).toEqual([
      '进口许可证',
      '出口许可证',
      '自动进口许可证',
      '两用物项和技术进出口许可证',
      '农药进出口登记管理放行通知单',
      '野生动植物允许进出口证明书',
    ]);
  });

  it('refuses administrators: they do no business', async () => {
    const prefill = await admin.agent.get('/api/services/cert-review/prefill');
    expect(prefill.statusCode).toBe(403);
    expect(prefill.json().code).toBe('account.admin_no_business');
    const draft = await admin.agent.post('/api/applications', {
      serviceCode: 'cert-review',
      form: certForm(),
    });
    expect(draft.statusCode).toBe(403);
  });

  it('answers bad input with a coded error next to each field, and writes nothing', async () => {
    const before = await t.ctx.db.$count(certReviewRecords);
    const { submitted } = await submitCertificate(
      operator,
      certForm({
        certType: 'no-such-type',
        validFrom: '2026-12-31',
        validTo: '2026-01-01',
        goods: [
          { hsCode: '8703231', name: '小轿车', quantity: 10, unit: 'vehicle' },
          { hsCode: '8703231900', name: '越野车', unit: 'vehicle' },
        ],
      }),
    );
    expect(submitted.statusCode).toBe(400);
    const errors = submitted.json().errors as { path: string; code: string; message: string }[];
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'form.validTo', code: 'cert-review.validity_end_before_start' }),
        expect.objectContaining({
          path: 'form.goods.0.hsCode',
          code: 'cert-review.hs_code_invalid',
          message: '商品编码应为 8 至 10 位数字',
        }),
        expect.objectContaining({ path: 'form.goods.1.quantity', code: 'cert-review.quantity_required' }),
      ]),
    );
    // the type is data: checked once the form is otherwise right
    const typed = await submitCertificate(operator, certForm({ certType: 'no-such-type' }));
    expect(typed.submitted.statusCode).toBe(400);
    expect(typed.submitted.json().errors).toEqual([
      expect.objectContaining({ path: 'form.certType', code: 'cert-review.cert_type_unknown' }),
    ]);
    expect(await t.ctx.db.$count(certReviewRecords)).toBe(before);
  });

  it('takes only a PDF, JPG or PNG scan, recognised by its content', async () => {
    const res = await uploadFile(t, operator.agent, {
      service: 'cert-review',
      slot: 'scan',
      filename: 'scan.pdf',
      content: Buffer.from('GIF89a not a certificate at all, whatever the name says'),
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('file.type_not_allowed');
  });
});

describe('联网核查 and the reviewer’s comparison', () => {
  it('says 一致 when the authority holds the same certificate', async () => {
    const { id, submitted } = await submitCertificate(operator, certForm());
    expect(submitted.statusCode, submitted.body).toBe(200);
    await settle();
    const check = await checkOf(id);
    expect(check).toMatchObject({ status: 'done', outcome: 'match', simulated: true, changes: [] });
    expect(check.rows.every((row: { same: boolean }) => row.same)).toBe(true);
  });

  it('says 不一致 and marks the differing fields', async () => {
    const goods = [{ ...sample.goods[0]!, quantity: 12 }];
    const { id } = await submitCertificate(operator, certForm({ validTo: '2027-01-31', goods }));
    await settle();
    const check = await checkOf(id);
    expect(check.outcome).toBe('mismatch');
    expect(
      check.rows.filter((row: { same: boolean }) => !row.same).map((row: { path: string }) => row.path),
    ).toEqual(['validTo', 'goods.0.quantity']);
  });

  it('says 未找到 when the authority has no such certificate', async () => {
    const { id } = await submitCertificate(operator, certForm({ certNo: '26-AA-999999' }));
    await settle();
    expect((await checkOf(id)).outcome).toBe('not_found');
  });

  it('accepts the application while the authority is down, marks it 未核查 and retries', async () => {
    await operator.agent.send('PUT', '/api/dev/cert-authority/outage', { down: true });
    const { id, submitted } = await submitCertificate(operator, certForm());
    expect(submitted.statusCode).toBe(200);
    await settle();
    expect(await checkOf(id)).toMatchObject({ status: 'unavailable', outcome: null });
    await operator.agent.send('PUT', '/api/dev/cert-authority/outage', { down: false });
    clock.advance(60_000); // past the job's first backoff
    await t.ctx.jobs.runDue();
    expect(await checkOf(id)).toMatchObject({ status: 'done', outcome: 'match' });
  });

  it('shows a later change at the authority on the open application', async () => {
    const second = SAMPLE_CERTIFICATES[1]!;
    const { id } = await submitCertificate(operator, {
      ...second,
      certType: second.certType,
      goods: second.goods.map((line) => ({ ...line })),
    });
    await settle();
    expect((await checkOf(id)).outcome).toBe('match');
    const changed = await operator.agent.send('PUT', '/api/dev/cert-authority/certificates', {
      ...second,
      validTo: '2026-09-30',
    });
    expect(changed.statusCode).toBe(204);
    // an hour later (without moving the clock past everyone's session), the timer asks again
    await t.ctx.db
      .update(certReviewRecords)
      .set({ nextCheckAt: clock.now() })
      .where(eq(certReviewRecords.applicationId, id));
    await certReview.timers![0]!.run(t.ctx);
    await settle();
    const check = await checkOf(id);
    expect(check.outcome).toBe('mismatch');
    expect(check.changes).toEqual([
      expect.objectContaining({ path: 'validTo', before: '2027-03-01', after: '2026-09-30' }),
    ]);
    expect(check.changedAt).not.toBeNull();
  });

  it('asks again on 重新核查, audited', async () => {
    const { id } = await submitCertificate(operator, certForm());
    await settle();
    const res = await reviewer.agent.post(`/api/console/services/cert-review/applications/${id}/check`);
    expect(res.statusCode).toBe(202);
    const audits = await t.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'cert-review.recheck'), eq(auditEvents.targetId, id)));
    expect(audits).toHaveLength(1);
  });

  it('shows the comparison to this service’s staff only', async () => {
    const { id } = await submitCertificate(operator, certForm());
    const res = await operator.agent.get(`/api/console/services/cert-review/applications/${id}/check`);
    expect(res.statusCode).toBe(403);
  });
});

describe('decisions, 查询 and 重新添加', () => {
  it('approves: 审核通过 with the manual’s explanation, by 站内信 and SMS', async () => {
    const { id } = await submitCertificate(operator, certForm());
    const res = await decideAs(reviewer, id, 'approve');
    expect(res.statusCode, res.body).toBe(200);
    const mine = (await operator.agent.get(`/api/applications/${id}`)).json();
    expect(mine.statusName['zh-CN']).toBe('审核通过');
    expect(mine.statusNote['zh-CN']).toBe('请企业携带证书前往海关现场办理后续手续。');
    const inbox = await t.ctx.db
      .select()
      .from(inboxMessages)
      .where(and(eq(inboxMessages.accountId, operator.row.id), eq(inboxMessages.applicationId, id)));
    expect(inbox.map((m) => m.title)).toEqual(
      expect.arrayContaining([expect.stringContaining('证书申请审核通过')]),
    );
    const sms = await outboxMessages(t, OPERATOR_MOBILE);
    expect(sms.some((m) => m.payload?.text.includes(`${mine.number}审核通过`))).toBe(true);
  });

  it('needs a reason for 审核不通过 and 数据有误', async () => {
    const { id } = await submitCertificate(operator, certForm());
    const res = await decideAs(reviewer, id, 'reject');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ path: 'reason', code: 'field.required' });
    const rejected = await decideAs(reviewer, id, 'reject', '证书信息与发证机关联网核查数据不一致');
    expect(rejected.statusCode).toBe(200);
    expect((await operator.agent.get(`/api/applications/${id}`)).json().statusNote['zh-CN']).toContain(
      '请核实后重新添加证书申请',
    );
  });

  it('re-adds a 数据有误 one as a new, prefilled application; the old one stays final', async () => {
    const { id } = await submitCertificate(operator, certForm({ certNo: '26-AA-000124' }));
    const number = (await operator.agent.get(`/api/applications/${id}`)).json().number as string;
    expect((await decideAs(reviewer, id, 'mark_data_error', '证书编号填写有误')).statusCode).toBe(200);

    expect(
      (await otherOperator.agent.post(`/api/services/cert-review/records/${id}/re-add`)).statusCode,
    ).toBe(404);
    const again = await operator.agent.post(`/api/services/cert-review/records/${id}/re-add`);
    expect(again.statusCode, again.body).toBe(201);
    const draftId = again.json().applicationId as string;
    const draft = (await operator.agent.get(`/api/applications/${draftId}`)).json();
    expect(draft.status).toBe('draft');
    expect(draft.form).toMatchObject({
      certNo: '26-AA-000124',
      readdedFrom: id,
      holderName: sample.holderName,
    });

    const fixed = await operator.agent.send('PUT', `/api/applications/${draftId}/form`, {
      version: draft.version,
      form: { ...draft.form, certNo: sample.certNo },
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    const file = await uploadFile(t, operator.agent, {
      service: 'cert-review',
      slot: 'scan',
      filename: 'scan.pdf',
      content: samplePdf(),
    });
    await operator.agent.post(`/api/applications/${draftId}/attachments`, {
      slot: 'scan',
      fileId: file.json().id,
    });
    const submitted = await operator.agent.post(`/api/applications/${draftId}/submit`, {
      version: fixed.json().version,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    await settle();
    expect((await checkOf(draftId)).outcome).toBe('match');
    expect((await decideAs(reviewer, draftId, 'approve')).statusCode).toBe(200);

    const records = (await operator.agent.get(`/api/services/cert-review/records?number=${number}`)).json();
    expect(records.items).toEqual([expect.objectContaining({ status: 'data_error', canReAdd: true })]);
    const all = (await operator.agent.get('/api/services/cert-review/records?status=approved')).json();
    expect(all.items.find((item: { applicationId: string }) => item.applicationId === draftId)).toMatchObject(
      {
        applicationId: draftId,
        readdedFromNumber: number,
        canReAdd: false,
      },
    );
    expect(
      (await operator.agent.post(`/api/services/cert-review/records/${draftId}/re-add`)).statusCode,
    ).toBe(409);
  });

  it('queries by certificate type and submission days', async () => {
    const byType = (
      await operator.agent.get('/api/services/cert-review/records?certType=auto-import-licence')
    ).json();
    expect(byType.items.length).toBeGreaterThan(0);
    expect(byType.items.every((item: { certType: string }) => item.certType === 'auto-import-licence')).toBe(
      true,
    );
    const none = (
      await operator.agent.get('/api/services/cert-review/records?from=2030-01-01&to=2030-01-02')
    ).json();
    expect(none.items).toEqual([]);
    const backwards = await operator.agent.get(
      '/api/services/cert-review/records?from=2026-06-02&to=2026-06-01',
    );
    expect(backwards.statusCode).toBe(400);
    expect((await otherOperator.agent.get('/api/services/cert-review/records')).json().items).toEqual([]);
  });

  it('shows the reviewer the form from its field metadata', async () => {
    const { id } = await submitCertificate(operator, certForm());
    const detail = (await reviewer.agent.get(`/api/console/applications/${id}`)).json();
    const fields = detail.formView.sections.flatMap(
      (section: { fields?: { path: string; label: string; value: string }[] }) => section.fields ?? [],
    );
    const byPath = (p: string) => fields.find((f: { path: string }) => f.path === p);
    expect(byPath('certNo')).toMatchObject({ label: '证书编号', value: sample.certNo });
    expect(byPath('certTypeName')?.value).toBe('进口许可证');
    expect(byPath('port')?.value).toBe('广州海关');
    expect(byPath('certType')).toBeUndefined();
  });
});

describe('certificate types are data platform admins edit', () => {
  it('adds and withdraws a type; a withdrawn one can no longer be chosen', async () => {
    const body = {
      code: 'cites-permit',
      name: { 'zh-CN': '濒危物种允许进出口证明书' },
      active: true,
      sort: 70,
    };
    expect((await reviewer.agent.post('/api/console/services/cert-review/cert-types', body)).statusCode).toBe(
      403,
    );
    const added = await platformAdmin.agent.post('/api/console/services/cert-review/cert-types', body);
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().name.en).toBe('濒危物种允许进出口证明书');
    const twice = await platformAdmin.agent.post('/api/console/services/cert-review/cert-types', body);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().errors[0]).toMatchObject({ path: 'code', code: 'cert-review.cert_type_code_taken' });

    const withdrawn = await platformAdmin.agent.send(
      'PUT',
      '/api/console/services/cert-review/cert-types/cites-permit',
      { ...body, active: false },
    );
    expect(withdrawn.statusCode).toBe(200);
    const offered = (await operator.agent.get('/api/services/cert-review/cert-types')).json();
    expect(offered.some((type: { code: string }) => type.code === 'cites-permit')).toBe(false);
    const { submitted } = await submitCertificate(operator, certForm({ certType: 'cites-permit' }));
    expect(submitted.json().errors[0]).toMatchObject({
      path: 'form.certType',
      code: 'cert-review.cert_type_unknown',
    });
  });
});

describe('decisions in the operator’s language', () => {
  it('tells an operator who uses English in English, by 站内信 and SMS', async () => {
    const switched = await operator.agent.send('PUT', '/api/account/settings/locale', { locale: 'en' });
    expect(switched.statusCode).toBe(200);
    try {
      const { id } = await submitCertificate(operator, certForm());
      expect((await decideAs(reviewer, id, 'mark_data_error', '证书编号填写有误')).statusCode).toBe(200);
      const messages = await t.ctx.db
        .select()
        .from(inboxMessages)
        .where(and(eq(inboxMessages.applicationId, id), eq(inboxMessages.accountId, operator.row.id)));
      // the receipt and the decision, both in English
      expect(messages.map((m) => m.title)).toEqual(
        expect.arrayContaining([expect.stringMatching(/^Certificate application submitted \(ZHSZ\d{14}\)$/)]),
      );
      const message = messages.find((m) => m.title.includes('data error'));
      expect(message?.title).toMatch(/^Certificate application: data error \(ZHSZ\d{14}\)$/);
      expect(message?.body).toContain('Reason: 证书编号填写有误');
      const sms = await outboxMessages(t, OPERATOR_MOBILE);
      expect(sms.some((m) => m.payload?.text.startsWith('[Single Window] Certificate application'))).toBe(
        true,
      );
    } finally {
      await operator.agent.send('PUT', '/api/account/settings/locale', { locale: 'zh-CN' });
    }
  });
});
