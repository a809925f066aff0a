import {
  InboxMessageView,
  InboxPage,
  InboxQuery,
  InboxReadAllResult,
  InboxUnreadCount,
  ProblemSchema,
} from '@sw/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireAuth } from '../identity/index.ts';
import {
  getInboxMessage,
  listInbox,
  readAllInboxMessages,
  readInboxMessage,
  unreadCount,
} from './inbox.service.ts';

const problems = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const MessageParams = z.strictObject({ id: z.uuid() });

/** 我的消息 (站内信, seed 000 §4.9): the signed-in account's in-site messages. */
export async function inboxRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/inbox',
    {
      schema: {
        tags: ['inbox'],
        summary: 'My messages, newest first (keyset pages); bodies are previews',
        querystring: InboxQuery,
        response: { 200: InboxPage, ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply);
      return listInbox(ctx, auth.account.id, request.query);
    },
  );

  app.get(
    '/api/inbox/unread-count',
    {
      schema: {
        tags: ['inbox'],
        summary: 'Unread messages, for the badge in the header',
        response: { 200: InboxUnreadCount, ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply);
      return unreadCount(ctx, auth.account.id);
    },
  );

  app.post(
    '/api/inbox/read-all',
    {
      schema: {
        tags: ['inbox'],
        summary: '全部标为已读: mark every unread message read',
        response: { 200: InboxReadAllResult, ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply);
      return readAllInboxMessages(ctx, auth.account.id);
    },
  );

  app.get(
    '/api/inbox/:id',
    {
      schema: {
        tags: ['inbox'],
        summary: 'One message in full (own messages only)',
        params: MessageParams,
        response: { 200: InboxMessageView, ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply);
      return getInboxMessage(ctx, auth.account.id, request.params.id);
    },
  );

  app.post(
    '/api/inbox/:id/read',
    {
      schema: {
        tags: ['inbox'],
        summary: 'Mark one message read (the first reading time stays)',
        params: MessageParams,
        response: { 200: InboxMessageView, ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply);
      return readInboxMessage(ctx, auth.account.id, request.params.id);
    },
  );
}
