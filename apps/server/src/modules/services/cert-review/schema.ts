import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

type Localized = { 'zh-CN': string; 'zh-HK': string; en: string };

/**
 * 智慧审证's own tables (seed 002). Nobody else reads or writes them; they refer to applications
 * and organizations by id only (no foreign keys into other modules' tables).
 */

/** 证书类型 (监管证件), as data platform admins edit; withdrawn types stay for old applications. */
export const certReviewCertTypes = pgTable('cert_review_cert_types', {
  code: varchar('code', { length: 40 }).primaryKey(),
  name: jsonb('name').$type<Localized>().notNull(),
  active: boolean('active').notNull().default(true),
  sort: integer('sort').notNull().default(100),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});

/**
 * One row per submitted certificate application: what 查询 filters on (number, type, submission
 * time, status — the status mirrored from the casework engine in the decision's transaction) and
 * the state of the check with the issuing authority (联网核查). `authority_enc` is the authority's
 * answer (encrypted JSON); `authority_before_enc` the one before it when a later check found a
 * change.
 */
export const certReviewRecords = pgTable(
  'cert_review_records',
  {
    applicationId: uuid('application_id').primaryKey(),
    organizationId: uuid('organization_id'),
    applicantAccountId: uuid('applicant_account_id').notNull(),
    number: varchar('number', { length: 40 }).notNull(),
    certType: varchar('cert_type', { length: 40 }).notNull(),
    certTypeName: varchar('cert_type_name', { length: 100 }).notNull(),
    certNo: varchar('cert_no', { length: 50 }).notNull(),
    status: varchar('status', { length: 20 }).notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    /** 重新添加: the failed application this one was added again from */
    readdedFrom: uuid('readded_from'),
    readdedFromNumber: varchar('readded_from_number', { length: 40 }),
    /** pending: not asked yet or asking; done: answered; unavailable: the authority did not answer (未核查) */
    checkStatus: varchar('check_status', { length: 12 }).notNull().default('pending'),
    /** match | mismatch | not_found */
    checkOutcome: varchar('check_outcome', { length: 12 }),
    authorityEnc: text('authority_enc'),
    authorityBeforeEnc: text('authority_before_enc'),
    authorityChangedAt: timestamp('authority_changed_at', { withTimezone: true }),
    checkedAt: timestamp('checked_at', { withTimezone: true }),
    checkAttempts: integer('check_attempts').notNull().default(0),
    /** when the open application is asked again (a later change at the authority shows) */
    nextCheckAt: timestamp('next_check_at', { withTimezone: true }),
  },
  (t) => [
    index('cert_review_records_org_idx').on(t.organizationId, t.submittedAt),
    index('cert_review_records_applicant_idx').on(t.applicantAccountId, t.submittedAt),
    index('cert_review_records_recheck_idx').on(t.nextCheckAt).where(sql`${t.nextCheckAt} is not null`),
  ],
);

/**
 * The issuing authority simulator's certificates (local and test mode), in the database so every
 * instance answers the same. `data` is the certificate as the authority holds it.
 */
export const certReviewSimCertificates = pgTable('cert_review_sim_certificates', {
  certType: varchar('cert_type', { length: 40 }).notNull(),
  certNo: varchar('cert_no', { length: 50 }).primaryKey(),
  dataEnc: text('data_enc').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The simulator's switches (e.g. `outage`: the authority does not answer). */
export const certReviewSimSettings = pgTable('cert_review_sim_settings', {
  key: varchar('key', { length: 40 }).primaryKey(),
  value: text('value').notNull(),
});
