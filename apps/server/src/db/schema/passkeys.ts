import { bigint, boolean, index, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { accounts } from './identity.ts';

/** WebAuthn credentials (passkeys) an account registered in account settings. */
export const passkeyCredentials = pgTable(
  'passkey_credentials',
  {
    /** credential ID, base64url */
    id: varchar('id', { length: 512 }).primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    /** COSE public key, base64url */
    publicKey: text('public_key').notNull(),
    counter: bigint('counter', { mode: 'number' }).notNull().default(0),
    transports: varchar('transports', { length: 200 }),
    deviceType: varchar('device_type', { length: 32 }),
    backedUp: boolean('backed_up').notNull().default(false),
    name: varchar('name', { length: 64 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [index('passkey_credentials_account_idx').on(t.accountId)],
);

/** WebAuthn ceremony challenges; single use, short-lived. */
export const webauthnChallenges = pgTable('webauthn_challenges', {
  id: uuid('id').primaryKey().defaultRandom(),
  challenge: varchar('challenge', { length: 128 }).notNull(),
  /** 'register' (account known) or 'authenticate' (discoverable, account unknown) */
  purpose: varchar('purpose', { length: 16 }).notNull(),
  accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'cascade' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});
