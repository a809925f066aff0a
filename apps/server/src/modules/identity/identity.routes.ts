import {
  AccountView,
  CaptchaResponse,
  DeviceSession,
  isValidUsername,
  OTP_CHANNELS,
  OTP_PURPOSES,
  ProblemSchema,
  RegisterIndividualBody,
  RegisterResponse,
  SendCodeResponse,
  SendEmailCodeBody,
  SendSmsCodeBody,
  SessionResponse,
  SignInBody,
  SignOutDevicesBody,
  UsernameAvailableQuery,
  UsernameAvailableResponse,
} from '@sw/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requestLocale } from '../../http/problem.ts';
import { ensureCsrfToken } from '../../http/security.ts';
import {
  clearSessionCookie,
  getAuth,
  requestMeta,
  requireAuth,
  sessionCookieOf,
  setSessionCookie,
} from './auth.ts';
import { createCaptcha, verifyCaptcha } from './captcha.service.ts';
import { stepUpUntil } from './hub-devices.ts';
import { presentAccount } from './identity.presenter.ts';
import { findAccountByUsername } from './identity.repo.ts';
import { checkOneTimeCode, sendOneTimeCode } from './otp.service.ts';
import { registerIndividual } from './register-individual.ts';
import { endSession, listDevices, publicSessionId, signOutDevice, signOutDevices } from './sessions.ts';
import { signInWithPassword } from './sign-in.ts';

const problems = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  409: ProblemSchema,
  429: ProblemSchema,
};

