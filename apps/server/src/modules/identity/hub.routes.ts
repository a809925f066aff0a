import {
  BindHubDeviceBody,
  FaceCheckDecideBody,
  FaceCheckView,
  HUB_STEP_UP_MINUTES,
  HubDevicePrefsBody,
  HubDeviceView,
  HubPinSignInBody,
  HubStepUpBody,
  HubStepUpView,
  ProblemSchema,
  SessionResponse,
} from '@sw/contracts';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { faceChecks } from '../../db/schema/identity.ts';
import { AppError } from '../../http/app-error.ts';
import { getAuth, requestMeta, requireAuth, sessionCookieOf, setSessionCookie } from './auth.ts';
import {
  bindHubDevice,
  boundAccountId,
  finishFaceSignIn,
  hubDeviceView,
  setHubDefaultMethod,
  signInWithPin,
  startFaceSignIn,
  stepUpSession,
  unbindHubDevice,
} from './hub-devices.ts';
import { presentAccount } from './identity.presenter.ts';
import { endSession } from './sessions.ts';

const problems = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
  422: ProblemSchema,
  423: ProblemSchema,
  503: ProblemSchema,
};
const Params = z.object({ id: z.uuid() });

/** The citizen hub's phone sign-in and step-up (seed 003 ch.1; see hub-devices.ts). */
export async function hubRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const signInLimit = { rateLimit: { max: ctx.config.rateLimits.signIn, timeWindow: '1 minute' } };

  /** A hub sign-in's answer: the session cookie (rotated) and the session. */
  async function signedIn(
    request: FastifyRequest,
    reply: FastifyReply,
    result: Awaited<ReturnType<typeof signInWithPin>>,
  ) {
    const previous = sessionCookieOf(ctx, request);
    if (previous && previous.length <= 64) await endSession(ctx, previous);
    setSessionCookie(ctx, request, reply, result.token);
    return {
      account: presentAccount(result.account, ctx.crypto),
      method: result.method,
      expiresAt: result.expiresAt.toISOString(),
      stepUpUntil: result.stepUpAt
        ? new Date(result.stepUpAt.getTime() + HUB_STEP_UP_MINUTES * 60_000).toISOString()
        : null,
    };
  }

  app.get(
    '/api/hub/device',
    {
      schema: {
        tags: ['hub'],
        summary: 'This phone’s binding: whether it is bound, to whom (masked), how it signs in',
        response: { 200: HubDeviceView },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return hubDeviceView(ctx, request, await getAuth(ctx, request));
    },
  );

  app.put(
    '/api/hub/device',
    {
      config: signInLimit,
      schema: {
        tags: ['hub'],
        summary: 'Binds this phone to the signed-in account with a 6-digit PIN (one phone at a time)',
        body: BindHubDeviceBody,
        response: { 200: HubDeviceView, ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply);
      return bindHubDevice(ctx, request, reply, auth, request.body, requestMeta(request));
    },
  );

  app.patch(
    '/api/hub/device',
    {
      schema: {
        tags: ['hub'],
        summary: '修改默认登录方式 on the signed-in person’s phone',
        body: HubDevicePrefsBody,
        response: { 200: HubDeviceView, ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply);
      return setHubDefaultMethod(ctx, request, auth, request.body.defaultMethod);
    },
  );

  app.delete(
    '/api/hub/device',
    {
      schema: {
        tags: ['hub'],
        summary: 'Unbinds this phone (its PIN goes with it)',
        response: { 204: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply);
      await unbindHubDevice(ctx, request, auth, requestMeta(request));
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/hub/sign-in/pin',
    {
      config: signInLimit,
      schema: {
        tags: ['hub'],
        summary: 'Signs in on a bound phone with its PIN (five wrong ones lock it for 15 minutes)',
        body: HubPinSignInBody,
        response: { 200: SessionResponse, ...problems },
      },
    },
    async (request, reply) =>
      signedIn(request, reply, await signInWithPin(ctx, request, request.body.pin, requestMeta(request))),
  );

  app.post(
    '/api/hub/sign-in/face',
    {
      config: signInLimit,
      schema: {
        tags: ['hub'],
        summary: '人脸识别 sign-in on a bound phone: starts a face check of its person',
        response: { 201: FaceCheckView, ...problems },
      },
    },
    async (request, reply) => reply.code(201).send(await startFaceSignIn(ctx, request, requestMeta(request))),
  );

  app.post(
    '/api/hub/sign-in/face/:id',
    {
      config: signInLimit,
      schema: {
        tags: ['hub'],
        summary: '人脸识别 sign-in: the check passed, a stepped-up session starts',
        params: Params,
        response: { 200: SessionResponse, ...problems },
      },
    },
    async (request, reply) =>
      signedIn(request, reply, await finishFaceSignIn(ctx, request, request.params.id, requestMeta(request))),
  );

  app.post(
    '/api/hub/step-up',
    {
      schema: {
        tags: ['hub'],
        summary: 'Steps the session up with a passed face check: personal data opens for 5 minutes',
        body: HubStepUpBody,
        response: { 200: HubStepUpView, ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply);
      const until = await stepUpSession(ctx, auth, request.body.faceCheckId);
      return { stepUpUntil: until.toISOString() };
    },
  );
}

/** The simulated camera for a face sign-in (no session yet: the bound phone proves the person). */
export async function hubSimulatorRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.post(
    '/api/dev/hub/face-checks/:id/decide',
    {
      schema: {
        tags: ['simulators'],
        summary: 'Face-check simulator for a hub sign-in: what the camera saw',
        params: Params,
        body: FaceCheckDecideBody,
        response: { 204: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      const accountId = await boundAccountId(ctx, request);
      const [row] = await ctx.db
        .select()
        .from(faceChecks)
        .where(
          and(
            eq(faceChecks.id, request.params.id),
            eq(faceChecks.accountId, accountId),
            eq(faceChecks.purpose, 'sign_in'),
          ),
        )
        .limit(1);
      if (!row) throw new AppError('face.not_found', { status: 404 });
      const decided = await ctx.faceCheck.decide(row.providerRef, request.body.outcome, ctx.clock.now());
      if (!decided) throw new AppError('face.expired', { status: 422 });
      return reply.code(204).send(null);
    },
  );
}
