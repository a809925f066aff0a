import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications, devOutbox, inboxMessages } from '../src/db/schema/index.ts';
import { devOutboxIndex } from '../src/integrations/dev-outbox.ts';
import { fixedClock } from '../src/lib/clock.ts';
import { createDraft, decide, submitApplication } from '../src/modules/casework/applications.service.ts';
import { computeSlaDates } from '../src/modules/casework/calendar/calendar.service.ts';
import { runReminderPass, SLA_REMINDER_TEMPLATE } from '../src/modules/casework/reminders.ts';
import type { WorkflowRole } from '../src/modules/casework/service-definition.ts';
import { type AccountRow, insertAccount } from '../src/modules/identity/identity.repo.ts';
import { grantStaffRole } from '../src/modules/identity/staff-roles.ts';
import { sampleService } from './fixtures/sample-service.ts';
import { createTestApp, outboxMessages, type TestApp } from './helpers.ts';

/** An instant written in Shanghai time. */
const cst = (local: string) => new Date(`${local}+08:00`);

// 10:00 on Thursday 30 April 2026, the day before 劳动节 (1–5 May off, Saturday 9 May worked)
const START = cst('2026-04-30T10:00:00');
const clock = fixedClock(START);
let t: TestApp;
let applicant: AccountRow;
let reviewerA: AccountRow;
let reviewerB: AccountRow;
let supervisor: AccountRow;
let supervisorNoEmail: AccountRow;

let seq = 0;
function account(kind: 'individual' | 'staff', name: string, email: string | null) {
  seq++;
  return insertAccount(t.ctx.db, {
    username: `reminder${kind}${seq}`,
    kind,
    name,
    ...(email ? { emailEnc: t.ctx.crypto.encrypt(email) } : {}),
  });
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  applicant = await account('individual', '张三', 'applicant@example.org');
  reviewerA = await account('staff', '审核员甲', 'reviewer.a@example.gov.cn');
  reviewerB = await account('staff', '审核员乙', 'reviewer.b@example.gov.cn');
  supervisor = await account('staff', '科长', 'supervisor@example.gov.cn');
  supervisorNoEmail = await account('staff', '副科长', null);
  const grant = (a: AccountRow, role: 'reviewer' | 'supervisor') =>
    grantStaffRole(t.ctx.db, {
      accountId: a.id,
      role,
      serviceCode: sampleService.code,
      grantedBy: null,
      at: START,
    });
  await grant(reviewerA, 'reviewer');
  await grant(reviewerB, 'reviewer');
  await grant(supervisor, 'supervisor');
  await grant(supervisorNoEmail, 'supervisor');
  // another service's staff hears nothing of this one
  await grantStaffRole(t.ctx.db, {
    accountId: (await account('staff', '他科审核员', 'other@example.gov.cn')).id,
    role: 'reviewer',
    serviceCode: 'another-service',
    grantedBy: null,
    at: START,
  });
});
afterAll(async () => {
  await t.close();
});

async function submitted() {
  const draft = await createDraft(t.ctx, {
    serviceCode: sampleService.code,
    applicant,
    form: { subject: '提醒测试', amount: 1 },
  });
  return (
    await submitApplication(t.ctx, { applicationId: draft.id, expectedVersion: 1, applicantId: applicant.id })
  ).application;
}

async function rowOf(id: string) {
  const [row] = await t.ctx.db.select().from(applications).where(eq(applications.id, id));
  return row!;
}

async function reminders(applicationId: string) {
  return t.ctx.db
    .select()
    .from(inboxMessages)
    .where(and(eq(inboxMessages.applicationId, applicationId), eq(inboxMessages.category, 'reminder')));
}

async function remindedAccounts(applicationId: string) {
  return (await reminders(applicationId)).map((m) => m.accountId).sort();
}

async function outboxTo(email: string) {
  return (await outboxMessages(t, email)).map((r) => ({ ...r, payload: r.payload! }));
}

function staff(a: AccountRow, ...roles: WorkflowRole[]) {
  return { id: a.id, roles: new Set(roles) };
}

