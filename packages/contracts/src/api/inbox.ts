import { z } from 'zod';

/** Categories of in-site messages (站内信) the platform writes so far; the column takes others later. */
export const INBOX_CATEGORIES = ['application', 'reminder', 'system'] as const;
export type InboxCategory = (typeof INBOX_CATEGORIES)[number];

/** How many characters of the body a list shows (the detail has it all). */
export const INBOX_PREVIEW_LENGTH = 100;

/** One in-site message (我的消息, seed 000 §4.9). In a list, `body` is a preview (see `truncated`). */
export const InboxMessageView = z
  .object({
    id: z.uuid(),
    /** `application`, `reminder`, `system` … */
    category: z.string(),
    title: z.string(),
    body: z.string(),
    /** the body was cut to INBOX_PREVIEW_LENGTH characters (lists only) */
    truncated: z.boolean(),
    /** the application it is about: its page is /account/applications/<id> */
    applicationId: z.uuid().nullable(),
    readAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'InboxMessage' });
export type InboxMessageView = z.infer<typeof InboxMessageView>;

/** GET /api/inbox — the signed-in account's messages, newest first, keyset-paginated. */
export const InboxQuery = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  /** `true`: unread only; `false` or absent: all */
  unread: z.enum(['true', 'false']).optional(),
  category: z
    .string()
    .regex(/^[a-z_]{1,30}$/)
    .optional(),
});
export type InboxQuery = z.input<typeof InboxQuery>;

export const InboxPage = z
  .object({ items: z.array(InboxMessageView), nextCursor: z.string().nullable() })
  .meta({ id: 'InboxPage' });
export type InboxPage = z.infer<typeof InboxPage>;

/** GET /api/inbox/unread-count — the header badge. */
export const InboxUnreadCount = z.object({ count: z.number().int().min(0) }).meta({ id: 'InboxUnreadCount' });
export type InboxUnreadCount = z.infer<typeof InboxUnreadCount>;

/** POST /api/inbox/read-all — how many messages were unread until now. */
export const InboxReadAllResult = z.object({ updated: z.number().int().min(0) }).meta({ id: 'InboxReadAll' });
export type InboxReadAllResult = z.infer<typeof InboxReadAllResult>;
