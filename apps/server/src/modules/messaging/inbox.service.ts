import { INBOX_PREVIEW_LENGTH, type InboxMessageView, type InboxPage, type InboxQuery } from '@sw/contracts';
import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { decodeCursor, toPage } from '../../lib/keyset-cursor.ts';
import {
  countUnread,
  findInboxMessage,
  findInboxPage,
  markAllInboxMessagesRead,
  markInboxMessageRead,
} from './inbox.repo.ts';

type ParsedInboxQuery = z.output<typeof InboxQuery>;

type MessageFields = {
  id: string;
  category: string;
  title: string;
  body: string;
  applicationId: string | null;
  readAt: Date | null;
  createdAt: Date;
};

function present(row: MessageFields, truncated = false): InboxMessageView {
  return {
    id: row.id,
    category: row.category,
    title: row.title,
    body: row.body,
    truncated,
    applicationId: row.applicationId,
    readAt: row.readAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A list's preview: the first INBOX_PREVIEW_LENGTH characters (code points, not UTF-16 halves). */
function preview(row: MessageFields): InboxMessageView {
  const chars = Array.from(row.body);
  if (chars.length <= INBOX_PREVIEW_LENGTH) return present(row);
  return present({ ...row, body: `${chars.slice(0, INBOX_PREVIEW_LENGTH).join('')}…` }, true);
}

function notFound(): AppError {
  return new AppError('inbox.message_not_found', { status: 404 });
}

/** 我的消息: the account's messages, newest first. */
export async function listInbox(
  ctx: AppContext,
  accountId: string,
  query: ParsedInboxQuery,
): Promise<InboxPage> {
  const rows = await findInboxPage(ctx.db, {
    accountId,
    unreadOnly: query.unread === 'true',
    ...(query.category ? { category: query.category } : {}),
    cursor: decodeCursor(query.cursor),
    limit: query.limit,
    previewLength: INBOX_PREVIEW_LENGTH,
  });
  return toPage(rows, query.limit, (r) => r.id, preview);
}

export async function unreadCount(ctx: AppContext, accountId: string): Promise<{ count: number }> {
  return { count: await countUnread(ctx.db, accountId) };
}

/** One message in full; another account's is "not found". */
export async function getInboxMessage(ctx: AppContext, accountId: string, id: string) {
  const row = await findInboxMessage(ctx.db, accountId, id);
  if (!row) throw notFound();
  return present(row);
}

export async function readInboxMessage(ctx: AppContext, accountId: string, id: string) {
  const row = await markInboxMessageRead(ctx.db, accountId, id, ctx.clock.now());
  if (!row) throw notFound();
  return present(row);
}

export async function readAllInboxMessages(ctx: AppContext, accountId: string) {
  return { updated: await markAllInboxMessagesRead(ctx.db, accountId, ctx.clock.now()) };
}
