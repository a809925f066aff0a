import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgEnum, pgTable, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

export const contentKind = pgEnum('content_kind', ['notice', 'policy', 'guide', 'faq']);
export const contentStatus = pgEnum('content_status', ['draft', 'published']);

/** A text per language: zh-CN always, a translation only where it was written. */
export type ContentTexts = { 'zh-CN': string; 'zh-HK'?: string; en?: string };

/**
 * Articles written by staff (通知公告, 政策法规, 办事指南; issue 10 §4). Each language's Markdown is
 * kept together with the HTML the server rendered and sanitised from it when it was saved (the
 * public routes serve that HTML as it is) and a plain-text summary for lists. `version` goes up
 * with every change (optimistic locking); `author_id` and `updated_by` are staff accounts.
 */
export const contentArticles = pgTable(
  'content_articles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: contentKind('kind').notNull(),
    status: contentStatus('status').notNull().default('draft'),
    /** the service the article is about (its guide page lists it) */
    serviceCode: varchar('service_code', { length: 60 }),
    /** 常见问题: the catalogue category (SERVICE_CATEGORIES) it answers for */
    category: varchar('category', { length: 40 }),
    title: jsonb('title').$type<ContentTexts>().notNull(),
    bodyMarkdown: jsonb('body_markdown').$type<ContentTexts>().notNull(),
    /** sanitised HTML, rendered from body_markdown at save time */
    bodyHtml: jsonb('body_html').$type<ContentTexts>().notNull(),
    /** the start of the body as plain text, for lists */
    summary: jsonb('summary').$type<ContentTexts>().notNull(),
    version: integer('version').notNull().default(1),
    authorId: uuid('author_id').notNull(),
    updatedBy: uuid('updated_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** when it was last published; null while it is a draft that was never published */
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [
    // the console's list, newest first
    index('content_articles_created_idx').on(t.createdAt, t.id),
    // the public lists: published only, newest first; all kinds, per kind, per service
    index('content_articles_public_idx').on(t.publishedAt, t.id).where(sql`${t.status} = 'published'`),
    index('content_articles_published_idx')
      .on(t.kind, t.publishedAt, t.id)
      .where(sql`${t.status} = 'published'`),
    index('content_articles_service_idx')
      .on(t.serviceCode, t.publishedAt, t.id)
      .where(sql`${t.status} = 'published' and ${t.serviceCode} is not null`),
  ],
);
