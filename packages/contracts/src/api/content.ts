import { z } from 'zod';
import { fieldIssue, hasControlCharacters } from './common.ts';

/**
 * Articles written by staff in the console (issue 10 §4): 通知公告, 政策法规, 办事指南, and the
 * citizen hub's 常见问题 (seed 003: each under a category of the guide, searched on 意见反馈). Bodies
 * are Markdown; the server renders and sanitises them to HTML when they are saved.
 */
export const CONTENT_KINDS = ['notice', 'policy', 'guide', 'faq'] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];
export const CONTENT_STATUSES = ['draft', 'published'] as const;
export type ContentStatus = (typeof CONTENT_STATUSES)[number];

/** The longest title, in characters (UTF-16 units, as a text field counts them). */
export const CONTENT_TITLE_MAX = 200;
/** The longest Markdown body of one language, in characters (UTF-16 units). */
export const CONTENT_BODY_MAX = 50_000;
/** How many characters of the body a public list shows as its summary. */
export const CONTENT_SUMMARY_LENGTH = 120;

/** The languages an article is written in; zh-CN is required, the others are translations. */
export const CONTENT_LOCALES = ['zh-CN', 'zh-HK', 'en'] as const;
export type ContentLocale = (typeof CONTENT_LOCALES)[number];

export const ContentKindSchema = z.enum(CONTENT_KINDS, fieldIssue('content.kind_invalid'));
export const ContentStatusSchema = z.enum(CONTENT_STATUSES, fieldIssue('field.invalid'));

/** A title: one line, trimmed. */
function titleText() {
  return z
    .string()
    .trim()
    .max(CONTENT_TITLE_MAX, fieldIssue('field.too_long'))
    .refine((v) => !hasControlCharacters(v, false), fieldIssue('field.invalid'));
}

/** A Markdown body of at most CONTENT_BODY_MAX characters; tabs and line breaks allowed. */
function bodyText() {
  return z
    .string()
    .max(CONTENT_BODY_MAX, fieldIssue('content.body_too_long'))
    .refine((v) => !hasControlCharacters(v, true), fieldIssue('field.control_character'));
}

/** Titles in the article's languages (a missing or empty translation falls back to zh-CN). */
export const ArticleTitles = z.strictObject({
  'zh-CN': titleText().min(1, fieldIssue('field.required')),
  'zh-HK': titleText().optional(),
  en: titleText().optional(),
});
export type ArticleTitles = z.infer<typeof ArticleTitles>;

/** Markdown bodies; an empty translation means "none". */
export const ArticleBodies = z.strictObject({
  'zh-CN': bodyText().refine((v) => v.trim().length > 0, fieldIssue('field.required')),
  'zh-HK': bodyText().optional(),
  en: bodyText().optional(),
});
export type ArticleBodies = z.infer<typeof ArticleBodies>;

/** A registered service's code (checked against the catalogue on the server). */
const ServiceCode = z
  .string()
  .trim()
  .max(60, fieldIssue('content.service_unknown'))
  .regex(/^[a-z0-9][a-z0-9-]*$/, fieldIssue('content.service_unknown'));

/**
 * POST /api/console/content. A translation is both a title and a body, or neither
 * (`content.translation_incomplete` on the missing half).
 */
export const CreateArticleBody = z.strictObject({
  kind: ContentKindSchema,
  title: ArticleTitles,
  body: ArticleBodies,
  /** the service an article is about (its guide page lists it); null: none */
  serviceCode: ServiceCode.nullable().optional(),
  /** 常见问题: the catalogue category it answers for (required for a FAQ, none for other kinds) */
  category: z.string().max(40, fieldIssue('content.category_invalid')).nullable().optional(),
});
export type CreateArticleBody = z.input<typeof CreateArticleBody>;

/** PUT /api/console/content/:id — the whole article again, with the version it was read at. */
export const UpdateArticleBody = CreateArticleBody.extend({ version: z.number().int().min(1) });
export type UpdateArticleBody = z.input<typeof UpdateArticleBody>;

