import { OrganizationView, ProblemSchema, SupplementRegistrationNoBody } from '@sw/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../context.ts';
import { AppError } from '../../../http/app-error.ts';
import { requireAuth } from '../auth.ts';
import { presentOrganization } from './organization.presenter.ts';
import { getOrganizationById } from './organization.repo.ts';
import { supplementRegistrationNo } from './supplement-registration-no.ts';

export async function organizationRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

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
