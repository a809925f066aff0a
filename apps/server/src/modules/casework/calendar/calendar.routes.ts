import {
  CalendarDayEdited,
  CalendarDayParams,
  CalendarYearParams,
  CalendarYearView,
  ProblemSchema,
  SetCalendarDayBody,
} from '@sw/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../context.ts';
import { requirePlatformAdmin, requireStaff } from '../../identity/index.ts';
import { getCalendarYear, setCalendarDay } from './calendar.service.ts';

const problems = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema };

/** Console: the working-day calendar (法定节假日 and 调休) that SLA due dates are counted on. */
export async function calendarRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/console/calendar/:year',
    {
      schema: {
        tags: ['console'],
        summary: "工作日历: a year's holidays and make-up workdays (other days follow the weekday rule)",
        params: CalendarYearParams,
        response: { 200: CalendarYearView, ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireStaff(ctx, request, reply);
      return getCalendarYear(ctx, auth.account, request.params.year);
    },
  );

  app.put(
    '/api/console/calendar/days/:date',
    {
      schema: {
        tags: ['console'],
        summary: 'Set a day: holiday, make-up workday (Saturday or Sunday), or normal (weekday rule)',
        params: CalendarDayParams,
        body: SetCalendarDayBody,
        response: { 200: CalendarDayEdited, ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requirePlatformAdmin(ctx, request, reply);
      return setCalendarDay(ctx, auth.account, request.params.date, request.body, {
        ip: request.ip,
        userAgent: request.headers['user-agent'],
      });
    },
  );
}
