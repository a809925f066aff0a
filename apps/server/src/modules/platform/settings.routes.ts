import { PlatformSettings, ProblemSchema, UpdatePlatformSettingsBody } from '@sw/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { requestMeta, requirePlatformAdmin } from '../identity/index.ts';
import { getPlatformSettings, updatePlatformSettings } from './settings.ts';

const problems = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema };

/** Console: platform settings (「注册需审核」), platform admins only; every change audited. */
export async function settingsRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/console/settings',
    {
      schema: {
        tags: ['console'],
        summary: 'Platform settings',
        response: { 200: PlatformSettings, ...problems },
      },
    },
    async (request, reply) => {
      await requirePlatformAdmin(ctx, request, reply);
      return getPlatformSettings(ctx.db);
    },
  );

  app.put(
    '/api/console/settings',
    {
      schema: {
        tags: ['console'],
        summary: 'Change platform settings (only the ones sent); audited',
        body: UpdatePlatformSettingsBody,
        response: { 200: PlatformSettings, ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requirePlatformAdmin(ctx, request, reply);
      return updatePlatformSettings(ctx, auth.account, request.body, requestMeta(request));
    },
  );
}
