import {
  CannedReply,
  CannedReplyBody,
  CannedReplyList,
  ConsoleConsultationsQuery,
  ConsultationList,
  ConsultationMessageBody,
  ConsultationMessagesQuery,
  ConsultationThread,
  MyConsultationsQuery,
  OpenConsultationBody,
  ProblemSchema,
} from '@sw/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requestMeta, requireAuth, requireStaff } from '../identity/index.ts';
import {
  addReply,
  closeAsApplicant,
  closeAsSeat,
  myConsultations,
  myThread,
  openConsultation,
  postAsApplicant,
  postAsSeat,
  queueOf,
  removeReply,
  repliesOf,
  seatThread,
  take,
} from './consultations.service.ts';

const problems = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
};
const Id = z.strictObject({ id: z.uuid() });
const ServiceParams = z.strictObject({ serviceCode: z.string().regex(/^[a-z][a-z0-9-]{1,59}$/) });
const ReplyParams = ServiceParams.extend({ id: z.uuid() });
const tags = ['consultations'];

/**
 * 在线咨询 (seed 000 ch.5): the applicant's side under /api/consultations, the seats' under
 * /api/console/consultations. Both sides poll `…/messages?after=<seq>` for what is new; every
 * instance answers from the database, so a conversation survives any instance going away.
 */
export async function consultationRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const perMinute = (max: number) => ({ rateLimit: { max, timeWindow: '1 minute' } });
  const noStore = { 'cache-control': 'no-store' };

  // ---------------------------------------------------------------- the applicant

  app.post(
    '/api/consultations',
    {
      config: perMinute(20),
      schema: {
        tags,
        summary: '【在线咨询】: opens a conversation with a service (or adds to the open one)',
        body: OpenConsultationBody,
        response: { 201: ConsultationThread, ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply);
      return reply
        .code(201)
        .headers(noStore)
        .send(await openConsultation(ctx, auth, request.body));
    },
  );

  app.get(
    '/api/consultations',
    {
      schema: {
        tags,
        summary: 'The signed-in person’s conversations, newest first (history kept)',
        querystring: MyConsultationsQuery,
        response: { 200: ConsultationList, ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply);
      reply.headers(noStore);
      return myConsultations(ctx, auth, request.query.serviceCode);
    },
  );

  app.get(
    '/api/consultations/:id/messages',
    {
      schema: {
        tags,
        summary: 'A conversation and its messages after `after` (polled); marks them read',
        params: Id,
        querystring: ConsultationMessagesQuery,
        response: { 200: ConsultationThread, ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply);
      reply.headers(noStore);
      return myThread(ctx, auth, request.params.id, request.query.after);
    },
  );

  app.post(
    '/api/consultations/:id/messages',
    {
      config: perMinute(40),
      schema: {
        tags,
        summary: 'A message from the applicant; refused once the conversation has ended',
        params: Id,
        body: ConsultationMessageBody,
        response: { 201: ConsultationThread, ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply);
      const thread = await postAsApplicant(ctx, auth, request.params.id, request.body.body);
      return reply.code(201).headers(noStore).send(thread);
    },
  );

  app.post(
    '/api/consultations/:id/close',
    {
      schema: {
        tags,
        summary: '【结束咨询】 by the applicant',
        params: Id,
        response: { 200: ConsultationThread, ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply);
      return closeAsApplicant(ctx, auth, request.params.id);
    },
  );

  // ---------------------------------------------------------------- the seats

  app.get(
    '/api/console/consultations',
    {
      schema: {
        tags: ['console'],
        summary: 'A seat’s queue for a service it serves: waiting, mine, closed',
        querystring: ConsoleConsultationsQuery,
        response: { 200: ConsultationList, ...problems },
      },
    },
    async (request, reply) => {
      const staff = await requireStaff(ctx, request, reply);
      reply.headers(noStore);
      return queueOf(ctx, staff, request.query.serviceCode, request.query.queue);
    },
  );

  app.get(
    '/api/console/consultations/:id/messages',
    {
      schema: {
        tags: ['console'],
        summary: 'A conversation of a service the seat serves, and its messages after `after`',
        params: Id,
        querystring: ConsultationMessagesQuery,
        response: { 200: ConsultationThread, ...problems },
      },
    },
    async (request, reply) => {
      const staff = await requireStaff(ctx, request, reply);
      reply.headers(noStore);
      return seatThread(ctx, staff, request.params.id, request.query.after);
    },
  );

  app.post(
    '/api/console/consultations/:id/take',
    {
      schema: {
        tags: ['console'],
        summary: '【接入】: the seat takes a waiting conversation (one seat wins); audited',
        params: Id,
        response: { 200: ConsultationThread, ...problems },
      },
    },
    async (request, reply) => {
      const staff = await requireStaff(ctx, request, reply);
      return take(ctx, staff, request.params.id, requestMeta(request));
    },
  );

  app.post(
    '/api/console/consultations/:id/messages',
    {
      config: perMinute(120),
      schema: {
        tags: ['console'],
        summary: 'An answer from the seat holding the conversation',
        params: Id,
        body: ConsultationMessageBody,
        response: { 201: ConsultationThread, ...problems },
      },
    },
    async (request, reply) => {
      const staff = await requireStaff(ctx, request, reply);
      const thread = await postAsSeat(ctx, staff, request.params.id, request.body.body);
      return reply.code(201).headers(noStore).send(thread);
    },
  );

  app.post(
    '/api/console/consultations/:id/close',
    {
      schema: {
        tags: ['console'],
        summary: '【结束会话】 by the seat holding it; audited',
        params: Id,
        response: { 200: ConsultationThread, ...problems },
      },
    },
    async (request, reply) => {
      const staff = await requireStaff(ctx, request, reply);
      return closeAsSeat(ctx, staff, request.params.id, requestMeta(request));
    },
  );

  app.get(
    '/api/console/consultations/replies/:serviceCode',
    {
      schema: {
        tags: ['console'],
        summary: '常用回复: the service’s canned answers',
        params: ServiceParams,
        response: { 200: CannedReplyList, ...problems },
      },
    },
    async (request, reply) => {
      const staff = await requireStaff(ctx, request, reply);
      return repliesOf(ctx, staff, request.params.serviceCode);
    },
  );

  app.post(
    '/api/console/consultations/replies/:serviceCode',
    {
      schema: {
        tags: ['console'],
        summary: 'A new canned answer; audited',
        params: ServiceParams,
        body: CannedReplyBody,
        response: { 201: CannedReply, ...problems },
      },
    },
    async (request, reply) => {
      const staff = await requireStaff(ctx, request, reply);
      const created = await addReply(
        ctx,
        staff,
        request.params.serviceCode,
        request.body,
        requestMeta(request),
      );
      return reply.code(201).send(created);
    },
  );

  app.delete(
    '/api/console/consultations/replies/:serviceCode/:id',
    {
      schema: {
        tags: ['console'],
        summary: 'Removes a canned answer; audited',
        params: ReplyParams,
        response: { 204: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      const staff = await requireStaff(ctx, request, reply);
      await removeReply(ctx, staff, request.params.serviceCode, request.params.id, requestMeta(request));
      return reply.code(204).send(null);
    },
  );
}
