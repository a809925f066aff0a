import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications, auditEvents, inboxMessages } from '../src/db/schema/index.ts';
import { fixedClock } from '../src/lib/clock.ts';
import { insertAccount } from '../src/modules/identity/identity.repo.ts';
import { hashPassword } from '../src/modules/identity/passwords.ts';
import { grantStaffRole, type StaffRole } from '../src/modules/identity/staff-roles.ts';
import { sampleService } from './fixtures/sample-service.ts';
import { Agent, createTestApp, registerIndividual, type TestApp } from './helpers.ts';

// Monday 2 March 2026, 09:00 in Shanghai
const START = new Date('2026-03-02T01:00:00Z');
const clock = fixedClock(START);
let t: TestApp;
let applicant: Agent;
let other: Agent;
let reviewerA: Agent;
let reviewerB: Agent;
let supervisor: Agent;
let outsider: Agent;
let admin: Agent;
const ids: Record<string, string> = {};
const SERVICE = sampleService.code;

async function staff(username: string, grants: { role: StaffRole; serviceCode: string }[]) {
  const row = await insertAccount(t.ctx.db, {
    username,
    kind: 'staff',
    name: `员工${username}`,
    passwordHash: await hashPassword('Staff@2026'),
  });
  ids[username] = row.id;
  for (const g of grants)
    await grantStaffRole(t.ctx.db, { accountId: row.id, ...g, grantedBy: null, at: START });
  const agent = new Agent(t.app);
  const res = await agent.signIn(username, 'Staff@2026');
  if (res.statusCode !== 200) throw new Error(`staff sign-in ${res.body}`);
  return agent;
}

async function signInAs(username: string) {
  const agent = new Agent(t.app);
  const res = await agent.signIn(username, 'Staff@2026');
  if (res.statusCode !== 200) throw new Error(`sign-in ${res.body}`);
  return agent;
}

async function applicantAgent() {
  const agent = new Agent(t.app);
  const { username, password } = await registerIndividual(agent);
  await agent.signIn(username, password);
  return agent;
}

/** A submitted application of `by`, returning its detail. */
async function submitted(by: Agent, form: Record<string, unknown> = { subject: '测试申请', amount: 3 }) {
  const created = await by.post('/api/applications', { serviceCode: SERVICE, form });
  expect(created.statusCode, created.body).toBe(201);
  const res = await by.post(`/api/applications/${created.json().id}/submit`, {
    version: created.json().version,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  applicant = await applicantAgent();
  other = await applicantAgent();
  reviewerA = await staff('reviewera', [{ role: 'reviewer', serviceCode: SERVICE }]);
  reviewerB = await staff('reviewerb', [{ role: 'reviewer', serviceCode: SERVICE }]);
  supervisor = await staff('supervisor1', [{ role: 'supervisor', serviceCode: SERVICE }]);
  outsider = await staff('outsider1', [{ role: 'reviewer', serviceCode: 'another-service' }]);
  admin = await staff('platadmin', [{ role: 'platform_admin', serviceCode: '*' }]);
});
afterAll(async () => {
  await t.close();
});

describe('我的申请', () => {
  it('takes a draft through submission: number, due date, progress and timeline', async () => {
    const created = await applicant.post('/api/applications', {
      serviceCode: SERVICE,
      form: { subject: '草稿' },
    });
    expect(created.statusCode).toBe(201);
    const draft = created.json();
    expect(draft).toMatchObject({ status: 'draft', number: null, editable: true, progress: { current: 0 } });

    // an incomplete form is saved, but refused at submission with the field named
    const saved = await applicant.send('PUT', `/api/applications/${draft.id}/form`, {
      version: draft.version,
      form: { subject: '草稿', amount: 0 },
    });
    expect(saved.statusCode).toBe(200);
    const refused = await applicant.post(`/api/applications/${draft.id}/submit`, {
      version: saved.json().version,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors.map((e: { path: string }) => e.path)).toEqual(['form.amount']);

    const fixed = await applicant.send('PUT', `/api/applications/${draft.id}/form`, {
      version: saved.json().version,
      form: { subject: '正式申请', amount: 2 },
    });
    const res = await applicant.post(`/api/applications/${draft.id}/submit`, {
      version: fixed.json().version,
    });
    expect(res.statusCode).toBe(200);
    const detail = res.json();
    expect(detail.number).toMatch(/^TS20260302\d{6}$/);
    // two working days from Monday morning: the end of Wednesday in Shanghai
    expect(detail.dueAt).toBe('2026-03-04T15:59:59.999Z');
    expect(detail).toMatchObject({
      status: 'pending',
      progress: { current: 1, status: 'process' },
      editable: false,
    });
    expect(detail.timeline.map((e: { action: string }) => e.action)).toEqual(['create', 'submit']);
    expect(detail.timeline[1].actorLabel).toBe('申请人');

    const list = await applicant.get('/api/applications?status=open');
    expect(list.json().items.map((i: { id: string }) => i.id)).toContain(draft.id);
    const drafts = await applicant.get('/api/applications?status=draft');
    expect(drafts.json().items.map((i: { id: string }) => i.id)).not.toContain(draft.id);
    // another applicant neither lists nor opens it
    expect((await other.get('/api/applications')).json().items).toEqual([]);
    expect((await other.get(`/api/applications/${draft.id}`)).statusCode).toBe(404);
  });

  it('refuses a service the account kind may not use, and a staff member cannot apply', async () => {
    const res = await reviewerA.post('/api/applications', { serviceCode: SERVICE, form: {} });
    expect([res.statusCode, res.json().code]).toEqual([403, 'casework.applicant_kind_forbidden']);
    const unknown = await applicant.post('/api/applications', { serviceCode: 'nope', form: {} });
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'casework.service_unknown']);
  });
});

