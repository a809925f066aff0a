import type { Db } from '../../db/client.ts';
import { auditEvents } from '../../db/schema/index.ts';

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
