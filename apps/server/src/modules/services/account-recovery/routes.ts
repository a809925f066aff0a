import { ProblemSchema } from '@sw/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../context.ts';
import { AppError } from '../../../http/app-error.ts';
import { loadForStaff } from '../../casework/index.ts';
import { requestMeta, requireStaff } from '../../identity/index.ts';
import {
  ACCOUNT_RECOVERY,
  AccountRecoveryReview,
  AccountRecoverySubmitted,
  SubmitAccountRecoveryBody,
} from './contract.ts';
import { reviewRecovery, submitRecovery } from './requests.ts';

const problems = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
  422: ProblemSchema,
  429: ProblemSchema,
};

/** 人工资料审核: the anonymous submission and the reviewer's side-by-side. */
export async function accountRecoveryRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const limits = ctx.config.rateLimits;

  app.post(
    '/api/services/account-recovery/requests',
    {
      config: { rateLimit: { max: limits.register, timeWindow: '1 minute' } },
      schema: {
        tags: ['account-recovery'],
        summary:
          '提交人工审核: the claim, the proven mobile, the uploads and (password) the new password → submitted application',
        body: SubmitAccountRecoveryBody,
        response: { 201: AccountRecoverySubmitted, ...problems },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return reply.code(201).send(await submitRecovery(ctx, request.body, requestMeta(request)));
    },
  );

  app.get(
    '/api/console/services/account-recovery/applications/:id/candidates',
    {
      schema: {
        tags: ['account-recovery'],
        summary: 'The reviewer’s comparison: the accounts the claim may be about, fact by fact (masked)',
        params: z.object({ id: z.uuid() }),
        response: { 200: AccountRecoveryReview, ...problems },
      },
    },
    async (request, reply) => {
      const { grants } = await requireStaff(ctx, request, reply);
      const application = await loadForStaff(ctx.db, grants, request.params.id);
      if (application.serviceCode !== ACCOUNT_RECOVERY)
        throw new AppError('casework.application_not_found', { status: 404 });
      reply.header('cache-control', 'no-store');
      return reviewRecovery(ctx, application);
    },
  );
}
