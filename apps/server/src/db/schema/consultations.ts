import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';

/*
 * 在线咨询 (seed 000 ch.5; the hub's 意见反馈 will use it too): live conversations between an
 * applicant and the seats of a service. Messages are personal data and are kept encrypted.
 */

export const consultationStatus = pgEnum('consultation_status', ['waiting', 'active', 'closed']);
export const consultationSender = pgEnum('consultation_sender', ['applicant', 'staff', 'system']);

/**
 * One conversation. `last_seq` numbers its messages (taken by `update … set last_seq = last_seq + 1
 * returning`, so two writers never share a number); `applicant_seen` and `staff_seen` are the last
 * sequence each side has read. An applicant has at most one open conversation per service.
 */
export const consultations = pgTable(
  'consultations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceCode: varchar('service_code', { length: 60 }).notNull(),
    accountId: uuid('account_id').notNull(),
    status: consultationStatus('status').notNull().default('waiting'),
    /** the staff account at the seat that took it */
    staffId: uuid('staff_id'),
    /** the first line of the first message, encrypted like the messages */
    subject: text('subject').notNull(),
    lastSeq: integer('last_seq').notNull().default(0),
    applicantSeen: integer('applicant_seen').notNull().default(0),
    staffSeen: integer('staff_seen').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    takenAt: timestamp('taken_at', { withTimezone: true }),
    lastMessageAt: timestamp('last_message_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('consultations_open_idx').on(t.accountId, t.serviceCode).where(sql`${t.status} <> 'closed'`),
    // the applicant's history
    index('consultations_account_idx').on(t.accountId, t.createdAt),
    // the seats' queues: waiting oldest first; a seat's own; closed newest first
    index('consultations_queue_idx').on(t.serviceCode, t.status, t.lastMessageAt),
    index('consultations_staff_idx').on(t.staffId, t.status),
  ],
);

export const consultationMessages = pgTable(
  'consultation_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    consultationId: uuid('consultation_id')
      .notNull()
      .references(() => consultations.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    sender: consultationSender('sender').notNull(),
    /** the writer's account (the applicant's or the staff member's); null for the platform */
    authorId: uuid('author_id'),
    /** encrypted (AES-256-GCM, lib/crypto.ts) */
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('consultation_messages_seq_key').on(t.consultationId, t.seq)],
);

/** 常用回复: a service's canned answers, written by its seats. */
export const consultationReplies = pgTable(
  'consultation_replies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceCode: varchar('service_code', { length: 60 }).notNull(),
    title: varchar('title', { length: 40 }).notNull(),
    body: text('body').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('consultation_replies_service_idx').on(t.serviceCode, t.createdAt)],
);
