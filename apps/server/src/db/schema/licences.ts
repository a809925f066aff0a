import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';

/*
 * The licences module's tables (issue 13 §2): 我的证照 — licences a person linked from the issuing
 * authorities — and the keys that sign 亮证's short-lived codes.
 */

/**
 * A licence linked to an account (授权关联). The authority's record is kept encrypted (`record_enc`,
 * the fields as JSON); `number_bidx` finds a licence by number without holding it in clear. One live
 * link per account and type (a partial unique index); 取消关联 sets `unlinked_at`.
 */
export const licenceLinks = pgTable(
  'licence_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id').notNull(),
    type: varchar('type', { length: 30 }).notNull(),
    /** the city it was linked in (社保卡, 公积金 are per city), GB/T 2260 */
    city: varchar('city', { length: 4 }),
    /** who answered: the adapter's name, or `platform` for a licence issued here (居住证) */
    source: varchar('source', { length: 40 }).notNull(),
    recordEnc: text('record_enc').notNull(),
    numberBidx: varchar('number_bidx', { length: 64 }).notNull(),
    linkedAt: timestamp('linked_at', { withTimezone: true }).notNull(),
    unlinkedAt: timestamp('unlinked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('licence_links_live_uq').on(t.accountId, t.type).where(sql`unlinked_at is null`),
    index('licence_links_account_idx').on(t.accountId),
  ],
);

/**
 * The keys that sign licence codes (ES256). The newest signs; an older one stays published in the
 * JWKS until `retire_at` (its last code has expired, with a margin for verifiers' clocks). The
 * private key is encrypted at rest with the platform's field key.
 */
export const licenceSigningKeys = pgTable('licence_signing_keys', {
  kid: varchar('kid', { length: 40 }).primaryKey(),
  privateKeyEnc: text('private_key_enc').notNull(),
  /** the public JWK (kty, crv, x, y) as JSON */
  publicJwk: text('public_jwk').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  /** set when a newer key takes over: the end of this key's place in the JWKS */
  retireAt: timestamp('retire_at', { withTimezone: true }),
});
