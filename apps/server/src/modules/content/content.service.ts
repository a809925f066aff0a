import {
  type ArticlePage,
  type ArticleView,
  CONTENT_LOCALES,
  type ConsoleArticleQuery,
  type ContentLocale,
  type CreateArticleBody,
  type Locale,
  type PublicArticle,
  type PublicArticlePage,
  type PublicArticleQuery,
  SERVICE_CATEGORIES,
  type UpdateArticleBody,
} from '@sw/contracts';
import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import type { ContentTexts } from '../../db/schema/content.ts';
import { AppError, type AppFieldError } from '../../http/app-error.ts';
import { decodeCursor, toPage } from '../../lib/keyset-cursor.ts';
import { recordAudit } from '../audit/index.ts';
import { findCaseworkService } from '../casework/index.ts';
import type { AccountRow, RequestMeta } from '../identity/index.ts';
import {
  presentArticle,
  presentArticleListItem,
  presentPublicArticle,
  presentPublicSummary,
} from './content.presenter.ts';
import {
  type ArticleRow,
  type ArticleTexts,
  deleteArticle,
  findArticle,
  findArticlePage,
  findPublishedArticle,
  findPublishedPage,
  insertArticle,
  lockArticle,
  updateArticle,
} from './content.repo.ts';
import { renderMarkdown, summarize } from './markdown.ts';

type ParsedCreate = z.output<typeof CreateArticleBody>;
type ParsedUpdate = z.output<typeof UpdateArticleBody>;
type ParsedConsoleQuery = z.output<typeof ConsoleArticleQuery>;
type ParsedPublicQuery = z.output<typeof PublicArticleQuery>;

const TRANSLATIONS = CONTENT_LOCALES.filter((l): l is Exclude<ContentLocale, 'zh-CN'> => l !== 'zh-CN');

function notFound(): AppError {
  return new AppError('content.not_found', { status: 404 });
}

function failWith(errors: AppFieldError[]): never {
  const [first] = errors;
  throw new AppError(errors.length === 1 && first ? first.code : 'request.validation_failed', {
    status: 400,
    fieldErrors: errors,
  });
}

/**
 * Checks what zod cannot see (a translation is a title and a body, or neither; the service code
 * names a registered service) and renders each language's Markdown to sanitised HTML.
 */
function prepare(input: ParsedCreate): {
  texts: ArticleTexts;
  serviceCode: string | null;
  category: string | null;
} {
  const errors: AppFieldError[] = [];
  const serviceCode = input.serviceCode ? input.serviceCode : null;
  if (serviceCode && !findCaseworkService(serviceCode)) {
    errors.push({ path: 'serviceCode', code: 'content.service_unknown' });
  }
  // a FAQ answers for a category of the catalogue; other kinds have none
  const category = input.kind === 'faq' ? (input.category ?? null) : null;
  if (input.kind === 'faq' && !category) errors.push({ path: 'category', code: 'content.category_required' });
  else if (category && !SERVICE_CATEGORIES.some((c) => c.code === category))
    errors.push({ path: 'category', code: 'content.category_invalid' });
  const title: ContentTexts = { 'zh-CN': input.title['zh-CN'] };
  const bodyMarkdown: ContentTexts = { 'zh-CN': input.body['zh-CN'] };
  for (const locale of TRANSLATIONS) {
    const t = input.title[locale]?.trim() ?? '';
    const b = input.body[locale] ?? '';
    const hasBody = b.trim() !== '';
    if (t !== '' && hasBody) {
      title[locale] = t;
      bodyMarkdown[locale] = b;
    } else if (t !== '') {
      errors.push({ path: `body.${locale}`, code: 'content.translation_incomplete' });
    } else if (hasBody) {
      errors.push({ path: `title.${locale}`, code: 'content.translation_incomplete' });
    }
  }
  if (errors.length > 0) failWith(errors);
  const bodyHtml: ContentTexts = { 'zh-CN': '' };
  const summary: ContentTexts = { 'zh-CN': '' };
  for (const [locale, markdown] of Object.entries(bodyMarkdown) as [ContentLocale, string][]) {
    const html = renderMarkdown(markdown);
    bodyHtml[locale] = html;
    summary[locale] = summarize(html);
  }
  return { texts: { title, bodyMarkdown, bodyHtml, summary }, serviceCode, category };
}

/** The locked article at the version the caller saw, or 404 / 409 with where it stands now. */
async function lockAtVersion(tx: Db, id: string, version: number): Promise<ArticleRow> {
  const row = await lockArticle(tx, id);
  if (!row) throw notFound();
  if (row.version !== version) {
    throw new AppError('content.version_conflict', {
      status: 409,
      extensions: { current: { status: row.status, version: row.version } },
    });
  }
  return row;
}

type Audit = { action: string; article: ArticleRow; detail?: Record<string, unknown> };

async function audit(tx: Db, actor: AccountRow, meta: RequestMeta, at: Date, a: Audit) {
  await recordAudit(tx, {
    actorId: actor.id,
    action: a.action,
    targetType: 'content_article',
    targetId: a.article.id,
    detail: {
      kind: a.article.kind,
      title: a.article.title['zh-CN'],
      version: a.article.version,
      ...a.detail,
    },
    ip: meta.ip,
    at,
  });
}

