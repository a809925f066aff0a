import { boolean, index, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

/*
 * The hub-appointments module's table (issue 13 §4): what a citizen's booking (婚姻登记预约 …) says
 * beyond the place itself, which the appointments module holds (appointment_bookings, one row per
 * booking with the same id). The other party's name and ID number are encrypted.
 */
export const hubAppointmentDetails = pgTable(
  'hub_appointment_details',
  {
    bookingId: uuid('booking_id').primaryKey(),
    accountId: uuid('account_id').notNull(),
    kind: varchar('kind', { length: 24 }).notNull(),
    business: varchar('business', { length: 40 }).notNull(),
    city: varchar('city', { length: 4 }).notNull(),
    /** JSON { name, idNumber } of the other party, encrypted (婚姻登记) */
    partnerEnc: text('partner_enc'),
    firstWithdrawal: boolean('first_withdrawal'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('hub_appointment_details_account_idx').on(t.accountId, t.createdAt)],
);
