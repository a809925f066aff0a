import type {
  ArticleListItem,
  ArticleView,
  ContentLocale,
  Locale,
  PublicArticle,
  PublicArticleSummary,
} from '@sw/contracts';
import type { ContentTexts } from '../../db/schema/content.ts';
import type { ArticleRow, ArticleWithAuthor } from './content.repo.ts';

function texts(t: ContentTexts) {
  return { 'zh-CN': t['zh-CN'], 'zh-HK': t['zh-HK'] ?? null, en: t.en ?? null };
}

/** The language to show: the caller's where the article has it, otherwise zh-CN. */
function languageOf(title: ContentTexts, locale: Locale): ContentLocale {
  return title[locale] !== undefined ? locale : 'zh-CN';
}

type ListFields = Pick<
  ArticleWithAuthor,
  | 'id'
  | 'kind'
  | 'status'
  | 'serviceCode'
  | 'category'
  | 'title'
  | 'version'
  | 'authorId'
  | 'authorName'
  | 'createdAt'
  | 'updatedAt'
  | 'publishedAt'
>;

export function presentArticleListItem(row: ListFields): ArticleListItem {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    serviceCode: row.serviceCode,
    category: row.category,
    title: texts(row.title),
    version: row.version,
    author: { id: row.authorId, name: row.authorName ?? '' },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
  };
}

export function presentArticle(row: ArticleWithAuthor): ArticleView {
  return {
    ...presentArticleListItem(row),
    body: texts(row.bodyMarkdown),
    html: texts(row.bodyHtml),
  };
}

type PublicFields = Pick<
  ArticleRow,
  'id' | 'kind' | 'serviceCode' | 'category' | 'title' | 'summary' | 'publishedAt'
>;

export function presentPublicSummary(row: PublicFields, locale: Locale): PublicArticleSummary {
  const lang = languageOf(row.title, locale);
  return {
    id: row.id,
    kind: row.kind,
    serviceCode: row.serviceCode,
    category: row.category,
    lang,
    title: row.title[lang] ?? row.title['zh-CN'],
    summary: row.summary[lang] ?? row.summary['zh-CN'],
    // published rows always have it (set by publish); the epoch would only show a broken row
    publishedAt: (row.publishedAt ?? new Date(0)).toISOString(),
  };
}

/** A published article in the caller's language; `html` is what the server sanitised at save time. */
export function presentPublicArticle(row: ArticleRow, locale: Locale): PublicArticle {
  const lang = languageOf(row.title, locale);
  return {
    id: row.id,
    kind: row.kind,
    serviceCode: row.serviceCode,
    category: row.category,
    lang,
    title: row.title[lang] ?? row.title['zh-CN'],
    html: row.bodyHtml[lang] ?? row.bodyHtml['zh-CN'],
    publishedAt: (row.publishedAt ?? new Date(0)).toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
