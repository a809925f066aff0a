import type { Locale } from '@sw/contracts';
import { and, asc, eq, isNull, lte, notInArray, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { applications } from '../../db/schema/casework.ts';
import { runPeriodically } from '../../lib/periodic.ts';
import { findServiceStaff } from '../identity/index.ts';
import { notify, registerMessageTemplates } from '../messaging/index.ts';
import { shanghaiDay } from './calendar/working-days.ts';
import {
  type AnyServiceDefinition,
  DRAFT_STATUS,
  findCaseworkService,
  listCaseworkServices,
} from './service-definition.ts';

/** The one-working-day-left reminder (issue 4 §3) for the assignee and the supervisors. */
export const SLA_REMINDER_TEMPLATE = 'casework.sla_reminder';

registerMessageTemplates({
  [SLA_REMINDER_TEMPLATE]: {
    title: {
      'zh-CN': '办理时限提醒：{number} 仅剩 1 个工作日',
      'zh-HK': '辦理時限提醒：{number} 只餘 1 個工作天',
      en: 'Deadline reminder: one working day left for {number}',
    },
    body: {
      'zh-CN':
        '{applicant} 提交的「{service}」申请（受理编号 {number}）办理期限为 {dueDate}，距到期仅剩 1 个工作日，请及时处理。',
      'zh-HK':
        '{applicant} 提交的「{service}」申請（受理編號 {number}）辦理期限為 {dueDate}，距到期只餘 1 個工作天，請及時處理。',
      en: 'The application {number} for "{service}" from {applicant} is due on {dueDate}. One working day remains; please deal with it in time.',
    },
  },
});

const BATCH = 50;

/**
 * Whether an application in `state` waits for staff: not a final state, and some action from
 * it belongs to a reviewer or supervisor. While it is back with the applicant (退回补正) staff
 * cannot act, and the resubmission starts the SLA again anyway.
 */
export function awaitsStaff(definition: AnyServiceDefinition, state: string): boolean {
  if (state === DRAFT_STATUS || definition.finalStates.includes(state)) return false;
  return definition.actions.some((action) => {
    const step = definition.transition(state, action);
    return step !== null && step.role !== 'applicant';
  });
}

/** (service, state) pairs that get reminders, from the registered services. */
function remindableStates(): [string, string][] {
  const pairs: [string, string][] = [];
  for (const definition of listCaseworkServices()) {
    for (const state of definition.states)
      if (awaitsStaff(definition, state)) pairs.push([definition.code, state]);
  }
  return pairs;
}

/**
 * Sends the reminders that are due: applications whose `remind_at` has come, not reminded in
 * this SLA period (`reminded_at` null; the engine clears it when the SLA restarts), and
 * waiting for staff. Each batch is one transaction: the rows are locked with `FOR UPDATE SKIP
 * LOCKED` (so passes on several instances never take the same application), marked reminded,
 * and the in-site messages and e-mails written through notify() — the outbox worker delivers
 * them once the batch commits. Each application has its own savepoint: one that fails (logged)
 * sends nothing, stays unreminded for the next pass, and does not hold back the others.
 *
 * Recipients: the assignee, or — while nobody has taken it — every reviewer of the service,
 * and every supervisor of the service; each once. The version is not bumped: a reminder is no
 * change to the application, and must not turn an open decision form into a 409.
 * Returns how many applications were reminded.
 */
export async function runReminderPass(ctx: AppContext): Promise<number> {
  const pairs = remindableStates();
  if (pairs.length === 0) return 0;
  const remindable = sql`(${applications.serviceCode}, ${applications.status}) in (${sql.join(
    pairs.map(([service, state]) => sql`(${service}, ${state})`),
    sql`, `,
  )})`;
  // applications whose reminder failed in this pass (e.g. a recipient's address cannot be
  // read): left for the next pass, and not taken again by this one
  const failed: string[] = [];
  let total = 0;
  for (;;) {
    const batch = await ctx.db.transaction(async (tx) => {
      const now = ctx.clock.now();
      const due = await tx
        .select()
        .from(applications)
        .where(
          and(
            lte(applications.remindAt, now),
            isNull(applications.remindedAt),
            remindable,
            failed.length > 0 ? notInArray(applications.id, failed) : undefined,
          ),
        )
        .orderBy(asc(applications.remindAt))
        .limit(BATCH)
        .for('update', { skipLocked: true });
      const staff = staffLookup(tx);
      let reminded = 0;
      for (const application of due) {
        try {
          // a savepoint each: one application's failure does not hold back the others
          await tx.transaction((sp) => remind(ctx, sp, application, now, staff));
          reminded++;
        } catch (err) {
          failed.push(application.id);
          ctx.log.error({ err, applicationId: application.id }, 'SLA reminder failed');
        }
      }
      return { selected: due.length, reminded };
    });
    total += batch.reminded;
    if (batch.selected < BATCH) return total;
  }
}

async function remind(
  ctx: AppContext,
  tx: Db,
  application: typeof applications.$inferSelect,
  now: Date,
  staff: ReturnType<typeof staffLookup>,
) {
  const definition = findCaseworkService(application.serviceCode);
  if (!definition) return;
  await tx.update(applications).set({ remindedAt: now }).where(eq(applications.id, application.id));
  const first = application.assigneeId ? [application.assigneeId] : await staff(definition.code, 'reviewer');
  const recipients = new Set([...first, ...(await staff(definition.code, 'supervisor'))]);
  const params = (locale: Locale) => ({
    number: application.number ?? '',
    service: definition.name[locale],
    dueDate: application.dueAt ? shanghaiDay(application.dueAt) : '',
    applicant: application.applicantName,
  });
  for (const accountId of recipients) {
    await notify(ctx, tx, {
      accountId,
      template: SLA_REMINDER_TEMPLATE,
      params,
      channels: ['inbox', 'email'],
      category: 'reminder',
      applicationId: application.id,
    });
  }
}

/** Role holders per service, looked up once per batch. */
function staffLookup(tx: Db) {
  const cache = new Map<string, Promise<string[]>>();
  return (serviceCode: string, role: 'reviewer' | 'supervisor') => {
    const key = `${serviceCode}\u0000${role}`;
    let found = cache.get(key);
    if (!found) {
      found = findServiceStaff(tx, serviceCode, role);
      cache.set(key, found);
    }
    return found;
  };
}

/**
 * Runs the reminder pass every `everyMs` (60 s) until stopped; main.ts starts it beside the
 * outbox worker, tests call runReminderPass themselves. A pass still running when the next is
 * due is not doubled; `stop` waits for it.
 */
export function startReminderScheduler(ctx: AppContext, everyMs = 60_000): { stop(): Promise<void> } {
  return runPeriodically(
    everyMs,
    async () => {
      const n = await runReminderPass(ctx);
      if (n > 0) ctx.log.info({ reminded: n }, 'SLA reminders written');
    },
    (err) => ctx.log.error({ err }, 'SLA reminder pass failed'),
  );
}
