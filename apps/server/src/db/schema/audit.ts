import {
  bigint,
  char,
  index,
  jsonb,
  pgTable,
  primaryKey,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';

/**
 * Staff and account-management actions (issue a card, revoke it, unlock an account, create
 * a department user, change a setting…). Sign-in attempts have their own table
 * (`sign_in_audit`). `detail` never holds personal numbers or secrets.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** insertion order, for the tamper-evident chain (audit_seals) */
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity().notNull(),
    actorId: uuid('actor_id'),
    action: varchar('action', { length: 60 }).notNull(),
    targetType: varchar('target_type', { length: 40 }).notNull(),
    targetId: varchar('target_id', { length: 100 }),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    ip: varchar('ip', { length: 64 }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('audit_events_at_idx').on(t.at),
    index('audit_events_target_idx').on(t.targetType, t.targetId),
    uniqueIndex('audit_events_seq_uq').on(t.seq),
  ],
);

/**
 * The tamper-evident chain over the audit tables (one chain per table): the sealer takes the
 * rows not yet sealed in `seq` order and appends, for each, `hash = SHA-256(prev_hash ‖ row)`.
 * Insert-only, like the audit tables (see docs/ARCHITECTURE.md, "Tamper-evident audit").
 */
export const auditSeals = pgTable(
  'audit_seals',
  {
    /** `audit_events` or `sign_in_audit` */
    chain: varchar('chain', { length: 30 }).notNull(),
    /** position in the chain, from 1 */
    position: bigint('position', { mode: 'number' }).notNull(),
    /** the sealed row's `seq` */
    rowSeq: bigint('row_seq', { mode: 'number' }).notNull(),
    /** hex SHA-256 over the previous hash and the row's canonical content */
    hash: char('hash', { length: 64 }).notNull(),
    sealedAt: timestamp('sealed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.chain, t.position] }),
    uniqueIndex('audit_seals_row_uq').on(t.chain, t.rowSeq),
  ],
);
