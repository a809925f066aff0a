import { ApplicationAttachments, AttachFileBody, FileId, ProblemSchema } from '@sw/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireAuth, requireStaff } from '../identity/index.ts';
import { attachFile, detachFile, listAttachments } from './attachments.service.ts';

const problems = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
};
const AttachmentParams = z.strictObject({ id: z.uuid(), fileId: FileId });
const ApplicationParams = z.strictObject({ id: z.uuid() });

/** The attachments of an application: the applicant adds and removes their files; staff look. */
export async function attachmentRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/applications/:id/attachments',
    {
      schema: {
        tags: ['files'],
        summary: 'The attachment slots of an application and the files in them',
        description: 'For the applicant, and for staff of its service once it is submitted.',
        params: ApplicationParams,
        response: { 200: ApplicationAttachments, ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply);
      if (auth.account.kind === 'staff') {
        const staff = await requireStaff(ctx, request, reply);
        return listAttachments(ctx, request.params.id, { staffGrants: staff.grants });
      }
      return listAttachments(ctx, request.params.id, { applicantId: auth.account.id });
    },
  );

  app.post(
    '/api/applications/:id/attachments',
    {
      schema: {
        tags: ['files'],
        summary: 'Attach one of your files to your application (draft, or when returned for correction)',
        params: ApplicationParams,
        body: AttachFileBody,
        response: { 200: ApplicationAttachments, ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply);
      return attachFile(ctx, {
        applicationId: request.params.id,
        applicantId: auth.account.id,
        slot: request.body.slot,
        fileId: request.body.fileId,
      });
    },
  );

  app.delete(
    '/api/applications/:id/attachments/:fileId',
    {
      schema: {
        tags: ['files'],
        summary: 'Take a file out of your application (the file stays yours)',
        params: AttachmentParams,
        response: { 204: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply);
      await detachFile(ctx, {
        applicationId: request.params.id,
        applicantId: auth.account.id,
        fileId: request.params.fileId,
      });
      return reply.code(204).send(null);
    },
  );
}
