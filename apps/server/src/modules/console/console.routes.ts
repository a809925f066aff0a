import { ACCOUNT_KINDS, type AccountKind, ProblemSchema } from '@sw/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { countAccountsByKind, countSignInsSince, requireStaff, startOfChinaDay } from '../identity/index.ts';

export async function consoleRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/console/overview',
    {
      schema: {
        tags: ['console'],
        summary: 'Staff dashboard figures',
        response: {
          200: z.object({
            accounts: z.object({
              total: z.number().int(),
              byKind: z.record(z.enum(ACCOUNT_KINDS), z.number().int()),
            }),
            signIns: z.object({ today: z.number().int(), failedToday: z.number().int() }),
            database: z.enum(['pglite', 'postgres']),
            mode: z.enum(['local', 'test', 'production']),
          }),
          401: ProblemSchema,
          403: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      await requireStaff(ctx, request, reply);
      const byKind = Object.fromEntries(ACCOUNT_KINDS.map((k) => [k, 0])) as Record<AccountKind, number>;
      for (const row of await countAccountsByKind(ctx.db)) byKind[row.kind] = row.n;
      const signIns = await countSignInsSince(ctx.db, startOfChinaDay(ctx.clock.now()));
      return {
        accounts: { total: Object.values(byKind).reduce((a, b) => a + b, 0), byKind },
        signIns: { today: signIns.success, failedToday: signIns.failed },
        database: ctx.database.kind,
        mode: ctx.config.mode,
      };
    },
  );
}
