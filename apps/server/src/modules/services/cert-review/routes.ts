import { fieldIssue, ProblemSchema } from '@sw/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../context.ts';
import { AppError, fieldError } from '../../../http/app-error.ts';
import { decodeCursor, toPage } from '../../../lib/keyset-cursor.ts';
import { recordAudit } from '../../audit/index.ts';
import {
  createDraft,
  definitionOf,
  findApplicationById,
  loadForStaff,
  readForm,
} from '../../casework/index.ts';
import {
  getOrganizationById,
  requireAuth,
  requireBusinessAccount,
  requirePlatformAdmin,
  requireStaff,
} from '../../identity/index.ts';
import { authorityOf } from './authority.ts';
import { enqueueCheck, presentCheck } from './check.ts';
import {
  CERT_REVIEW,
  CertCheckView,
  type CertForm,
  CertPrefill,
  CertRecordPage,
  CertRecordQuery,
  type CertState,
  CertTypeBody,
  CertTypeView,
  SimCertificateBody,
} from './contract.ts';
import { STATE_EXPLANATIONS } from './messages.ts';
import {
  type CertRecordRow,
  type CertTypeRow,
  findRecord,
  insertCertType,
  listCertTypes,
  queryRecords,
  updateCertType,
} from './records.ts';

const problems = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const FAILED: readonly string[] = ['rejected', 'data_error'] satisfies CertState[];

function presentType(row: CertTypeRow): CertTypeView {
  return { code: row.code, name: row.name, active: row.active, sort: row.sort };
}

function presentRecord(row: CertRecordRow) {
  const definition = definitionOf(CERT_REVIEW);
  const status = row.status as CertState;
  return {
    applicationId: row.applicationId,
    number: row.number,
    certType: row.certType,
    certTypeName: row.certTypeName,
    certNo: row.certNo,
    submittedAt: row.submittedAt.toISOString(),
    status,
    statusName: definition.stateNames[status]!,
    statusTone: definition.stateTones[status]!,
    explanation: STATE_EXPLANATIONS[status],
    canReAdd: FAILED.includes(status),
    readdedFromNumber: row.readdedFromNumber,
  };
}

/** The record of an application this staff member may see (their services), else 404. */
async function staffRecord(ctx: AppContext, grants: Parameters<typeof loadForStaff>[1], id: string) {
  const application = await loadForStaff(ctx.db, grants, id);
  const record = application.serviceCode === CERT_REVIEW ? await findRecord(ctx.db, id) : undefined;
  if (!record) throw new AppError('casework.application_not_found', { status: 404 });
  return { application, record };
}

