import { CatalogueItem, CatalogueQuery, ProblemSchema, ServiceDetailView } from '@sw/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getServiceDetail, listCatalogue } from './catalogue.ts';

/** The public catalogue: 办事服务 and each service's 办事指南. */
export async function catalogueRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/services',
    {
      schema: {
        tags: ['catalogue'],
        summary: '办事服务: the services, by category, city, 地方特色应用 group or text',
        querystring: CatalogueQuery,
        response: { 200: z.array(CatalogueItem), 400: ProblemSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=60');
      return listCatalogue(request.query);
    },
  );
  app.get(
    '/api/services/:code',
    {
      schema: {
        tags: ['catalogue'],
        summary:
          '办事指南: one service with its conditions, materials, steps, time limit, fee, basis and hotline',
        params: z.strictObject({ code: z.string().max(40) }),
        response: { 200: ServiceDetailView, 404: ProblemSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=60');
      return getServiceDetail(request.params.code);
    },
  );
}
