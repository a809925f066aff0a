import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { applicationFiles, applications } from '../../db/schema/casework.ts';
import { type FileRow, findFilesByIds } from '../files/index.ts';
import { DRAFT_STATUS } from './service-definition.ts';

export type AttachedFileRow = { file: FileRow; slot: string; addedAt: Date };

/** The files attached to an application with their slots, in the order they were added. */
export async function findAttachedFiles(db: Db, applicationId: string): Promise<AttachedFileRow[]> {
  const rows = await db
    .select()
    .from(applicationFiles)
    .where(eq(applicationFiles.applicationId, applicationId));
  const byId = new Map(
    (
      await findFilesByIds(
        db,
        rows.map((r) => r.fileId),
      )
    ).map((f) => [f.id, f]),
  );
  return rows
    .flatMap((r) => {
      const file = byId.get(r.fileId);
      return file ? [{ file, slot: r.slot, addedAt: r.addedAt }] : [];
    })
    .sort(
      (a, b) =>
        a.addedAt.getTime() - b.addedAt.getTime() || a.file.createdAt.getTime() - b.file.createdAt.getTime(),
    );
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

/** Which of these files an application holds. */
export async function filesInUse(db: Db, fileIds: string[]): Promise<Set<string>> {
  if (fileIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ fileId: applicationFiles.fileId })
    .from(applicationFiles)
    .where(inArray(applicationFiles.fileId, fileIds));
  return new Set(rows.map((r) => r.fileId));
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

/** Takes every file out of an application (a correction replaces the set); the files stay. */
export async function detachAll(db: Db, applicationId: string): Promise<void> {
  await db.delete(applicationFiles).where(eq(applicationFiles.applicationId, applicationId));
}