/** 智慧审证's own routes (see contract.ts for the list). */
export async function certReviewRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const IdParams = z.strictObject({ id: z.uuid(fieldIssue('field.invalid')) });

  app.get(
    '/api/services/cert-review/cert-types',
    {
      schema: {
        tags: ['cert-review'],
        summary: '证书类型: the active ones (all, withdrawn too, for platform admins with ?all=1)',
        querystring: z.strictObject({ all: z.enum(['0', '1']).optional() }),
        response: { 200: z.array(CertTypeView), ...problems },
      },
    },
    async (request, reply) => {
      if (request.query.all === '1') await requirePlatformAdmin(ctx, request, reply);
      else await requireAuth(ctx, request, reply);
      const rows = await listCertTypes(ctx.db, { activeOnly: request.query.all !== '1' });
      return rows.map(presentType);
    },
  );

  app.get(
    '/api/services/cert-review/prefill',
    {
      schema: {
        tags: ['cert-review'],
        summary: '添加证书: the holder (持证单位) prefilled from the operator’s organization',
        response: { 200: CertPrefill, ...problems },
      },
    },
    async (request, reply) => {
      const { account } = await requireBusinessAccount(ctx, request, reply);
      if (account.kind !== 'enterprise_operator' || !account.organizationId)
        throw new AppError('casework.applicant_kind_forbidden', { status: 403 });
      const org = await getOrganizationById(ctx.db, account.organizationId);
      return { holderName: org?.name ?? '', holderCreditCode: org?.creditCode ?? '' };
    },
  );

  app.get(
    '/api/services/cert-review/records',
    {
      schema: {
        tags: ['cert-review'],
        summary: '查询: the operator’s certificate applications by number, type, submission days and status',
        querystring: CertRecordQuery,
        response: { 200: CertRecordPage, ...problems },
      },
    },
    async (request, reply) => {
      const { account } = await requireBusinessAccount(ctx, request, reply);
      const { query } = request;
      if (query.from && query.to && query.to < query.from) throw fieldError('to', 'field.date_range_invalid');
      const rows = await queryRecords(ctx.db, account.id, query, decodeCursor(query.cursor));
      return toPage(rows, query.limit, (row) => row.applicationId, presentRecord);
    },
  );

  app.post(
    '/api/services/cert-review/records/:id/re-add',
    {
      schema: {
        tags: ['cert-review'],
        summary: '重新添加: a new draft prefilled from a failed application (which stays final)',
        params: IdParams,
        response: { 201: z.object({ applicationId: z.uuid() }), ...problems, 409: ProblemSchema },
      },
    },
    async (request, reply) => {
      const { account } = await requireBusinessAccount(ctx, request, reply);
      const record = await findRecord(ctx.db, request.params.id);
      if (!record || record.applicantAccountId !== account.id)
        throw new AppError('casework.application_not_found', { status: 404 });
      if (!FAILED.includes(record.status))
        throw new AppError('casework.transition_not_allowed', { status: 409 });
      const application = await findApplicationById(ctx.db, record.applicationId);
      if (!application) throw new AppError('casework.application_not_found', { status: 404 });
      const { certTypeName: _name, ...form } = readForm(ctx, application) as CertForm;
      const draft = await createDraft(ctx, {
        serviceCode: CERT_REVIEW,
        applicant: account,
        form: { ...form, readdedFrom: record.applicationId },
      });
      return reply.code(201).send({ applicationId: draft.id });
    },
  );

  app.get(
    '/api/console/services/cert-review/applications/:id/check',
    {
      schema: {
        tags: ['cert-review'],
        summary: '联网核查: the declared certificate beside the issuing authority’s, field by field',
        params: IdParams,
        response: { 200: CertCheckView, ...problems },
      },
    },
    async (request, reply) => {
      const { grants } = await requireStaff(ctx, request, reply);
      const { application, record } = await staffRecord(ctx, grants, request.params.id);
      return presentCheck(ctx, authorityOf(ctx), record, readForm(ctx, application) as CertForm);
    },
  );

  app.post(
    '/api/console/services/cert-review/applications/:id/check',
    {
      schema: {
        tags: ['cert-review'],
        summary: '重新核查: ask the issuing authority again now',
        params: IdParams,
        response: { 202: CertCheckView, ...problems },
      },
    },
    async (request, reply) => {
      const { account, grants } = await requireStaff(ctx, request, reply);
      const { application, record } = await staffRecord(ctx, grants, request.params.id);
      const job = await ctx.db.transaction(async (tx) => {
        await recordAudit(tx, {
          actorId: account.id,
          action: 'cert-review.recheck',
          targetType: 'application',
          targetId: application.id,
          detail: { number: application.number },
          ip: request.ip,
          at: ctx.clock.now(),
        });
        return enqueueCheck(ctx, tx, application.id);
      });
      ctx.jobs.kick([job]);
      return reply
        .code(202)
        .send(presentCheck(ctx, authorityOf(ctx), record, readForm(ctx, application) as CertForm));
    },
  );

  app.post(
    '/api/console/services/cert-review/cert-types',
    {
      schema: {
        tags: ['cert-review'],
        summary: '证书类型: add one (platform admins)',
        body: CertTypeBody,
        response: { 201: CertTypeView, ...problems, 409: ProblemSchema },
      },
    },
    async (request, reply) => {
      const { account } = await requirePlatformAdmin(ctx, request, reply);
      const now = ctx.clock.now();
      const row = await ctx.db.transaction(async (tx) => {
        const inserted = await insertCertType(tx, request.body, account.id, now);
        if (!inserted) throw fieldError('code', 'cert-review.cert_type_code_taken', 409);
        await recordAudit(tx, {
          actorId: account.id,
          action: 'cert-review.cert_type_add',
          targetType: 'cert_type',
          targetId: null,
          detail: { code: inserted.code, active: inserted.active },
          ip: request.ip,
          at: now,
        });
        return inserted;
      });
      return reply.code(201).send(presentType(row));
    },
  );

  app.put(
    '/api/console/services/cert-review/cert-types/:code',
    {
      schema: {
        tags: ['cert-review'],
        summary: '证书类型: rename, reorder, withdraw or offer again (platform admins); the code stays',
        params: z.strictObject({ code: z.string().max(40) }),
        body: CertTypeBody,
        response: { 200: CertTypeView, ...problems },
      },
    },
    async (request, reply) => {
      const { account } = await requirePlatformAdmin(ctx, request, reply);
      if (request.body.code !== request.params.code) throw fieldError('code', 'field.invalid');
      const now = ctx.clock.now();
      const row = await ctx.db.transaction(async (tx) => {
        const updated = await updateCertType(tx, request.params.code, request.body, account.id, now);
        if (!updated) throw new AppError('request.not_found', { status: 404 });
        await recordAudit(tx, {
          actorId: account.id,
          action: 'cert-review.cert_type_update',
          targetType: 'cert_type',
          targetId: null,
          detail: { code: updated.code, active: updated.active },
          ip: request.ip,
          at: now,
        });
        return updated;
      });
      return presentType(row);
    },
  );

  // the issuing authority simulator's controls: local and test mode only, never in production
  if (ctx.config.mode === 'production') return;
  app.put(
    '/api/dev/cert-authority/certificates',
    {
      schema: {
        tags: ['dev'],
        summary: 'SIMULATOR: add or change a certificate of the issuing authority (local and test mode only)',
        body: SimCertificateBody,
        response: { 204: z.null(), 400: ProblemSchema },
      },
    },
    async (request, reply) => {
      await authorityOf(ctx).put(request.body);
      return reply.code(204).send(null);
    },
  );
  app.put(
    '/api/dev/cert-authority/outage',
    {
      schema: {
        tags: ['dev'],
        summary: 'SIMULATOR: the issuing authority stops or starts answering (local and test mode only)',
        body: z.strictObject({ down: z.boolean() }),
        response: { 204: z.null(), 400: ProblemSchema },
      },
    },
    async (request, reply) => {
      await authorityOf(ctx).setOutage(request.body.down);
      return reply.code(204).send(null);
    },
  );
}
