import {
  ACCOUNT_KINDS,
  ACCOUNT_STATUSES,
  ID_TYPES,
  ORGANIZATION_KINDS,
  OTP_CHANNELS,
  OTP_PURPOSES,
  REAL_NAME_LEVELS,
} from '@sw/contracts/enums';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';

export const accountKind = pgEnum('account_kind', ACCOUNT_KINDS);
export const accountStatus = pgEnum('account_status', ACCOUNT_STATUSES);
export const idType = pgEnum('id_type', ID_TYPES);
export const realNameLevel = pgEnum('real_name_level', REAL_NAME_LEVELS);
export const otpChannel = pgEnum('otp_channel', OTP_CHANNELS);
export const otpPurpose = pgEnum('otp_purpose', OTP_PURPOSES);
export const organizationKind = pgEnum('organization_kind', ORGANIZATION_KINDS);

/**
 * Personal numbers are stored as `*_enc` (AES-256-GCM, see lib/crypto.ts) beside `*_bidx`,
 * an HMAC blind index used for lookups and uniqueness. Plain values are never stored.
 */
export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: organizationKind('kind').notNull(),
    creditCode: varchar('credit_code', { length: 18 }),
    orgCode: varchar('org_code', { length: 9 }),
    name: varchar('name', { length: 200 }).notNull(),
    /** 法定代表人 (seed 004 §1.2.2 step 1) */
    legalRepName: varchar('legal_rep_name', { length: 100 }),
    legalRepIdType: idType('legal_rep_id_type'),
    legalRepIdNumberEnc: text('legal_rep_id_number_enc'),
    legalRepIdNumberBidx: varchar('legal_rep_id_number_bidx', { length: 64 }),
    legalRepIdValidFrom: varchar('legal_rep_id_valid_from', { length: 8 }),
    legalRepIdValidTo: varchar('legal_rep_id_valid_to', { length: 8 }),
    /** overseas (seed 004 §1.5): ISO 3166-1 alpha-3 and the registration number there (immutable once set) */
    countryCode: varchar('country_code', { length: 3 }),
    registrationNo: varchar('registration_no', { length: 60 }),
    address: varchar('address', { length: 300 }),
    /** how it came to be: 'registration', 'e_license' (电子营业执照), 'card' (卡登录自动注册) */
    source: varchar('source', { length: 20 }).notNull().default('registration'),
    /** `pending_review` while a registration with review (seed 001) awaits its decision */
    status: varchar('status', { length: 20 })
      .$type<'active' | 'pending_review'>()
      .notNull()
      .default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('organizations_org_code_uq').on(t.orgCode),
    uniqueIndex('organizations_credit_code_uq').on(t.creditCode),
  ],
);

