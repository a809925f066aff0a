import { pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

/**
 * The e-business-licence simulator's authorizations (integrations/e-license.ts), in the database
 * so that every instance sees the same ones. `browser_key` binds an authorization to the browser
 * that opened it; the enterprise data (with the legal representative's ID number) is encrypted.
 */
export const simELicenseSessions = pgTable('sim_e_license_sessions', {
  id: uuid('id').primaryKey(),
  browserKey: varchar('browser_key', { length: 64 }).notNull(),
  status: varchar('status', { length: 12 }).notNull(),
  enterpriseEnc: text('enterprise_enc'),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

/**
 * The face-check simulator's sessions (integrations/face-check.ts): the liveness challenge shown and
 * the outcome a tester chose on the simulated camera panel (pass, liveness failed, not the person).
 */
export const simFaceSessions = pgTable('sim_face_sessions', {
  id: uuid('id').primaryKey(),
  challenge: varchar('challenge', { length: 20 }).notNull(),
  outcome: varchar('outcome', { length: 12 }),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});
