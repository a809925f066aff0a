import { and, asc, eq, inArray, isNotNull, isNull, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { files } from '../../db/schema/files.ts';

export type FileRow = typeof files.$inferSelect;
export type NewFileRow = typeof files.$inferInsert;

export async function insertFile(db: Db, values: NewFileRow): Promise<FileRow> {
  const [row] = await db.insert(files).values(values).returning();
  return row!;
}

export async function findFileById(db: Db, id: string): Promise<FileRow | undefined> {
  const [row] = await db.select().from(files).where(eq(files.id, id));
  return row;
}

export async function deleteFileRow(db: Db, id: string): Promise<boolean> {
  const rows = await db.delete(files).where(eq(files.id, id)).returning({ id: files.id });
  return rows.length > 0;
}

/**
 * Gives an unclaimed file its owner, only if `tokenHash` is still its token: the condition
 * sits in the UPDATE, so of two claims with the same token exactly one succeeds.
 */
export async function claimFile(
  db: Db,
  id: string,
  tokenHash: string,
  /** null: claimed by an application made without an account (人工资料审核) */
  ownerAccountId: string | null,
): Promise<FileRow | undefined> {
  const [row] = await db
    .update(files)
    .set({ ownerAccountId, uploadTokenHash: null })
    .where(and(eq(files.id, id), isNull(files.ownerAccountId), eq(files.uploadTokenHash, tokenHash)))
    .returning();
  return row;
}

/**
 * Unclaimed anonymous uploads created before `before`, oldest first (never attached): no owner and
 * still their upload token (a guest application's claim clears the token).
 */
export async function findUnclaimedFiles(db: Db, before: Date, limit: number): Promise<FileRow[]> {
  return db
    .select()
    .from(files)
    .where(and(isNull(files.ownerAccountId), isNotNull(files.uploadTokenHash), lt(files.createdAt, before)))
    .orderBy(asc(files.createdAt))
    .limit(limit);
}

/** Deletes those of `ids` that are still unclaimed (a claim may have won meanwhile). */
export async function deleteUnclaimedFiles(db: Db, ids: string[]): Promise<FileRow[]> {
  if (ids.length === 0) return [];
  return db
    .delete(files)
    .where(and(inArray(files.id, ids), isNull(files.ownerAccountId), isNotNull(files.uploadTokenHash)))
    .returning();
}

/** Several files by id (their metadata), in no particular order. */
export async function findFilesByIds(db: Db, ids: readonly string[]): Promise<FileRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(files)
    .where(inArray(files.id, [...ids]));
}
