import { ProblemSchema } from '@sw/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../context.ts';
import { AppError } from '../../../http/app-error.ts';
import { requestLocale } from '../../../http/problem.ts';
import { loadForStaff } from '../../casework/index.ts';
import {
  endSession,
  requestMeta,
  requireAuth,
  requireStaff,
  sessionCookieOf,
  setSessionCookie,
  startSignedInSession,
} from '../../identity/index.ts';
import {
  BindBody,
  BindCodeBody,
  BindCodeSent,
  BookBody,
  BookingView,
  CenterView,
  ConsoleRecord,
  DocumentCheck,
  DocumentParams,
  DocumentQuery,
  HkTdApplication,
  ImportBody,
  ImportReport,
  InsuranceBody,
  NORTHBOUND,
  NorthboundDaySlots,
  NorthboundRegisterBody,
  NorthboundRegistered,
  PolicyLookup,
  PolicyLookupQuery,
  SimCrossingBody,
  SlotsQuery,
  VehicleDetail,
} from './contract.ts';
import { checkDocument, renderDocument } from './documents.ts';
import {
  bindHkid,
  bookCrossing,
  bookingsOf,
  boundHkidOf,
  cancelCrossing,
  lookupPolicy,
  registerOwner,
  sendBindCode,
  slotsOf,
  submitInsurance,
} from './owner.ts';
import { centerOf, ownRecord, presentDetail, receiveHkTdApplication } from './records.ts';
import { consoleRecordOf, importHkTdFile, recordCrossing } from './staff.ts';

const problems = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
  422: ProblemSchema,
  429: ProblemSchema,
};
const Id = z.object({ id: z.uuid() });

