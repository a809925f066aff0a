import {
  ArticlePage,
  ArticlePreview,
  ArticlePreviewBody,
  ArticleVersionBody,
  ArticleVersionQuery,
  ArticleView,
  ConsoleArticleQuery,
  CreateArticleBody,
  ProblemSchema,
  PublicArticle,
  PublicArticlePage,
  PublicArticleQuery,
  UpdateArticleBody,
} from '@sw/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requestLocale } from '../../http/problem.ts';
import { requestMeta, requirePlatformAdmin } from '../identity/index.ts';
import {
  createArticle,
  getArticle,
  getPublishedArticle,
  listArticles,
  listPublishedArticles,
  previewArticle,
  publishArticle,
  removeArticle,
  unpublishArticle,
  updateArticleContent,
} from './content.service.ts';

const problems = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const changeProblems = { ...problems, 409: ProblemSchema };
const ArticleParams = z.strictObject({ id: z.uuid() });

/**
 * Articles (通知公告, 政策法规, 办事指南; issue 10 §4). The console's routes are for platform admins
 * and every change is audited; the public routes need no sign-in and see published articles only,
 * in the caller's language with zh-CN where a translation is missing.
 */
export async function contentRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  // ---------------------------------------------------------------- public

  app.get(
    '/api/content',
    {
      schema: {
        tags: ['content'],
        summary: 'Published articles, newest first (keyset pages), in the caller’s language',
        querystring: PublicArticleQuery,
        response: { 200: PublicArticlePage, 400: ProblemSchema },
      },
    },
    async (request) => listPublishedArticles(ctx, request.query, requestLocale(request)),
  );

  app.get(
    '/api/content/:id',
    {
      schema: {
        tags: ['content'],
        summary: 'One published article: its sanitised HTML in the caller’s language',
        params: ArticleParams,
        response: { 200: PublicArticle, 400: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request) => getPublishedArticle(ctx, request.params.id, requestLocale(request)),
  );

  // ---------------------------------------------------------------- console

  app.get(
    '/api/console/content',
    {
      schema: {
        tags: ['console'],
        summary: 'Every article, newest first (keyset pages); filters kind, status, service, title text',
        querystring: ConsoleArticleQuery,
        response: { 200: ArticlePage, ...problems },
      },
    },
    async (request, reply) => {
      await requirePlatformAdmin(ctx, request, reply);
      return listArticles(ctx, request.query);
    },
  );

  app.post(
    '/api/console/content/preview',
    {
      schema: {
        tags: ['console'],
        summary: 'Markdown rendered and sanitised as the article page shows it; nothing is saved',
        body: ArticlePreviewBody,
        response: { 200: ArticlePreview, ...problems },
      },
    },
    async (request, reply) => {
      await requirePlatformAdmin(ctx, request, reply);
      return previewArticle(request.body.markdown);
    },
  );

  app.post(
    '/api/console/content',
    {
      schema: {
        tags: ['console'],
        summary: 'A new draft article; audited',
        body: CreateArticleBody,
        response: { 201: ArticleView, ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requirePlatformAdmin(ctx, request, reply);
      const article = await createArticle(ctx, auth.account, request.body, requestMeta(request));
      return reply.code(201).send(article);
    },
  );

  app.get(
    '/api/console/content/:id',
    {
      schema: {
        tags: ['console'],
        summary: 'One article with its Markdown and sanitised HTML in every language',
        params: ArticleParams,
        response: { 200: ArticleView, ...problems },
      },
    },
    async (request, reply) => {
      await requirePlatformAdmin(ctx, request, reply);
      return getArticle(ctx, request.params.id);
    },
  );

  app.put(
    '/api/console/content/:id',
    {
      schema: {
        tags: ['console'],
        summary: 'Change an article at the version read (409 content.version_conflict otherwise); audited',
        params: ArticleParams,
        body: UpdateArticleBody,
        response: { 200: ArticleView, ...changeProblems },
      },
    },
    async (request, reply) => {
      const auth = await requirePlatformAdmin(ctx, request, reply);
      return updateArticleContent(ctx, auth.account, request.params.id, request.body, requestMeta(request));
    },
  );

  app.post(
    '/api/console/content/:id/publish',
    {
      schema: {
        tags: ['console'],
        summary: 'Publish a draft (the public sees it from now on); audited',
        params: ArticleParams,
        body: ArticleVersionBody,
        response: { 200: ArticleView, ...changeProblems },
      },
    },
    async (request, reply) => {
      const auth = await requirePlatformAdmin(ctx, request, reply);
      return publishArticle(ctx, auth.account, request.params.id, request.body.version, requestMeta(request));
    },
  );

  app.post(
    '/api/console/content/:id/unpublish',
    {
      schema: {
        tags: ['console'],
        summary: 'Take a published article back to draft; audited',
        params: ArticleParams,
        body: ArticleVersionBody,
        response: { 200: ArticleView, ...changeProblems },
      },
    },
    async (request, reply) => {
      const auth = await requirePlatformAdmin(ctx, request, reply);
      return unpublishArticle(
        ctx,
        auth.account,
        request.params.id,
        request.body.version,
        requestMeta(request),
      );
    },
  );

  app.delete(
    '/api/console/content/:id',
    {
      schema: {
        tags: ['console'],
        summary: 'Delete a draft (a published article is unpublished first); audited',
        params: ArticleParams,
        querystring: ArticleVersionQuery,
        response: { 204: z.null(), ...changeProblems },
      },
    },
    async (request, reply) => {
      const auth = await requirePlatformAdmin(ctx, request, reply);
      await removeArticle(ctx, auth.account, request.params.id, request.query.version, requestMeta(request));
      return reply.code(204).send(null);
    },
  );
}
