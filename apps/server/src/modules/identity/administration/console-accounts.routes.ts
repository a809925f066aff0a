import {
  ConsoleAccountPage,
  ConsoleAccountsQuery,
  ConsoleAccountView,
  CreateDepartmentUserBody,
  DepartmentUserCreated,
  LockoutView,
  ProblemSchema,
  SignInLogPage,
  SignInLogQuery,
} from '@sw/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../context.ts';
import { requestMeta } from '../auth.ts';
import { requirePlatformAdmin } from '../staff-auth.ts';
import {
  changeAccountStatus,
  listAccounts,
  listLockouts,
  searchSignIns,
  unlockIdentifier,
} from './console-accounts.service.ts';
import { createDepartmentUser } from './create-department-user.ts';

const problems = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
};

/** Staff console: account administration (部委用户, 账号管理, 账号解锁, 登录日志). */
export async function consoleAccountRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/console/accounts',
    {
      schema: {
        tags: ['console'],
        summary: 'Find accounts (newest first, keyset pages); personal numbers masked',
        querystring: ConsoleAccountsQuery,
        response: { 200: ConsoleAccountPage, ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requirePlatformAdmin(ctx, request, reply);
      return listAccounts(ctx, auth.account, request.query);
    },
  );

  app.post(
    '/api/console/department-users',
    {
      schema: {
        tags: ['console'],
        summary: '部委用户: create one; the generated initial password is in this response only',
        body: CreateDepartmentUserBody,
        response: { 201: DepartmentUserCreated, ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requirePlatformAdmin(ctx, request, reply);
      const created = await createDepartmentUser(ctx, auth.account, request.body, requestMeta(request));
      // the one response that carries a password: never cached anywhere
      return reply.code(201).header('cache-control', 'no-store').send(created);
    },
  );

  for (const [verb, to] of [
    ['disable', 'disabled'],
    ['enable', 'active'],
  ] as const) {
    app.post(
      `/api/console/accounts/:id/${verb}`,
      {
        schema: {
          tags: ['console'],
          summary:
            verb === 'disable'
              ? '停用: the account can no longer sign in; its sessions end now'
              : '启用: a disabled account may sign in again',
          params: z.strictObject({ id: z.uuid() }),
          response: { 200: ConsoleAccountView, ...problems },
        },
      },
      async (request, reply) => {
        const auth = await requirePlatformAdmin(ctx, request, reply);
        return changeAccountStatus(ctx, auth.account, request.params.id, to, requestMeta(request));
      },
    );
  }

  app.get(
    '/api/console/lockouts',
    {
      schema: {
        tags: ['console'],
        summary: '账号解锁: identifiers locked now after too many wrong passwords',
        response: { 200: z.array(LockoutView), ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requirePlatformAdmin(ctx, request, reply);
      return listLockouts(ctx, auth.account);
    },
  );

  app.delete(
    '/api/console/lockouts/:id',
    {
      schema: {
        tags: ['console'],
        summary: 'Unlock one identifier (clears its failure count)',
        params: z.strictObject({ id: z.string().regex(/^[0-9a-f]{64}$/) }),
        response: { 204: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requirePlatformAdmin(ctx, request, reply);
      await unlockIdentifier(ctx, auth.account, request.params.id, requestMeta(request));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/console/sign-ins',
    {
      schema: {
        tags: ['console'],
        summary: '登录日志: sign-in attempts, newest first, keyset pages',
        querystring: SignInLogQuery,
        response: { 200: SignInLogPage, ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requirePlatformAdmin(ctx, request, reply);
      return searchSignIns(ctx, auth.account, request.query);
    },
  );
}
