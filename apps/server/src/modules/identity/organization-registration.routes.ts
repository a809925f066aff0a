import {
  ELicenseSession,
  ELicenseSimulatorAuthorizeBody,
  maskIdNumber,
  OrganizationCheckResponse,
  OrganizationStep,
  ProblemSchema,
  RegisterOrganizationBody,
} from '@sw/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { requestLocale } from '../../http/problem.ts';
import type { ELicenseAuthorization } from '../../integrations/e-license.ts';
import { isRegistrationReviewOn } from '../platform/index.ts';
import { browserKeyOf, requestMeta, sessionCookieOf, setSessionCookie } from './auth.ts';
import { checkOrganizationAvailable, registerOrganization } from './register-organization.ts';
import { endSession, startSignedInSession } from './sessions.ts';

const problems = { 400: ProblemSchema, 409: ProblemSchema, 429: ProblemSchema };

/** The legal representative's ID number leaves masked: registration takes it from the licence itself. */
export function presentLicence(a: ELicenseAuthorization, simulator: boolean): ELicenseSession {
  return {
    id: a.id,
    status: a.status,
    qrPayload: a.qrPayload,
    expiresAt: a.expiresAt.toISOString(),
    simulator,
    enterprise: a.enterprise
      ? { ...a.enterprise, legalRepIdNumber: maskIdNumber(a.enterprise.legalRepIdNumber) }
      : null,
  };
}

/** The browser's binding, which every licence call needs (the CSRF check gave it one for a POST). */
function requireBrowserKey(ctx: AppContext, request: FastifyRequest): string {
  const key = browserKeyOf(ctx, request);
  if (!key) throw new AppError('e_license.session_unknown', { status: 404 });
  return key;
}

/**
 * While 「注册需审核」 is on, enterprises and institutions register with review (seed 001,
 * POST /api/register/enterprise-review) and this immediate registration answers 409.
 */
async function refuseWhileReviewed(ctx: AppContext) {
  if (await isRegistrationReviewOn(ctx.db))
    throw new AppError('registration.review_required', { status: 409 });
}

/** 企业 / 事业单位 registration (seed 004 §1.2.2, §1.4) and 电子营业执照快捷注册. */
export async function organizationRegistrationRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const perMinute = (max: number) => ({ rateLimit: { max, timeWindow: '1 minute' } });
  const limits = ctx.config.rateLimits;

  app.post(
    '/api/accounts/organization/check',
    {
      config: perMinute(limits.register * 6),
      schema: {
        tags: ['identity'],
        summary: 'Step 1 of organization registration: valid and not yet registered?',
        body: OrganizationStep,
        response: { 200: OrganizationCheckResponse, ...problems },
      },
    },
    async (request) => {
      await refuseWhileReviewed(ctx);
      await checkOrganizationAvailable(ctx, request.body, browserKeyOf(ctx, request));
      return { available: true as const };
    },
  );

  app.post(
    '/api/accounts/organization',
    {
      config: perMinute(limits.register),
      schema: {
        tags: ['identity'],
        summary: '无卡用户注册 / 事业单位注册: organization and administrator, one transaction',
        body: RegisterOrganizationBody,
        response: {
          201: z.object({ id: z.uuid(), username: z.string(), organizationId: z.uuid() }),
          ...problems,
        },
      },
    },
    async (request, reply) => {
      await refuseWhileReviewed(ctx);
      const created = await registerOrganization(
        ctx,
        request.body,
        browserKeyOf(ctx, request),
        requestLocale(request),
      );
      // 004 §1.2.2: registration ends in the account centre (「跳转至账号信息管理界面」), signed in;
      // any session this browser had ends
      const meta = requestMeta(request);
      const previous = sessionCookieOf(ctx, request);
      const session = await startSignedInSession(ctx, created.id, 'registration', meta, created.username);
      if (previous && previous.length <= 64) await endSession(ctx, previous);
      setSessionCookie(ctx, request, reply, session.token);
      return reply.code(201).send(created);
    },
  );

  app.post(
    '/api/e-license/sessions',
    {
      config: perMinute(limits.register * 6),
      schema: {
        tags: ['identity'],
        summary: '电子营业执照快捷注册: open an authorization (QR code for the licence app)',
        response: { 201: ELicenseSession, 429: ProblemSchema },
      },
    },
    async (request, reply) => {
      const started = await ctx.eLicense.start(requireBrowserKey(ctx, request), ctx.clock.now());
      return reply.code(201).send(presentLicence(started, ctx.eLicense.isSimulator));
    },
  );

  app.get(
    '/api/e-license/sessions/:id',
    {
      schema: {
        tags: ['identity'],
        summary:
          'Poll an e-business-licence authorization (only from the browser that opened it); once confirmed it carries the enterprise data, ID number masked',
        params: z.strictObject({ id: z.uuid() }),
        response: { 200: ELicenseSession, 404: ProblemSchema },
      },
    },
    async (request) => {
      const found = await ctx.eLicense.get(
        request.params.id,
        requireBrowserKey(ctx, request),
        ctx.clock.now(),
      );
      if (!found) throw new AppError('e_license.session_unknown', { status: 404 });
      return presentLicence(found, ctx.eLicense.isSimulator);
    },
  );
}

/**
 * SIMULATOR control: what the licence app does when its holder confirms. Registered only in
 * local and test mode (app.ts registers simulator controls nowhere else).
 */
export async function eLicenseSimulatorRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.post(
    '/api/dev/e-license/sessions/:id/authorize',
    {
      schema: {
        tags: ['dev'],
        summary: 'SIMULATOR: confirm an authorization as the licence app would (local and test mode only)',
        params: z.strictObject({ id: z.uuid() }),
        body: ELicenseSimulatorAuthorizeBody,
        response: { 200: ELicenseSession, 400: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request) => {
      const done = await ctx.eLicense.authorize(request.params.id, request.body, ctx.clock.now());
      if (!done) throw new AppError('e_license.session_unknown', { status: 404 });
      return presentLicence(done, true);
    },
  );
}
