import { HubAgencyCase, ProblemSchema } from '@sw/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { withAgencyTimeout } from '../../integrations/identity-check.ts';
import { recordAudit } from '../audit/index.ts';
import { requireAuth, requireStepUp } from '../identity/index.ts';

/*
 * 办理进度查询 (seed 003, issue 13 §4): the agencies' half — 身份证办理 and 户政审批 from public
 * security's adapter (ctx.householdAgency) — for the person's own resident ID, after a face check;
 * the web shows it in one list with the person's applications here (GET /api/applications).
 */
export async function hubProgressRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/hub/progress',
    {
      schema: {
        tags: ['hub'],
        summary:
          '办理进度查询: the person’s 身份证办理 and 户政审批 cases (a face check in the last 5 minutes)',
        response: {
          200: z.array(HubAgencyCase),
          401: ProblemSchema,
          403: ProblemSchema,
          422: ProblemSchema,
          503: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply);
      requireStepUp(ctx, auth);
      reply.header('cache-control', 'no-store');
      const { account } = auth;
      if (account.idType !== 'resident_id' || !account.idNumberEnc)
        throw new AppError('hub.resident_id_required', { status: 422 });
      const now = ctx.clock.now();
      const started = Date.now();
      const cases = await withAgencyTimeout(
        ctx.householdAgency.casesOf(ctx.crypto.decrypt(account.idNumberEnc), now),
      );
      await recordAudit(ctx.db, {
        actorId: account.id,
        action: 'agency.call',
        targetType: 'account',
        targetId: account.id,
        detail: {
          adapter: ctx.householdAgency.name,
          operation: 'cases',
          found: cases.length,
          ms: Date.now() - started,
        },
        ip: request.ip,
        at: now,
      });
      return cases;
    },
  );
}
