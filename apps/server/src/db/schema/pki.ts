import { CARD_ROLES } from '@sw/contracts/enums';
import {
  index,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { accounts, idType } from './identity.ts';

export const cardRole = pgEnum('card_role', CARD_ROLES);

/**
 * The platform certificate authority: one row, created on first start. The private key is
 * stored encrypted with the platform secret (lib/crypto.ts), never in the clear.
 */
export const pkiAuthority = pgTable('pki_authority', {
  id: smallint('id').primaryKey(),
  subject: varchar('subject', { length: 300 }).notNull(),
  certificatePem: text('certificate_pem').notNull(),
  privateKeyEnc: text('private_key_enc').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Card media (IC 卡 / IKey, seed 004 §2.2, §3.3): an X.509 certificate issued by the platform
 * CA with the holder's attributes, and its PIN-protected PKCS#12 file. A card binds to at
 * most one account (`accountId`); an account may hold several cards.
 */
export const cards = pgTable(
  'cards',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cardNo: varchar('card_no', { length: 32 }).notNull(),
    /** certificate serial number, hex */
    serial: varchar('serial', { length: 64 }).notNull(),
    role: cardRole('role').notNull(),
    holderName: varchar('holder_name', { length: 100 }).notNull(),
    holderIdType: idType('holder_id_type').notNull(),
    holderIdNumberEnc: text('holder_id_number_enc').notNull(),
    holderIdNumberBidx: varchar('holder_id_number_bidx', { length: 64 }).notNull(),
    creditCode: varchar('credit_code', { length: 18 }),
    orgCode: varchar('org_code', { length: 9 }).notNull(),
    orgName: varchar('org_name', { length: 200 }).notNull(),
    notBefore: timestamp('not_before', { withTimezone: true }).notNull(),
    notAfter: timestamp('not_after', { withTimezone: true }).notNull(),
    certificatePem: text('certificate_pem').notNull(),
    /** the PKCS#12 file (base64), encrypted with the platform secret, for staff to download again */
    pkcs12Enc: text('pkcs12_enc').notNull(),
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    boundAt: timestamp('bound_at', { withTimezone: true }),
    issuedBy: uuid('issued_by').references(() => accounts.id, { onDelete: 'set null' }),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by').references(() => accounts.id, { onDelete: 'set null' }),
    revokeReason: varchar('revoke_reason', { length: 200 }),
  },
  (t) => [
    uniqueIndex('cards_card_no_uq').on(t.cardNo),
    uniqueIndex('cards_serial_uq').on(t.serial),
    index('cards_account_idx').on(t.accountId),
    index('cards_org_code_idx').on(t.orgCode),
  ],
);

/** Server challenges a card signs at sign-in; single use, short-lived. */
export const cardChallenges = pgTable('card_challenges', {
  id: uuid('id').primaryKey().defaultRandom(),
  nonce: varchar('nonce', { length: 64 }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});
