import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { files } from './files.ts';
import { accounts, organizations } from './identity.ts';

/**
 * The working-day calendar (issue 4 §3): the days that differ from the weekday rule — public
 * holidays, and the Saturdays and Sundays worked in exchange (调休上班). A day without a row is
 * a working day from Monday to Friday and a day off at the weekend. Seeded for 2025–2027 by
 * the migration that creates the table; edited by platform admins in the console.
 */
export const calendarDays = pgTable(
  'calendar_days',
  {
    /** civil day in China (Asia/Shanghai) */
    date: date('date', { mode: 'string' }).primaryKey(),
    /** 'holiday' | 'workday' (调休上班) */
    kind: varchar('kind', { length: 10 }).$type<'holiday' | 'workday'>().notNull(),
    /** the festival it belongs to, e.g. 春节 */
    name: varchar('name', { length: 20 }),
    year: smallint('year').notNull(),
    /** entered ahead of the State Council's notice for its year; a person's edit confirms it */
    provisional: boolean('provisional').notNull().default(false),
    /** the staff account of the last edit; null for the seeded rows */
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('calendar_days_year_idx').on(t.year),
    check('calendar_days_kind_check', sql`${t.kind} in ('holiday', 'workday')`),
    check('calendar_days_year_check', sql`${t.year} = extract(year from ${t.date})`),
  ],
);

/**
 * Applications (issue 4 §2): one per application to an online service. `status` is a state of
 * the service's workflow (or `draft` before submission); `version` grows by one with every
 * change, for optimistic locking. `number` is given at submission.
 */
export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** `<PREFIX><YYYYMMDD><6-digit sequence>`; null while a draft */
    number: varchar('number', { length: 32 }),
    serviceCode: varchar('service_code', { length: 40 }).notNull(),
    /**
     * null for an application made by someone who cannot sign in (人工资料审核 of a forgotten
     * username or password): the service reaches them through what its form gives
     */
    applicantAccountId: uuid('applicant_account_id').references(() => accounts.id),
    organizationId: uuid('organization_id').references(() => organizations.id),
    status: varchar('status', { length: 40 }).notNull(),
    version: integer('version').notNull().default(1),
    /**
     * The form as JSON, AES-256-GCM encrypted (lib/crypto.ts): forms carry ID numbers, mobiles
     * and e-mail addresses of applicants and their contacts.
     */
    formEnc: text('form_enc').notNull(),
    /** who applies, as the queues show and filter it: a person's or organization's name */
    applicantName: varchar('applicant_name', { length: 200 }).notNull(),
    /** the organization's credit or organization code, or the username of an individual */
    applicantCode: varchar('applicant_code', { length: 64 }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    dueAt: timestamp('due_at', { withTimezone: true }),
    remindAt: timestamp('remind_at', { withTimezone: true }),
    assigneeId: uuid('assignee_id').references(() => accounts.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    /** when the application reached a final state */
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** when the one-working-day-left reminder went out (once per SLA period) */
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('applications_number_uq').on(t.number),
    // the staff queue: service + status + submission range, keyset on (submitted_at, id)
    index('applications_queue_idx').on(t.serviceCode, t.status, t.submittedAt, t.id),
    // 我的申请
    index('applications_applicant_idx').on(t.applicantAccountId, t.createdAt),
    index('applications_assignee_idx').on(t.assigneeId, t.status),
    // every service at once: status + submission range, keyset on (submitted_at, id)
    index('applications_status_idx').on(t.status, t.submittedAt, t.id),
    // the reminder pass: due reminders not yet sent
    index('applications_remind_idx').on(t.remindAt).where(sql`${t.remindedAt} is null`),
  ],
);

/** The timeline of an application: who moved it, when, from which state to which, and why. */
export const applicationEvents = pgTable(
  'application_events',
  {
    /** increasing, so events of the same instant keep their order */
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    actorId: uuid('actor_id').references(() => accounts.id),
    /** `create`, `submit`, or an action of the service's workflow */
    action: varchar('action', { length: 40 }).notNull(),
    fromStatus: varchar('from_status', { length: 40 }),
    toStatus: varchar('to_status', { length: 40 }).notNull(),
    reason: varchar('reason', { length: 1000 }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('application_events_application_idx').on(t.applicationId, t.at)],
);

/** The last sequence number given per number prefix and Shanghai day. */
export const applicationNumberCounters = pgTable(
  'application_number_counters',
  {
    prefix: varchar('prefix', { length: 10 }).notNull(),
    /** YYYYMMDD in Asia/Shanghai */
    day: varchar('day', { length: 8 }).notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.prefix, t.day] })],
);

/** The files attached to an application, each in a slot of the service's attachment rules. */
export const applicationFiles = pgTable(
  'application_files',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id),
    /** the attachment rule it answers, e.g. `creditCertificate` */
    slot: varchar('slot', { length: 40 }).notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.applicationId, t.fileId] }),
    index('application_files_file_idx').on(t.fileId),
  ],
);
