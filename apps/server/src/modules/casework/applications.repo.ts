import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { applicationEvents, applicationFiles, applications } from '../../db/schema/casework.ts';
import { auditInsertSql } from '../audit/index.ts';

export type ApplicationRow = typeof applications.$inferSelect;
export type NewApplicationRow = typeof applications.$inferInsert;
export type ApplicationEventRow = typeof applicationEvents.$inferSelect;
export type NewApplicationEventRow = typeof applicationEvents.$inferInsert;

export async function insertApplication(db: Db, values: NewApplicationRow): Promise<ApplicationRow> {
  const [row] = await db.insert(applications).values(values).returning();
  return row!;
}

export async function findApplicationById(db: Db, id: string): Promise<ApplicationRow | undefined> {
  const [row] = await db.select().from(applications).where(eq(applications.id, id));
  return row;
}

/**
 * Applies `changes` and adds one to the version, only if the row still has `expectedVersion`;
 * undefined when someone else changed it first.
 */
export async function updateApplicationIfVersion(
  db: Db,
  id: string,
  expectedVersion: number,
  changes: Partial<
    Pick<
      NewApplicationRow,
      | 'status'
      | 'number'
      | 'formEnc'
      | 'submittedAt'
      | 'dueAt'
      | 'remindAt'
      | 'remindedAt'
      | 'assigneeId'
      | 'assignedAt'
      | 'decidedAt'
      | 'updatedAt'
    >
  >,
): Promise<ApplicationRow | undefined> {
  const [row] = await db
    .update(applications)
    .set({ ...changes, version: sql`${applications.version} + 1` })
    .where(and(eq(applications.id, id), eq(applications.version, expectedVersion)))
    .returning();
  return row;
}

export async function insertApplicationEvent(
  db: Db,
  values: NewApplicationEventRow,
): Promise<ApplicationEventRow> {
  const [row] = await db.insert(applicationEvents).values(values).returning();
  return row!;
}

/** The timeline, oldest first. */
export async function findApplicationEvents(db: Db, applicationId: string): Promise<ApplicationEventRow[]> {
  return db
    .select()
    .from(applicationEvents)
    .where(eq(applicationEvents.applicationId, applicationId))
    .orderBy(asc(applicationEvents.at), asc(applicationEvents.id));
}

/** The files attached to an application, in the order they were added. */
export async function findApplicationFiles(db: Db, applicationId: string) {
  return db
    .select()
    .from(applicationFiles)
    .where(eq(applicationFiles.applicationId, applicationId))
    .orderBy(asc(applicationFiles.addedAt));
}

/**
 * A timeline event and its audit row in one statement (one round trip instead of two: a
 * decision's transaction is short, and its statements are most of its cost).
 */
export async function insertEventWithAudit(
  db: Db,
  event: NewApplicationEventRow & { at: Date },
  audit: { action: string; detail: Record<string, unknown>; ip: string | null },
): Promise<ApplicationEventRow> {
  type Row = {
    id: string | number;
    application_id: string;
    actor_id: string | null;
    action: string;
    from_status: string | null;
    to_status: string;
    reason: string | null;
    at: string | Date;
  };
  // node-postgres and PGlite both answer with `rows`
  const result = (await db.execute(sql`
    with audit as (
      ${auditInsertSql({
        actorId: event.actorId ?? null,
        action: audit.action,
        targetType: 'application',
        targetId: event.applicationId,
        detail: audit.detail,
        ip: audit.ip,
        at: event.at,
      })}
    )
    insert into ${applicationEvents} (application_id, actor_id, action, from_status, to_status, reason, at)
    values (${event.applicationId}, ${event.actorId ?? null}, ${event.action}, ${event.fromStatus ?? null},
            ${event.toStatus}, ${event.reason ?? null}, ${event.at.toISOString()}::timestamptz)
    returning id, application_id, actor_id, action, from_status, to_status, reason, at`)) as unknown as {
    rows: Row[];
  };
  const row = result.rows[0]!;
  return {
    id: Number(row.id),
    applicationId: row.application_id,
    actorId: row.actor_id,
    action: row.action,
    fromStatus: row.from_status,
    toStatus: row.to_status,
    reason: row.reason,
    at: new Date(row.at),
  };
}

/** How many open applications of a service each of these accounts holds (for 指派). */
export async function countOpenByAssignee(
  db: Db,
  serviceCode: string,
  ids: string[],
): Promise<Map<string | null, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: applications.assigneeId, n: count() })
    .from(applications)
    .where(
      and(
        inArray(applications.assigneeId, ids),
        eq(applications.serviceCode, serviceCode),
        isNull(applications.decidedAt),
      ),
    )
    .groupBy(applications.assigneeId);
  return new Map(rows.map((o) => [o.id, o.n]));
}

/** The reason given with the latest step `action` of an application (e.g. why it was returned). */
export async function findLatestReason(
  db: Db,
  applicationId: string,
  action: string,
): Promise<string | null> {
  const [event] = await db
    .select({ reason: applicationEvents.reason })
    .from(applicationEvents)
    .where(and(eq(applicationEvents.applicationId, applicationId), eq(applicationEvents.action, action)))
    .orderBy(desc(applicationEvents.at), desc(applicationEvents.id))
    .limit(1);
  return event?.reason ?? null;
}

/** An account's latest application to a service (its status and due date), if any. */
export async function findLatestApplicationOf(db: Db, accountId: string, serviceCode: string) {
  const [row] = await db
    .select()
    .from(applications)
    .where(and(eq(applications.applicantAccountId, accountId), eq(applications.serviceCode, serviceCode)))
    .orderBy(desc(applications.createdAt))
    .limit(1);
  return row;
}

/** An account's applications to a service, newest first (a service's own list of requests). */
export async function findApplicationsOf(db: Db, accountId: string, serviceCode: string, limit = 100) {
  return db
    .select()
    .from(applications)
    .where(and(eq(applications.applicantAccountId, accountId), eq(applications.serviceCode, serviceCode)))
    .orderBy(desc(applications.createdAt))
    .limit(limit);
}

/** The name and code the queues show for an application's applicant (after a correction). */
/** Gives a guest application its applicant (港车北上: the owner binds the HKID of HK TD's record). */
export async function setApplicantAccount(db: Db, id: string, accountId: string) {
  await db.update(applications).set({ applicantAccountId: accountId }).where(eq(applications.id, id));
}

export async function setApplicantIdentity(db: Db, id: string, name: string, code: string | null) {
  await db
    .update(applications)
    .set({ applicantName: name, applicantCode: code })
    .where(eq(applications.id, id));
}