async function present(ctx: AppContext, id: string): Promise<ArticleView> {
  const row = await findArticle(ctx.db, id);
  if (!row) throw notFound();
  return presentArticle(row);
}

// ------------------------------------------------------------------ console (platform admins)

export async function listArticles(ctx: AppContext, query: ParsedConsoleQuery): Promise<ArticlePage> {
  const rows = await findArticlePage(ctx.db, {
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(query.service ? { serviceCode: query.service } : {}),
    ...(query.q ? { q: query.q } : {}),
    cursor: decodeCursor(query.cursor),
    limit: query.limit,
  });
  return toPage(rows, query.limit, (r) => r.id, presentArticleListItem);
}

export async function getArticle(ctx: AppContext, id: string): Promise<ArticleView> {
  return present(ctx, id);
}

/** Markdown as the article page would show it, rendered and sanitised, nothing saved. */
export function previewArticle(markdown: string): { html: string } {
  return { html: renderMarkdown(markdown) };
}

/** A new draft; audited in the same transaction. */
export async function createArticle(
  ctx: AppContext,
  actor: AccountRow,
  input: ParsedCreate,
  meta: RequestMeta,
): Promise<ArticleView> {
  const { texts, serviceCode, category } = prepare(input);
  const now = ctx.clock.now();
  const article = await ctx.db.transaction(async (tx) => {
    const row = await insertArticle(tx, {
      kind: input.kind,
      status: 'draft',
      serviceCode,
      category,
      ...texts,
      authorId: actor.id,
      updatedBy: actor.id,
      createdAt: now,
      updatedAt: now,
    });
    await audit(tx, actor, meta, now, { action: 'content.create', article: row, detail: { serviceCode } });
    return row;
  });
  return present(ctx, article.id);
}

/** Replaces kind, texts and service of the article at `version`; a published one stays published. */
export async function updateArticleContent(
  ctx: AppContext,
  actor: AccountRow,
  id: string,
  input: ParsedUpdate,
  meta: RequestMeta,
): Promise<ArticleView> {
  const { texts, serviceCode, category } = prepare(input);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await lockAtVersion(tx, id, input.version);
    const row = await updateArticle(tx, id, {
      kind: input.kind,
      serviceCode,
      category,
      ...texts,
      updatedBy: actor.id,
      updatedAt: now,
    });
    await audit(tx, actor, meta, now, { action: 'content.update', article: row, detail: { serviceCode } });
  });
  return present(ctx, id);
}

export async function publishArticle(
  ctx: AppContext,
  actor: AccountRow,
  id: string,
  version: number,
  meta: RequestMeta,
): Promise<ArticleView> {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const current = await lockAtVersion(tx, id, version);
    if (current.status === 'published') throw new AppError('content.already_published', { status: 409 });
    const row = await updateArticle(tx, id, {
      status: 'published',
      publishedAt: now,
      updatedBy: actor.id,
      updatedAt: now,
    });
    await audit(tx, actor, meta, now, { action: 'content.publish', article: row });
  });
  return present(ctx, id);
}

export async function unpublishArticle(
  ctx: AppContext,
  actor: AccountRow,
  id: string,
  version: number,
  meta: RequestMeta,
): Promise<ArticleView> {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const current = await lockAtVersion(tx, id, version);
    if (current.status !== 'published') throw new AppError('content.not_published', { status: 409 });
    const row = await updateArticle(tx, id, { status: 'draft', updatedBy: actor.id, updatedAt: now });
    await audit(tx, actor, meta, now, { action: 'content.unpublish', article: row });
  });
  return present(ctx, id);
}

/** Deletes a draft (a published article is unpublished first, so its removal is a decision of its own). */
export async function removeArticle(
  ctx: AppContext,
  actor: AccountRow,
  id: string,
  version: number,
  meta: RequestMeta,
): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const current = await lockAtVersion(tx, id, version);
    if (current.status === 'published') {
      throw new AppError('content.published_cannot_delete', { status: 409 });
    }
    await deleteArticle(tx, id);
    await audit(tx, actor, meta, now, {
      action: 'content.delete',
      article: current,
      detail: { serviceCode: current.serviceCode },
    });
  });
}

// ------------------------------------------------------------------ public (no sign-in)

export async function listPublishedArticles(
  ctx: AppContext,
  query: ParsedPublicQuery,
  locale: Locale,
): Promise<PublicArticlePage> {
  const rows = await findPublishedPage(ctx.db, {
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.service ? { serviceCode: query.service } : {}),
    ...(query.category ? { category: query.category } : {}),
    cursor: decodeCursor(query.cursor),
    limit: query.limit,
  });
  return toPage(
    rows,
    query.limit,
    (r) => r.id,
    (r) => presentPublicSummary(r, locale),
  );
}

export async function getPublishedArticle(
  ctx: AppContext,
  id: string,
  locale: Locale,
): Promise<PublicArticle> {
  const row = await findPublishedArticle(ctx.db, id);
  if (!row) throw notFound();
  return presentPublicArticle(row, locale);
}
