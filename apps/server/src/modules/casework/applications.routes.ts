import {
  ApplicantActionBody,
  ApplicationDetail,
  ApplicationPage,
  AssignBody,
  ClaimBody,
  ConsoleAccess,
  ConsoleApplicationDetail,
  ConsoleServiceView,
  CreateApplicationBody,
  Dashboard,
  DashboardQuery,
  DecideBody,
  MyApplicationsQuery,
  ProblemSchema,
  QueueExportQuery,
  QueueItem,
  QueuePage,
  QueueQuery,
  RevealedField,
  RevealFieldBody,
  resolveLocale,
  SaveDraftBody,
  ServiceStaffMember,
  SubmitApplicationBody,
} from '@sw/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import {
  findServiceStaffMembers,
  requireAuth,
  requireBusinessAccount,
  requireStaff,
} from '../identity/index.ts';
import { countOpenByAssignee } from './applications.repo.ts';
import { createDraft, decide, definitionOf, submitApplication, updateDraft } from './applications.service.ts';
import { changeAssignment } from './assignment.ts';
import { staffActor } from './casework.policy.ts';
import { presentSummary } from './casework.presenter.ts';
import {
  calendarNow,
  consoleDetail,
  consoleServices,
  getMyApplication,
  listMyApplications,
  loadForStaff,
  queuePage,
  revealField,
} from './casework.views.ts';
import { dashboard } from './dashboard.ts';
import { exportQueue } from './queue-export.ts';
import { findCaseworkService } from './service-definition.ts';

const problems = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
};
const IdParams = z.strictObject({ id: z.uuid() });
const localeOf = (request: FastifyRequest) => resolveLocale(request.headers['accept-language']);

