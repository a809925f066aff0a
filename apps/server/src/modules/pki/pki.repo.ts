import type { CardStatus } from '@sw/contracts';
import { and, count, desc, eq, gt, inArray, isNotNull, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { cardChallenges, cards, pkiAuthority } from '../../db/schema/pki.ts';
import { accountUsernameSql, getAccountById, signInRecordSql } from '../identity/index.ts';

export type CardRow = typeof cards.$inferSelect;
export type NewCardRow = typeof cards.$inferInsert;
export type AuthorityRow = typeof pkiAuthority.$inferSelect;
type AccountRow = NonNullable<Awaited<ReturnType<typeof getAccountById>>>;

const AUTHORITY_ID = 1;

// authority -----------------------------------------------------------------------

export async function getAuthority(db: Db): Promise<AuthorityRow | undefined> {
  const [row] = await db.select().from(pkiAuthority).where(eq(pkiAuthority.id, AUTHORITY_ID)).limit(1);
  return row;
}

/** Inserts the one authority row unless another instance got there first (then theirs stands). */
export async function insertAuthorityIfMissing(db: Db, values: Omit<typeof pkiAuthority.$inferInsert, 'id'>) {
  await db
    .insert(pkiAuthority)
    .values({ ...values, id: AUTHORITY_ID })
    .onConflictDoNothing({ target: pkiAuthority.id });
}

// cards ------------------------------------------------------------------------------

export async function insertCard(db: Db, values: NewCardRow): Promise<CardRow> {
  const [row] = await db.insert(cards).values(values).returning();
  return row!;
}

export async function getCardById(db: Db, id: string): Promise<CardRow | undefined> {
  const [row] = await db.select().from(cards).where(eq(cards.id, id)).limit(1);
  return row;
}

export async function findCardByCardNo(db: Db, cardNo: string): Promise<CardRow | undefined> {
  const [row] = await db.select().from(cards).where(eq(cards.cardNo, cardNo)).limit(1);
  return row;
}

function buildFindCardBySerial(db: Db) {
  return db
    .select()
    .from(cards)
    .where(eq(cards.serial, sql.placeholder('serial')))
    .limit(1)
    .prepare('find_card_by_serial');
}

// every card sign-in runs this: prepared once per database handle, like the session lookup
const findCardBySerialStatements = new WeakMap<Db, ReturnType<typeof buildFindCardBySerial>>();

/** The card with this certificate serial, and the account it is bound to (one round trip). */
export async function findCardBySerial(
  db: Db,
  serial: string,
): Promise<{ card: CardRow; account: AccountRow | null } | undefined> {
  let statement = findCardBySerialStatements.get(db);
  if (!statement) {
    statement = buildFindCardBySerial(db);
    findCardBySerialStatements.set(db, statement);
  }
  const [card] = await statement.execute({ serial });
  if (!card) return undefined;
  // the account through identity (its table): a second primary-key lookup, only for a bound card
  const account = card.accountId ? ((await getAccountById(db, card.accountId)) ?? null) : null;
  return { card, account };
}

export type StaffCardRow = CardRow & { boundUsername: string | null };

function statusCondition(status: CardStatus, now: Date): SQL | undefined {
  switch (status) {
    case 'revoked':
      return isNotNull(cards.revokedAt);
    case 'expired':
      return and(isNull(cards.revokedAt), lt(cards.notAfter, now));
    case 'not_yet_valid':
      return and(isNull(cards.revokedAt), gt(cards.notBefore, now));
    case 'valid':
      return and(
        isNull(cards.revokedAt),
        sql`${cards.notBefore} <= ${now}`,
        sql`${cards.notAfter} >= ${now}`,
      );
    default: {
      const unreachable: never = status;
      throw new Error(`unknown card status ${String(unreachable)}`);
    }
  }
}

/** Staff search: card number, holder name, organization name or codes; newest first. */
export async function searchCards(
  db: Db,
  filter: { q?: string | undefined; status?: CardStatus | undefined; now: Date },
  page: { offset: number; limit: number },
): Promise<{ rows: StaffCardRow[]; total: number }> {
  const conditions: (SQL | undefined)[] = [];
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      or(
        sql`${cards.cardNo} ilike ${like}`,
        sql`${cards.holderName} ilike ${like}`,
        sql`${cards.orgName} ilike ${like}`,
        sql`${cards.orgCode} ilike ${like}`,
        sql`${cards.creditCode} ilike ${like}`,
      ),
    );
  }
  if (filter.status) conditions.push(statusCondition(filter.status, filter.now));
  const where = and(...conditions);
  const rows = await db
    .select({ card: cards, boundUsername: accountUsernameSql(cards.accountId) })
    .from(cards)
    .where(where)
    .orderBy(desc(cards.issuedAt), desc(cards.id))
    .offset(page.offset)
    .limit(page.limit);
  const [total] = await db.select({ n: count() }).from(cards).where(where);
  return { rows: rows.map((r) => ({ ...r.card, boundUsername: r.boundUsername })), total: total?.n ?? 0 };
}

export async function getStaffCard(db: Db, id: string): Promise<StaffCardRow | undefined> {
  const [row] = await db
    .select({ card: cards, boundUsername: accountUsernameSql(cards.accountId) })
    .from(cards)
    .where(eq(cards.id, id))
    .limit(1);
  return row ? { ...row.card, boundUsername: row.boundUsername } : undefined;
}

