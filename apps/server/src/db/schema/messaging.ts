import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';

export const messageChannel = pgEnum('message_channel', ['sms', 'email']);
export const outboxStatus = pgEnum('outbox_status', ['pending', 'sent', 'failed']);

/**
 * Transactional outbox: a row is written in the same transaction as the change that
 * causes the message, and a worker delivers it. The message (recipient, subject, text — which
 * may hold a one-time code) is AES-GCM-encrypted in `payload_enc`; `recipient` is the masked
 * address for support and audits. A delivered message's payload is erased after the retention
 * period (OUTBOX_RETENTION_DAYS).
 */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    channel: messageChannel('channel').notNull(),
    /** JSON `{to, subject?, text}`, encrypted; null once erased after delivery */
    payloadEnc: text('payload_enc'),
    /** the recipient masked (138****1234, lo*****ng@126.com) */
    recipient: varchar('recipient', { length: 200 }).notNull().default(''),
    /** rows written before payloads were encrypted; re-sealed into payload_enc at start */
    legacyPayload: jsonb('payload').$type<{ to: string; subject?: string; text: string }>(),
    status: outboxStatus('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('outbox_pending_idx').on(t.status, t.nextAttemptAt),
    index('outbox_sent_idx').on(t.sentAt).where(sql`${t.payloadEnc} is not null`),
  ],
);

/**
 * Where the SMS and e-mail simulators deliver in local and test mode (shown at /dev/outbox).
 * The recipient is kept masked, with a blind index to find a number's or address's messages.
 */
export const devOutbox = pgTable(
  'dev_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    channel: messageChannel('channel').notNull(),
    /** masked recipient */
    to: varchar('to', { length: 200 }).notNull(),
    toBidx: varchar('to_bidx', { length: 64 }).notNull(),
    subject: varchar('subject', { length: 300 }),
    text: text('text').notNull(),
    /** the outbox message it delivers: a second delivery of the same message is ignored */
    idempotencyKey: varchar('idempotency_key', { length: 64 }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('dev_outbox_created_idx').on(t.createdAt),
    index('dev_outbox_to_idx').on(t.toBidx, t.createdAt),
    uniqueIndex('dev_outbox_idempotency_uq').on(t.idempotencyKey),
  ],
);

/**
 * In-site messages (站内信, seed 000 §4.9): what the platform tells an account, shown with the
 * unread count in the header. Written in the same transaction as the change they report.
 */
export const inboxMessages = pgTable(
  'inbox_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id').notNull(),
    /** e.g. `application`, `reminder`, `system` */
    category: varchar('category', { length: 30 }).notNull(),
    title: varchar('title', { length: 200 }).notNull(),
    body: text('body').notNull(),
    /** the application it is about, if any */
    applicationId: uuid('application_id'),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('inbox_messages_account_idx').on(t.accountId, t.createdAt, t.id),
    index('inbox_messages_unread_idx').on(t.accountId).where(sql`${t.readAt} is null`),
    index('inbox_messages_application_idx').on(t.applicationId),
  ],
);
