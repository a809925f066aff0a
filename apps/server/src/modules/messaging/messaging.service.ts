import { maskEmail, maskMobile } from '@sw/contracts';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/client.ts';
import type { Mailer, SmsGateway } from '../../integrations/types.ts';
import type { Clock } from '../../lib/clock.ts';
import {
  claimDueMessages,
  insertOutboxMessage,
  markMessageFailed,
  markMessageSent,
  type NewOutboxMessage,
} from './messaging.repo.ts';

const LEASE_MS = 60_000;
const MAX_ATTEMPTS = 8;
const POLL_MS = 1_000;

export type Messaging = {
  /** Writes the message in the caller's transaction; nothing leaves until it commits. */
  enqueue(tx: Db, message: NewOutboxMessage): Promise<string>;
  /** Delivers due messages now (all, or the given ids); returns how many were sent. */
  deliverDue(ids?: string[]): Promise<number>;
  start(): void;
  stop(): Promise<void>;
  readonly adapters: { sms: SmsGateway; mailer: Mailer };
};

/** Exponential backoff: 5 s, 10 s, 20 s … capped at 30 minutes. */
export function backoffMs(attempt: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, attempt - 1), 30 * 60_000);
}

export function createMessaging(deps: {
  db: Db;
  sms: SmsGateway;
  mailer: Mailer;
  clock: Clock;
  log: FastifyBaseLogger;
}): Messaging {
  const { db, sms, mailer, clock, log } = deps;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;

  async function deliverBatch(ids?: string[]): Promise<number> {
    const claimed = await claimDueMessages(db, clock.now(), LEASE_MS, 50, ids);
    let sent = 0;
    for (const row of claimed) {
      const adapter = row.channel === 'sms' ? sms : mailer;
      const redacted = row.channel === 'sms' ? maskMobile(row.payload.to) : maskEmail(row.payload.to);
      try {
        await adapter.send(row.payload);
        await markMessageSent(db, row.id, clock.now(), redacted);
        sent++;
      } catch (err) {
        const giveUp = row.attempts >= MAX_ATTEMPTS;
        const retryAt = giveUp ? null : new Date(clock.now().getTime() + backoffMs(row.attempts));
        log.warn(
          { outboxId: row.id, channel: row.channel, attempts: row.attempts, giveUp },
          'message delivery failed',
        );
        await markMessageFailed(db, row.id, retryAt, err instanceof Error ? err.message : String(err));
      }
    }
    return sent;
  }

  return {
    adapters: { sms, mailer },
    enqueue: (tx, message) => insertOutboxMessage(tx, message, clock.now()),
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