export const accounts = pgTable(
  'accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: varchar('username', { length: 64 }).notNull(),
    kind: accountKind('kind').notNull(),
    status: accountStatus('status').notNull().default('active'),
    organizationId: uuid('organization_id').references(() => organizations.id),
    name: varchar('name', { length: 100 }).notNull(),
    idType: idType('id_type'),
    idNumberEnc: text('id_number_enc'),
    idNumberBidx: varchar('id_number_bidx', { length: 64 }),
    idValidFrom: varchar('id_valid_from', { length: 8 }),
    idValidTo: varchar('id_valid_to', { length: 8 }),
    mobileEnc: text('mobile_enc'),
    mobileBidx: varchar('mobile_bidx', { length: 64 }),
    mobileVerifiedAt: timestamp('mobile_verified_at', { withTimezone: true }),
    emailEnc: text('email_enc'),
    emailBidx: varchar('email_bidx', { length: 64 }),
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
    passwordHash: text('password_hash'),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    /** operator created by an administrator: at first sign-in, prove the mobile by SMS (seed 004 §2.1) */
    mustVerifyMobile: boolean('must_verify_mobile').notNull().default(false),
    /** 手机号登录开关 (seed 004 §3.1 账户设置) */
    phoneLoginEnabled: boolean('phone_login_enabled').notNull().default(false),
    /** overseas contact details (seed 004 §1.5) */
    department: varchar('department', { length: 100 }),
    jobTitle: varchar('job_title', { length: 100 }),
    phoneEnc: text('phone_enc'),
    fax: varchar('fax', { length: 40 }),
    notes: varchar('notes', { length: 500 }),
    /** the administrator or staff member who created this account, if any */
    createdBy: uuid('created_by'),
    realNameLevel: realNameLevel('real_name_level').notNull().default('none'),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
    /** 删除 (我的操作员, seed 004 §3.2): the operator is gone from its organization; the row stays for the audit */
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    /**
     * The language the person uses (zh-CN, zh-HK, en): set at registration and sign-in and by the
     * language switch; every e-mail, SMS and 站内信 to the account is written in it.
     */
    locale: varchar('locale', { length: 5 }).$type<'zh-CN' | 'zh-HK' | 'en'>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // usernames are unique ignoring case (seed 004 §1.2.2)
    uniqueIndex('accounts_username_lower_uq').on(sql`lower(${t.username})`),
    // one individual account per identity document
    uniqueIndex('accounts_individual_id_uq')
      .on(t.idType, t.idNumberBidx)
      .where(sql`${t.kind} = 'individual'`),
    index('accounts_mobile_bidx_idx').on(t.mobileBidx),
    // one mobile number signs in to at most one account (seed 004 §3.1 账户设置)
    uniqueIndex('accounts_phone_login_uq').on(t.mobileBidx).where(sql`${t.phoneLoginEnabled}`),
    // exactly one administrator per organization (seed 004 §1.1)
    uniqueIndex('accounts_org_admin_uq')
      .on(t.organizationId)
      .where(sql`${t.kind} in ('enterprise_admin', 'institution_admin', 'overseas')`),
    // an operator's ID type + number is unique within its organization (seed 004 §1.1)
    uniqueIndex('accounts_operator_id_uq')
      .on(t.organizationId, t.idType, t.idNumberBidx)
      .where(sql`${t.kind} = 'enterprise_operator' and ${t.deletedAt} is null`),
    index('accounts_organization_idx').on(t.organizationId),
  ],
);

/**
 * 我的资质 (seed 004 §3.4): the organization's filings with other agencies, by tab (海关, 报检,
 * 对外贸易经营者备案, 原产地企业备案), kept as the administrator typed them (no approval), and when
 * the market regulator's and the commerce ministry's data were last synchronised.
 */
export const organizationQualifications = pgTable('organization_qualifications', {
  organizationId: uuid('organization_id')
    .primaryKey()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  data: jsonb('data').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }),
  updatedBy: uuid('updated_by'),
  marketSyncedAt: timestamp('market_synced_at', { withTimezone: true }),
  commerceSyncedAt: timestamp('commerce_synced_at', { withTimezone: true }),
});

/**
 * 人脸识别 checks (liveness, then a match against the identity photo) started by an account through
 * the face-check adapter: what for, the provider's reference, the outcome once read, and when the
 * check was used (a passed check raises a level or steps a session up once).
 */
export const faceChecks = pgTable(
  'face_checks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    purpose: varchar('purpose', { length: 20 }).$type<'real_name' | 'step_up' | 'sign_in'>().notNull(),
    providerRef: varchar('provider_ref', { length: 64 }).notNull(),
    /** the liveness challenge shown (blink, open_mouth, turn_left, turn_right, nod) */
    challenge: varchar('challenge', { length: 20 }).notNull(),
    status: varchar('status', { length: 12 })
      .$type<'pending' | 'passed' | 'failed' | 'mismatch'>()
      .notNull()
      .default('pending'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('face_checks_account_idx').on(t.accountId, t.createdAt)],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie token, hex; the token itself is never stored */
    tokenHash: varchar('token_hash', { length: 64 }).primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    method: varchar('method', { length: 20 }).notNull(),
    ip: varchar('ip', { length: 64 }),
    userAgent: varchar('user_agent', { length: 400 }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    /** the last face check passed in this session (step-up before personal data, seed 003) */
    stepUpAt: timestamp('step_up_at', { withTimezone: true }),
    /**
     * the citizen hub's device this session is on (a keyed hash of its device cookie): one such
     * session per account at a time (seed 003 温馨提示 3)
     */
    hubDevice: varchar('hub_device', { length: 64 }),
    /** why it ended early: `replaced` (signed in on another phone), null otherwise */
    revokedReason: varchar('revoked_reason', { length: 20 }),
  },
  (t) => [
    index('sessions_account_idx').on(t.accountId),
    index('sessions_hub_live_idx').on(t.accountId).where(sql`hub_device is not null and revoked_at is null`),
  ],
);

