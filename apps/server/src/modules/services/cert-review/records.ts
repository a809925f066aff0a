import { and, asc, desc, eq, gte, isNotNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import type { Keyset } from '../../../lib/keyset-cursor.ts';
import type { CertRecordQuery, CertTypeBody } from './contract.ts';
import { certReviewCertTypes, certReviewRecords } from './schema.ts';

export type CertRecordRow = typeof certReviewRecords.$inferSelect;
export type CertTypeRow = typeof certReviewCertTypes.$inferSelect;

// ——————————————————————————————— certificate types ———————————————————————————————

export function listCertTypes(db: Db, opts: { activeOnly: boolean }): Promise<CertTypeRow[]> {
  return db
    .select()
    .from(certReviewCertTypes)
    .where(opts.activeOnly ? eq(certReviewCertTypes.active, true) : undefined)
    .orderBy(asc(certReviewCertTypes.sort), asc(certReviewCertTypes.code));
}

export async function findCertType(db: Db, code: string): Promise<CertTypeRow | undefined> {
  const [row] = await db.select().from(certReviewCertTypes).where(eq(certReviewCertTypes.code, code));
  return row;
}

/** The first rows of the table (idempotent: a start with the rows present changes nothing). */
export async function seedCertTypes(db: Db, types: readonly { code: string; name: CertTypeRow['name'] }[]) {
  await db
    .insert(certReviewCertTypes)
    .values(types.map((type, i) => ({ code: type.code, name: type.name, sort: (i + 1) * 10 })))
    .onConflictDoNothing();
}

function fullName(name: CertTypeBody['name']): CertTypeRow['name'] {
  return { 'zh-CN': name['zh-CN'], 'zh-HK': name['zh-HK'] || name['zh-CN'], en: name.en || name['zh-CN'] };
}

/** A new type; undefined when the code is taken. */
export async function insertCertType(
  db: Db,
  body: CertTypeBody,
  by: string,
  at: Date,
): Promise<CertTypeRow | undefined> {
  const [row] = await db
    .insert(certReviewCertTypes)
    .values({
      code: body.code,
      name: fullName(body.name),
      active: body.active,
      sort: body.sort,
      updatedAt: at,
      updatedBy: by,
    })
    .onConflictDoNothing()
    .returning();
  return row;
}

export async function updateCertType(
  db: Db,
  code: string,
  body: CertTypeBody,
  by: string,
  at: Date,
): Promise<CertTypeRow | undefined> {
  const [row] = await db
    .update(certReviewCertTypes)
    .set({ name: fullName(body.name), active: body.active, sort: body.sort, updatedAt: at, updatedBy: by })
    .where(eq(certReviewCertTypes.code, code))
    .returning();
  return row;
}

// ——————————————————————————————— records ———————————————————————————————

export async function insertRecord(db: Db, values: typeof certReviewRecords.$inferInsert) {
  await db.insert(certReviewRecords).values(values);
}

export async function findRecord(db: Db, applicationId: string): Promise<CertRecordRow | undefined> {
  const [row] = await db
    .select()
    .from(certReviewRecords)
    .where(eq(certReviewRecords.applicationId, applicationId));
  return row;
}

/** The status mirror, in the decision's transaction; a final state needs no more checks. */
export async function setRecordStatus(db: Db, applicationId: string, status: string, final: boolean) {
  await db
    .update(certReviewRecords)
    .set({ status, ...(final ? { nextCheckAt: null } : {}) })
    .where(eq(certReviewRecords.applicationId, applicationId));
}

export async function updateRecord(
  db: Db,
  applicationId: string,
  changes: Partial<typeof certReviewRecords.$inferInsert>,
) {
  await db.update(certReviewRecords).set(changes).where(eq(certReviewRecords.applicationId, applicationId));
}

/**
 * Open records due for another check, claimed by pushing their next check `leaseMs` ahead — so
 * two instances running the timer at once take different rows.
 */
export async function claimDueRechecks(db: Db, now: Date, leaseMs: number, limit: number): Promise<string[]> {
  const due = db
    .select({ id: certReviewRecords.applicationId })
    .from(certReviewRecords)
    .where(and(isNotNull(certReviewRecords.nextCheckAt), lte(certReviewRecords.nextCheckAt, now)))
    .orderBy(asc(certReviewRecords.nextCheckAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  const rows = await db
    .update(certReviewRecords)
    .set({ nextCheckAt: new Date(now.getTime() + leaseMs) })
    .where(sql`${certReviewRecords.applicationId} in (${due})`)
    .returning({ id: certReviewRecords.applicationId });
  return rows.map((row) => row.id);
}

/** China's day boundaries for 提交时间 from/to (inclusive days). */
function chinaDayStart(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

/** 查询: the applicant's own records, newest first, in keyset pages. */
export async function queryRecords(
  db: Db,
  applicantId: string,
  query: CertRecordQuery,
  after: Keyset | undefined,
): Promise<(CertRecordRow & { at: string })[]> {
  const t = certReviewRecords;
  const at = sql<string>`${t.submittedAt}::text`;
  return db
    .select({ record: t, at })
    .from(t)
    .where(
      and(
        eq(t.applicantAccountId, applicantId),
        query.number ? eq(t.number, query.number.toUpperCase()) : undefined,
        query.certType ? eq(t.certType, query.certType) : undefined,
        query.status ? eq(t.status, query.status) : undefined,
        query.from ? gte(t.submittedAt, chinaDayStart(query.from)) : undefined,
        query.to
          ? lt(t.submittedAt, new Date(chinaDayStart(query.to).getTime() + 24 * 3_600_000))
          : undefined,
        after
          ? or(
              lt(t.submittedAt, sql`${after.at}::timestamptz`),
              and(eq(t.submittedAt, sql`${after.at}::timestamptz`), lt(t.applicationId, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(t.submittedAt), desc(t.applicationId))
    .limit(query.limit + 1)
    .then((rows) => rows.map((row) => ({ ...row.record, at: row.at })));
}
