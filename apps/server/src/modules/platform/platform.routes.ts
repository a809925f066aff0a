import { PlatformInfo, ProblemSchema } from '@sw/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { getPlatformSettings, siteIdentityOf } from './settings.ts';

export function simulatorNames(ctx: AppContext): string[] {
  return [
    ...Object.values(ctx.messaging.adapters),
    ctx.eLicense,
    ctx.identityAgencies,
    ctx.faceCheck,
    ctx.registries,
    ctx.licenceAuthorities,
    ctx.householdAgency,
    ctx.govPlatform,
    ...ctx.serviceAdapters,
  ]
    .filter((a) => a.isSimulator)
    .map((a) => a.name);
}

export async function platformRoutes(
  fastify: FastifyInstance,
  { ctx, version }: { ctx: AppContext; version: string },
) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/health',
    {
      logLevel: 'warn',
      schema: {
        tags: ['platform'],
        summary: 'Liveness',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/api/ready',
    {
      logLevel: 'warn',
      schema: {
        tags: ['platform'],
        summary: 'Readiness: database reachable and migrations applied',
        response: { 200: z.object({ status: z.literal('ready'), database: z.string() }), 503: ProblemSchema },
      },
    },
    async () => {
      if (!(await ctx.database.isReady())) throw new AppError('server.unavailable', { status: 503 });
      return { status: 'ready' as const, database: ctx.database.kind };
    },
  );

  app.get(
    '/api/platform/info',
    {
      schema: {
        tags: ['platform'],
        summary: 'Mode, version, which adapters are simulators, and the site identity of the footer',
        response: { 200: PlatformInfo },
      },
    },
    async () => {
      const settings = await getPlatformSettings(ctx.db);
      return {
        mode: ctx.config.mode,
        version,
        database: ctx.database.kind,
        simulators: simulatorNames(ctx),
        registrationReview: settings.registrationReview,
        site: siteIdentityOf(settings),
      };
    },
  );
}
