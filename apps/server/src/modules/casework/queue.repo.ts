import type { QueueQuery } from '@sw/contracts';
import {
  and,
  eq,
  gte,
  ilike,
  inArray,
  isNotNull,
  isNull,
  like,
  lt,
  ne,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { applications } from '../../db/schema/casework.ts';
import type { Keyset } from '../../lib/keyset-cursor.ts';
import { accountNameSql } from '../identity/index.ts';
import { DRAFT_STATUS } from './service-definition.ts';

/** Shanghai is UTC+8 all year (no daylight saving): a civil day starts at 16:00 UTC the day before. */
export function shanghaiDayStart(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export type QueueFilter = Omit<QueueQuery, 'cursor' | 'limit'> & {
  /** the services the viewer may see; undefined = all (platform admin) */
  services: string[] | undefined;
  viewerId: string;
  now: Date;
};

/** The WHERE of a queue: view, visibility and filters; drafts are never in a queue. */
export function queueConditions(f: QueueFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [ne(applications.status, DRAFT_STATUS)];
  if (f.services)
    conditions.push(f.services.length ? inArray(applications.serviceCode, f.services) : sql`false`);
  if (f.view === 'mine')
    conditions.push(eq(applications.assigneeId, f.viewerId), isNull(applications.decidedAt));
  else if (f.view === 'unassigned')
    conditions.push(isNull(applications.assigneeId), isNull(applications.decidedAt));
  else if (f.view === 'overdue')
    conditions.push(isNull(applications.decidedAt), lt(applications.dueAt, f.now));
  if (f.service) conditions.push(eq(applications.serviceCode, f.service));
  if (f.status) conditions.push(eq(applications.status, f.status));
  if (f.number) {
    const n = f.number.toUpperCase();
    conditions.push(
      /^[A-Z]{2,6}\d{14}$/.test(n)
        ? eq(applications.number, n)
        : like(applications.number, `${n.replace(/[\\%_]/g, (c) => `\\${c}`)}%`),
    );
  }
  if (f.applicant) {
    const escaped = f.applicant.replace(/[\\%_]/g, (c) => `\\${c}`);
    conditions.push(
      or(eq(applications.applicantCode, f.applicant), ilike(applications.applicantName, `%${escaped}%`)),
    );
  }
  if (f.from) conditions.push(gte(applications.submittedAt, shanghaiDayStart(f.from)));
  if (f.to) conditions.push(lt(applications.submittedAt, shanghaiDayStart(nextDay(f.to))));
  return and(...conditions);
}

export type QueueRow = typeof applications.$inferSelect & { assigneeName: string | null; at: string };

/**
 * One page of a queue, keyset-paginated on (sort column, id) in the requested direction: the
 * `applications_queue_idx` (service, status, submitted_at, id) and `applications_status_idx`
 * (status, submitted_at, id) serve the usual filters without sorting in memory.
 */
export async function findQueuePage(
  db: Db,
  f: QueueFilter,
  after: Keyset | undefined,
  limit: number,
): Promise<QueueRow[]> {
  const column = f.sort === 'dueAt' ? applications.dueAt : applications.submittedAt;
  const desc = f.order === 'desc';
  const keyset = after
    ? desc
      ? sql`(${column}, ${applications.id}) < (${after.at}::timestamptz, ${after.id}::uuid)`
      : sql`(${column}, ${applications.id}) > (${after.at}::timestamptz, ${after.id}::uuid)`
    : undefined;
  const rows = await db
    .select({
      application: applications,
      assigneeName: accountNameSql(applications.assigneeId),
      at: sql<string>`${column}::text`,
    })
    .from(applications)
    .where(and(queueConditions(f), isNotNull(column), keyset))
    .orderBy(
      desc ? sql`${column} desc` : sql`${column} asc`,
      desc ? sql`${applications.id} desc` : sql`${applications.id} asc`,
    )
    .limit(limit + 1);
  return rows.map((r) => ({ ...r.application, assigneeName: r.assigneeName, at: r.at }));
}
