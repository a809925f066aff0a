import type {
  ApplicantView,
  ApplicationDetail,
  ApplicationPage,
  ConsoleApplicationDetail,
  ConsoleServiceView,
  Locale,
  MyApplicationsQuery,
  QueuePage,
  QueueQuery,
} from '@sw/contracts';
import { fieldMetaOf, maskEmail, maskMobile } from '@sw/contracts';
import { and, desc, eq, isNotNull, isNull, ne, type SQL, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { applications } from '../../db/schema/casework.ts';
import { AppError } from '../../http/app-error.ts';
import { decodeCursor, encodeCursor } from '../../lib/keyset-cursor.ts';
import { recordAudit } from '../audit/index.ts';
import type { AccountRow } from '../identity/index.ts';
import {
  dutiesFor,
  findAccountNames,
  getAccountById,
  getOrganizationById,
  type StaffGrants,
  workflowRolesFor,
} from '../identity/index.ts';
import { findMessagesAbout } from '../messaging/index.ts';
import { type ApplicationRow, findApplicationById, findApplicationEvents } from './applications.repo.ts';
import { definitionOf, readForm } from './applications.service.ts';
import { findAttachedFiles } from './attachments.repo.ts';
import { getWorkingCalendar } from './calendar/calendar.service.ts';
import type { WorkingCalendar } from './calendar/working-days.ts';
import { type CaseworkActor, permissionsOf, staffActor } from './casework.policy.ts';
import {
  allowedActions,
  attachmentRules,
  presentEvent,
  presentSummary,
  progressOf,
} from './casework.presenter.ts';
import { buildFormView, valueAt, withoutSecrets } from './form-view.ts';
import { findQueuePage, type QueueFilter } from './queue.repo.ts';
import { DRAFT_STATUS, findCaseworkService, listCaseworkServices } from './service-definition.ts';

const APPLICANT_LABEL: Record<Locale, string> = { 'zh-CN': '申请人', 'zh-HK': '申請人', en: 'Applicant' };
const STAFF_LABEL: Record<Locale, string> = { 'zh-CN': '审核人员', 'zh-HK': '審核人員', en: 'Reviewer' };

/** The working-day calendar around now, for 「剩余 n 个工作日」 (cached per year). */
export function calendarNow(ctx: AppContext): Promise<WorkingCalendar> {
  const year = ctx.clock.now().getUTCFullYear();
  return getWorkingCalendar(ctx, year - 1, year + 1);
}

// ————————————————————————————— applicant —————————————————————————————

/** 我的申请: the account's applications, newest first, keyset pages on (created_at, id). */
export async function listMyApplications(
  ctx: AppContext,
  account: AccountRow,
  query: MyApplicationsQuery,
): Promise<ApplicationPage> {
  const after = decodeCursor(query.cursor);
  const conditions: (SQL | undefined)[] = [eq(applications.applicantAccountId, account.id)];
  if (query.service) conditions.push(eq(applications.serviceCode, query.service));
  if (query.status === 'open')
    conditions.push(isNull(applications.decidedAt), ne(applications.status, DRAFT_STATUS));
  else if (query.status === 'final') conditions.push(isNotNull(applications.decidedAt));
  else if (query.status) conditions.push(eq(applications.status, query.status));
  if (query.q)
    conditions.push(sql`${applications.number} like ${`%${query.q.toUpperCase().replace(/[\\%_]/g, '')}%`}`);
  if (after)
    conditions.push(
      sql`(${applications.createdAt}, ${applications.id}) < (${after.at}::timestamptz, ${after.id}::uuid)`,
    );
  const rows = await ctx.db
    .select({ application: applications, at: sql<string>`${applications.createdAt}::text` })
    .from(applications)
    .where(and(...conditions))
    .orderBy(desc(applications.createdAt), desc(applications.id))
    .limit(query.limit + 1);
  const now = ctx.clock.now();
  const calendar = await calendarNow(ctx);
  const page = rows.slice(0, query.limit);
  const items = page.flatMap(({ application }) => {
    const definition = findCaseworkService(application.serviceCode);
    return definition ? [presentSummary(definition, application, now, calendar)] : [];
  });
  const last = page.at(-1);
  return {
    items,
    nextCursor:
      rows.length > query.limit && last ? encodeCursor({ at: last.at, id: last.application.id }) : null,
  };
}

async function attachmentsOf(db: Db, definition: ReturnType<typeof definitionOf>, applicationId: string) {
  const rows = (await findAttachedFiles(db, applicationId)).map((a) => ({
    fileId: a.file.id,
    slot: a.slot,
    name: a.file.name,
    mime: a.file.mime,
    size: a.file.size,
    thumbnailKey: a.file.thumbnailKey,
  }));
  return rows.map((r) => ({
    fileId: r.fileId,
    slot: r.slot,
    slotName: definition.attachments.find((a) => a.slot === r.slot)?.name ?? {
      'zh-CN': r.slot,
      'zh-HK': r.slot,
      en: r.slot,
    },
    name: r.name,
    mime: r.mime,
    size: r.size,
    hasThumbnail: r.thumbnailKey !== null,
  }));
}

/** The applicant's view of one of their applications (another's is "not found"). */
export async function getMyApplication(
  ctx: AppContext,
  account: AccountRow,
  id: string,
  locale: Locale,
): Promise<ApplicationDetail> {
  const row = await findApplicationById(ctx.db, id);
  if (!row || row.applicantAccountId !== account.id)
    throw new AppError('casework.application_not_found', { status: 404 });
  const definition = definitionOf(row.serviceCode);
  const now = ctx.clock.now();
  const me: CaseworkActor = { id: account.id, roles: new Set(['applicant']) };
  const actions = allowedActions(definition, row, me);
  const editable = row.status === DRAFT_STATUS || actions.some((a) => a.acceptsForm);
  const form = readForm(ctx, row);
  const [events, attachments, messages] = await Promise.all([
    findApplicationEvents(ctx.db, row.id),
    attachmentsOf(ctx.db, definition, row.id),
    findMessagesAbout(ctx.db, row.id, account.id),
  ]);
  return {
    ...presentSummary(definition, row, now, await calendarNow(ctx)),
    progress: progressOf(definition, row, actions.length > 0),
    form: editable ? withoutSecrets(definition.fields, form) : null,
    // the applicant sees their own data whole only while they may still change it
    formView: buildFormView(definition.fields, form, { locale, unmasked: editable, revealable: false }),
    editable,
    timeline: events.map((e) =>
      presentEvent(definition, e, e.actorId === account.id ? APPLICANT_LABEL[locale] : STAFF_LABEL[locale]),
    ),
    attachments,
    attachmentRules: attachmentRules(definition, form),
    messages: messages.map((m) => ({
      id: m.id,
      title: m.title,
      body: m.body,
      readAt: m.readAt?.toISOString() ?? null,
      createdAt: m.createdAt.toISOString(),
    })),
    allowedActions: actions,
  };
}

// ————————————————————————————— console —————————————————————————————

/** The services a staff member sees in the console: a platform admin all, others their own. */
export function visibleServices(grants: StaffGrants): string[] | undefined {
  return grants.platformAdmin ? undefined : [...grants.services.keys()];
}

export function consoleServices(grants: StaffGrants): ConsoleServiceView[] {
  const visible = visibleServices(grants);
  return listCaseworkServices()
    .filter((d) => !visible || visible.includes(d.code))
    .map((d) => ({
      code: d.code,
      name: d.name,
      states: d.states.map((s) => ({
        code: s,
        name: d.stateNames[s]!,
        final: d.finalStates.includes(s),
        tone: d.stateTones[s] ?? 'default',
      })),
      actions: d.actions.map((a) => ({ code: a, name: d.actionNames[a]! })),
      slaWorkingDays: d.slaWorkingDays,
      roleNames: d.roleNames,
      roles: [...(grants.services.get(d.code) ?? [])],
      duties: Object.entries(d.duties ?? {}).map(([code, name]) => ({ code, name })),
      myDuties: ((limited) => (limited ? [...limited] : null))(dutiesFor(grants, d.code)),
    }));
}

export function queueFilter(
  ctx: AppContext,
  staff: AccountRow,
  grants: StaffGrants,
  query: Omit<QueueQuery, 'cursor' | 'limit'>,
): QueueFilter {
  return { ...query, services: visibleServices(grants), viewerId: staff.id, now: ctx.clock.now() };
}

export async function queuePage(
  ctx: AppContext,
  staff: AccountRow,
  grants: StaffGrants,
  query: QueueQuery,
): Promise<QueuePage> {
  const after = decodeCursor(query.cursor);
  const rows = await findQueuePage(ctx.db, queueFilter(ctx, staff, grants, query), after, query.limit);
  const now = ctx.clock.now();
  const calendar = await calendarNow(ctx);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.flatMap((row) => {
      const definition = findCaseworkService(row.serviceCode);
      return definition
        ? [
            {
              ...presentSummary(definition, row, now, calendar),
              assigneeId: row.assigneeId,
              assigneeName: row.assigneeName,
            },
          ]
        : [];
    }),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.at, id: last.id }) : null,
  };
}