/** 港车北上's own routes (see contract.ts for the list). */
export async function northboundRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const limits = ctx.config.rateLimits;
  const perMinute = (max: number) => ({ rateLimit: { max, timeWindow: '1 minute' } });
  const tags = ['northbound'];

  async function center(
    request: Parameters<typeof requireAuth>[1],
    reply: Parameters<typeof requireAuth>[2],
  ) {
    const auth = await requireAuth(ctx, request, reply);
    reply.header('cache-control', 'no-store');
    return centerOf(ctx, auth.account, await boundHkidOf(ctx, auth.account.id));
  }

  app.post(
    '/api/services/northbound/register',
    {
      config: perMinute(limits.register),
      schema: {
        tags,
        summary:
          '个人注册 (000 §2.1): the account with the manual’s fields; signs the person in for 实名核验',
        body: NorthboundRegisterBody,
        response: { 201: NorthboundRegistered, ...problems },
      },
    },
    async (request, reply) => {
      const meta = requestMeta(request);
      const created = await registerOwner(ctx, request.body, meta);
      const previous = sessionCookieOf(ctx, request);
      const session = await startSignedInSession(ctx, created.id, 'registration', meta, created.username);
      if (previous && previous.length <= 64) await endSession(ctx, previous);
      setSessionCookie(ctx, request, reply, session.token);
      return reply.code(201).send({ username: created.username });
    },
  );

  app.post(
    '/api/services/northbound/binding/code',
    {
      config: perMinute(limits.sendCode),
      schema: {
        tags,
        summary:
          '首次登录: sends a code to the mainland mobile or e-mail the applicant gave HK TD (000 §3.1)',
        body: BindCodeBody,
        response: { 200: BindCodeSent, ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply);
      return sendBindCode(ctx, auth, request.body, requestMeta(request));
    },
  );

  app.post(
    '/api/services/northbound/binding',
    {
      config: perMinute(limits.register),
      schema: {
        tags,
        summary: '首次登录: binds the HKID’s HK TD applications to the account',
        body: BindBody,
        response: { 200: CenterView, ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply);
      await bindHkid(ctx, auth, request.body, requestMeta(request));
      return center(request, reply);
    },
  );

  app.get(
    '/api/services/northbound/center',
    {
      schema: {
        tags,
        summary: '个人中心 (000 §4.1): progress, plate, stay time',
        response: { 200: CenterView, ...problems },
      },
    },
    async (request, reply) => center(request, reply),
  );

  app.get(
    '/api/services/northbound/records/:id',
    {
      schema: {
        tags,
        summary: '我的资料 / 我的驾驶人 (000 §4.5–4.6), masked',
        params: Id,
        response: { 200: VehicleDetail, ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply);
      reply.header('cache-control', 'no-store');
      return presentDetail(ctx, await ownRecord(ctx.db, auth.account.id, request.params.id));
    },
  );

  app.get(
    '/api/services/northbound/records/:id/documents/:kind',
    {
      config: perMinute(30),
      schema: {
        tags,
        summary:
          '我要查询 (000 §4.8): 准入资格确认函 or 临时入境机动车牌证 as a PDF with a verification QR code',
        params: DocumentParams,
        querystring: DocumentQuery,
        // 200 is a PDF, left out so the serializer passes it through
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply);
      const row = await ownRecord(ctx.db, auth.account.id, request.params.id);
      const locale = request.query.lang ?? requestLocale(request);
      const { pdf, filename } = await renderDocument(ctx, row, request.params.kind, locale);
      return reply
        .header('cache-control', 'no-store')
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .send(Buffer.from(pdf));
    },
  );

  app.get(
    '/api/services/northbound/documents/verify/:token',
    {
      config: perMinute(60),
      schema: {
        tags,
        summary: 'The verification QR code of a document: its standing now (public, masked)',
        params: z.object({ token: z.string().max(80) }),
        response: { 200: DocumentCheck, ...problems },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return checkDocument(ctx, request.params.token);
    },
  );

  app.get(
    '/api/services/northbound/insurance/lookup',
    {
      config: perMinute(30),
      schema: {
        tags,
        summary: '查询保险: the insurers’ shared data for a policy number',
        querystring: PolicyLookupQuery,
        response: { 200: PolicyLookup, ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply);
      return lookupPolicy(ctx, auth, request.query);
    },
  );

  app.post(
    '/api/services/northbound/records/:id/insurance',
    {
      config: perMinute(30),
      schema: {
        tags,
        summary: '填写保险信息 (000 §4.2)',
        params: Id,
        body: InsuranceBody,
        response: { 200: CenterView, ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply);
      await submitInsurance(ctx, auth, request.params.id, request.body, requestMeta(request));
      return center(request, reply);
    },
  );

  app.get(
    '/api/services/northbound/slots',
    {
      schema: {
        tags,
        summary: 'A day’s time slots at the port, with places left',
        querystring: SlotsQuery,
        response: { 200: NorthboundDaySlots, ...problems },
      },
    },
    async (request, reply) => {
      await requireAuth(ctx, request, reply);
      reply.header('cache-control', 'no-store');
      return slotsOf(ctx, request.query.day);
    },
  );

  app.get(
    '/api/services/northbound/bookings',
    {
      schema: {
        tags,
        summary: '通关预约查询 (000 §4.4)',
        response: { 200: z.array(BookingView), ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply);
      reply.header('cache-control', 'no-store');
      return bookingsOf(ctx, auth);
    },
  );

  app.post(
    '/api/services/northbound/bookings',
    {
      config: perMinute(30),
      schema: {
        tags,
        summary: '通关预约: takes a place (never oversold)',
        body: BookBody,
        response: { 201: BookingView, ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply);
      return reply.code(201).send(await bookCrossing(ctx, auth, request.body, requestMeta(request)));
    },
  );

  app.post(
    '/api/services/northbound/bookings/:id/cancel',
    {
      config: perMinute(30),
      schema: {
        tags,
        summary: 'Cancels a booking before the cut-off; the place returns',
        params: Id,
        response: { 200: BookingView, ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply);
      return cancelCrossing(ctx, auth, request.params.id, requestMeta(request));
    },
  );

  // ——— staff ———

  app.post(
    '/api/console/services/northbound/import',
    {
      bodyLimit: 3 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Imports HK TD’s application data (CSV or XLSX) with a per-row error report',
        body: ImportBody,
        response: { 200: ImportReport, ...problems },
      },
    },
    async (request, reply) => {
      const staff = await requireStaff(ctx, request, reply);
      if (!staff.grants.platformAdmin && !staff.grants.services.get(NORTHBOUND)?.size)
        throw new AppError('auth.forbidden', { status: 403 });
      return importHkTdFile(ctx, {
        fileName: request.body.fileName,
        content: Buffer.from(request.body.contentBase64, 'base64'),
        staffId: staff.account.id,
        locale: requestLocale(request),
      });
    },
  );

  app.get(
    '/api/console/services/northbound/applications/:id/record',
    {
      schema: {
        tags,
        summary: 'The HK TD record, insurance, plate and stay time beside the application',
        params: Id,
        response: { 200: ConsoleRecord, ...problems },
      },
    },
    async (request, reply) => {
      const { grants } = await requireStaff(ctx, request, reply);
      const application = await loadForStaff(ctx.db, grants, request.params.id);
      if (application.serviceCode !== NORTHBOUND)
        throw new AppError('casework.application_not_found', { status: 404 });
      reply.header('cache-control', 'no-store');
      return consoleRecordOf(ctx, application.id);
    },
  );

  // ——— the simulators' controls: local and test mode only, never in production ———
  if (ctx.config.mode === 'production') return;

  app.put(
    '/api/dev/northbound/hktd',
    {
      schema: {
        tags: ['dev'],
        summary: '[SIMULATOR] HK TD sends an application (new or changed)',
        body: HkTdApplication,
        response: { 200: z.object({ outcome: z.string() }), ...problems },
      },
    },
    async (request) => {
      ctx.log.info({ hktdRef: request.body.hktdRef }, '[SIMULATOR] HK TD application received');
      return { outcome: await receiveHkTdApplication(ctx, request.body, null) };
    },
  );

  app.post(
    '/api/dev/northbound/crossings',
    {
      schema: {
        tags: ['dev'],
        summary: '[SIMULATOR] a border port records a crossing',
        body: SimCrossingBody,
        response: { 204: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      ctx.log.info({ direction: request.body.direction }, '[SIMULATOR] border crossing recorded');
      await recordCrossing(ctx, { ...request.body, at: new Date(request.body.at) });
      return reply.code(204).send(null);
    },
  );
}
