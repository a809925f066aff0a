import { type ErrorCode, isErrorCode, REAL_NAME_LEVELS } from '@sw/contracts';
import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { AppError, type AppFieldError, fieldError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import type { AccountRow } from '../identity/identity.repo.ts';
import {
  type ApplicationEventRow,
  type ApplicationRow,
  findApplicationById,
  insertApplication,
  insertApplicationEvent,
  updateApplicationIfVersion,
} from './applications.repo.ts';
import { computeSlaDates } from './calendar/calendar.service.ts';
import { nextApplicationNumber } from './numbering.ts';
import {
  type AnyServiceDefinition,
  DRAFT_STATUS,
  findCaseworkService,
  type WorkflowRole,
} from './service-definition.ts';

const REASON_MAX = 1000;

export type Actor = { id: string; role: WorkflowRole };
export type Decided = { application: ApplicationRow; event: ApplicationEventRow };

function definitionOf(code: string): AnyServiceDefinition {
  const definition = findCaseworkService(code);
  if (!definition) throw new AppError('casework.service_unknown', { status: 404 });
  return definition;
}

function versionConflict(current: Pick<ApplicationRow, 'status' | 'version'>): AppError {
  return new AppError('casework.version_conflict', {
    status: 409,
    extensions: { current: { status: current.status, version: current.version } },
  });
}

/** The application, or 404; an applicant sees only their own (another's is "not found", not "forbidden"). */
async function loadApplication(db: Db, id: string, applicantId?: string): Promise<ApplicationRow> {
  const row = await findApplicationById(db, id);
  if (!row || (applicantId !== undefined && row.applicantAccountId !== applicantId))
    throw new AppError('casework.application_not_found', { status: 404 });
  return row;
}

/** zod issues of a form as field errors under `form.` */
function formFieldErrors(error: z.ZodError): AppFieldError[] {
  const seen = new Set<string>();
  const out: AppFieldError[] = [];
  for (const issue of error.issues) {
    const path = ['form', ...issue.path.map(String)].join('.');
    if (seen.has(path)) continue;
    seen.add(path);
    let code: ErrorCode = 'field.invalid';
    if (isErrorCode(issue.message)) code = issue.message;
    else if (issue.code === 'invalid_type' && /received undefined/.test(issue.message))
      code = 'field.required';
    else if (issue.code === 'too_big') code = 'field.too_long';
    else if (issue.code === 'too_small') code = 'field.too_short';
    out.push({ path, code });
  }
  return out;
}

/**
 * Starts a draft for `applicant`, who must be of a kind the service admits and have its
 * real-name level. The form may be incomplete until submission.
 */
export async function createDraft(
  ctx: AppContext,
  input: { serviceCode: string; applicant: AccountRow; form: Record<string, unknown> },
): Promise<ApplicationRow> {
  const definition = definitionOf(input.serviceCode);
  const { applicant } = input;
  if (!definition.applicantKinds.includes(applicant.kind))
    throw new AppError('casework.applicant_kind_forbidden', { status: 403 });
  if (REAL_NAME_LEVELS.indexOf(applicant.realNameLevel) < REAL_NAME_LEVELS.indexOf(definition.realNameLevel))
    throw new AppError('casework.real_name_level_too_low', { status: 403 });
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const row = await insertApplication(tx, {
      serviceCode: definition.code,
      applicantAccountId: applicant.id,
      organizationId: applicant.organizationId,
      status: DRAFT_STATUS,
      form: input.form,
      createdAt: now,
      updatedAt: now,
    });
    await insertApplicationEvent(tx, {
      applicationId: row.id,
      actorId: applicant.id,
      action: 'create',
      fromStatus: null,
      toStatus: DRAFT_STATUS,
      at: now,
    });
    return row;
  });
}

/**
 * Submits a draft: the form is checked in full, the application gets its number and its SLA
 * dates and enters the service's first state — all in one transaction, so a conflict or a
 * failure gives the number back.
 */
