import { and, desc, eq, gt, gte, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { actionTokens } from '../../db/schema/identity.ts';
import { randomToken, sha256Hex } from '../../lib/crypto.ts';

/**
 * Single-use links sent by e-mail (password recovery, 001 §2.6; correcting a returned
 * registration): 256 random bits in the link, only their SHA-256 stored. A token is spent by
 * one conditional UPDATE, so of two uses exactly one wins.
 */
export type ActionTokenPurpose = 'password_reset' | 'registration_correction';
export type ActionTokenRow = typeof actionTokens.$inferSelect;

/** Ends the open tokens of an account (and application) for a purpose: only the newest link works. */
export async function retireActionTokens(
  tx: Db,
  where: { purpose: ActionTokenPurpose; accountId: string; applicationId?: string },
  now: Date,
) {
  await tx
    .update(actionTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(actionTokens.purpose, where.purpose),
        eq(actionTokens.accountId, where.accountId),
        where.applicationId ? eq(actionTokens.applicationId, where.applicationId) : undefined,
        isNull(actionTokens.usedAt),
      ),
    );
}

/** A new token replacing the open ones of the same account (and application); returns the secret. */
export async function issueActionToken(
  tx: Db,
  input: {
    purpose: ActionTokenPurpose;
    accountId: string;
    applicationId?: string;
    ttlMs: number;
    now: Date;
  },
): Promise<{ token: string; expiresAt: Date }> {
  await retireActionTokens(tx, input, input.now);
  const token = randomToken();
  const expiresAt = new Date(input.now.getTime() + input.ttlMs);
  await tx.insert(actionTokens).values({
    purpose: input.purpose,
    accountId: input.accountId,
    applicationId: input.applicationId ?? null,
    tokenHash: sha256Hex(token),
    expiresAt,
    createdAt: input.now,
  });
  return { token, expiresAt };
}

/** The token's row while it is unused and unexpired (a read: the page that shows the form). */
export async function findLiveActionToken(
  db: Db,
  purpose: ActionTokenPurpose,
  token: string,
  now: Date,
): Promise<ActionTokenRow | undefined> {
  if (token.length > 100) return undefined;
  const [row] = await db
    .select()
    .from(actionTokens)
    .where(
      and(
        eq(actionTokens.tokenHash, sha256Hex(token)),
        eq(actionTokens.purpose, purpose),
        isNull(actionTokens.usedAt),
        gt(actionTokens.expiresAt, now),
      ),
    );
  return row;
}

/** Spends a live token in one statement; undefined when unknown, used or expired (or a race lost). */
export async function consumeActionToken(
  tx: Db,
  purpose: ActionTokenPurpose,
  token: string,
  now: Date,
): Promise<ActionTokenRow | undefined> {
  if (token.length > 100) return undefined;
  const [row] = await tx
    .update(actionTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(actionTokens.tokenHash, sha256Hex(token)),
        eq(actionTokens.purpose, purpose),
        isNull(actionTokens.usedAt),
        gt(actionTokens.expiresAt, now),
      ),
    )
    .returning();
  return row;
}

/** How many tokens of a purpose an account was sent since `since`, and when the last one went. */
export async function recentActionTokens(
  db: Db,
  purpose: ActionTokenPurpose,
  accountId: string,
  since: Date,
): Promise<{ count: number; lastAt: Date | null }> {
  const rows = await db
    .select({ createdAt: actionTokens.createdAt })
    .from(actionTokens)
    .where(
      and(
        eq(actionTokens.purpose, purpose),
        eq(actionTokens.accountId, accountId),
        gte(actionTokens.createdAt, since),
      ),
    )
    .orderBy(desc(actionTokens.createdAt));
  return { count: rows.length, lastAt: rows[0]?.createdAt ?? null };
}

/** Serialises token issuing per account inside the caller's transaction. */
export async function lockActionTokens(tx: Db, purpose: ActionTokenPurpose, accountId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`${purpose}:${accountId}`}, 0))`);
}
