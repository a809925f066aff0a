import { ProblemSchema, RegisterOverseasBody, RegisterResponse } from '@sw/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { requestLocale } from '../../http/problem.ts';
import { registerOverseas } from './register-overseas.ts';

const problems = { 400: ProblemSchema, 409: ProblemSchema, 429: ProblemSchema };

/** 国外及港澳台地区企业注册 (seed 004 §1.5). */
export async function overseasRegistrationRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/accounts/overseas',
    {
      config: { rateLimit: { max: ctx.config.rateLimits.register, timeWindow: '1 minute' } },
      schema: {
        tags: ['identity'],
        summary: '国外及港澳台地区企业注册 (seed 004 §1.5): the enterprise and its account, e-mail verified',
        body: RegisterOverseasBody,
        response: { 201: RegisterResponse, ...problems },
      },
    },
    async (request, reply) => {
      const created = await registerOverseas(ctx, request.body, requestLocale(request));
      return reply.code(201).send(created);
    },
  );
}