/**
 * A phone bound to an account for the citizen hub (seed 003 ch.1): after one full sign-in the
 * person sets a 6-digit PIN on it and picks how they sign in there (face or PIN). The device is
 * known by a keyed hash of its long-lived httpOnly cookie; the PIN is an argon2id hash; five
 * wrong PINs lock it for a while (`locked_until`), counted in the row under a conditional update.
 */
export const hubDevices = pgTable(
  'hub_devices',
  {
    deviceHash: varchar('device_hash', { length: 64 }).primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    pinHash: varchar('pin_hash', { length: 200 }),
    defaultMethod: varchar('default_method', { length: 8 }).$type<'face' | 'pin'>().notNull().default('face'),
    failedPins: integer('failed_pins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [index('hub_devices_account_idx').on(t.accountId)],
);

export const captchas = pgTable('captchas', {
  id: uuid('id').primaryKey().defaultRandom(),
  answerHash: varchar('answer_hash', { length: 64 }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});

export const otpCodes = pgTable(
  'otp_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    channel: otpChannel('channel').notNull(),
    targetBidx: varchar('target_bidx', { length: 64 }).notNull(),
    purpose: otpPurpose('purpose').notNull(),
    codeHash: varchar('code_hash', { length: 64 }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
  },
  (t) => [index('otp_codes_target_idx').on(t.targetBidx, t.purpose, t.createdAt)],
);

export const signInAudit = pgTable(
  'sign_in_audit',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** insertion order, for the tamper-evident chain (audit_seals) */
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity().notNull(),
    /** no ON DELETE action: a foreign-key action runs as the table owner and would rewrite audit rows */
    accountId: uuid('account_id').references(() => accounts.id),
    /** what was typed, lower-cased; kept to trace attacks on unknown names */
    identifier: varchar('identifier', { length: 64 }).notNull(),
    method: varchar('method', { length: 20 }).notNull(),
    outcome: varchar('outcome', { length: 40 }).notNull(),
    ip: varchar('ip', { length: 64 }),
    userAgent: varchar('user_agent', { length: 400 }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('sign_in_audit_at_idx').on(t.at),
    index('sign_in_audit_account_idx').on(t.accountId, t.at),
    uniqueIndex('sign_in_audit_seq_uq').on(t.seq),
  ],
);

/**
 * Consecutive password failures per typed identifier (lower-cased username), whether or not
 * such an account exists — so a lockout answer never tells the two apart. In the database,
 * so the count and the unlock time survive restarts and hold across instances.
 */
export const signInThrottle = pgTable('sign_in_throttle', {
  identifier: varchar('identifier', { length: 64 }).primaryKey(),
  failures: integer('failures').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Staff roles (issue 4 §6): `platform_admin` (service_code `*`), and `reviewer` or `supervisor`
 * for one service. A reviewer's `duties` (岗位) limit them to the steps of those duties where the
 * service names duties (港车北上: 粤港审批, 验车、保险核验, 发牌); null holds every duty.
 */
export const staffRoles = pgTable(
  'staff_roles',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    role: varchar('role', { length: 20 }).$type<'platform_admin' | 'reviewer' | 'supervisor'>().notNull(),
    serviceCode: varchar('service_code', { length: 40 }).notNull(),
    duties: jsonb('duties').$type<string[]>(),
    grantedBy: uuid('granted_by'),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.role, t.serviceCode] }),
    index('staff_roles_service_idx').on(t.serviceCode, t.role),
    check('staff_roles_role_check', sql`${t.role} in ('platform_admin', 'reviewer', 'supervisor')`),
  ],
);

/**
 * Single-use links sent by e-mail: password recovery (001 §2.6) and the correction of a
 * returned registration. Only the token's SHA-256 is stored.
 */
export const actionTokens = pgTable(
  'action_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    purpose: varchar('purpose', { length: 30 })
      .$type<'password_reset' | 'registration_correction'>()
      .notNull(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    /** the application a link is about (registration correction); no foreign key: casework owns that table */
    applicationId: uuid('application_id'),
    tokenHash: varchar('token_hash', { length: 64 }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('action_tokens_hash_uq').on(t.tokenHash),
    index('action_tokens_account_idx').on(t.accountId, t.purpose),
  ],
);
