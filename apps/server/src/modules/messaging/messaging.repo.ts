import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { devOutbox, outbox } from '../../db/schema/index.ts';

export type OutboxRow = typeof outbox.$inferSelect;
export type NewOutboxMessage = { channel: 'sms' | 'email'; to: string; subject?: string; text: string };

export async function insertOutboxMessage(db: Db, message: NewOutboxMessage, now: Date): Promise<string> {
  const [row] = await db
    .insert(outbox)
    .values({
      channel: message.channel,
      createdAt: now,
      nextAttemptAt: now,
      payload: {
        to: message.to,
        text: message.text,
        ...(message.subject ? { subject: message.subject } : {}),
      },
    })
    .returning({ id: outbox.id });
  return row!.id;
}

/**
 * Claims due messages by pushing their next attempt into the future (a lease), so a second
 * worker, or this one after a crash, takes them again only when the lease runs out.
 */
export async function claimDueMessages(db: Db, now: Date, leaseMs: number, limit: number, ids?: string[]) {
  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      and(
        eq(outbox.status, 'pending'),
        lte(outbox.nextAttemptAt, now),
        ids ? inArray(outbox.id, ids) : undefined,
      ),
    )
    .orderBy(asc(outbox.nextAttemptAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(outbox)
    .set({ nextAttemptAt: new Date(now.getTime() + leaseMs), attempts: sql`${outbox.attempts} + 1` })
    .where(inArray(outbox.id, due))
    .returning();
}

/**
 * Marks a claimed message sent. Only a pending row changes: if a slow attempt finishes after
 * another worker already marked the message, nothing happens (the adapter's idempotency key
 * made the second send a no-op at the receiving side).
 */
export async function markMessageSent(db: Db, id: string, now: Date, redactedTo: string) {
  // the message text may hold a one-time code: keep only what an audit needs
  await db
    .update(outbox)
    .set({ status: 'sent', sentAt: now, payload: { to: redactedTo, text: '[delivered]' }, lastError: null })
    .where(and(eq(outbox.id, id), eq(outbox.status, 'pending')));
}

/**
 * Records a failed attempt: a retry at `retryAt`, or `failed` for good when null. Only the
 * attempt that holds the claim may (`attempts` unchanged since it claimed the row): a stale
 * attempt whose lease ran out must not overwrite a later attempt's outcome.
 */
export async function markMessageFailed(
  db: Db,
  id: string,
  claimedAttempts: number,
  retryAt: Date | null,
  error: string,
) {
  await db
    .update(outbox)
    .set(
      retryAt
        ? { nextAttemptAt: retryAt, lastError: error.slice(0, 500) }
        : { status: 'failed', lastError: error.slice(0, 500) },
    )
    .where(and(eq(outbox.id, id), eq(outbox.status, 'pending'), eq(outbox.attempts, claimedAttempts)));
}

/**
 * Gives back a claimed message not yet attempted (its batch ran long): due again now, and the
 * attempt the claim counted is returned. Only while the claim is still this worker's.
 */
export async function releaseClaim(db: Db, id: string, claimedAttempts: number, now: Date) {
  await db
    .update(outbox)
    .set({ nextAttemptAt: now, attempts: sql`${outbox.attempts} - 1` })
    .where(and(eq(outbox.id, id), eq(outbox.status, 'pending'), eq(outbox.attempts, claimedAttempts)));
}

export async function findDevOutbox(db: Db, opts: { to?: string; limit: number }) {
  return db
    .select()
    .from(devOutbox)
    .where(opts.to ? eq(devOutbox.to, opts.to) : undefined)
    .orderBy(desc(devOutbox.createdAt))
    .limit(opts.limit);
}