export async function submitApplication(
  ctx: AppContext,
  input: { applicationId: string; expectedVersion: number; applicantId: string; ip?: string | null },
): Promise<Decided> {
  const row = await loadApplication(ctx.db, input.applicationId, input.applicantId);
  const definition = definitionOf(row.serviceCode);
  if (row.version !== input.expectedVersion) throw versionConflict(row);
  if (row.status !== DRAFT_STATUS) throw new AppError('casework.transition_not_allowed', { status: 409 });
  const parsed = definition.form.safeParse(row.form);
  if (!parsed.success)
    throw new AppError('request.validation_failed', { fieldErrors: formFieldErrors(parsed.error) });
  const now = ctx.clock.now();
  const sla = await computeSlaDates(ctx, now, definition.slaWorkingDays);
  return ctx.db.transaction(async (tx) => {
    const number = await nextApplicationNumber(tx, definition.prefix, now);
    const application = await updateApplicationIfVersion(tx, row.id, input.expectedVersion, {
      status: definition.submittedState,
      number,
      submittedAt: now,
      dueAt: sla.dueAt,
      remindAt: sla.remindAt,
      updatedAt: now,
    });
    if (!application) throw versionConflict(await loadApplication(tx, row.id));
    const event = await insertApplicationEvent(tx, {
      applicationId: row.id,
      actorId: input.applicantId,
      action: 'submit',
      fromStatus: DRAFT_STATUS,
      toStatus: application.status,
      at: now,
    });
    await recordAudit(tx, {
      actorId: input.applicantId,
      action: 'application.submit',
      targetType: 'application',
      targetId: row.id,
      detail: { number, service: definition.code, to: application.status },
      ip: input.ip ?? null,
      at: now,
    });
    return { application, event };
  });
}

/**
 * Takes one workflow step on a submitted application. The caller has established that the
 * actor holds `actor.role` for this service (an applicant acts only on their own application).
 * The version check is repeated by the update itself, so of two decisions on the same version
 * exactly one commits; the other gets 409 with the current status and version.
 */
export async function decide(
  ctx: AppContext,
  input: {
    applicationId: string;
    expectedVersion: number;
    action: string;
    actor: Actor;
    reason?: string | null;
    ip?: string | null;
  },
): Promise<Decided> {
  const { actor } = input;
  const row = await loadApplication(
    ctx.db,
    input.applicationId,
    actor.role === 'applicant' ? actor.id : undefined,
  );
  const definition = definitionOf(row.serviceCode);
  if (!definition.actions.includes(input.action)) throw fieldError('action', 'field.invalid');
  if (row.version !== input.expectedVersion) throw versionConflict(row);
  const transition = definition.states.includes(row.status)
    ? definition.transition(row.status, input.action)
    : null;
  if (!transition) throw new AppError('casework.transition_not_allowed', { status: 409 });
  if (transition.role !== actor.role) throw new AppError('casework.role_forbidden', { status: 403 });
  const reason = input.reason?.trim() || null;
  if (transition.reasonRequired && !reason) throw fieldError('reason', 'field.required');
  if (reason && reason.length > REASON_MAX) throw fieldError('reason', 'field.too_long');

  const now = ctx.clock.now();
  const sla = transition.restartsSla ? await computeSlaDates(ctx, now, definition.slaWorkingDays) : null;
  return ctx.db.transaction(async (tx) => {
    const application = await updateApplicationIfVersion(tx, row.id, input.expectedVersion, {
      status: transition.to,
      updatedAt: now,
      // submitted_at stays the first submission; the SLA runs again from now
      ...(sla ? { dueAt: sla.dueAt, remindAt: sla.remindAt } : {}),
    });
    if (!application) throw versionConflict(await loadApplication(tx, row.id));
    const event = await insertApplicationEvent(tx, {
      applicationId: row.id,
      actorId: actor.id,
      action: input.action,
      fromStatus: row.status,
      toStatus: transition.to,
      reason,
      at: now,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'application.decide',
      targetType: 'application',
      targetId: row.id,
      detail: {
        number: row.number,
        service: definition.code,
        action: input.action,
        role: actor.role,
        from: row.status,
        to: transition.to,
      },
      ip: input.ip ?? null,
      at: now,
    });
    return { application, event };
  });
}
