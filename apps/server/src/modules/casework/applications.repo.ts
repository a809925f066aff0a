import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  accounts,
  applicationEvents,
  applicationFiles,
  applications,
  auditEvents,
  files,
  inboxMessages,
  staffRoles,
} from '../../db/schema/index.ts';

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

/** The accounts holding `role` for a service. */
export async function findServiceStaff(
  db: Db,
  serviceCode: string,
  role: 'reviewer' | 'supervisor',
): Promise<string[]> {
  const rows = await db
    .select({ accountId: staffRoles.accountId })
    .from(staffRoles)
    .where(and(eq(staffRoles.serviceCode, serviceCode), eq(staffRoles.role, role)));
  return rows.map((r) => r.accountId);
}

/** The attachments of an application with their file data, in the order they were added. */
export async function findAttachmentDetails(db: Db, applicationId: string) {
  return db
    .select({
      fileId: files.id,
      slot: applicationFiles.slot,
      name: files.name,
      mime: files.mime,
      size: files.size,
      thumbnailKey: files.thumbnailKey,
    })
    .from(applicationFiles)
    .innerJoin(files, eq(files.id, applicationFiles.fileId))
    .where(eq(applicationFiles.applicationId, applicationId))
    .orderBy(asc(applicationFiles.addedAt), asc(files.id));
}

/** The in-site messages an application sent one account, newest first. */
export async function findApplicationMessages(db: Db, applicationId: string, accountId: string) {
  return db
    .select()
    .from(inboxMessages)
    .where(and(eq(inboxMessages.applicationId, applicationId), eq(inboxMessages.accountId, accountId)))
    .orderBy(desc(inboxMessages.createdAt));
}

/** Names of the accounts that acted on an application, for the console's timeline. */
export async function findAccountNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: accounts.id, name: accounts.name })
    .from(accounts)
    .where(inArray(accounts.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
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
      insert into ${auditEvents} (actor_id, action, target_type, target_id, detail, ip, at)
      values (${event.actorId ?? null}, ${audit.action}, 'application', ${event.applicationId},
              ${JSON.stringify(audit.detail)}::jsonb, ${audit.ip}, ${event.at.toISOString()}::timestamptz)
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
