import type { Locale } from '@sw/contracts';
import { type AnyColumn, and, desc, eq, gt, inArray, isNull, lt, type SQL, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/client.ts';
import {
  accounts,
  captchas,
  organizations,
  otpCodes,
  sessions,
  signInAudit,
  signInThrottle,
} from '../../db/schema/identity.ts';

export type AccountRow = typeof accounts.$inferSelect;
export type NewAccountRow = typeof accounts.$inferInsert;
export type SessionRow = typeof sessions.$inferSelect;

// accounts ------------------------------------------------------------------

export async function findAccountByUsername(db: Db, username: string): Promise<AccountRow | undefined> {
  const [row] = await db
    .select()
    .from(accounts)
    .where(sql`lower(${accounts.username}) = ${username.toLowerCase()}`)
    .limit(1);
  return row;
}

/** The account that signs in with this mobile number (at most one: accounts_phone_login_uq). */
export async function findAccountByPhoneLogin(db: Db, mobileBidx: string): Promise<AccountRow | undefined> {
  const [row] = await db
    .select()
    .from(accounts)
    .where(and(eq(accounts.mobileBidx, mobileBidx), eq(accounts.phoneLoginEnabled, true)))
    .limit(1);
  return row;
}

export async function getAccountById(db: Db, id: string): Promise<AccountRow | undefined> {
  const [row] = await db.select().from(accounts).where(eq(accounts.id, id)).limit(1);
  return row;
}

export async function findIndividualByIdNumber(db: Db, idType: AccountRow['idType'], idNumberBidx: string) {
  const [row] = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(
      and(
        eq(accounts.kind, 'individual'),
        eq(accounts.idType, idType!),
        eq(accounts.idNumberBidx, idNumberBidx),
      ),
    )
    .limit(1);
  return row;
}

export async function insertAccount(db: Db, values: NewAccountRow): Promise<AccountRow> {
  const [row] = await db.insert(accounts).values(values).returning();
  return row!;
}

/** The language the account's messages are written in. */
export async function setAccountLocale(db: Db, id: string, locale: Locale) {
  await db.update(accounts).set({ locale }).where(eq(accounts.id, id));
}

export async function recordSuccessfulSignIn(db: Db, id: string, at: Date) {
  await db.update(accounts).set({ lastSignInAt: at }).where(eq(accounts.id, id));
}

export async function countAccountsByKind(db: Db) {
  return db
    .select({ kind: accounts.kind, n: sql<number>`count(*)::int` })
    .from(accounts)
    .groupBy(accounts.kind);
}

// sessions ------------------------------------------------------------------

export async function insertSession(db: Db, values: typeof sessions.$inferInsert) {
  await db.insert(sessions).values(values);
}

function buildFindLiveSession(db: Db) {
  return db
    .select({ session: sessions, account: accounts })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .where(
      and(
        eq(sessions.tokenHash, sql.placeholder('tokenHash')),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql.placeholder('now')),
        gt(sessions.lastSeenAt, sql.placeholder('idleSince')),
        // a disabled account's session is dead even if written in a race with the disable;
        // inactive (card-created) accounts work with their card (seed 004 §3.1 账号激活)
        inArray(accounts.status, ['active', 'inactive']),
      ),
    )
    .limit(1)
    .prepare('find_live_session');
}

// Every authenticated request runs this: a named prepared statement skips re-planning on
// PostgreSQL and re-building the SQL in Drizzle. One per database handle.
const findLiveSessionStatements = new WeakMap<Db, ReturnType<typeof buildFindLiveSession>>();

export async function findLiveSession(db: Db, tokenHash: string, now: Date, idleMs: number) {
  let statement = findLiveSessionStatements.get(db);
  if (!statement) {
    statement = buildFindLiveSession(db);
    findLiveSessionStatements.set(db, statement);
  }
  const [row] = await statement.execute({ tokenHash, now, idleSince: new Date(now.getTime() - idleMs) });
  return row;
}

export async function touchSession(db: Db, tokenHash: string, now: Date) {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
}

