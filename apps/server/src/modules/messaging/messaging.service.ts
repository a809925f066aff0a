import { maskEmail, maskMobile } from '@sw/contracts';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/client.ts';
import type { Mailer, SmsGateway } from '../../integrations/types.ts';
import type { Clock } from '../../lib/clock.ts';
import type { FieldCrypto } from '../../lib/crypto.ts';
import { safeErrorText } from '../../lib/safe-error.ts';
import {
  claimDueMessages,
  eraseDeliveredPayloads,
  findLegacyPayloads,
  insertOutboxMessage,
  markMessageFailed,
  markMessagesSent,
  type NewOutboxMessage,
  type OutboxPayload,
  releaseClaim,
  resealLegacyPayload,
  type SealedMessage,
} from './messaging.repo.ts';

/** How long a claimed message is left to its worker before another may take it again. */
export const LEASE_MS = 60_000;
/** Attempts before a message is marked failed for good (the last retry comes ~10 minutes after the first). */
export const MAX_ATTEMPTS = 8;
const POLL_MS = 1_000;
const BATCH = 50;

/**
 * The transactional outbox and its delivery worker. A message is written in the transaction of
 * the change that causes it, so a rolled-back change sends nothing. The worker claims due
 * messages with a lease (`FOR UPDATE SKIP LOCKED`, so workers on several instances never take
 * the same message at once), hands each to its adapter with the outbox row's id as the
 * idempotency key, and marks it sent; a failure is retried with exponential backoff up to
 * MAX_ATTEMPTS. A crash between the adapter's send and "marked sent" leaves the message
 * claimed: it is attempted again once the lease runs out, and the idempotency key lets the
 * receiving side drop the second copy — exactly once with the simulators (and a provider that
 * deduplicates on its client reference), a duplicate with the same Message-ID over SMTP.
 */
export type Messaging = {
  /** Writes the message in the caller's transaction; nothing leaves until it commits. */
  enqueue(tx: Db, message: NewOutboxMessage): Promise<string>;
  /** A message as its outbox row holds it (payload encrypted, recipient masked), for a batch insert. */
  seal(message: NewOutboxMessage): SealedMessage;
  /** Delivers due messages now (all, or the given ids); returns how many were sent. */
  deliverDue(ids?: string[]): Promise<number>;
  /**
   * Erases the payloads of messages delivered (or given up) more than the retention period ago,
   * and re-seals any payload written in clear by an older version; returns how many were erased.
   */
  sweep(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
  readonly adapters: { sms: SmsGateway; mailer: Mailer };
};

/** The masked recipient kept beside the encrypted payload (and in logs). */
export function maskRecipient(channel: 'sms' | 'email', to: string): string {
  return channel === 'sms' ? maskMobile(to) : maskEmail(to);
}

/** Exponential backoff: 5 s, 10 s, 20 s … capped at 30 minutes. */
export function backoffMs(attempt: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, attempt - 1), 30 * 60_000);
}

export function createMessaging(deps: {
  db: Db;
  crypto: FieldCrypto;
  sms: SmsGateway;
  mailer: Mailer;
  clock: Clock;
  log: FastifyBaseLogger;
  /** how long a delivered message's payload is kept (encrypted) before it is erased */
  retentionMs?: number;
}): Messaging {
  const { db, crypto, sms, mailer, clock, log } = deps;
  const retentionMs = deps.retentionMs ?? 7 * 24 * 3_600_000;
  const seal = (p: OutboxPayload) => crypto.encrypt(JSON.stringify(p));
  const open = (sealed: string) => JSON.parse(crypto.decrypt(sealed)) as OutboxPayload;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;

  async function deliverBatch(ids?: string[]): Promise<number> {
    const claimedAt = clock.now().getTime();
    const claimed = await claimDueMessages(db, new Date(claimedAt), LEASE_MS, BATCH, ids);
    // sent messages are marked in one statement per batch (a crash in between re-sends them, which
    // the idempotency key makes harmless at the receiving side)
    const sent: string[] = [];
    for (const [i, row] of claimed.entries()) {
      if (clock.now().getTime() - claimedAt > LEASE_MS / 2) {
        // slow sends ate half the lease: give the rest back rather than let a lease run out
        // under a message not yet sent (another worker would then send it beside this one)
        for (const rest of claimed.slice(i)) await releaseClaim(db, rest.id, rest.attempts, clock.now());
        break;
      }
      const adapter = row.channel === 'sms' ? sms : mailer;
      try {
        if (!row.payloadEnc) throw new Error('message payload missing');
        await adapter.send({ ...open(row.payloadEnc), idempotencyKey: row.id });
        sent.push(row.id);
      } catch (err) {
        const giveUp = row.attempts >= MAX_ATTEMPTS;
        const retryAt = giveUp ? null : new Date(clock.now().getTime() + backoffMs(row.attempts));
        log.warn(
          { outboxId: row.id, channel: row.channel, attempts: row.attempts, giveUp },
          'message delivery failed',
        );
        // an SMTP or gateway error may quote the address: stored scrubbed, like the logs
        await markMessageFailed(db, row.id, row.attempts, retryAt, safeErrorText(err));
      }
    }
    await markMessagesSent(db, sent, clock.now());
    return sent.length;
  }

  return {
    adapters: { sms, mailer },
    seal: (message) => ({
      channel: message.channel,
      recipient: maskRecipient(message.channel, message.to),
      payloadEnc: seal({
        to: message.to,
        text: message.text,
        ...(message.subject ? { subject: message.subject } : {}),
      }),
    }),
    enqueue: (tx, message) =>
      insertOutboxMessage(
        tx,
        {
          channel: message.channel,
          recipient: maskRecipient(message.channel, message.to),
          payloadEnc: seal({
            to: message.to,
            text: message.text,
            ...(message.subject ? { subject: message.subject } : {}),
          }),
        },
        clock.now(),
      ),
    async sweep() {
      for (;;) {
        const legacy = await findLegacyPayloads(db, 100);
        if (legacy.length === 0) break;
        for (const row of legacy) {
          const p = row.legacyPayload!;
          await resealLegacyPayload(db, row.id, seal(p), maskRecipient(row.channel, p.to));
        }
      }
      return eraseDeliveredPayloads(db, new Date(clock.now().getTime() - retentionMs));
    },
    async deliverDue(ids) {
      return deliverBatch(ids);
    },
    start() {
      if (timer) return;
      timer = setInterval(() => {
        if (running) return;
        running = deliverBatch()
          .catch((err) => {
            log.error({ err }, 'outbox worker pass failed');
            return 0;
          })
          .finally(() => {
            running = null;
          });
      }, POLL_MS);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}
