import { LinkTokenQuery, ProblemSchema } from '@sw/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../context.ts';
import { requestMeta } from '../../identity/index.ts';
import {
  CorrectEnterpriseRegistrationBody,
  EnterpriseRegistrationCorrectionView,
  EnterpriseRegistrationSubmitted,
  SubmitEnterpriseRegistrationBody,
} from './contract.ts';
import { correctRegistration, loadCorrection, registerForReview } from './register-for-review.ts';

const problems = { 400: ProblemSchema, 409: ProblemSchema, 410: ProblemSchema, 429: ProblemSchema };

/** 企业注册审核 (seed 001 §2.3): anonymous submission and correction through the e-mailed link. */
export async function enterpriseRegistrationRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const perMinute = (max: number) => ({ rateLimit: { max, timeWindow: '1 minute' } });
  const limits = ctx.config.rateLimits;

  app.post(
    '/api/register/enterprise-review',
    {
      config: perMinute(limits.register),
      schema: {
        tags: ['identity'],
        summary:
          '企业注册审核: organization and administrator pending review, uploads claimed, application submitted (one transaction)',
        body: SubmitEnterpriseRegistrationBody,
        response: { 201: EnterpriseRegistrationSubmitted, ...problems },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await registerForReview(ctx, request.body, requestMeta(request))),
  );

  app.get(
    '/api/register/enterprise-review/correction',
    {
      config: perMinute(limits.register * 6),
      schema: {
        tags: ['identity'],
        summary: 'A returned registration opened by its e-mailed link: form (no password), reasons, files',
        querystring: LinkTokenQuery,
        response: { 200: EnterpriseRegistrationCorrectionView, ...problems },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return loadCorrection(ctx, request.query.token);
    },
  );

  app.post(
    '/api/register/enterprise-review/correction',
    {
      config: perMinute(limits.register),
      schema: {
        tags: ['identity'],
        summary: 'Resubmit a returned registration with the corrected form and attachments (link spent)',
        body: CorrectEnterpriseRegistrationBody,
        response: { 200: EnterpriseRegistrationSubmitted, ...problems },
      },
    },
    async (request) => correctRegistration(ctx, request.body, requestMeta(request)),
  );
}
