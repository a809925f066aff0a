import {
  ForgotPasswordCodeBody,
  ForgotPasswordCodeSent,
  ForgotPasswordDone,
  ForgotPasswordFlow,
  ForgotPasswordStartBody,
  ForgotPasswordVerified,
  ForgotPasswordVerifyBody,
  LinkTokenQuery,
  PasswordRecoveryAccepted,
  PasswordRecoveryEmailBody,
  PasswordResetBody,
  PasswordResetLinkCheck,
  ProblemSchema,
  UsernameRecoveryBankCardBody,
  UsernameRecoveryEnterpriseBankBody,
  UsernameRecoveryEnterpriseBody,
  UsernameRecoveryIdentityBody,
  UsernameRecoveryMobileBody,
  UsernameRecoveryStep,
} from '@sw/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requestLocale } from '../../http/problem.ts';
import { browserKeyOf, requestMeta } from './auth.ts';
import { sendForgotPasswordCode, startForgotPassword, verifyForgotPassword } from './forgot-password.ts';
import {
  proveEnterpriseFacts,
  proveRecoveryIdentity,
  proveRecoveryMobile,
  recoverByBankCard,
  recoverByEnterpriseBank,
} from './forgot-username.ts';
import {
  checkPasswordResetLink,
  requestPasswordResetEmail,
  resetPasswordByEmail,
  resetPasswordWithToken,
} from './password-recovery.ts';

const problems = { 400: ProblemSchema, 410: ProblemSchema, 422: ProblemSchema, 429: ProblemSchema };

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

  // 忘记密码 (seed 004 §2.4): 填写用户名 → 安全验证 → 重置密码 → 完成
  app.post(
    '/api/password-recovery/start',
    {
      config: perMinute(limits.sendCode),
      schema: {
        tags: ['identity'],
        summary: '忘记密码 step 1: username + image captcha → the flow and its verification methods',
        description:
          'An unknown username gets a flow shaped like a real one; nothing here tells whether the account exists.',
        body: ForgotPasswordStartBody,
        response: { 200: ForgotPasswordFlow, ...problems },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return startForgotPassword(ctx, request.body);
    },
  );

  app.post(
    '/api/password-recovery/code',
    {
      config: perMinute(limits.sendCode),
      schema: {
        tags: ['identity'],
        summary: '忘记密码 手机验证 / 邮箱验证: a code to the bound mobile or e-mail (image captcha first)',
        body: ForgotPasswordCodeBody,
        response: { 202: ForgotPasswordCodeSent, ...problems },
      },
    },
    async (request, reply) =>
      reply.code(202).send(await sendForgotPasswordCode(ctx, request.body, requestLocale(request))),
  );

  app.post(
    '/api/password-recovery/verify',
    {
      config: perMinute(limits.sendCode * 2),
      schema: {
        tags: ['identity'],
        summary: '忘记密码 step 2 安全验证: the chosen method’s answers → a single-use reset token',
        body: ForgotPasswordVerifyBody,
        response: { 200: ForgotPasswordVerified, ...problems },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return verifyForgotPassword(ctx, request.body, requestMeta(request), browserKeyOf(ctx, request));
    },
  );

  app.post(
    '/api/password-recovery/reset',
    {
      config: perMinute(limits.sendCode),
      schema: {
        tags: ['identity'],
        summary: '忘记密码 step 3 重置密码: the new password with the token of 安全验证; ends every session',
        body: PasswordResetBody,
        response: { 200: ForgotPasswordDone, ...problems },
      },
    },
    async (request) => ({
      username: await resetPasswordWithToken(ctx, request.body, requestMeta(request), 'verified'),
    }),
  );

  // 找回用户名 (seed 004 §2.3): 账号信息认证 / 可验证绑定的手机号
  const usernameStep = (summary: string, body: z.ZodType) => ({
    config: perMinute(limits.sendCode * 2),
    schema: { tags: ['identity'], summary, body, response: { 200: UsernameRecoveryStep, ...problems } },
  });
  app.post(
    '/api/username-recovery/mobile',
    usernameStep(
      '找回用户名 step 1: a mobile proven by its SMS code (administrator: and the enterprise)',
      UsernameRecoveryMobileBody,
    ),
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return proveRecoveryMobile(ctx, request.body as UsernameRecoveryMobileBody);
    },
  );
  app.post(
    '/api/username-recovery/identity',
    usernameStep('找回用户名 step 2: 本人 or 经办人 identity', UsernameRecoveryIdentityBody),
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return proveRecoveryIdentity(ctx, request.body as UsernameRecoveryIdentityBody, requestMeta(request));
    },
  );
  app.post(
    '/api/username-recovery/bank-card',
    usernameStep(
      '找回用户名: 个人实名认证 / 操作员实名认证 (identity and bank card)',
      UsernameRecoveryBankCardBody,
    ),
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return recoverByBankCard(ctx, request.body as UsernameRecoveryBankCardBody, requestMeta(request));
    },
  );
  app.post(
    '/api/username-recovery/enterprise-bank',
    usernameStep(
      '找回用户名 企业实名认证 (administrator): the corporate account confirmed by its bank → every username of the enterprise',
      UsernameRecoveryEnterpriseBankBody,
    ),
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return recoverByEnterpriseBank(
        ctx,
        request.body as UsernameRecoveryEnterpriseBankBody,
        requestMeta(request),
      );
    },
  );
  app.post(
    '/api/username-recovery/enterprise',
    usernameStep(
      '找回用户名 step 3 (administrator): 法人信息, 管理员信息, 两操作员手机号',
      UsernameRecoveryEnterpriseBody,
    ),
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return proveEnterpriseFacts(ctx, request.body as UsernameRecoveryEnterpriseBody, requestMeta(request));
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
