import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listServices } from './service-registry.ts';

const Localized = z.object({ 'zh-CN': z.string(), 'zh-HK': z.string(), en: z.string() });

export async function caseworkRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/services',
    {
      schema: {
        tags: ['casework'],
        summary: 'The online services (事项) open for application',
        response: {
          200: z.array(
            z.object({ code: z.string(), name: Localized, description: Localized, path: z.string() }),
          ),
        },
      },
    },
    async () =>
      listServices().map(({ code, name, description, path }) => ({ code, name, description, path })),
  );
}
