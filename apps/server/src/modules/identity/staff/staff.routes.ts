import { CreateStaffBody, ProblemSchema, SetGrantsBody, StaffCreated, StaffMemberView } from '@sw/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../context.ts';
import { requestMeta } from '../auth.ts';
import { requirePlatformAdmin } from '../staff-auth.ts';
import { createStaff, listStaff, setStaffGrants } from './staff.service.ts';

const problems = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
};

/** Staff accounts and their roles (platform admin only). */
export async function staffRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/console/staff',
    {
      schema: {
        tags: ['console'],
        summary: 'Staff accounts with their roles',
        response: { 200: z.array(StaffMemberView), ...problems },
      },
    },
    async (request, reply) => {
      await requirePlatformAdmin(ctx, request, reply);
      return listStaff(ctx);
    },
  );

  app.post(
    '/api/console/staff',
    {
      schema: {
        tags: ['console'],
        summary: 'Create a staff account; the initial password is in this response only',
        body: CreateStaffBody,
        response: { 201: StaffCreated, ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requirePlatformAdmin(ctx, request, reply);
      const created = await createStaff(ctx, auth.account, request.body, requestMeta(request));
      reply.code(201);
      return created;
    },
  );

  app.put(
    '/api/console/staff/:id/grants',
    {
      schema: {
        tags: ['console'],
        summary: "Replace a staff member's roles (platform admin; reviewer or supervisor per service)",
        params: z.strictObject({ id: z.uuid() }),
        body: SetGrantsBody,
        response: { 200: StaffMemberView, ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requirePlatformAdmin(ctx, request, reply);
      return setStaffGrants(ctx, auth.account, request.params.id, request.body.grants, requestMeta(request));
    },
  );
}
