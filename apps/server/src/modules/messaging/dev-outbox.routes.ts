import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { devOutboxIndex } from '../../integrations/dev-outbox.ts';
import { findDevOutbox } from './messaging.repo.ts';

export const DevOutboxMessage = z.object({
  id: z.uuid(),
  channel: z.enum(['sms', 'email']),
  to: z.string(),
  subject: z.string().nullable(),
  text: z.string(),
  createdAt: z.iso.datetime(),
});

/**
 * What the SMS and e-mail simulators "sent", newest first, recipients masked (`?to=` finds one
 * number's or address's messages by its blind index). Registered only in local and
 * test mode: in production the route does not exist.
 */
export async function devOutboxRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/dev/outbox',
    {
      schema: {
        tags: ['dev'],
        summary: 'Simulator outbox (local and test mode only)',
        querystring: z.strictObject({
          to: z.string().max(100).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.array(DevOutboxMessage) },
      },
    },
    async (request) => {
      const { to, limit } = request.query;
      const rows = await findDevOutbox(ctx.db, {
        ...(to ? { toBidx: devOutboxIndex(ctx.crypto, to) } : {}),
        limit,
      });
      return rows.map((r) => ({
        id: r.id,
        channel: r.channel,
        to: r.to,
        subject: r.subject,
        text: r.text,
        createdAt: r.createdAt.toISOString(),
      }));
    },
  );
}
