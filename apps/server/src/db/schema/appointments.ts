import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';

/*
 * The appointments module's tables (issue 12 §7): places to book at a resource (a border port, an
 * office) by day and time slot, with quotas staff edit. A service owns its resources by code; the
 * hub (seed 003) books on the same tables.
 */

/**
 * One time slot of one day at one resource. `booked` is taken and given back only by a conditional
 * update (`… set booked = booked + 1 where booked < capacity`), and the check constraint holds the
 * line even for a writer that forgot the condition.
 */
export const appointmentSlots = pgTable(
  'appointment_slots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceCode: varchar('service_code', { length: 60 }).notNull(),
    resource: varchar('resource', { length: 40 }).notNull(),
    /** civil day in China (Asia/Shanghai) */
    day: date('day', { mode: 'string' }).notNull(),
    /** HH:MM, Asia/Shanghai */
    starts: varchar('starts', { length: 5 }).notNull(),
    ends: varchar('ends', { length: 5 }).notNull(),
    capacity: integer('capacity').notNull(),
    booked: integer('booked').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [
    uniqueIndex('appointment_slots_uq').on(t.serviceCode, t.resource, t.day, t.starts),
    check('appointment_slots_booked_ck', sql`${t.booked} >= 0 and ${t.booked} <= ${t.capacity}`),
  ],
);

/** A day on which a resource needs no booking (免预约日), set by staff. */
export const appointmentFreeDays = pgTable(
  'appointment_free_days',
  {
    serviceCode: varchar('service_code', { length: 60 }).notNull(),
    resource: varchar('resource', { length: 40 }).notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    freeOfBooking: boolean('free_of_booking').notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.serviceCode, t.resource, t.day] })],
);

/**
 * A booking. `subject` is what is booked for (a vehicle's record id): one live booking per subject
 * and day, held by a partial unique index, so two tabs booking at once get one place between them.
 */
export const appointmentBookings = pgTable(
  'appointment_bookings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slotId: uuid('slot_id').notNull(),
    serviceCode: varchar('service_code', { length: 60 }).notNull(),
    resource: varchar('resource', { length: 40 }).notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    subject: varchar('subject', { length: 80 }).notNull(),
    accountId: uuid('account_id').notNull(),
    /** booked | cancelled | attended | no_show */
    status: varchar('status', { length: 12 }).notNull().default('booked'),
    /** the voucher's code (QR), unguessable */
    voucher: varchar('voucher', { length: 24 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('appointment_bookings_voucher_uq').on(t.voucher),
    uniqueIndex('appointment_bookings_live_uq')
      .on(t.serviceCode, t.subject, t.day)
      .where(sql`${t.status} = 'booked'`),
    index('appointment_bookings_account_idx').on(t.accountId, t.createdAt),
    index('appointment_bookings_day_idx').on(t.serviceCode, t.day, t.status),
  ],
);