export async function identityRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const limits = ctx.config.rateLimits;
  const perMinute = (max: number) => ({ rateLimit: { max, timeWindow: '1 minute' } });

  app.get(
    '/api/csrf',
    {
      schema: {
        tags: ['session'],
        summary: 'Issue the CSRF token (also set as the sw_csrf cookie)',
        response: { 200: z.object({ token: z.string() }) },
      },
    },
    async (request, reply) => ({ token: ensureCsrfToken(ctx.config, request, reply) }),
  );

  app.post(
    '/api/captchas',
    {
      config: perMinute(limits.sendCode * 6),
      schema: {
        tags: ['identity'],
        summary: 'New image captcha (SVG, 5-minute life, single use)',
        response: { 201: CaptchaResponse, 429: ProblemSchema },
      },
    },
    async (_request, reply) => {
      const captcha = await createCaptcha(ctx);
      return reply.code(201).send({ ...captcha, expiresAt: captcha.expiresAt.toISOString() });
    },
  );

  app.post(
    '/api/otp/sms',
    {
      config: perMinute(limits.sendCode),
      schema: {
        tags: ['identity'],
        summary: 'Send an SMS code (image captcha required)',
        body: SendSmsCodeBody,
        response: { 202: SendCodeResponse, ...problems },
      },
    },
    async (request, reply) => {
      await verifyCaptcha(ctx, request.body.captchaId, request.body.captchaAnswer);
      const sent = await sendOneTimeCode(ctx, {
        channel: 'sms',
        target: request.body.mobile,
        purpose: request.body.purpose,
        locale: requestLocale(request),
      });
      return reply.code(202).send(sent);
    },
  );

  app.post(
    '/api/otp/email',
    {
      config: perMinute(limits.sendCode),
      schema: {
        tags: ['identity'],
        summary: 'Send an e-mail code (image captcha required)',
        body: SendEmailCodeBody,
        response: { 202: SendCodeResponse, ...problems },
      },
    },
    async (request, reply) => {
      await verifyCaptcha(ctx, request.body.captchaId, request.body.captchaAnswer);
      const sent = await sendOneTimeCode(ctx, {
        channel: 'email',
        target: request.body.email,
        purpose: request.body.purpose,
        locale: requestLocale(request),
      });
      return reply.code(202).send(sent);
    },
  );

  app.post(
    '/api/otp/check',
    {
      config: perMinute(limits.sendCode * 3),
      schema: {
        tags: ['identity'],
        summary: 'Check a code without using it up (wrong tries count)',
        body: z.strictObject({
          channel: z.enum(OTP_CHANNELS),
          target: z.string().trim().min(1).max(100),
          purpose: z.enum(OTP_PURPOSES),
          code: z
            .string()
            .trim()
            .regex(/^\d{6}$/, { message: 'otp.invalid' }),
        }),
        response: { 200: z.object({ valid: z.literal(true) }), ...problems },
      },
    },
    async (request) => {
      const { channel, target, purpose, code } = request.body;
      await checkOneTimeCode(ctx, { channel, target, purpose }, code, 'code');
      return { valid: true as const };
    },
  );

  app.get(
    '/api/accounts/username-available',
    {
      config: perMinute(limits.register * 12),
      schema: {
        tags: ['identity'],
        summary: 'Is this username free (case-insensitive)?',
        querystring: UsernameAvailableQuery,
        response: { 200: UsernameAvailableResponse, 429: ProblemSchema },
      },
    },
    async (request) => {
      const { username } = request.query;
      if (!isValidUsername(username)) return { available: false };
      return { available: !(await findAccountByUsername(ctx.db, username)) };
    },
  );

  app.post(
    '/api/accounts/individual',
    {
      config: perMinute(limits.register),
      schema: {
        tags: ['identity'],
        summary: '个人用户注册 (seed 004 §1.3)',
        body: RegisterIndividualBody,
        response: { 201: RegisterResponse, ...problems },
      },
    },
    async (request, reply) => {
      const created = await registerIndividual(ctx, request.body, requestLocale(request));
      return reply.code(201).send(created);
    },
  );

  app.post(
    '/api/auth/sign-in',
    {
      config: perMinute(limits.signIn),
      schema: {
        tags: ['session'],
        summary: 'Sign in with username, password and image captcha (seed 004 §2.1)',
        body: SignInBody,
        response: { 200: SessionResponse, ...problems },
      },
    },
    async (request, reply) => {
      // rotation: a sign-in always gets a new token; any session this browser had ends (revoked
      // by its hash without reading it first)
      const previous = sessionCookieOf(ctx, request);
      const result = await signInWithPassword(ctx, request.body, requestMeta(request));
      if (previous && previous.length <= 64) await endSession(ctx, previous);
      setSessionCookie(ctx, request, reply, result.token);
      return {
        account: presentAccount(result.account, ctx.crypto),
        method: result.method,
        expiresAt: result.expiresAt.toISOString(),
      };
    },
  );

  app.post(
    '/api/auth/sign-out',
    {
      schema: {
        tags: ['session'],
        summary: 'End the current session',
        response: { 204: z.null(), 403: ProblemSchema },
      },
    },
    async (request, reply) => {
      const auth = await getAuth(ctx, request);
      if (auth) await endSession(ctx, auth.token);
      clearSessionCookie(ctx, request, reply);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/auth/session',
    {
      schema: {
        tags: ['session'],
        summary: 'The current session',
        response: { 200: SessionResponse, 401: ProblemSchema },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply, { firstSignIn: true });
      return {
        account: auth.view,
        method: auth.session.method,
        expiresAt: auth.session.expiresAt.toISOString(),
        stepUpUntil: stepUpUntil(auth)?.toISOString() ?? null,
      };
    },
  );

  app.get(
    '/api/me',
    {
      schema: {
        tags: ['identity'],
        summary: 'The signed-in account, personal numbers masked',
        response: { 200: AccountView, 401: ProblemSchema },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply, { firstSignIn: true });
      return auth.view;
    },
  );

  app.get(
    '/api/account/sessions',
    {
      schema: {
        tags: ['identity'],
        summary: '我的登录设备: live sessions of the signed-in account',
        response: { 200: z.array(DeviceSession), 401: ProblemSchema },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply);
      return listDevices(ctx, auth.account.id, auth.session.tokenHash);
    },
  );

  app.delete(
    '/api/account/sessions/:id',
    {
      schema: {
        tags: ['identity'],
        summary: 'Sign out one device',
        params: z.strictObject({ id: z.string().regex(/^[0-9a-f]{16}$/) }),
        response: { 204: z.null(), 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply);
      await signOutDevice(ctx, auth.account.id, request.params.id);
      if (request.params.id === publicSessionId(auth.session.tokenHash))
        clearSessionCookie(ctx, request, reply);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/account/sessions/sign-out',
    {
      schema: {
        tags: ['identity'],
        summary: 'Sign out every other device, or all of them',
        body: SignOutDevicesBody,
        response: { 200: z.object({ signedOut: z.number().int() }), 401: ProblemSchema, 403: ProblemSchema },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply);
      const keep = request.body.keepCurrent ? auth.session.tokenHash : undefined;
      const signedOut = await signOutDevices(ctx, auth.account.id, keep);
      if (!keep) clearSessionCookie(ctx, request, reply);
      return { signedOut };
    },
  );
}
