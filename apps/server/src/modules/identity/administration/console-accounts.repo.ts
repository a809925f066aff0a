import type { AccountKind, AccountStatus } from '@sw/contracts';
import { type AnyColumn, and, desc, eq, gt, gte, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { accounts, signInAudit, signInThrottle } from '../../../db/schema/identity.ts';
import type { Keyset } from '../../../lib/keyset-cursor.ts';
import type { AccountRow } from '../identity.repo.ts';

/** A position in a newest-first list: the row's timestamp (full database precision, as text) and id. */

/** `LIKE` pattern text with its wildcards taken literally. */
function literal(v: string) {
  return v.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** (timestamp, id) strictly after `cursor` in descending order. */
function before(column: AnyColumn, idColumn: AnyColumn, cursor: Keyset | undefined) {
  if (!cursor) return undefined;
  return sql`(${column}, ${idColumn}) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)`;
}

// accounts ------------------------------------------------------------------

export type AccountFilter = {
  /** prefix of the username, or part of the name or department; any case */
  text?: string;
  /** blind index of a whole mobile number typed as `text` */
  mobileBidx?: string;
  kind?: AccountKind;
  status?: AccountStatus;
  cursor?: Keyset;
  limit: number;
};

/** Accounts newest first, one more than `limit` (so the caller knows whether a next page exists). */
export async function findAccounts(db: Db, f: AccountFilter) {
  const text = f.text ? literal(f.text.toLowerCase()) : undefined;
  return db
    .select({ account: accounts, at: sql<string>`${accounts.createdAt}::text` })
    .from(accounts)
    .where(
      and(
        f.kind ? eq(accounts.kind, f.kind) : undefined,
        f.status ? eq(accounts.status, f.status) : undefined,
        text
          ? or(
              sql`lower(${accounts.username}) like ${`${text}%`}`,
              sql`lower(${accounts.name}) like ${`%${text}%`}`,
              sql`lower(${accounts.department}) like ${`%${text}%`}`,
              f.mobileBidx ? eq(accounts.mobileBidx, f.mobileBidx) : undefined,
            )
          : undefined,
        before(accounts.createdAt, accounts.id, f.cursor),
      ),
    )
    .orderBy(desc(accounts.createdAt), desc(accounts.id))
    .limit(f.limit + 1);
}

/** Moves an account from one status to another; undefined when it is not in `from`. */
export async function updateAccountStatus(
  db: Db,
  id: string,
  from: AccountStatus,
  to: AccountStatus,
  now: Date,
): Promise<AccountRow | undefined> {
  const [row] = await db
    .update(accounts)
    .set({ status: to, updatedAt: now })
    .where(and(eq(accounts.id, id), eq(accounts.status, from)))
    .returning();
  return row;
}

// lockouts ------------------------------------------------------------------

/** Identifiers locked now, latest unlock time first, with the account of that username if any. */
export async function findActiveLockouts(db: Db, now: Date, limit: number) {
  return (
    db
      .select({
        identifier: signInThrottle.identifier,
        failures: signInThrottle.failures,
        lockedUntil: signInThrottle.lockedUntil,
        accountId: accounts.id,
        username: accounts.username,
        mobileEnc: accounts.mobileEnc,
      })
      .from(signInThrottle)
      // a username lower-cased, or `m:` and the mobile's blind index for sign-in by mobile number
      .leftJoin(
        accounts,
        sql`(lower(${accounts.username}) = ${signInThrottle.identifier} or (${signInThrottle.identifier} like 'm:%' and ${accounts.phoneLoginEnabled} and left(${accounts.mobileBidx}, 62) = substr(${signInThrottle.identifier}, 3)))`,
      )
      .where(gt(signInThrottle.lockedUntil, now))
      .orderBy(desc(signInThrottle.lockedUntil), signInThrottle.identifier)
      .limit(limit)
  );
}

/** Clears the failure count (and any lock) of the identifier whose SHA-256 is `handle`. */
export async function deleteThrottleByHandle(db: Db, handle: string) {
  const [row] = await db
    .delete(signInThrottle)
    .where(sql`encode(sha256(convert_to(${signInThrottle.identifier}, 'UTF8')), 'hex') = ${handle}`)
    .returning();
  return row;
}

// sign-in log ------------------------------------------------------------------

export type SignInLogFilter = {
  /** prefix of the typed identifier or of the linked account's username; lower-cased */
  identifier?: string;
  /** a whole mobile number was typed: attempts on the account with this mobile (the log holds it masked) */
  mobileBidx?: string;
  outcome?: string;
  method?: string;
  ip?: string;
  from?: Date;
  to?: Date;
  cursor?: Keyset;
  limit: number;
};

/** Sign-in attempts newest first, one more than `limit`. */
export async function findSignIns(db: Db, f: SignInLogFilter) {
  const prefix = f.identifier && !f.mobileBidx ? `${literal(f.identifier.toLowerCase())}%` : undefined;
  return db
    .select({
      entry: signInAudit,
      username: accounts.username,
      at: sql<string>`${signInAudit.at}::text`,
    })
    .from(signInAudit)
    .leftJoin(accounts, eq(accounts.id, signInAudit.accountId))
    .where(
      and(
        prefix
          ? or(
              sql`lower(${signInAudit.identifier}) like ${prefix}`,
              sql`lower(${accounts.username}) like ${prefix}`,
            )
          : undefined,
        f.mobileBidx ? eq(accounts.mobileBidx, f.mobileBidx) : undefined,
        f.outcome ? eq(signInAudit.outcome, f.outcome) : undefined,
        f.method ? eq(signInAudit.method, f.method) : undefined,
        f.ip ? eq(signInAudit.ip, f.ip) : undefined,
        f.from ? gte(signInAudit.at, f.from) : undefined,
        f.to ? lt(signInAudit.at, f.to) : undefined,
        before(signInAudit.at, signInAudit.id, f.cursor),
      ),
    )
    .orderBy(desc(signInAudit.at), desc(signInAudit.id))
    .limit(f.limit + 1);
}
