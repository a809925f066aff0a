import { ProblemSchema } from '@sw/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../context.ts';
import { requestMeta, requireAuth } from '../../identity/index.ts';
import { TagRequestBody, TagRequestView, TagVehicle } from './contract.ts';
import { requestsOf, submitRequest, vehiclesOf } from './requests.ts';

const problems = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
  422: ProblemSchema,
  429: ProblemSchema,
};

/** 补办车卡 / 补办驾驶人标识: the owner's side (the officers decide in the console's queue). */
export async function northboundTagsRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['northbound-tags'];

  app.get(
    '/api/services/northbound-tags/vehicles',
    {
      schema: {
        tags,
        summary: '补办: the vehicles whose 车卡 or 驾驶人标识 may be replaced (names masked)',
        response: { 200: z.array(TagVehicle), ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply);
      reply.header('cache-control', 'no-store');
      return vehiclesOf(ctx, auth.account.id);
    },
  );

  app.get(
    '/api/services/northbound-tags/requests',
    {
      schema: {
        tags,
        summary: '我的申请: my replacement requests and their progress',
        response: { 200: z.array(TagRequestView), ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply);
      reply.header('cache-control', 'no-store');
      return requestsOf(ctx, auth.account.id);
    },
  );

  app.post(
    '/api/services/northbound-tags/requests',
    {
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: '提交 补办车卡 / 补办驾驶人标识 (000 §4.7)',
        body: TagRequestBody,
        response: { 201: TagRequestView, ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply);
      return reply.code(201).send(await submitRequest(ctx, auth.account, request.body, requestMeta(request)));
    },
  );
}