/** The application if this staff member may see it (their services; a platform admin all); else 404. */
export async function loadForStaff(db: Db, grants: StaffGrants, id: string): Promise<ApplicationRow> {
  const row = await findApplicationById(db, id);
  const visible = visibleServices(grants);
  if (!row || row.status === DRAFT_STATUS || (visible && !visible.includes(row.serviceCode)))
    throw new AppError('casework.application_not_found', { status: 404 });
  return row;
}

async function applicantOf(ctx: AppContext, row: ApplicationRow): Promise<ApplicantView | null> {
  // made without an account (人工资料审核): the form says who asks
  if (!row.applicantAccountId) return null;
  const account = await getAccountById(ctx.db, row.applicantAccountId);
  if (!account) throw new AppError('casework.application_not_found', { status: 404 });
  const org = account.organizationId ? await getOrganizationById(ctx.db, account.organizationId) : undefined;
  return {
    accountId: account.id,
    username: account.username,
    name: account.name,
    kind: account.kind,
    accountStatus: account.status,
    mobileMasked: account.mobileEnc ? maskMobile(ctx.crypto.decrypt(account.mobileEnc)) : null,
    emailMasked: account.emailEnc ? maskEmail(ctx.crypto.decrypt(account.emailEnc)) : null,
    organization: org
      ? { name: org.name, creditCode: org.creditCode, orgCode: org.orgCode, status: org.status }
      : null,
  };
}