describe('console: claim, assign, decide', () => {
  it('runs the whole review with roles, assignment, 退回补正 and resubmission', async () => {
    const app = await submitted(applicant);
    const unassigned = await reviewerA.get(`/api/console/queue?view=unassigned&service=${SERVICE}&limit=100`);
    expect(unassigned.json().items.map((i: { id: string }) => i.id)).toContain(app.id);

    // a reviewer of another service sees nothing of it
    expect((await outsider.get(`/api/console/applications/${app.id}`)).statusCode).toBe(404);
    expect((await outsider.get('/api/console/queue?view=all')).json().items).toEqual([]);

    const detail = (await reviewerA.get(`/api/console/applications/${app.id}`)).json();
    expect(detail).toMatchObject({ canClaim: true, canRelease: false, canAssign: false });
    expect(detail.allowedActions.map((a: { action: string }) => a.action).sort()).toEqual([
      'approve',
      'reject',
      'return',
    ]);

    const claimed = await reviewerA.post(`/api/console/applications/${app.id}/claim`, {
      version: detail.version,
    });
    expect(claimed.statusCode).toBe(200);
    expect(claimed.json()).toMatchObject({
      assigneeId: ids.reviewera,
      assigneeName: '员工reviewera',
      canRelease: true,
    });
    const mine = await reviewerA.get('/api/console/queue?view=mine');
    expect(mine.json().items.map((i: { id: string }) => i.id)).toEqual([app.id]);

    // B can neither claim it nor decide on it
    const bClaim = await reviewerB.post(`/api/console/applications/${app.id}/claim`, {
      version: claimed.json().version,
    });
    expect([bClaim.statusCode, bClaim.json().code]).toEqual([409, 'casework.assigned_to_other']);
    const bDecide = await reviewerB.post(`/api/console/applications/${app.id}/decide`, {
      version: claimed.json().version,
      action: 'approve',
    });
    expect([bDecide.statusCode, bDecide.json().code]).toEqual([409, 'casework.assigned_to_other']);
    expect((await reviewerB.get(`/api/console/applications/${app.id}`)).json().allowedActions).toEqual([]);

    // the supervisor reassigns it to B, who is told in the inbox
    const assigned = await supervisor.post(`/api/console/applications/${app.id}/assign`, {
      version: claimed.json().version,
      assigneeId: ids.reviewerb,
    });
    expect(assigned.statusCode).toBe(200);
    expect(assigned.json().assigneeId).toBe(ids.reviewerb);
    const told = await t.ctx.db
      .select()
      .from(inboxMessages)
      .where(eq(inboxMessages.accountId, ids.reviewerb!));
    expect(told.map((m) => m.title)).toEqual([`新的待办：测试事项 ${app.number}`]);
    const notEligible = await supervisor.post(`/api/console/applications/${app.id}/assign`, {
      version: assigned.json().version,
      assigneeId: ids.outsider1,
    });
    expect([notEligible.statusCode, notEligible.json().errors[0].path]).toEqual([400, 'assigneeId']);

    // 退回补正 needs a reason
    const noReason = await reviewerB.post(`/api/console/applications/${app.id}/decide`, {
      version: assigned.json().version,
      action: 'return',
    });
    expect([noReason.statusCode, noReason.json().errors[0].path]).toEqual([400, 'reason']);
    const returned = await reviewerB.post(`/api/console/applications/${app.id}/decide`, {
      version: assigned.json().version,
      action: 'return',
      reason: '金额有误，请更正',
    });
    expect(returned.statusCode).toBe(200);
    expect(returned.json().status).toBe('returned');

    const mineNow = (await applicant.get(`/api/applications/${app.id}`)).json();
    expect(mineNow).toMatchObject({
      status: 'returned',
      editable: true,
      progress: { current: 1, status: 'error' },
    });
    expect(mineNow.allowedActions.map((a: { action: string }) => a.action)).toEqual(['resubmit']);
    expect(mineNow.timeline.at(-1)).toMatchObject({
      action: 'return',
      reason: '金额有误，请更正',
      actorLabel: '审核人员',
    });

    // a stale version is refused with the current state
    const stale = await applicant.post(`/api/applications/${app.id}/actions`, {
      version: mineNow.version - 1,
      action: 'resubmit',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      code: 'casework.version_conflict',
      current: { status: 'returned', version: mineNow.version },
    });

    const resubmitted = await applicant.post(`/api/applications/${app.id}/actions`, {
      version: mineNow.version,
      action: 'resubmit',
      form: { subject: '测试申请', amount: 5 },
    });
    expect(resubmitted.statusCode, resubmitted.body).toBe(200);
    expect(resubmitted.json()).toMatchObject({ status: 'pending', editable: false });

    const console = (await reviewerB.get(`/api/console/applications/${app.id}`)).json();
    // the form as the service's field metadata shows it
    expect(console.formView.sections).toEqual([
      {
        kind: 'fields',
        key: '',
        title: null,
        fields: [
          {
            path: 'subject',
            label: '事由',
            value: '测试申请',
            multiline: false,
            masked: false,
            revealable: false,
          },
          { path: 'amount', label: '金额', value: '5', multiline: false, masked: false, revealable: false },
        ],
      },
    ]);
    expect(console.statusTone).toBe('processing');
    expect(typeof console.workingDaysLeft).toBe('number');
    const approved = await reviewerB.post(`/api/console/applications/${app.id}/decide`, {
      version: console.version,
      action: 'approve',
    });
    expect(approved.json()).toMatchObject({ status: 'approved', final: true, assigneeId: ids.reviewerb });
    const after = (await reviewerB.get(`/api/console/applications/${app.id}`)).json();
    expect(after).toMatchObject({ canClaim: false, canRelease: false, allowedActions: [] });
    const final = (await applicant.get(`/api/applications/${app.id}`)).json();
    expect(final.progress).toEqual({ current: 2, status: 'finish' });
    expect(final.timeline.map((e: { action: string }) => e.action)).toEqual([
      'create',
      'submit',
      'claim',
      'assign',
      'return',
      'resubmit',
      'approve',
    ]);

    const audits = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.targetId, app.id));
    expect(audits.map((a) => a.action).sort()).toEqual([
      'application.assign',
      'application.claim',
      'application.decide',
      'application.decide',
      'application.decide',
      'application.submit',
    ]);
  });

  it('lets the assignee release an application back to the queue', async () => {
    const app = await submitted(applicant);
    const claimed = (
      await reviewerA.post(`/api/console/applications/${app.id}/claim`, { version: app.version })
    ).json();
    const released = await reviewerA.post(`/api/console/applications/${app.id}/release`, {
      version: claimed.version,
    });
    expect(released.json()).toMatchObject({ assigneeId: null, canClaim: true });
    const [row] = await t.ctx.db.select().from(applications).where(eq(applications.id, app.id));
    expect(row!.assigneeId).toBeNull();
  });
});

