import {
  BookHubAppointmentBody,
  HUB_APPOINTMENT_KINDS,
  HubAppointmentView,
  HubOfficeDays,
  HubOfficeView,
  hubOffices,
  ProblemSchema,
} from '@sw/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireBusinessAccount } from '../identity/index.ts';
import {
  bookHubAppointment,
  cancelHubAppointment,
  myHubAppointments,
  officeDays,
} from './hub-appointments.service.ts';
import './messages.ts';

const problems = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
  422: ProblemSchema,
};
const Kind = z.object({ kind: z.enum(HUB_APPOINTMENT_KINDS) });

/** The hub's 预约 (see hub-appointments.service.ts). */
export async function hubAppointmentRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/hub/appointments/:kind/offices',
    {
      schema: {
        tags: ['hub'],
        summary: 'The offices of a 预约 service in a city (none where it is not offered)',
        params: Kind,
        querystring: z.object({ city: z.string().regex(/^44\d{2}$/) }),
        response: { 200: z.array(HubOfficeView), ...problems },
      },
    },
    async (request) => hubOffices(request.params.kind, request.query.city),
  );

  app.get(
    '/api/hub/appointments/:kind/offices/:office',
    {
      schema: {
        tags: ['hub'],
        summary: 'An office’s bookable days with the places left in each slot',
        params: Kind.extend({ office: z.string().regex(/^44\d{2}-\d{2}$/) }),
        response: { 200: HubOfficeDays, ...problems },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return officeDays(ctx, request.params.kind, request.params.office);
    },
  );

  app.post(
    '/api/hub/appointments/:kind',
    {
      schema: {
        tags: ['hub'],
        summary: '预约: takes a place in a slot (never oversold) and confirms by 站内信 and SMS',
        params: Kind,
        body: BookHubAppointmentBody,
        response: { 201: HubAppointmentView, ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireBusinessAccount(ctx, request, reply);
      return reply
        .code(201)
        .send(await bookHubAppointment(ctx, auth, request.params.kind, request.body, request.ip));
    },
  );

  app.get(
    '/api/hub/appointments',
    {
      schema: {
        tags: ['hub'],
        summary: '我的预约: the person’s bookings, the latest day first',
        response: { 200: z.array(HubAppointmentView), ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireBusinessAccount(ctx, request, reply);
      reply.header('cache-control', 'no-store');
      return myHubAppointments(ctx, auth.account.id);
    },
  );

  app.delete(
    '/api/hub/appointments/:id',
    {
      schema: {
        tags: ['hub'],
        summary: '取消预约 (before 17:00 the day before); the place goes back',
        params: z.object({ id: z.uuid() }),
        response: { 200: HubAppointmentView, ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireBusinessAccount(ctx, request, reply);
      return cancelHubAppointment(ctx, auth, request.params.id, request.ip);
    },
  );
}
