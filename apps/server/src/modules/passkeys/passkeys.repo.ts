import { and, asc, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { passkeyCredentials, webauthnChallenges } from '../../db/schema/passkeys.ts';
import { lockAccount } from '../identity/index.ts';

export type PasskeyRow = typeof passkeyCredentials.$inferSelect;
export type ChallengePurpose = 'register' | 'authenticate';

// challenges ------------------------------------------------------------------

export async function insertChallenge(
  db: Db,
  values: {
    challenge: string;
    purpose: ChallengePurpose;
    accountId: string | null;
    now: Date;
    expiresAt: Date;
  },
): Promise<string> {
  const [row] = await db
    .insert(webauthnChallenges)
    .values({
      challenge: values.challenge,
      purpose: values.purpose,
      accountId: values.accountId,
      createdAt: values.now,
      expiresAt: values.expiresAt,
    })
    .returning({ id: webauthnChallenges.id });
  return row!.id;
}

/**
 * Marks a live challenge used and returns it, in one statement: of two requests racing with the
 * same challenge exactly one gets it. A registration challenge is only good for its own account.
 */
export async function consumeChallenge(
  db: Db,
  id: string,
  purpose: ChallengePurpose,
  accountId: string | null,
  now: Date,
): Promise<string | undefined> {
  const [row] = await db
    .update(webauthnChallenges)
    .set({ usedAt: now })
    .where(
      and(
        eq(webauthnChallenges.id, id),
        eq(webauthnChallenges.purpose, purpose),
        accountId ? eq(webauthnChallenges.accountId, accountId) : isNull(webauthnChallenges.accountId),
        isNull(webauthnChallenges.usedAt),
        gt(webauthnChallenges.expiresAt, now),
      ),
    )
    .returning({ challenge: webauthnChallenges.challenge });
  return row?.challenge;
}

/** Challenges past their life are worth nothing, used or not. */
export async function deleteExpiredChallenges(db: Db, now: Date) {
  await db.delete(webauthnChallenges).where(lt(webauthnChallenges.expiresAt, now));
}

// credentials -----------------------------------------------------------------

export async function findPasskeysOfAccount(db: Db, accountId: string): Promise<PasskeyRow[]> {
  return db
    .select()
    .from(passkeyCredentials)
    .where(eq(passkeyCredentials.accountId, accountId))
    .orderBy(asc(passkeyCredentials.createdAt), asc(passkeyCredentials.id));
}

/** Serialises passkey changes of one account inside the caller's transaction (the per-account cap holds under races). */
export async function lockAccountForPasskeys(tx: Db, accountId: string) {
  await lockAccount(tx, accountId);
}

export async function countPasskeysOfAccount(db: Db, accountId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(passkeyCredentials)
    .where(eq(passkeyCredentials.accountId, accountId));
  return row?.n ?? 0;
}

export async function findPasskeyById(db: Db, id: string): Promise<PasskeyRow | undefined> {
  const [row] = await db.select().from(passkeyCredentials).where(eq(passkeyCredentials.id, id)).limit(1);
  return row;
}

export async function insertPasskey(
  db: Db,
  values: typeof passkeyCredentials.$inferInsert,
): Promise<PasskeyRow> {
  const [row] = await db.insert(passkeyCredentials).values(values).returning();
  return row!;
}

export async function renamePasskey(db: Db, accountId: string, id: string, name: string) {
  const [row] = await db
    .update(passkeyCredentials)
    .set({ name })
    .where(and(eq(passkeyCredentials.id, id), eq(passkeyCredentials.accountId, accountId)))
    .returning();
  return row;
}

/** Deletes the account's own passkey; undefined when it has no such passkey. */
export async function deletePasskey(db: Db, accountId: string, id: string) {
  const [row] = await db
    .delete(passkeyCredentials)
    .where(and(eq(passkeyCredentials.id, id), eq(passkeyCredentials.accountId, accountId)))
    .returning();
  return row;
}

/**
 * Stores the authenticator's new signature counter, only if it moved forward (or the authenticator
 * keeps no counter, always 0): two sign-ins replaying one counter value cannot both pass.
 */
export async function advancePasskeyCounter(
  db: Db,
  id: string,
  counter: number,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(passkeyCredentials)
    .set({ counter, lastUsedAt: now })
    .where(
      and(
        eq(passkeyCredentials.id, id),
        counter === 0 ? eq(passkeyCredentials.counter, 0) : lt(passkeyCredentials.counter, counter),
      ),
    )
    .returning({ id: passkeyCredentials.id });
  return rows.length === 1;
}
