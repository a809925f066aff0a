import type { ContentKind, ContentStatus } from '@sw/contracts';
import { and, desc, eq, getTableColumns, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { type ContentTexts, contentArticles } from '../../db/schema/content.ts';
import type { Keyset } from '../../lib/keyset-cursor.ts';
import { accountNameSql } from '../identity/index.ts';

export type ArticleRow = typeof contentArticles.$inferSelect;
export type NewArticleRow = typeof contentArticles.$inferInsert;

/** What a saved article holds in its languages: Markdown, sanitised HTML, summary. */
export type ArticleTexts = {
  title: ContentTexts;
  bodyMarkdown: ContentTexts;
  bodyHtml: ContentTexts;
  summary: ContentTexts;
};

/** An article with its author's name (from identity, in the same statement). */
export type ArticleWithAuthor = ArticleRow & { authorName: string | null };

const withAuthor = {
  authorName: accountNameSql(contentArticles.authorId),
};

export async function insertArticle(db: Db, row: NewArticleRow): Promise<ArticleRow> {
  const [inserted] = await db.insert(contentArticles).values(row).returning();
  return inserted!;
}

/** The article with its row locked for the rest of the transaction (every change starts here). */
export async function lockArticle(tx: Db, id: string): Promise<ArticleRow | undefined> {
  const [row] = await tx.select().from(contentArticles).where(eq(contentArticles.id, id)).for('update');
  return row;
}

export async function findArticle(db: Db, id: string): Promise<ArticleWithAuthor | undefined> {
  const [row] = await db
    .select({ ...getTableColumns(contentArticles), ...withAuthor })
    .from(contentArticles)
    .where(eq(contentArticles.id, id));
  return row;
}

/** A published article, or undefined (drafts do not exist for the public). */
export async function findPublishedArticle(db: Db, id: string): Promise<ArticleRow | undefined> {
  const [row] = await db
    .select()
    .from(contentArticles)
    .where(and(eq(contentArticles.id, id), eq(contentArticles.status, 'published')));
  return row;
}

/** Changes an article (already locked by the caller) and moves its version on by one. */
export async function updateArticle(
  tx: Db,
  id: string,
  changes: Partial<Omit<NewArticleRow, 'id' | 'version' | 'createdAt' | 'authorId'>>,
): Promise<ArticleRow> {
  const [row] = await tx
    .update(contentArticles)
    .set({ ...changes, version: sql`${contentArticles.version} + 1` })
    .where(eq(contentArticles.id, id))
    .returning();
  return row!;
}

export async function deleteArticle(tx: Db, id: string): Promise<void> {
  await tx.delete(contentArticles).where(eq(contentArticles.id, id));
}

/** `%`, `_` and `\` typed by a person are literal characters, not patterns. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export type ConsoleArticleFilter = {
  kind?: ContentKind;
  status?: ContentStatus;
  serviceCode?: string;
  /** a part of a title in any language */
  q?: string;
  cursor?: Keyset;
  limit: number;
};

/** The console's list: every article, newest first (by creation), one more than `limit`. */
export async function findArticlePage(db: Db, f: ConsoleArticleFilter) {
  const t = contentArticles;
  const pattern = f.q ? likePattern(f.q) : undefined;
  return db
    .select({
      id: t.id,
      kind: t.kind,
      status: t.status,
      serviceCode: t.serviceCode,
      category: t.category,
      title: t.title,
      version: t.version,
      authorId: t.authorId,
      createdAt: t.createdAt,
      updatedAt: t.updatedAt,
      publishedAt: t.publishedAt,
      at: sql<string>`${t.createdAt}::text`,
      ...withAuthor,
    })
    .from(t)
    .where(
      and(
        f.kind ? eq(t.kind, f.kind) : undefined,
        f.status ? eq(t.status, f.status) : undefined,
        f.serviceCode ? eq(t.serviceCode, f.serviceCode) : undefined,
        pattern
          ? or(
              ilike(sql`${t.title}->>'zh-CN'`, pattern),
              ilike(sql`${t.title}->>'zh-HK'`, pattern),
              ilike(sql`${t.title}->>'en'`, pattern),
            )
          : undefined,
        f.cursor
          ? sql`(${t.createdAt}, ${t.id}) < (${f.cursor.at}::timestamptz, ${f.cursor.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(t.createdAt), desc(t.id))
    .limit(f.limit + 1);
}

export type PublicArticleFilter = {
  kind?: ContentKind;
  serviceCode?: string;
  category?: string;
  cursor?: Keyset;
  limit: number;
};

/** Published articles, newest first (by publication), one more than `limit`; no bodies. */
export async function findPublishedPage(db: Db, f: PublicArticleFilter) {
  const t = contentArticles;
  const conditions: (SQL | undefined)[] = [
    eq(t.status, 'published'),
    f.kind ? eq(t.kind, f.kind) : undefined,
    f.serviceCode ? eq(t.serviceCode, f.serviceCode) : undefined,
    f.category ? eq(t.category, f.category) : undefined,
    f.cursor
      ? sql`(${t.publishedAt}, ${t.id}) < (${f.cursor.at}::timestamptz, ${f.cursor.id}::uuid)`
      : undefined,
  ];
  return db
    .select({
      id: t.id,
      kind: t.kind,
      serviceCode: t.serviceCode,
      category: t.category,
      title: t.title,
      summary: t.summary,
      publishedAt: t.publishedAt,
      at: sql<string>`${t.publishedAt}::text`,
    })
    .from(t)
    .where(and(...conditions))
    .orderBy(desc(t.publishedAt), desc(t.id))
    .limit(f.limit + 1);
}
