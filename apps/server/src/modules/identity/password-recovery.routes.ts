import {
  LinkTokenQuery,
  PasswordRecoveryAccepted,
  PasswordRecoveryEmailBody,
  PasswordResetBody,
  PasswordResetLinkCheck,
  ProblemSchema,
} from '@sw/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requestMeta } from './auth.ts';
import {
  checkPasswordResetLink,
  requestPasswordResetEmail,
  resetPasswordByEmail,
} from './password-recovery.ts';

const problems = { 400: ProblemSchema, 410: ProblemSchema, 429: ProblemSchema };

/** 找回密码 — 邮箱找回 (seed 001 §2.6): anonymous, image captcha, rate-limited per address. */
export async function passwordRecoveryRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const perMinute = (max: number) => ({ rateLimit: { max, timeWindow: '1 minute' } });
  const limits = ctx.config.rateLimits;

  app.post(
    '/api/password-recovery/email',
    {
      config: perMinute(limits.sendCode),
      schema: {
        tags: ['identity'],
        summary: 'Send a password reset link to the account’s e-mail (same answer whether or not it exists)',
        body: PasswordRecoveryEmailBody,
        response: { 202: PasswordRecoveryAccepted, ...problems },
      },
    },
    async (request, reply) =>
      reply.code(202).send(await requestPasswordResetEmail(ctx, request.body, requestMeta(request))),
  );

  app.get(
    '/api/password-recovery/email/check',
    {
      config: perMinute(limits.sendCode * 6),
      schema: {
        tags: ['identity'],
        summary: 'Whether a reset link still works',
        querystring: LinkTokenQuery,
        response: { 200: PasswordResetLinkCheck, ...problems },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return checkPasswordResetLink(ctx, request.query.token);
    },
  );

  app.post(
    '/api/password-recovery/email/reset',
    {
      config: perMinute(limits.sendCode),
      schema: {
        tags: ['identity'],
        summary: 'Set a new password through the link (single use); ends every session',
        body: PasswordResetBody,
        response: { 204: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      await resetPasswordByEmail(ctx, request.body, requestMeta(request));
      return reply.code(204).send(null);
    },
  );
}