export async function findLiveSessionsOfAccount(db: Db, accountId: string, now: Date, idleMs: number) {
  return db
    .select()
    .from(sessions)
    .where(
      and(
        eq(sessions.accountId, accountId),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, now),
        gt(sessions.lastSeenAt, new Date(now.getTime() - idleMs)),
      ),
    )
    .orderBy(desc(sessions.lastSeenAt));
}

/** Revokes the account's live sessions (all, or all but `keep`); returns the revoked hashes. */
/** Ends the account's sessions signed in by one method (a revoked card ends its card sessions). */
export async function revokeSessionsOfAccountByMethod(db: Db, accountId: string, method: string, now: Date) {
  const rows = await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.accountId, accountId), eq(sessions.method, method), isNull(sessions.revokedAt)))
    .returning({ tokenHash: sessions.tokenHash });
  return rows.length;
}

export async function revokeSessionsOfAccount(db: Db, accountId: string, now: Date, keep?: string) {
  const rows = await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(
      and(
        eq(sessions.accountId, accountId),
        isNull(sessions.revokedAt),
        keep ? sql`${sessions.tokenHash} <> ${keep}` : undefined,
      ),
    )
    .returning({ tokenHash: sessions.tokenHash });
  return rows.map((r) => r.tokenHash);
}

export async function revokeSession(db: Db, tokenHash: string, now: Date) {
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt)));
}

// captchas ------------------------------------------------------------------

export async function insertCaptcha(db: Db, answerHash: string, expiresAt: Date): Promise<string> {
  const [row] = await db.insert(captchas).values({ answerHash, expiresAt }).returning({ id: captchas.id });
  return row!.id;
}

/** Marks the captcha used (whatever the answer: one try per image) and returns its hash if it was live. */
export async function consumeCaptcha(db: Db, id: string, now: Date): Promise<string | undefined> {
  const [row] = await db
    .update(captchas)
    .set({ usedAt: now })
    .where(and(eq(captchas.id, id), isNull(captchas.usedAt), gt(captchas.expiresAt, now)))
    .returning({ answerHash: captchas.answerHash });
  return row?.answerHash;
}

export async function deleteExpiredCaptchas(db: Db, before: Date) {
  await db.delete(captchas).where(lt(captchas.expiresAt, before));
}

// one-time codes --------------------------------------------------------------

type OtpKey = {
  channel: 'sms' | 'email';
  targetBidx: string;
  purpose: (typeof otpCodes.$inferSelect)['purpose'];
};

