import {
  LicenceCodeView,
  LicenceDetail,
  LicenceJwksSchema,
  LicenceSummary,
  LinkLicenceBody,
  ProblemSchema,
} from '@sw/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requestMeta, requireAuth } from '../identity/index.ts';
import { verificationKeys } from './keys.ts';
import { licenceCode, linkLicence, listLicences, openLicence, unlinkLicence } from './licences.service.ts';

const problems = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
  422: ProblemSchema,
  503: ProblemSchema,
};
const Params = z.object({ id: z.uuid() });

/** 我的证照 and the public verification keys (see licences.service.ts). */
export async function licenceRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/licences/verification-keys',
    {
      schema: {
        tags: ['licences'],
        summary: 'The keys that sign licence codes, as a JWKS (ES256; old keys stay while their codes live)',
        security: [],
        response: { 200: LicenceJwksSchema },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return verificationKeys(ctx);
    },
  );

  app.get(
    '/api/licences',
    {
      schema: {
        tags: ['licences'],
        summary: '我的证照: the signed-in person’s linked licences (no numbers)',
        response: { 200: z.array(LicenceSummary), ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply);
      reply.header('cache-control', 'no-store');
      return listLicences(ctx.db, auth.account.id);
    },
  );

  app.post(
    '/api/licences',
    {
      config: { rateLimit: { max: ctx.config.rateLimits.sendCode, timeWindow: '1 minute' } },
      schema: {
        tags: ['licences'],
        summary: '授权关联: links a licence from its issuing authority (a face check in the last 5 minutes)',
        body: LinkLicenceBody,
        response: { 201: LicenceDetail, ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply);
      return reply.code(201).send(await linkLicence(ctx, auth, request.body, requestMeta(request)));
    },
  );

  app.get(
    '/api/licences/:id',
    {
      schema: {
        tags: ['licences'],
        summary: 'A linked licence’s fields, masked (a face check in the last 5 minutes); audited',
        params: Params,
        response: { 200: LicenceDetail, ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply);
      reply.header('cache-control', 'no-store');
      return openLicence(ctx, auth, request.params.id, requestMeta(request));
    },
  );

  app.delete(
    '/api/licences/:id',
    {
      schema: {
        tags: ['licences'],
        summary: '取消关联',
        params: Params,
        response: { 204: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply);
      await unlinkLicence(ctx, auth, request.params.id, requestMeta(request));
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/licences/:id/code',
    {
      schema: {
        tags: ['licences'],
        summary: '亮证: a signed code of 60 seconds with its QR (a face check in the last 5 minutes)',
        params: Params,
        response: { 200: LicenceCodeView, ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply);
      reply.header('cache-control', 'no-store');
      return licenceCode(ctx, auth, request.params.id);
    },
  );
}
