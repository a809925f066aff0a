import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

export const messageChannel = pgEnum('message_channel', ['sms', 'email']);
export const outboxStatus = pgEnum('outbox_status', ['pending', 'sent', 'failed']);

/**
 * Transactional outbox: a row is written in the same transaction as the change that
 * causes the message, and a worker delivers it. `payload` carries the recipient in
 * clear (it must reach the gateway), so rows are purged once sent.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    channel: messageChannel('channel').notNull(),
    payload: jsonb('payload').$type<{ to: string; subject?: string; text: string }>().notNull(),
    status: outboxStatus('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('outbox_pending_idx').on(t.status, t.nextAttemptAt)],
);

/** Where the SMS and e-mail simulators deliver in local and test mode (shown at /dev/outbox). */
export const devOutbox = pgTable(
  'dev_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    channel: messageChannel('channel').notNull(),
    to: varchar('to', { length: 200 }).notNull(),
    subject: varchar('subject', { length: 300 }),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('dev_outbox_created_idx').on(t.createdAt)],
);