describe('console queues', () => {
  it('pages with a keyset, sorts, and filters by number, applicant and date', async () => {
    const numbers: string[] = [];
    for (let i = 0; i < 12; i++) {
      clock.advance(60_000);
      numbers.push((await submitted(other)).number);
    }
    clock.set(START);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await admin.get(
        `/api/console/queue?view=all&service=${SERVICE}&limit=5&order=asc${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(res.statusCode).toBe(200);
      seen.push(...res.json().items.map((i: { number: string }) => i.number));
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    // oldest first: these twelve were submitted a minute apart, after everything else
    expect(seen.slice(-12)).toEqual(numbers);
    const newest = await admin.get(`/api/console/queue?view=all&service=${SERVICE}&limit=3&order=desc`);
    expect(newest.json().items.map((i: { number: string }) => i.number)).toEqual(numbers.slice(-3).reverse());

    const one = await admin.get(`/api/console/queue?number=${numbers[3]}`);
    expect(one.json().items.map((i: { number: string }) => i.number)).toEqual([numbers[3]]);
    const prefix = await admin.get(`/api/console/queue?number=${numbers[0]!.slice(0, 10)}&limit=100`);
    expect(prefix.json().items.length).toBeGreaterThanOrEqual(12);
    const byName = await admin.get(`/api/console/queue?applicant=${encodeURIComponent('李')}&limit=100`);
    expect(byName.json().items.length).toBeGreaterThanOrEqual(12);
    const tomorrow = await admin.get('/api/console/queue?from=2026-03-03&to=2026-03-05');
    expect(tomorrow.json().items).toEqual([]);
    const today = await admin.get('/api/console/queue?from=2026-03-02&to=2026-03-02&limit=100');
    expect(today.json().items.length).toBeGreaterThanOrEqual(12);
    const bad = await admin.get('/api/console/queue?cursor=garbage');
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'request.cursor_invalid']);
  });

  it('shows overdue work once the due date has passed', async () => {
    const app = await submitted(applicant);
    clock.set(new Date('2026-03-06T01:00:00Z'));
    try {
      // sessions last 12 hours: sign in again on Friday
      const reviewerA = await signInAs('reviewera');
      const supervisor = await signInAs('supervisor1');
      const overdue = await reviewerA.get('/api/console/queue?view=overdue&limit=100');
      const item = overdue.json().items.find((i: { id: string }) => i.id === app.id);
      expect(item).toMatchObject({ overdue: true });
      const dashRes = await supervisor.get('/api/console/dashboard?from=2026-03-01&to=2026-03-06');
      expect(dashRes.statusCode, dashRes.body).toBe(200);
      const dash = dashRes.json();
      expect(dash.overdue).toBeGreaterThan(0);
      expect(dash.perDay.find((d: { day: string }) => d.day === '2026-03-02').submitted).toBeGreaterThan(12);
      expect(dash.sla[0]).toMatchObject({ serviceCode: SERVICE, decided: 1, onTime: 1, rate: 1 });
      expect(dash.byStatus.find((b: { status: string }) => b.status === 'approved').count).toBe(1);
    } finally {
      clock.set(START);
    }
  });

  it('exports the filtered queue as CSV and XLSX', async () => {
    const csv = await admin.get(`/api/console/queue/export?format=csv&service=${SERVICE}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="applications-\d{12}\.csv"/);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('申请编号,办理事项,申请人,申请人代码,状态,提交时间,办理时限,是否超期,办理人');
    expect(lines.length).toBeGreaterThan(12);
    expect(lines[1]).toMatch(/^TS20260302\d{6},测试事项,/);

    const xlsx = await admin.get(`/api/console/queue/export?format=xlsx&service=${SERVICE}`);
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('申请编号');
    expect(sheet.rowCount).toBe(lines.length);
  });
});

