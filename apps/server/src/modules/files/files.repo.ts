import { and, asc, eq, inArray, isNull, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { accounts, applicationFiles, applications, files } from '../../db/schema/index.ts';
import { DRAFT_STATUS } from '../casework/service-definition.ts';

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

/** The organization of the account that owns a file (null for a person, or an unclaimed file). */
export async function findOwnerOrganization(db: Db, ownerAccountId: string): Promise<string | null> {
  const [row] = await db
    .select({ organizationId: accounts.organizationId })
    .from(accounts)
    .where(eq(accounts.id, ownerAccountId));
  return row?.organizationId ?? null;
}

/**
 * The services of the submitted applications a file is attached to: staff of those services
 * may see it. A draft is the applicant's alone, so it does not count.
 */
export async function findServicesUsingFile(db: Db, fileId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ serviceCode: applications.serviceCode })
    .from(applicationFiles)
    .innerJoin(applications, eq(applications.id, applicationFiles.applicationId))
    .where(and(eq(applicationFiles.fileId, fileId), ne(applications.status, DRAFT_STATUS)));
  return rows.map((r) => r.serviceCode);
}

export async function isFileAttached(db: Db, fileId: string): Promise<boolean> {
  return (await db.$count(applicationFiles, eq(applicationFiles.fileId, fileId))) > 0;
}

/**
 * Gives an unclaimed file its owner, only if `tokenHash` is still its token: the condition
 * sits in the UPDATE, so of two claims with the same token exactly one succeeds.
 */
export async function claimFile(
  db: Db,
  id: string,
  tokenHash: string,
  ownerAccountId: string,
): Promise<FileRow | undefined> {
  const [row] = await db
    .update(files)
    .set({ ownerAccountId, uploadTokenHash: null })
    .where(and(eq(files.id, id), isNull(files.ownerAccountId), eq(files.uploadTokenHash, tokenHash)))
    .returning();
  return row;
}

/** Unclaimed anonymous uploads created before `before`, oldest first (never attached). */
export async function findUnclaimedFiles(db: Db, before: Date, limit: number): Promise<FileRow[]> {
  return db
    .select()
    .from(files)
    .where(
      and(
        isNull(files.ownerAccountId),
        lt(files.createdAt, before),
        sql`not exists (select 1 from ${applicationFiles} where ${applicationFiles.fileId} = ${files.id})`,
      ),
    )
    .orderBy(asc(files.createdAt))
    .limit(limit);
}

/** Deletes those of `ids` that are still unclaimed (a claim may have won meanwhile). */
export async function deleteUnclaimedFiles(db: Db, ids: string[]): Promise<FileRow[]> {
  if (ids.length === 0) return [];
  return db
    .delete(files)
    .where(and(inArray(files.id, ids), isNull(files.ownerAccountId)))
    .returning();
}

export type AttachedFileRow = { file: FileRow; slot: string; addedAt: Date };

/** The files attached to an application with their slots, in the order they were added. */
export async function findAttachedFiles(db: Db, applicationId: string): Promise<AttachedFileRow[]> {
  return db
    .select({ file: files, slot: applicationFiles.slot, addedAt: applicationFiles.addedAt })
    .from(applicationFiles)
    .innerJoin(files, eq(files.id, applicationFiles.fileId))
    .where(eq(applicationFiles.applicationId, applicationId))
    .orderBy(asc(applicationFiles.addedAt), asc(files.createdAt));
}

export async function insertAttachment(
  db: Db,
  values: { applicationId: string; fileId: string; slot: string; addedAt: Date },
): Promise<void> {
  await db.insert(applicationFiles).values(values);
}

export async function deleteAttachment(db: Db, applicationId: string, fileId: string): Promise<boolean> {
  const rows = await db
    .delete(applicationFiles)
    .where(and(eq(applicationFiles.applicationId, applicationId), eq(applicationFiles.fileId, fileId)))
    .returning({ fileId: applicationFiles.fileId });
  return rows.length > 0;
}

/** Locks the application row for the rest of the transaction (attachment counts stay true). */
export async function lockApplication(db: Db, applicationId: string): Promise<void> {
  await db
    .select({ id: applications.id })
    .from(applications)
    .where(eq(applications.id, applicationId))
    .for('update');
}
