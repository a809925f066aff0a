import {
  OrganizationView,
  ProblemSchema,
  QualificationsBody,
  QualificationsView,
  SupplementRegistrationNoBody,
} from '@sw/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../context.ts';
import { AppError } from '../../../http/app-error.ts';
import { requestMeta, requireAuth } from '../auth.ts';
import { presentOrganization } from './organization.presenter.ts';
import { getOrganizationById } from './organization.repo.ts';
import { qualificationsView, saveQualifications, syncQualifications } from './qualifications.ts';
import { supplementRegistrationNo } from './supplement-registration-no.ts';

export async function organizationRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  // 我的资质 (seed 004 §3.4), administrators only
  const qualificationProblems = {
    400: ProblemSchema,
    401: ProblemSchema,
    403: ProblemSchema,
    422: ProblemSchema,
    503: ProblemSchema,
  };
  app.get(
    '/api/org/qualifications',
    {
      schema: {
        tags: ['identity'],
        summary: '我的资质: the organization’s filings by tab, grey fields from the registration',
        response: { 200: QualificationsView, ...qualificationProblems },
      },
    },
    async (request, reply) => qualificationsView(ctx, await requireAuth(ctx, request, reply)),
  );
  app.put(
    '/api/org/qualifications',
    {
      schema: {
        tags: ['identity'],
        summary: '我的资质 保存 (no declaration or approval)',
        body: QualificationsBody,
        response: { 200: QualificationsView, ...qualificationProblems },
      },
    },
    async (request, reply) =>
      saveQualifications(ctx, await requireAuth(ctx, request, reply), request.body, requestMeta(request)),
  );
  app.post(
    '/api/org/qualifications/sync/:agency',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['identity'],
        summary: '市场局同步更新 / 商务部同步更新',
        params: z.object({ agency: z.enum(['market', 'commerce']) }),
        response: { 200: QualificationsView, ...qualificationProblems },
      },
    },
    async (request, reply) =>
      syncQualifications(
        ctx,
        await requireAuth(ctx, request, reply),
        request.params.agency,
        requestMeta(request),
      ),
  );

  app.get(
    '/api/account/organization',
    {
      schema: {
        tags: ['identity'],
        summary: "The signed-in account's organization (seed 004 §3.1 查看)",
        response: { 200: OrganizationView, 401: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply);
      const org = auth.account.organizationId
        ? await getOrganizationById(ctx.db, auth.account.organizationId)
        : undefined;
      if (!org) throw new AppError('request.not_found', { status: 404 });
      return presentOrganization(org, ctx.crypto);
    },
  );

  app.put(
    '/api/account/organization/registration-no',
    {
      schema: {
        tags: ['identity'],
        summary: '补充所在国家(地区)注册编号 (seed 004 §3.1): overseas enterprise, once, while empty',
        body: SupplementRegistrationNoBody,
        response: {
          200: OrganizationView,
          400: ProblemSchema,
          401: ProblemSchema,
          403: ProblemSchema,
          409: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply);
      const org = await supplementRegistrationNo(ctx, auth.account, request.body.registrationNo, {
        ip: request.ip,
      });
      return presentOrganization(org, ctx.crypto);
    },
  );
}