export async function consoleDetail(
  ctx: AppContext,
  staff: AccountRow,
  grants: StaffGrants,
  id: string,
  locale: Locale,
): Promise<ConsoleApplicationDetail> {
  const row = await loadForStaff(ctx.db, grants, id);
  const definition = definitionOf(row.serviceCode);
  const roles = workflowRolesFor(grants, row.serviceCode);
  const now = ctx.clock.now();
  const [events, attachments, applicant] = await Promise.all([
    findApplicationEvents(ctx.db, row.id),
    attachmentsOf(ctx.db, definition, row.id),
    applicantOf(ctx, row),
  ]);
  const names = await findAccountNames(ctx.db, [
    ...new Set([
      ...events.flatMap((e) => (e.actorId ? [e.actorId] : [])),
      ...(row.assigneeId ? [row.assigneeId] : []),
    ]),
  ]);
  const viewer = staffActor(staff.id, grants, row.serviceCode);
  const permissions = permissionsOf(viewer, row, definition);
  const applicantActs =
    !!row.applicantAccountId &&
    allowedActions(definition, row, { id: row.applicantAccountId, roles: new Set(['applicant']) }).length > 0;
  return {
    ...presentSummary(definition, row, now, await calendarNow(ctx)),
    assigneeId: row.assigneeId,
    assigneeName: row.assigneeId ? (names.get(row.assigneeId) ?? null) : null,
    progress: progressOf(definition, row, applicantActs),
    // masked as the field metadata says; the service's staff may reveal a field (audited)
    formView: buildFormView(definition.fields, readForm(ctx, row), {
      locale,
      unmasked: false,
      revealable: roles.has('reviewer') || roles.has('supervisor'),
    }),
    applicant,
    timeline: events.map((e) =>
      presentEvent(
        definition,
        e,
        e.actorId === null
          ? // a submission without an account: the person the form names
            e.action === 'submit'
            ? row.applicantName
            : ''
          : e.actorId === row.applicantAccountId
            ? (applicant?.name ?? '')
            : (names.get(e.actorId) ?? ''),
      ),
    ),
    attachments,
    allowedActions: allowedActions(definition, row, viewer),
    canClaim: permissions.canClaim,
    canRelease: permissions.canRelease,
    canAssign: permissions.canAssign,
  };
}

/**
 * 查看完整信息 (issue 10 §5): one personal field of an application whole, for staff of its
 * service, with the reason on the audit record. The value is for this view only: nothing changes
 * in what the console otherwise shows.
 */
export async function revealField(
  ctx: AppContext,
  staff: AccountRow,
  grants: StaffGrants,
  input: { applicationId: string; path: string; reason: string; ip: string | null },
): Promise<{ path: string; value: string }> {
  const row = await loadForStaff(ctx.db, grants, input.applicationId);
  const definition = definitionOf(row.serviceCode);
  const roles = workflowRolesFor(grants, row.serviceCode);
  if (!roles.has('reviewer') && !roles.has('supervisor'))
    throw new AppError('casework.role_forbidden', { status: 403 });
  const meta = fieldMetaOf(definition.fields, input.path);
  const value = valueAt(readForm(ctx, row), input.path);
  if (!meta?.personal || (typeof value !== 'string' && typeof value !== 'number'))
    throw new AppError('casework.field_not_revealable', {
      status: 400,
      fieldErrors: [{ path: 'path', code: 'casework.field_not_revealable' }],
    });
  await recordAudit(ctx.db, {
    actorId: staff.id,
    action: 'application.reveal_field',
    targetType: 'application',
    targetId: row.id,
    detail: { number: row.number, service: row.serviceCode, path: input.path, reason: input.reason },
    ip: input.ip,
    at: ctx.clock.now(),
  });
  return { path: input.path, value: String(value) };
}
