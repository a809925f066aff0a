import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { applicationEvents, applications } from '../../db/schema/index.ts';

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
    Pick<NewApplicationRow, 'status' | 'number' | 'submittedAt' | 'dueAt' | 'remindAt' | 'updatedAt'>
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