/** 我的申请 (any signed-in account) and the staff console's casework (queues, detail, decisions). */
export async function applicationRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  // ————————————————————————————— applicant —————————————————————————————

  app.get(
    '/api/applications',
    {
      schema: {
        tags: ['casework'],
        summary: '我的申请: my applications, newest first (keyset pages)',
        querystring: MyApplicationsQuery,
        response: { 200: ApplicationPage, ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply);
      return listMyApplications(ctx, auth.account, request.query);
    },
  );

  app.get(
    '/api/applications/:id',
    {
      schema: {
        tags: ['casework'],
        summary: 'One of my applications: progress, timeline, attachments, messages',
        params: IdParams,
        response: { 200: ApplicationDetail, ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply);
      return getMyApplication(ctx, auth.account, request.params.id, localeOf(request));
    },
  );

  app.post(
    '/api/applications',
    {
      schema: {
        tags: ['casework'],
        summary: 'Start a draft application to a service',
        body: CreateApplicationBody,
        response: { 201: ApplicationDetail, ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireBusinessAccount(ctx, request, reply);
      const row = await createDraft(ctx, {
        serviceCode: request.body.serviceCode,
        applicant: auth.account,
        form: request.body.form,
      });
      reply.code(201);
      return getMyApplication(ctx, auth.account, row.id, localeOf(request));
    },
  );

  app.put(
    '/api/applications/:id/form',
    {
      schema: {
        tags: ['casework'],
        summary: 'Save a draft (the form is checked in full at submission)',
        params: IdParams,
        body: SaveDraftBody,
        response: { 200: ApplicationDetail, ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply);
      await updateDraft(ctx, {
        applicationId: request.params.id,
        expectedVersion: request.body.version,
        applicantId: auth.account.id,
        form: request.body.form,
      });
      return getMyApplication(ctx, auth.account, request.params.id, localeOf(request));
    },
  );

  app.post(
    '/api/applications/:id/submit',
    {
      schema: {
        tags: ['casework'],
        summary: 'Submit a draft: number, SLA due date, first state',
        params: IdParams,
        body: SubmitApplicationBody,
        response: { 200: ApplicationDetail, ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply);
      await submitApplication(ctx, {
        applicationId: request.params.id,
        expectedVersion: request.body.version,
        applicantId: auth.account.id,
        ip: request.ip,
      });
      return getMyApplication(ctx, auth.account, request.params.id, localeOf(request));
    },
  );

  app.post(
    '/api/applications/:id/actions',
    {
      schema: {
        tags: ['casework'],
        summary: "An applicant's step, e.g. resubmission after 退回补正 with the corrected form",
        params: IdParams,
        body: ApplicantActionBody,
        response: { 200: ApplicationDetail, ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply);
      await decide(ctx, {
        applicationId: request.params.id,
        expectedVersion: request.body.version,
        action: request.body.action,
        actor: { id: auth.account.id, roles: new Set(['applicant']) },
        reason: request.body.reason ?? null,
        ...(request.body.form ? { form: request.body.form } : {}),
        ip: request.ip,
      });
      return getMyApplication(ctx, auth.account, request.params.id, localeOf(request));
    },
  );

  // ————————————————————————————— console —————————————————————————————

  app.get(
    '/api/console/access',
    {
      schema: {
        tags: ['console'],
        summary: 'The console parts the signed-in staff member may use (platform admin, service roles)',
        response: { 200: ConsoleAccess, ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireStaff(ctx, request, reply);
      return {
        platformAdmin: auth.grants.platformAdmin,
        services: [...auth.grants.services].map(([code, roles]) => ({ code, roles: [...roles] })),
      };
    },
  );

  app.get(
    '/api/console/services',
    {
      schema: {
        tags: ['console'],
        summary: 'The services this staff member works on (a platform admin: all), with states and actions',
        response: { 200: z.array(ConsoleServiceView), ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireStaff(ctx, request, reply);
      return consoleServices(auth.grants);
    },
  );

  app.get(
    '/api/console/queue',
    {
      schema: {
        tags: ['console'],
        summary: 'A work queue (mine, unassigned, overdue, all) with filters, sorting and keyset pages',
        querystring: QueueQuery,
        response: { 200: QueuePage, ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireStaff(ctx, request, reply);
      return queuePage(ctx, auth.account, auth.grants, request.query);
    },
  );

  app.get(
    '/api/console/queue/export',
    {
      schema: {
        tags: ['console'],
        summary: 'The queue as filtered, as CSV or XLSX (at most 50,000 rows)',
        querystring: QueueExportQuery,
        // 200 is a file (text/csv or XLSX), left out so the serializer passes it through
      },
    },
    async (request, reply) => {
      const auth = await requireStaff(ctx, request, reply);
      const file = await exportQueue(ctx, auth.account, auth.grants, request.query, localeOf(request));
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  );

  app.get(
    '/api/console/applications/:id',
    {
      schema: {
        tags: ['console'],
        summary: 'An application as the reviewer sees it, with what the viewer may do',
        params: IdParams,
        response: { 200: ConsoleApplicationDetail, ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireStaff(ctx, request, reply);
      return consoleDetail(ctx, auth.account, auth.grants, request.params.id, localeOf(request));
    },
  );

  for (const kind of ['claim', 'release'] as const) {
    app.post(
      `/api/console/applications/:id/${kind}`,
      {
        schema: {
          tags: ['console'],
          summary:
            kind === 'claim' ? '领取: take an unassigned application' : '释放: give it back to the queue',
          params: IdParams,
          body: ClaimBody,
          response: { 200: ConsoleApplicationDetail, ...problems },
        },
      },
      async (request, reply) => {
        const auth = await requireStaff(ctx, request, reply);
        await changeAssignment(ctx, auth.account, auth.grants, {
          applicationId: request.params.id,
          expectedVersion: request.body.version,
          change: { kind },
          ip: request.ip,
        });
        return consoleDetail(ctx, auth.account, auth.grants, request.params.id, localeOf(request));
      },
    );
  }

  app.post(
    '/api/console/applications/:id/assign',
    {
      schema: {
        tags: ['console'],
        summary: '指派: a supervisor gives the application to a reviewer of the service',
        params: IdParams,
        body: AssignBody,
        response: { 200: ConsoleApplicationDetail, ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireStaff(ctx, request, reply);
      await changeAssignment(ctx, auth.account, auth.grants, {
        applicationId: request.params.id,
        expectedVersion: request.body.version,
        change: { kind: 'assign', assigneeId: request.body.assigneeId },
        ip: request.ip,
      });
      return consoleDetail(ctx, auth.account, auth.grants, request.params.id, localeOf(request));
    },
  );

  app.post(
    '/api/console/applications/:id/decide',
    {
      schema: {
        tags: ['console'],
        summary:
          'A decision (a workflow step of a reviewer or supervisor), version-checked; answers the application as it now stands',
        params: IdParams,
        body: DecideBody,
        response: { 200: QueueItem, ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireStaff(ctx, request, reply);
      const loaded = await loadForStaff(ctx.db, auth.grants, request.params.id);
      const { application } = await decide(ctx, {
        applicationId: request.params.id,
        expectedVersion: request.body.version,
        action: request.body.action,
        actor: staffActor(auth.account.id, auth.grants, loaded.serviceCode),
        reason: request.body.reason ?? null,
        ip: request.ip,
        loaded,
      });
      return {
        ...presentSummary(
          definitionOf(application.serviceCode),
          application,
          ctx.clock.now(),
          await calendarNow(ctx),
        ),
        assigneeId: application.assigneeId,
        // a decision by someone other than the assignee (a supervisor) leaves the assignment as it was
        assigneeName: application.assigneeId === auth.account.id ? auth.account.name : null,
      };
    },
  );

  app.post(
    '/api/console/applications/:id/reveal',
    {
      schema: {
        tags: ['console'],
        summary: '查看完整信息: one personal field whole, with a reason (audited), for staff of the service',
        params: IdParams,
        body: RevealFieldBody,
        response: { 200: RevealedField, ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireStaff(ctx, request, reply);
      reply.header('cache-control', 'no-store');
      return revealField(ctx, auth.account, auth.grants, {
        applicationId: request.params.id,
        path: request.body.path,
        reason: request.body.reason,
        ip: request.ip,
      });
    },
  );

  app.get(
    '/api/console/services/:code/staff',
    {
      schema: {
        tags: ['console'],
        summary: 'Reviewers and supervisors of a service, with their open work (for 指派)',
        params: z.strictObject({ code: z.string().max(40) }),
        response: { 200: z.array(ServiceStaffMember), ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireStaff(ctx, request, reply);
      const { code } = request.params;
      if (!findCaseworkService(code) || (!auth.grants.platformAdmin && !auth.grants.services.has(code)))
        throw new AppError('casework.service_unknown', { status: 404 });
      const grants = await findServiceStaffMembers(ctx.db, code);
      const ids = [...new Set(grants.map((g) => g.id))];
      const openBy = await countOpenByAssignee(ctx.db, code, ids);
      return ids.map((id) => {
        const mine = grants.filter((g) => g.id === id);
        return {
          id,
          name: mine[0]!.name,
          username: mine[0]!.username,
          roles: mine.map((g) => g.role as 'reviewer' | 'supervisor'),
          openCount: openBy.get(id) ?? 0,
        };
      });
    },
  );

  app.get(
    '/api/console/dashboard',
    {
      schema: {
        tags: ['console'],
        summary: 'Counts per status, applications per day, SLA compliance per service',
        querystring: DashboardQuery,
        response: { 200: Dashboard, ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireStaff(ctx, request, reply);
      return dashboard(ctx, auth.grants, request.query);
    },
  );
}