/** Serialises code sending per target inside the caller's transaction. */
export async function lockOtpTarget(tx: Db, targetBidx: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${targetBidx}, 0))`);
}

export async function findLatestOtp(db: Db, key: OtpKey) {
  const [row] = await db
    .select()
    .from(otpCodes)
    .where(
      and(
        eq(otpCodes.channel, key.channel),
        eq(otpCodes.targetBidx, key.targetBidx),
        eq(otpCodes.purpose, key.purpose),
      ),
    )
    .orderBy(desc(otpCodes.createdAt))
    .limit(1);
  return row;
}

export async function countOtpsSince(db: Db, targetBidx: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(otpCodes)
    .where(and(eq(otpCodes.targetBidx, targetBidx), gt(otpCodes.createdAt, since)));
  return row?.n ?? 0;
}

export async function retireOpenOtps(db: Db, key: OtpKey, now: Date) {
  await db
    .update(otpCodes)
    .set({ consumedAt: now })
    .where(
      and(
        eq(otpCodes.channel, key.channel),
        eq(otpCodes.targetBidx, key.targetBidx),
        eq(otpCodes.purpose, key.purpose),
        isNull(otpCodes.consumedAt),
      ),
    );
}

export async function insertOtp(db: Db, values: typeof otpCodes.$inferInsert) {
  await db.insert(otpCodes).values(values);
}

export async function incrementOtpAttempts(db: Db, id: string) {
  await db
    .update(otpCodes)
    .set({ attempts: sql`${otpCodes.attempts} + 1` })
    .where(eq(otpCodes.id, id));
}

/** Consumes the code row if still open; false when another request consumed it first. */
export async function consumeOtp(db: Db, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(otpCodes)
    .set({ consumedAt: now })
    .where(and(eq(otpCodes.id, id), isNull(otpCodes.consumedAt)))
    .returning({ id: otpCodes.id });
  return rows.length === 1;
}

// audit -------------------------------------------------------------------------

export async function insertSignInAudit(db: Db, values: typeof signInAudit.$inferInsert) {
  await db.insert(signInAudit).values(values);
}

export async function countSignInsSince(db: Db, since: Date) {
  const [row] = await db
    .select({
      total: sql<number>`count(*) filter (where ${signInAudit.outcome} = 'success')::int`,
      failed: sql<number>`count(*) filter (where ${signInAudit.outcome} <> 'success')::int`,
    })
    .from(signInAudit)
    .where(gt(signInAudit.at, since));
  return { success: row?.total ?? 0, failed: row?.failed ?? 0 };
}

// sign-in throttle ------------------------------------------------------------------

export async function findThrottle(db: Db, identifier: string) {
  const [row] = await db
    .select()
    .from(signInThrottle)
    .where(eq(signInThrottle.identifier, identifier))
    .limit(1);
  return row;
}

/**
 * Counts an attempt as a failure before its password is verified, in one statement — so the check
 * and the count are one atomic step, and a parallel burst on any number of instances gets at most
 * `threshold` verifications. `admitted` is false while the identifier is locked (the count keeps
 * rising, and is forgotten when the lock runs out: the next attempt starts at 1). A success
 * clears the row (startSignedInSession). Returns the failures so far, this one included.
 */
export async function admitSignInAttempt(
  db: Db,
  identifier: string,
  now: Date,
  threshold: number,
  lockMs: number,
): Promise<{ admitted: boolean; failures: number; lockedUntil: Date | null }> {
  const lockUntil = new Date(now.getTime() + lockMs);
  const rows = rowsOf<{ failures: number; locked_until: Date | string | null }>(
    await db.execute(sql`
      insert into sign_in_throttle as t (identifier, failures, locked_until, updated_at)
      values (${identifier}, 1, ${threshold <= 1 ? lockUntil : null}::timestamptz, ${now})
      on conflict (identifier) do update set
        failures = case when t.locked_until is not null and t.locked_until <= ${now} then 1
                        else t.failures + 1 end,
        locked_until = case
          when t.locked_until is not null and t.locked_until <= ${now}
            then ${threshold <= 1 ? lockUntil : null}::timestamptz
          when t.locked_until is not null then t.locked_until
          when t.failures + 1 >= ${threshold} then ${lockUntil}::timestamptz
          else null end,
        updated_at = ${now}
      returning failures, locked_until`),
  );
  const row = rows[0]!;
  const failures = Number(row.failures);
  return {
    admitted: failures <= threshold,
    failures,
    lockedUntil: row.locked_until ? new Date(row.locked_until) : null,
  };
}

export async function clearSignInFailures(db: Db, identifier: string) {
  await db.delete(signInThrottle).where(eq(signInThrottle.identifier, identifier));
}

/** Names of the accounts that acted on an application, for the console's timeline. */
export async function findAccountNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: accounts.id, name: accounts.name })
    .from(accounts)
    .where(inArray(accounts.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * An account's name as a scalar subquery, for another module's query that shows who holds
 * something (the queue's assignee): one statement, and the accounts table stays identity's.
 */
export function accountNameSql(accountId: AnyColumn | SQL): SQL<string | null> {
  return sql<string | null>`(select ${accounts.name} from ${accounts} where ${accounts.id} = ${accountId})`;
}

/** Locks an account row for the rest of the transaction (a per-account count stays true). */
export async function lockAccount(tx: Db, accountId: string): Promise<void> {
  await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, accountId)).for('update');
}

/** The usernames of these accounts. */
export async function findUsernames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: accounts.id, username: accounts.username })
    .from(accounts)
    .where(inArray(accounts.id, ids));
  return new Map(rows.map((r) => [r.id, r.username]));
}

// for the card rules (pki) --------------------------------------------------------------

const ADMIN_KINDS = ['enterprise_admin', 'institution_admin', 'overseas'] as const;

/** The organization's one administrator (accounts_org_admin_uq). */
export async function findOrganizationAdmin(db: Db, organizationId: string) {
  const [row] = await db
    .select()
    .from(accounts)
    .where(and(eq(accounts.organizationId, organizationId), inArray(accounts.kind, [...ADMIN_KINDS])))
    .limit(1);
  return row;
}

/** The organization's operator with this ID document (accounts_operator_id_uq). */
export async function findOperatorByIdentity(
  db: Db,
  organizationId: string,
  idType: NonNullable<AccountRow['idType']>,
  idNumberBidx: string,
) {
  const [row] = await db
    .select()
    .from(accounts)
    .where(
      and(
        eq(accounts.organizationId, organizationId),
        eq(accounts.kind, 'enterprise_operator'),
        eq(accounts.idType, idType),
        eq(accounts.idNumberBidx, idNumberBidx),
        isNull(accounts.deletedAt),
      ),
    )
    .limit(1);
  return row;
}

/** Sets the password and activates the account if it is inactive; undefined otherwise. */
export async function activateInactiveAccount(db: Db, id: string, passwordHash: string, at: Date) {
  const [row] = await db
    .update(accounts)
    .set({ passwordHash, status: 'active', updatedAt: at })
    .where(and(eq(accounts.id, id), eq(accounts.status, 'inactive')))
    .returning();
  return row;
}

/** An account's username as a scalar subquery (see accountNameSql). */
export function accountUsernameSql(accountId: AnyColumn | SQL): SQL<string | null> {
  return sql<
    string | null
  >`(select ${accounts.username} from ${accounts} where ${accounts.id} = ${accountId})`;
}

/**
 * A successful sign-in's account stamp and audit row as two CTE parts (`touched`, `audited`),
 * each written only when `guard` holds — for a sign-in path that spends its proof in the same
 * statement (a card's challenge): one round trip, and the tables stay identity's.
 */
export function signInRecordSql(
  values: {
    accountId: string;
    identifier: string;
    method: string;
    ip: string;
    userAgent: string | null;
    at: Date;
  },
  guard: SQL,
): SQL {
  const at = values.at.toISOString();
  return sql`touched as (
      update ${accounts} set last_sign_in_at = ${at}::timestamptz
      where id = ${values.accountId} and ${guard}
      returning id
    ), audited as (
      insert into ${signInAudit} (account_id, identifier, method, outcome, ip, user_agent, at)
      select ${values.accountId}, ${values.identifier}, ${values.method}, 'success', ${values.ip},
             ${values.userAgent}, ${at}::timestamptz
      where ${guard}
      returning id
    )`;
}

/** Changes an account's registration data (a corrected registration); the username stays. */
export async function updateAccount(db: Db, id: string, values: Partial<NewAccountRow>) {
  await db.update(accounts).set(values).where(eq(accounts.id, id));
}

/**
 * Activates an account waiting for review (registration approved) with a real-name level; returns
 * its username, or undefined when it was not waiting.
 */
export async function activatePendingAccount(
  db: Db,
  id: string,
  realNameLevel: AccountRow['realNameLevel'],
  at: Date,
): Promise<string | undefined> {
  const [row] = await db
    .update(accounts)
    .set({ status: 'active', realNameLevel, updatedAt: at })
    .where(and(eq(accounts.id, id), eq(accounts.status, 'pending_review')))
    .returning({ username: accounts.username });
  return row?.username;
}

/**
 * Registration with review approved: the organization (if any) and its administrator become
 * active, in one statement. The administrator's username, or undefined when it was not pending.
 */
export async function activatePendingRegistration(
  db: Db,
  input: {
    organizationId: string | null;
    accountId: string;
    realNameLevel: AccountRow['realNameLevel'];
    at: Date;
  },
): Promise<string | undefined> {
  const account = db
    .update(accounts)
    .set({ status: 'active', realNameLevel: input.realNameLevel, updatedAt: input.at })
    .where(and(eq(accounts.id, input.accountId), eq(accounts.status, 'pending_review')))
    .returning({ username: accounts.username });
  if (!input.organizationId) return (await account)[0]?.username;
  const organization = db
    .update(organizations)
    .set({ status: 'active', updatedAt: input.at })
    .where(and(eq(organizations.id, input.organizationId), eq(organizations.status, 'pending_review')));
  const { rows } = (await db.execute(
    sql`with org as (${organization.getSQL()}) ${account.getSQL()}`,
  )) as unknown as { rows: { username: string }[] };
  return rows[0]?.username;
}
