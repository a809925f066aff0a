import { ProblemSchema } from '@sw/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../context.ts';
import { requireAuth } from '../../identity/index.ts';
import { PermitRegistration } from './contract.ts';
import { registrationsForPermit } from './registrations.ts';

const problems = { 401: ProblemSchema, 403: ProblemSchema };

/** 申领居住证's own route: the registrations the form offers (the rest is the generic casework). */
export async function residencePermitRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/services/residence-permit/registrations',
    {
      schema: {
        tags: ['residence-permit'],
        summary: '申领居住证: my approved 居住登记, with the first day each may be used (满半年，深圳除外)',
        response: { 200: z.array(PermitRegistration), ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply);
      reply.header('cache-control', 'no-store');
      return registrationsForPermit(ctx, auth.account.id);
    },
  );
}
