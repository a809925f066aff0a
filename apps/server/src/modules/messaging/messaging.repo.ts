import { and, asc, desc, eq, inArray, isNotNull, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { devOutbox, outbox } from '../../db/schema/messaging.ts';

export type OutboxRow = typeof outbox.$inferSelect;
export type NewOutboxMessage = { channel: 'sms' | 'email'; to: string; subject?: string; text: string };
export type OutboxPayload = { to: string; subject?: string; text: string };

/** Writes a message whose payload the caller has already encrypted. */
export async function insertOutboxMessage(
  db: Db,
  values: { channel: 'sms' | 'email'; payloadEnc: string; recipient: string },
  now: Date,
): Promise<string> {
  const [row] = await db
    .insert(outbox)
    .values({ ...values, createdAt: now, nextAttemptAt: now })
    .returning({ id: outbox.id });
  return row!.id;
}

/** Rows written before payloads were encrypted (at most a handful, once). */
export async function findLegacyPayloads(db: Db, limit: number) {
  return db
    .select({ id: outbox.id, channel: outbox.channel, legacyPayload: outbox.legacyPayload })
    .from(outbox)
    .where(isNotNull(outbox.legacyPayload))
    .limit(limit);
}

export async function resealLegacyPayload(db: Db, id: string, payloadEnc: string, recipient: string) {
  await db
    .update(outbox)
    .set({ payloadEnc, recipient, legacyPayload: null })
    .where(and(eq(outbox.id, id), isNotNull(outbox.legacyPayload)));
}

/**
 * Erases the payload (recipient, text) of messages delivered — or given up — before `before`;
 * the row stays, with its masked recipient, as the record that a message went out.
 */
export async function eraseDeliveredPayloads(db: Db, before: Date): Promise<number> {
  const rows = await db
    .update(outbox)
    .set({ payloadEnc: null })
    .where(
      and(
        isNotNull(outbox.payloadEnc),
        or(
          and(eq(outbox.status, 'sent'), lt(outbox.sentAt, before)),
          and(eq(outbox.status, 'failed'), lt(outbox.createdAt, before)),
        ),
      ),
    )
    .returning({ id: outbox.id });
  return rows.length;
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
 * Marks claimed messages sent, a batch at a time. Only a pending row changes: if a slow attempt finishes after
 * another worker already marked the message, nothing happens (the adapter's idempotency key
 * made the second send a no-op at the receiving side).
 */
export async function markMessagesSent(db: Db, ids: readonly string[], now: Date) {
  if (ids.length === 0) return;
  // the payload stays encrypted for the retention period, then eraseDeliveredPayloads clears it
  await db
    .update(outbox)
    .set({ status: 'sent', sentAt: now, lastError: null })
    .where(and(inArray(outbox.id, [...ids]), eq(outbox.status, 'pending')));
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

/** The simulators' deliveries, newest first; `toBidx` finds one recipient's (see devOutboxIndex). */
export async function findDevOutbox(db: Db, opts: { toBidx?: string; limit: number }) {
  return db
    .select()
    .from(devOutbox)
    .where(opts.toBidx ? eq(devOutbox.toBidx, opts.toBidx) : undefined)
    .orderBy(desc(devOutbox.createdAt))
    .limit(opts.limit);
}

export type SealedMessage = { channel: 'sms' | 'email'; payloadEnc: string; recipient: string };

/**
 * A notification's rows — the 站内信 and its outbox messages — in one statement: one round trip
 * in the caller's transaction however many channels it uses.
 */
export async function insertNotificationRows(
  db: Db,
  inbox: {
    accountId: string;
    category: string;
    title: string;
    body: string;
    applicationId: string | null;
  } | null,
  messages: readonly SealedMessage[],
  now: Date,
) {
  const parts: SQL[] = [];
  if (inbox) {
    parts.push(sql`inbox_row as (
      insert into inbox_messages (account_id, category, title, body, application_id, created_at)
      values (${inbox.accountId}, ${inbox.category}, ${inbox.title}, ${inbox.body}, ${inbox.applicationId}, ${now}))`);
  }
  if (messages.length > 0) {
    const values = messages.map(
      (m) => sql`(${m.channel}::message_channel, ${m.recipient}, ${m.payloadEnc}, ${now}, ${now})`,
    );
    parts.push(sql`outbox_rows as (
      insert into outbox (channel, recipient, payload_enc, created_at, next_attempt_at)
      values ${sql.join(values, sql`, `)})`);
  }
  if (parts.length === 0) return;
  await db.execute(sql`with ${sql.join(parts, sql`, `)} select 1`);
}
