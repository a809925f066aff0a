import { DaySlotsBody, DaySlotsParams, DaySlotsView, ProblemSchema } from '@sw/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { requireStaff, workflowRolesFor } from '../identity/index.ts';
import { daySlots, setDaySlots } from './appointments.service.ts';
import { findResource } from './resources.ts';

const problems = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
};

/** 预约时段设置: the service's staff (reviewers, supervisors) and platform admins edit quotas. */
export async function appointmentRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  async function staffOf(
    request: Parameters<typeof requireStaff>[1],
    reply: Parameters<typeof requireStaff>[2],
    service: string,
    resource: string,
  ) {
    const staff = await requireStaff(ctx, request, reply);
    if (!findResource(service, resource)) throw new AppError('request.not_found', { status: 404 });
    if (!staff.grants.platformAdmin && workflowRolesFor(staff.grants, service).size === 0)
      throw new AppError('auth.forbidden', { status: 403 });
    return staff;
  }

  app.get(
    '/api/console/appointments/:service/:resource/:day',
    {
      schema: {
        tags: ['appointments'],
        summary: 'A day’s time slots and quotas at a resource (staff of the service)',
        params: DaySlotsParams,
        response: { 200: DaySlotsView, ...problems },
      },
    },
    async (request, reply) => {
      const { service, resource, day } = request.params;
      await staffOf(request, reply, service, resource);
      return daySlots(ctx.db, service, resource, day);
    },
  );

  app.put(
    '/api/console/appointments/:service/:resource/:day',
    {
      schema: {
        tags: ['appointments'],
        summary: 'Sets a day’s slots and quotas (never below what is booked); audited',
        params: DaySlotsParams,
        body: DaySlotsBody,
        response: { 200: DaySlotsView, ...problems },
      },
    },
    async (request, reply) => {
      const { service, resource, day } = request.params;
      const auth = await staffOf(request, reply, service, resource);
      return setDaySlots(ctx, {
        serviceCode: service,
        resource,
        day,
        body: request.body,
        staffId: auth.account.id,
      });
    },
  );
}
