import type {
  ArticlePage,
  ArticlePreview,
  ArticleView,
  CatalogueItem,
  ContentKind,
  ContentStatus,
  CreateArticleBody,
  PublicArticle,
  PublicArticlePage,
  UpdateArticleBody,
} from '@sw/contracts';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useLocale } from '../../../hooks/use-locale';
import { ApiError, apiClient } from '../../../lib/api-client';

/** Query keys of the content feature; mutations invalidate by prefix. */
export const contentKeys = {
  all: ['content'] as const,
  consoleLists: () => [...contentKeys.all, 'console', 'list'] as const,
  article: (id: string) => [...contentKeys.all, 'console', 'article', id] as const,
  /** the public pages follow the interface language (the server answers in it) */
  publicAll: () => [...contentKeys.all, 'public'] as const,
};

const noRetryOnClientError = (count: number, error: unknown) =>
  !(error instanceof ApiError && error.status < 500) && count < 2;

// ------------------------------------------------------------------ console

export type ArticleFilters = { kind: ContentKind; status?: ContentStatus; service?: string; q?: string };

/** GET /api/console/content — newest first, 20 at a time (「加载更多」). */
export function useArticles(filters: ArticleFilters) {
  return useInfiniteQuery({
    queryKey: [...contentKeys.consoleLists(), filters],
    queryFn: ({ pageParam, signal }) =>
      apiClient.get<ArticlePage>('/api/console/content', {
        query: { ...filters, cursor: pageParam, limit: 20 },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** GET /api/console/content/:id — every language, Markdown and sanitised HTML. */
export function useArticle(id: string | null) {
  return useQuery({
    queryKey: contentKeys.article(id ?? ''),
    queryFn: ({ signal }) => apiClient.get<ArticleView>(`/api/console/content/${id}`, { signal }),
    enabled: id !== null,
    retry: noRetryOnClientError,
  });
}

/** The services an article may be about: the public catalogue (GET /api/services). */
export function useServiceOptions() {
  return useQuery({
    queryKey: [...contentKeys.all, 'services'],
    queryFn: ({ signal }) => apiClient.get<CatalogueItem[]>('/api/services', { signal }),
    staleTime: 5 * 60_000,
  });
}

export type ArticleChange =
  | { kind: 'create'; body: CreateArticleBody }
  | { kind: 'update'; id: string; body: UpdateArticleBody }
  | { kind: 'publish' | 'unpublish'; id: string; version: number }
  | { kind: 'delete'; id: string; version: number };

function sendChange(change: ArticleChange): Promise<ArticleView | null> {
  switch (change.kind) {
    case 'create':
      return apiClient.post<ArticleView>('/api/console/content', change.body);
    case 'update':
      return apiClient.put<ArticleView>(`/api/console/content/${change.id}`, change.body);
    case 'publish':
    case 'unpublish':
      return apiClient.post<ArticleView>(`/api/console/content/${change.id}/${change.kind}`, {
        version: change.version,
      });
    case 'delete':
      return apiClient
        .delete<undefined>(`/api/console/content/${change.id}`, { query: { version: change.version } })
        .then(() => null);
  }
}

/**
 * Every change of an article (the server audits each). A 409 `content.version_conflict` means
 * someone else changed it first: the article and the lists reload, and the caller says so.
 */
export function useArticleChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: sendChange,
    onSuccess: (article) => {
      if (article) queryClient.setQueryData(contentKeys.article(article.id), article);
    },
    onError: (error, change) => {
      if (error instanceof ApiError && error.code === 'content.version_conflict' && 'id' in change) {
        void queryClient.invalidateQueries({ queryKey: contentKeys.article(change.id) });
      }
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: contentKeys.consoleLists() });
      void queryClient.invalidateQueries({ queryKey: contentKeys.publicAll() });
    },
  });
}

/** POST /api/console/content/preview — the server renders and sanitises; nothing is saved. */
export function useArticlePreview(markdown: string) {
  return useQuery({
    queryKey: [...contentKeys.all, 'preview', markdown],
    queryFn: ({ signal }) =>
      apiClient.post<ArticlePreview>('/api/console/content/preview', { markdown }, { signal }),
    enabled: markdown.trim() !== '',
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 60_000,
    retry: false,
  });
}

// ------------------------------------------------------------------ portal (no sign-in)

/** GET /api/content — published articles, newest first, in the interface language. */
export function usePublicArticles(filters: { kind?: ContentKind; service?: string }, pageSize = 10) {
  const locale = useLocale();
  return useInfiniteQuery({
    queryKey: [...contentKeys.publicAll(), 'list', filters, pageSize, locale],
    queryFn: ({ pageParam, signal }) =>
      apiClient.get<PublicArticlePage>('/api/content', {
        query: { ...filters, cursor: pageParam, limit: pageSize },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** GET /api/content/:id — one published article; its HTML was sanitised by the server. */
export function usePublicArticle(id: string | undefined) {
  const locale = useLocale();
  return useQuery({
    queryKey: [...contentKeys.publicAll(), 'article', id, locale],
    queryFn: ({ signal }) =>
      apiClient.get<PublicArticle>(`/api/content/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: Boolean(id),
    retry: noRetryOnClientError,
  });
}
