import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

/*
 * 港车北上's own tables (seed 000). They refer to applications and accounts by id only.
 */

/**
 * One HK TD application (a vehicle, its owner and up to two drivers) and what Guangdong added to it.
 * `data_enc` is the HK TD record (encrypted JSON: owner with HKID and contacts, vehicle, drivers);
 * `owner_hkid_bidx` finds it at the first sign-in. The workflow state lives in the application
 * (casework); the plate, tags and permit are written by 发牌.
 */
export const northboundRecords = pgTable(
  'northbound_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    hktdRef: varchar('hktd_ref', { length: 30 }).notNull().unique(),
    applicationId: uuid('application_id').notNull().unique(),
    ownerHkidBidx: varchar('owner_hkid_bidx', { length: 64 }).notNull(),
    /** the account that bound the owner's HKID (000 §3.1), null until then */
    accountId: uuid('account_id'),
    dataEnc: text('data_enc').notNull(),
    /** SHA-256 of the HK TD record as received: an unchanged push writes nothing */
    dataHash: varchar('data_hash', { length: 64 }).notNull(),
    hkPlate: varchar('hk_plate', { length: 12 }).notNull(),
    permittedFrom: varchar('permitted_from', { length: 10 }).notNull(),
    permittedUntil: varchar('permitted_until', { length: 10 }).notNull(),
    /** the insurance the owner submitted (encrypted JSON), and where it came from */
    insuranceEnc: text('insurance_enc'),
    tempPlate: varchar('temp_plate', { length: 16 }).unique(),
    tagNo: varchar('tag_no', { length: 24 }),
    /** JSON array of the drivers' 驾驶人标识 numbers, in the drivers' order */
    driverTags: text('driver_tags'),
    permitValidFrom: varchar('permit_valid_from', { length: 10 }),
    permitValidTo: varchar('permit_valid_to', { length: 10 }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('northbound_records_hkid_idx').on(t.ownerHkidBidx),
    index('northbound_records_account_idx').on(t.accountId).where(sql`${t.accountId} is not null`),
  ],
);

/** A border port's record of the vehicle entering or leaving the mainland. */
export const northboundCrossings = pgTable(
  'northbound_crossings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recordId: uuid('record_id').notNull(),
    direction: varchar('direction', { length: 5 }).$type<'entry' | 'exit'>().notNull(),
    port: varchar('port', { length: 40 }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    /** no booking that day although one was needed */
    withoutBooking: boolean('without_booking').notNull().default(false),
  },
  (t) => [index('northbound_crossings_record_idx').on(t.recordId, t.at)],
);

/** What 000 §2.1's registration asks beyond the account: gender, birth date, the address. */
export const northboundProfiles = pgTable('northbound_profiles', {
  accountId: uuid('account_id').primaryKey(),
  gender: varchar('gender', { length: 6 }).notNull(),
  birthDate: varchar('birth_date', { length: 10 }).notNull(),
  idValidTo: varchar('id_valid_to', { length: 10 }).notNull(),
  /** encrypted JSON: region path and street address */
  addressEnc: text('address_enc').notNull(),
  activateNational: boolean('activate_national').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});
