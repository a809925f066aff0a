import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { inboxMessages } from '../../db/schema/messaging.ts';
import type { Keyset } from '../../lib/keyset-cursor.ts';

export type InboxMessageRow = typeof inboxMessages.$inferSelect;

export type InboxFilter = {
  accountId: string;
  unreadOnly: boolean;
  category?: string;
  cursor?: Keyset;
  limit: number;
  /** characters of the body to return (a list's preview); the whole body when absent */
  previewLength: number;
};

/**
 * One account's messages newest first, one more than `limit` (so the caller knows whether a
 * next page exists), on the (account_id, created_at, id) index. Bodies are cut in the
 * database: a list moves previews, not whole letters.
 */
export async function findInboxPage(db: Db, f: InboxFilter) {
  return db
    .select({
      id: inboxMessages.id,
      category: inboxMessages.category,
      title: inboxMessages.title,
      // one character more than the preview tells whether it was cut
      body: sql<string>`left(${inboxMessages.body}, ${f.previewLength + 1})`,
      applicationId: inboxMessages.applicationId,
      readAt: inboxMessages.readAt,
      createdAt: inboxMessages.createdAt,
      at: sql<string>`${inboxMessages.createdAt}::text`,
    })
    .from(inboxMessages)
    .where(
      and(
        eq(inboxMessages.accountId, f.accountId),
        f.unreadOnly ? isNull(inboxMessages.readAt) : undefined,
        f.category ? eq(inboxMessages.category, f.category) : undefined,
        f.cursor
          ? sql`(${inboxMessages.createdAt}, ${inboxMessages.id}) < (${f.cursor.at}::timestamptz, ${f.cursor.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(inboxMessages.createdAt), desc(inboxMessages.id))
    .limit(f.limit + 1);
}

/** Unread messages of an account: an index-only count on the partial index inbox_messages_unread_idx. */
export async function countUnread(db: Db, accountId: string): Promise<number> {
  return db.$count(inboxMessages, and(eq(inboxMessages.accountId, accountId), isNull(inboxMessages.readAt)));
}

/** A message, only if it belongs to the account. */
export async function findInboxMessage(
  db: Db,
  accountId: string,
  id: string,
): Promise<InboxMessageRow | undefined> {
  const [row] = await db
    .select()
    .from(inboxMessages)
    .where(and(eq(inboxMessages.id, id), eq(inboxMessages.accountId, accountId)));
  return row;
}

/** Marks one message read (the first reading time stays); undefined when it is not the account's. */
export async function markInboxMessageRead(
  db: Db,
  accountId: string,
  id: string,
  now: Date,
): Promise<InboxMessageRow | undefined> {
  const [row] = await db
    .update(inboxMessages)
    .set({ readAt: sql`coalesce(${inboxMessages.readAt}, ${now.toISOString()}::timestamptz)` })
    .where(and(eq(inboxMessages.id, id), eq(inboxMessages.accountId, accountId)))
    .returning();
  return row;
}

/** Marks every unread message of the account read; returns how many there were. */
export async function markAllInboxMessagesRead(db: Db, accountId: string, now: Date): Promise<number> {
  const rows = await db
    .update(inboxMessages)
    .set({ readAt: now })
    .where(and(eq(inboxMessages.accountId, accountId), isNull(inboxMessages.readAt)))
    .returning({ id: inboxMessages.id });
  return rows.length;
}

/** The in-site messages an application sent one account, newest first. */
export async function findMessagesAbout(db: Db, applicationId: string, accountId: string) {
  return db
    .select()
    .from(inboxMessages)
    .where(and(eq(inboxMessages.applicationId, applicationId), eq(inboxMessages.accountId, accountId)))
    .orderBy(desc(inboxMessages.createdAt));
}
