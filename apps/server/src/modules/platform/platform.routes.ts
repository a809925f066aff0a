import { ProblemSchema } from '@sw/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { isRegistrationReviewOn } from './settings.ts';

export const PlatformInfo = z.object({
  mode: z.enum(['local', 'test', 'production']),
  version: z.string(),
  database: z.enum(['pglite', 'postgres']),
  /** names of agency adapters running as simulators; the UI labels them */
  simulators: z.array(z.string()),
  /**
   * 「注册需审核」: enterprises and institutions register with staff review (seed 001,
   * POST /api/register/enterprise-review) instead of at once (seed 004)
   */
  registrationReview: z.boolean(),
});

export function simulatorNames(ctx: AppContext): string[] {
  return [...Object.values(ctx.messaging.adapters), ctx.eLicense]
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
        summary: 'Mode, version and which adapters are simulators',
        response: { 200: PlatformInfo },
      },
    },
    async () => ({
      mode: ctx.config.mode,
      version,
      database: ctx.database.kind,
      simulators: simulatorNames(ctx),
      registrationReview: await isRegistrationReviewOn(ctx.db),
    }),
  );
}