/** Revokes the card unless already revoked; undefined when it was. */
export async function revokeCard(db: Db, id: string, by: string | null, reason: string, at: Date) {
  const [row] = await db
    .update(cards)
    .set({ revokedAt: at, revokedBy: by, revokeReason: reason })
    .where(and(eq(cards.id, id), isNull(cards.revokedAt)))
    .returning();
  return row;
}

export async function findCardsOfAccount(db: Db, accountId: string): Promise<CardRow[]> {
  return db.select().from(cards).where(eq(cards.accountId, accountId)).orderBy(desc(cards.boundAt));
}

/** Cards bound to the account that still count (not revoked). */
export async function findLiveCardsOfAccount(db: Db, accountId: string): Promise<CardRow[]> {
  return db
    .select()
    .from(cards)
    .where(and(eq(cards.accountId, accountId), isNull(cards.revokedAt)));
}

/**
 * Binds the card to the account if it is free (or already this account's); undefined when it
 * is bound elsewhere. One conditional UPDATE, so two binders cannot both win.
 */
export async function bindCard(db: Db, cardId: string, accountId: string, at: Date) {
  const [row] = await db
    .update(cards)
    .set({ accountId, boundAt: sql`coalesce(${cards.boundAt}, ${at}::timestamptz)` })
    .where(and(eq(cards.id, cardId), or(isNull(cards.accountId), eq(cards.accountId, accountId))))
    .returning();
  return row;
}

/** Unbinds the given cards of this account (others' cards are left alone); returns the unbound rows. */
export async function unbindCards(db: Db, accountId: string, cardIds: string[]): Promise<CardRow[]> {
  if (cardIds.length === 0) return [];
  return db
    .update(cards)
    .set({ accountId: null, boundAt: null })
    .where(and(eq(cards.accountId, accountId), inArray(cards.id, cardIds)))
    .returning();
}

// organization-level helpers for the card rules ----------------------------------------

/**
 * Serialises card registrations of one organization code inside the caller's transaction, on
 * every instance. The unique indexes remain the last word; this just keeps racers from
 * colliding on them in the common case.
 */
export async function lockOrganizationCode(tx: Db, orgCode: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`card-org:${orgCode}`}, 0))`);
}

/** How many not-revoked cards each account holds (for the operator-modification rule). */
export async function countLiveCards(db: Db, accountIds: string[]): Promise<Map<string, number>> {
  if (accountIds.length === 0) return new Map();
  const rows = await db
    .select({ accountId: cards.accountId, n: count() })
    .from(cards)
    .where(and(inArray(cards.accountId, accountIds), isNull(cards.revokedAt)))
    .groupBy(cards.accountId);
  return new Map(rows.map((r) => [r.accountId!, r.n]));
}

// challenges ------------------------------------------------------------------------------

/**
 * Records the challenge as used, in one statement: false when it already was. The primary key
 * makes this atomic across requests and instances.
 */
export async function spendChallenge(db: Db, values: typeof cardChallenges.$inferInsert): Promise<boolean> {
  const rows = await db
    .insert(cardChallenges)
    .values(values)
    .onConflictDoNothing({ target: cardChallenges.id })
    .returning({ id: cardChallenges.id });
  return rows.length === 1;
}

/**
 * The hot path of a bound card's sign-in, one statement: spends the challenge and, only if it was
 * fresh, stamps the account's last sign-in and writes the success row of the sign-in audit.
 * False when the challenge was already used (then nothing is written). Run it in the
 * transaction that also starts the session.
 */
export async function spendChallengeForSignIn(
  tx: Db,
  challenge: typeof cardChallenges.$inferInsert & { usedAt: Date },
  audit: { accountId: string; identifier: string; ip: string; userAgent: string | null },
): Promise<boolean> {
  const at = challenge.usedAt.toISOString();
  const result = await tx.execute(sql`
    with spent as (
      insert into ${cardChallenges} (id, nonce, created_at, expires_at, used_at)
      values (${challenge.id}, ${challenge.nonce}, ${toIso(challenge.createdAt)}::timestamptz,
              ${toIso(challenge.expiresAt)}::timestamptz, ${at}::timestamptz)
      on conflict (id) do nothing
      returning id
    ), ${signInRecordSql(
      { ...audit, method: 'card', at: challenge.usedAt },
      sql`exists (select 1 from spent)`,
    )}
    select (select count(*) from spent)::int as spent`);
  const [row] = (result as unknown as { rows: { spent: number }[] }).rows;
  return row?.spent === 1;
}

function toIso(d: Date | string | undefined): string | null {
  return d === undefined ? null : typeof d === 'string' ? d : d.toISOString();
}

export async function deleteChallengesExpiredBefore(db: Db, before: Date) {
  await db.delete(cardChallenges).where(lt(cardChallenges.expiresAt, before));
}

/** Which of these accounts hold a live (not revoked) bound card. */
export async function accountsHoldingCards(db: Db, accountIds: string[]): Promise<Set<string>> {
  if (accountIds.length === 0) return new Set();
  const rows = await db
    .select({ accountId: cards.accountId })
    .from(cards)
    .where(and(inArray(cards.accountId, accountIds), isNull(cards.revokedAt)));
  return new Set(rows.map((r) => r.accountId).filter((id): id is string => id !== null));
}
