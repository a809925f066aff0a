import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { auditEvents } from '../../db/schema/audit.ts';

export type AuditEntry = {
  actorId: string | null;
  /** dotted verb, e.g. `card.issue`, `account.unlock`, `account.phone_login_on` */
  action: string;
  targetType: string;
  targetId?: string | null;
  /** no personal numbers, no secrets */
  detail?: Record<string, unknown>;
  ip?: string | null;
  at: Date;
};

/** Write one audit event; pass the transaction so the event commits with the change it records. */
export async function recordAudit(db: Db, entry: AuditEntry) {
  await db.insert(auditEvents).values({
    actorId: entry.actorId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    detail: entry.detail ?? {},
    ip: entry.ip ?? null,
    at: entry.at,
  });
}

/**
 * The audit row as a statement fragment (`insert into audit_events …`), for a caller that writes
 * its change and the audit row in one statement (a CTE), so a hot path pays one round trip.
 * With `onlyIf` (a query inside the same statement, e.g. `select 1 from taken`) the row is written
 * only when that query finds something — the change it records may not have happened.
 * The audit module still owns the table and the SQL that writes it.
 */
export function auditInsertSql(entry: AuditEntry, onlyIf?: SQL): SQL {
  const values = sql`${entry.actorId}::uuid, ${entry.action}::varchar, ${entry.targetType}::varchar,
            ${entry.targetId ?? null}::varchar, ${JSON.stringify(entry.detail ?? {})}::jsonb,
            ${entry.ip ?? null}::varchar, ${entry.at.toISOString()}::timestamptz`;
  const into = sql`insert into ${auditEvents} (actor_id, action, target_type, target_id, detail, ip, at)`;
  return onlyIf ? sql`${into} select ${values} where exists (${onlyIf})` : sql`${into} values (${values})`;
}
