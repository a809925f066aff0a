import { pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

/**
 * 人工资料审核's own table (seed 004 §2.3–§2.4): per application, the language to answer in (the
 * applicant has no account to hold it) and, for a password reset, the new password chosen at
 * submission — hashed (argon2id) then, applied only on approval, and erased with the decision
 * either way, so no hash outlives its request. Refers to the application by id only.
 */
export const accountRecoveryRequests = pgTable('account_recovery_requests', {
  applicationId: uuid('application_id').primaryKey(),
  locale: varchar('locale', { length: 5 }).notNull(),
  passwordHash: text('password_hash'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
