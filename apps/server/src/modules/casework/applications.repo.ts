import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { applicationEvents, applicationFiles, applications, staffRoles } from '../../db/schema/index.ts';

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