/** POST /api/console/content/:id/{publish,unpublish} — the version the change was decided on. */
export const ArticleVersionBody = z.strictObject({ version: z.number().int().min(1) });
export type ArticleVersionBody = z.infer<typeof ArticleVersionBody>;

/** DELETE /api/console/content/:id?version= */
export const ArticleVersionQuery = z.strictObject({ version: z.coerce.number().int().min(1) });

/** POST /api/console/content/preview — what the Markdown becomes, rendered and sanitised, unsaved. */
export const ArticlePreviewBody = z.strictObject({ markdown: bodyText().default('') });
export const ArticlePreview = z.object({ html: z.string() }).meta({ id: 'ArticlePreview' });
export type ArticlePreview = z.infer<typeof ArticlePreview>;

const LocalizedTexts = z.object({
  'zh-CN': z.string(),
  'zh-HK': z.string().nullable(),
  en: z.string().nullable(),
});

/** One article as the console edits it: every language, Markdown and the sanitised HTML. */
export const ArticleView = z
  .object({
    id: z.uuid(),
    kind: z.enum(CONTENT_KINDS),
    status: z.enum(CONTENT_STATUSES),
    serviceCode: z.string().nullable(),
    category: z.string().nullable(),
    title: LocalizedTexts,
    body: LocalizedTexts,
    /** sanitised HTML per language, made by the server when the article was saved */
    html: LocalizedTexts,
    version: z.number().int(),
    author: z.object({ id: z.uuid(), name: z.string() }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    publishedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Article' });
export type ArticleView = z.infer<typeof ArticleView>;

/** One row of the console's list (no bodies). */
export const ArticleListItem = ArticleView.omit({ body: true, html: true }).meta({ id: 'ArticleListItem' });
export type ArticleListItem = z.infer<typeof ArticleListItem>;

/** GET /api/console/content — newest first, keyset pages. */
export const ConsoleArticleQuery = z.strictObject({
  kind: ContentKindSchema.optional(),
  status: ContentStatusSchema.optional(),
  service: ServiceCode.optional(),
  /** a part of a title, in any of its languages */
  q: z.string().trim().max(100, fieldIssue('field.too_long')).optional(),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type ConsoleArticleQuery = z.input<typeof ConsoleArticleQuery>;

export const ArticlePage = z
  .object({ items: z.array(ArticleListItem), nextCursor: z.string().nullable() })
  .meta({ id: 'ArticlePage' });
export type ArticlePage = z.infer<typeof ArticlePage>;

/** GET /api/content — published articles only, newest first, in the caller's language. */
export const PublicArticleQuery = z.strictObject({
  kind: ContentKindSchema.optional(),
  service: ServiceCode.optional(),
  category: z.string().max(40).optional(),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export type PublicArticleQuery = z.input<typeof PublicArticleQuery>;

/** A published article in a list: in the caller's language, or zh-CN where it has no translation. */
export const PublicArticleSummary = z
  .object({
    id: z.uuid(),
    kind: z.enum(CONTENT_KINDS),
    serviceCode: z.string().nullable(),
    category: z.string().nullable(),
    /** the language the title and summary are in (zh-CN when the caller's is missing) */
    lang: z.enum(CONTENT_LOCALES),
    title: z.string(),
    /** the first CONTENT_SUMMARY_LENGTH characters of the body as plain text */
    summary: z.string(),
    publishedAt: z.iso.datetime(),
  })
  .meta({ id: 'PublicArticleSummary' });
export type PublicArticleSummary = z.infer<typeof PublicArticleSummary>;

export const PublicArticlePage = z
  .object({ items: z.array(PublicArticleSummary), nextCursor: z.string().nullable() })
  .meta({ id: 'PublicArticlePage' });
export type PublicArticlePage = z.infer<typeof PublicArticlePage>;

/** GET /api/content/:id — one published article; `html` was sanitised by the server. */
export const PublicArticle = PublicArticleSummary.omit({ summary: true })
  .extend({ html: z.string(), updatedAt: z.iso.datetime() })
  .meta({ id: 'PublicArticle' });
export type PublicArticle = z.infer<typeof PublicArticle>;