describe('SLA reminders', () => {
  it('reminds the reviewers and supervisors once, at the start of the last working day, across 劳动节', async () => {
    clock.set(START);
    const app = await submitted();
    // two working days after 30 April skip 1–5 May: due at the end of Thursday 7 May, reminded from Wednesday 6 May
    const sla = await computeSlaDates(t.ctx, START, sampleService.slaWorkingDays);
    expect(app.dueAt).toEqual(sla.dueAt);
    expect(app.dueAt).toEqual(cst('2026-05-07T23:59:59.999'));
    expect(app.remindAt).toEqual(cst('2026-05-06T00:00:00'));

    clock.set(cst('2026-05-05T23:59:59.999')); // the last day of the holiday
    await runReminderPass(t.ctx);
    expect(await reminders(app.id)).toEqual([]);
    expect((await rowOf(app.id)).remindedAt).toBeNull();

    clock.set(cst('2026-05-06T00:00:00'));
    expect(await runReminderPass(t.ctx)).toBe(1);
    const row = await rowOf(app.id);
    expect(row.remindedAt).toEqual(clock.now());
    expect(row.version).toBe(app.version); // no change to the application itself

    // nobody has taken it: every reviewer of the service, and every supervisor; not the applicant
    expect(await remindedAccounts(app.id)).toEqual(
      [reviewerA.id, reviewerB.id, supervisor.id, supervisorNoEmail.id].sort(),
    );
    const [message] = (await reminders(app.id)).filter((m) => m.accountId === supervisor.id);
    expect(message).toMatchObject({
      title: `办理时限提醒：${app.number} 仅剩 1 个工作日`,
      readAt: null,
      createdAt: clock.now(),
    });
    expect(message!.body).toBe(
      `张三 提交的「测试事项」申请（受理编号 ${app.number}）办理期限为 2026-05-07，距到期仅剩 1 个工作日，请及时处理。`,
    );

    // e-mails through the outbox, to everyone with an address; delivered by the worker
    for (const email of [
      'reviewer.a@example.gov.cn',
      'reviewer.b@example.gov.cn',
      'supervisor@example.gov.cn',
    ]) {
      const rows = (await outboxTo(email)).filter((r) => r.payload.text.includes(app.number!));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ channel: 'email', status: 'pending' });
      expect(rows[0]!.payload.subject).toBe(message!.title);
    }
    expect(await outboxTo('other@example.gov.cn')).toEqual([]);
    expect((await outboxTo('applicant@example.org')).some((r) => r.payload.text.includes('工作日'))).toBe(
      false,
    );
    await t.ctx.messaging.deliverDue();
    const mails = await t.ctx.db
      .select()
      .from(devOutbox)
      .where(eq(devOutbox.toBidx, devOutboxIndex(t.ctx.crypto, 'supervisor@example.gov.cn')));
    expect(mails.filter((m) => m.text.includes(app.number!))).toHaveLength(1);

    // not twice
    clock.advance(3_600_000);
    expect(await runReminderPass(t.ctx)).toBe(0);
    expect(await reminders(app.id)).toHaveLength(4);
  });

  it('reminds the assignee instead of the other reviewers once someone has taken it', async () => {
    clock.set(START);
    const app = await submitted();
    await t.ctx.db.update(applications).set({ assigneeId: reviewerB.id }).where(eq(applications.id, app.id));
    clock.set(cst('2026-05-06T08:30:00'));
    expect(await runReminderPass(t.ctx)).toBe(1);
    expect(await remindedAccounts(app.id)).toEqual(
      [reviewerB.id, supervisor.id, supervisorNoEmail.id].sort(),
    );
  });

  it('sends one message to a supervisor who is also the assignee', async () => {
    clock.set(START);
    const app = await submitted();
    await t.ctx.db.update(applications).set({ assigneeId: supervisor.id }).where(eq(applications.id, app.id));
    clock.set(cst('2026-05-06T09:00:00'));
    await runReminderPass(t.ctx);
    expect(await remindedAccounts(app.id)).toEqual([supervisor.id, supervisorNoEmail.id].sort());
  });

  it('does not remind about a decided application (final state)', async () => {
    clock.set(START);
    const app = await submitted();
    await decide(t.ctx, {
      applicationId: app.id,
      expectedVersion: app.version,
      action: 'approve',
      actor: staff(reviewerA, 'reviewer'),
    });
    clock.set(cst('2026-05-06T10:00:00'));
    await runReminderPass(t.ctx);
    expect(await reminders(app.id)).toEqual([]);
    expect((await rowOf(app.id)).remindedAt).toBeNull();
  });

  it('does not remind while the application is back with the applicant (退回补正)', async () => {
    clock.set(START);
    const app = await submitted();
    await decide(t.ctx, {
      applicationId: app.id,
      expectedVersion: app.version,
      action: 'return',
      reason: '材料不全',
      actor: staff(reviewerA, 'reviewer'),
    });
    clock.set(cst('2026-05-06T10:00:00'));
    await runReminderPass(t.ctx);
    expect(await reminders(app.id)).toEqual([]);
  });

  it('is armed again when a resubmission restarts the SLA, and counts the 调休 Saturday', async () => {
    clock.set(START);
    const app = await submitted();
    clock.set(cst('2026-05-06T00:00:00'));
    await runReminderPass(t.ctx);
    expect(await reminders(app.id)).toHaveLength(4);

    const returned = await decide(t.ctx, {
      applicationId: app.id,
      expectedVersion: app.version,
      action: 'return',
      reason: '请补充说明',
      actor: staff(reviewerA, 'reviewer'),
    });
    // resubmitted at 10:00 on Thursday 7 May: Friday 8 May and the worked Saturday 9 May make two working days
    const resubmittedAt = cst('2026-05-07T10:00:00');
    clock.set(resubmittedAt);
    const resubmitted = await decide(t.ctx, {
      applicationId: app.id,
      expectedVersion: returned.application.version,
      action: 'resubmit',
      actor: staff(applicant, 'applicant'),
    });
    const sla = await computeSlaDates(t.ctx, resubmittedAt, sampleService.slaWorkingDays);
    expect(resubmitted.application).toMatchObject({
      remindedAt: null,
      dueAt: sla.dueAt,
      remindAt: sla.remindAt,
    });
    expect(sla.dueAt).toEqual(cst('2026-05-09T23:59:59.999'));
    expect(sla.remindAt).toEqual(cst('2026-05-08T00:00:00'));

    clock.set(cst('2026-05-07T23:59:59.999'));
    await runReminderPass(t.ctx);
    expect(await reminders(app.id)).toHaveLength(4);

    clock.set(cst('2026-05-08T00:00:00'));
    await runReminderPass(t.ctx);
    // the assignee (who returned it) and the supervisors, with the new due date
    const second = (await reminders(app.id)).filter((m) => m.createdAt.getTime() === clock.now().getTime());
    expect(second.map((m) => m.accountId).sort()).toEqual(
      [reviewerA.id, supervisor.id, supervisorNoEmail.id].sort(),
    );
    expect(second[0]!.body).toContain('办理期限为 2026-05-09');
    expect((await rowOf(app.id)).remindedAt).toEqual(clock.now());

    clock.advance(60_000);
    await runReminderPass(t.ctx);
    expect(await reminders(app.id)).toHaveLength(7);
  });

  it('two passes at once remind each application once (FOR UPDATE SKIP LOCKED)', async () => {
    clock.set(START);
    const apps = [];
    for (let i = 0; i < 12; i++) apps.push(await submitted());
    clock.set(cst('2026-05-06T11:00:00'));
    const counts = await Promise.all([
      runReminderPass(t.ctx),
      runReminderPass(t.ctx),
      runReminderPass(t.ctx),
    ]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(12);
    for (const app of apps) expect(await reminders(app.id)).toHaveLength(4);
  });

  it('a reminder whose message cannot be written stays due and does not hold back the others', async () => {
    clock.set(START);
    const broken = await submitted();
    const fine = await submitted();
    // an assignee whose stored e-mail cannot be decrypted
    const damaged = await insertAccount(t.ctx.db, {
      username: `reminderdamaged${++seq}`,
      kind: 'staff',
      name: '数据损坏',
      emailEnc: 'not-a-ciphertext',
    });
    await t.ctx.db.update(applications).set({ assigneeId: damaged.id }).where(eq(applications.id, broken.id));
    clock.set(cst('2026-05-06T12:00:00'));
    expect(await runReminderPass(t.ctx)).toBe(1);
    expect(await reminders(broken.id)).toEqual([]);
    expect((await rowOf(broken.id)).remindedAt).toBeNull();
    expect(await reminders(fine.id)).toHaveLength(4);
    expect(SLA_REMINDER_TEMPLATE).toBe('casework.sla_reminder');
  });
});
