import { FaceCheckDecideBody, FaceCheckView, ProblemSchema, StartFaceCheckBody } from '@sw/contracts';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { faceChecks } from '../../db/schema/identity.ts';
import { AppError } from '../../http/app-error.ts';
import { requestMeta, requireAuth } from './auth.ts';
import { faceCheckStatus, startFaceCheck } from './face-checks.ts';

const problems = {
  400: ProblemSchema,
  401: ProblemSchema,
  404: ProblemSchema,
  422: ProblemSchema,
  503: ProblemSchema,
};
const Params = z.object({ id: z.uuid() });

/** 人脸识别 for the signed-in person (see face-checks.ts). */
export async function faceCheckRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.post(
    '/api/face-checks',
    {
      config: { rateLimit: { max: ctx.config.rateLimits.sendCode, timeWindow: '1 minute' } },
      schema: {
        tags: ['identity'],
        summary: '人脸识别: start a face check of the signed-in person',
        body: StartFaceCheckBody,
        response: { 201: FaceCheckView, ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply);
      return reply.code(201).send(await startFaceCheck(ctx, auth, request.body, requestMeta(request)));
    },
  );
  app.get(
    '/api/face-checks/:id',
    {
      schema: {
        tags: ['identity'],
        summary: '人脸识别: the check’s status, read from the provider',
        params: Params,
        response: { 200: FaceCheckView, ...problems },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return faceCheckStatus(ctx, await requireAuth(ctx, request, reply), request.params.id);
    },
  );
}

/**
 * The simulated camera: what a tester chose on the labelled panel. Registered outside production
 * only (app.ts); a check can be decided only by the account that started it.
 */
export async function faceCheckSimulatorRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.post(
    '/api/dev/face-checks/:id/decide',
    {
      schema: {
        tags: ['simulators'],
        summary: 'Face-check simulator: what the camera saw (pass, liveness failed, not the person)',
        params: Params,
        body: FaceCheckDecideBody,
        response: { 204: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply);
      const [row] = await ctx.db
        .select()
        .from(faceChecks)
        .where(and(eq(faceChecks.id, request.params.id), eq(faceChecks.accountId, auth.account.id)))
        .limit(1);
      if (!row) throw new AppError('face.not_found', { status: 404 });
      const decided = await ctx.faceCheck.decide(row.providerRef, request.body.outcome, ctx.clock.now());
      if (!decided) throw new AppError('face.expired', { status: 422 });
      return reply.code(204).send(null);
    },
  );
}