describe('staff accounts', () => {
  it('creates staff with roles, shows the initial password once, and changes roles (audited)', async () => {
    const created = await admin.post('/api/console/staff', {
      username: 'newreviewer',
      name: '赵六',
      mobile: '13912345678',
      email: 'zhao@example.com',
      grants: [{ role: 'reviewer', serviceCode: SERVICE }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const { staff: member, initialPassword } = created.json();
    expect(member).toMatchObject({
      mobileMasked: '139****5678',
      grants: [{ role: 'reviewer', serviceCode: SERVICE }],
    });
    expect(initialPassword).toEqual(expect.any(String));
    const fresh = new Agent(t.app);
    expect((await fresh.signIn('newreviewer', initialPassword)).statusCode).toBe(200);
    // the initial password must be changed before any work
    expect((await fresh.get('/api/console/queue')).json().code).toBe('auth.password_change_required');

    const changed = await admin.send('PUT', `/api/console/staff/${member.id}/grants`, {
      grants: [
        { role: 'supervisor', serviceCode: SERVICE },
        { role: 'reviewer', serviceCode: 'no-such-service' },
      ],
    });
    expect([changed.statusCode, changed.json().errors[0].path]).toEqual([400, 'grants.1.serviceCode']);
    const ok = await admin.send('PUT', `/api/console/staff/${member.id}/grants`, {
      grants: [{ role: 'supervisor', serviceCode: SERVICE }],
    });
    expect(ok.json().grants).toEqual([{ role: 'supervisor', serviceCode: SERVICE }]);
    const own = await admin.send('PUT', `/api/console/staff/${ids.platadmin}/grants`, { grants: [] });
    expect([own.statusCode, own.json().code]).toEqual([409, 'staff.cannot_remove_own_admin']);
    const audits = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.targetId, member.id));
    expect(audits.map((a) => a.action).sort()).toEqual(['staff.create', 'staff.set_grants']);

    const list = (await admin.get('/api/console/staff')).json();
    expect(list.map((s: { username: string }) => s.username)).toContain('newreviewer');
    // reviewers do not administer staff
    expect((await reviewerA.get('/api/console/staff')).statusCode).toBe(403);
    const attempt = await reviewerA.post('/api/console/staff', {
      username: 'sneaky01',
      name: '某人',
      mobile: '13912345679',
      email: 'sneaky@example.com',
      grants: [{ role: 'platform_admin', serviceCode: '*' }],
    });
    expect(attempt.statusCode).toBe(403);
  });

  it('lists the staff of a service for 指派, with their open work', async () => {
    const res = await supervisor.get(`/api/console/services/${SERVICE}/staff`);
    expect(res.statusCode).toBe(200);
    const a = res.json().find((s: { username: string }) => s.username === 'reviewera');
    expect(a).toMatchObject({ roles: ['reviewer'] });
    expect((await outsider.get(`/api/console/services/${SERVICE}/staff`)).statusCode).toBe(404);
    const services = (await supervisor.get('/api/console/services')).json();
    expect(services.map((s: { code: string }) => s.code)).toEqual([SERVICE]);
    expect(services[0].roles).toEqual(['supervisor']);
  });
});
