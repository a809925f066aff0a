import {
  type FieldErrorCode,
  isErrorCode,
  isServiceErrorCode,
  type Locale,
  REAL_NAME_LEVELS,
} from '@sw/contracts';
import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { type AnyFieldError, AppError, type AppFieldError, fieldError } from '../../http/app-error.ts';
import { type AccountRow, findServiceStaff, getOrganizationById } from '../identity/index.ts';
import { notify } from '../messaging/index.ts';
import {
  type ApplicationEventRow,
  type ApplicationRow,
  findApplicationById,
  findApplicationFiles,
  insertApplication,
  insertApplicationEvent,
  insertEventWithAudit,
  updateApplicationIfVersion,
} from './applications.repo.ts';
import { computeSlaDates } from './calendar/calendar.service.ts';
import { shanghaiDay } from './calendar/working-days.ts';
import { authorize, type CaseworkActor, stepOf } from './casework.policy.ts';
import { nextApplicationNumber } from './numbering.ts';
import {
  type AnyServiceDefinition,
  DRAFT_STATUS,
  findCaseworkService,
  handsOver,
  isAttachmentRequired,
  type Transition,
} from './service-definition.ts';

const REASON_MAX = 1000;

/**
 * Who acts: an applicant (on their own applications only), or a staff member with the
 * workflow roles they hold for the application's service. A supervisor may also take the
 * reviewer's steps.
 */
export type Actor = CaseworkActor;
export type Decided = { application: ApplicationRow; event: ApplicationEventRow };

export function definitionOf(code: string): AnyServiceDefinition {
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
export async function loadApplication(db: Db, id: string, applicantId?: string): Promise<ApplicationRow> {
  const row = await findApplicationById(db, id);
  if (!row || (applicantId !== undefined && row.applicantAccountId !== applicantId))
    throw new AppError('casework.application_not_found', { status: 404 });
  return row;
}

export function readForm(ctx: AppContext, row: Pick<ApplicationRow, 'formEnc'>): Record<string, unknown> {
  return JSON.parse(ctx.crypto.decrypt(row.formEnc)) as Record<string, unknown>;
}

function sealForm(ctx: AppContext, form: Record<string, unknown>): string {
  return ctx.crypto.encrypt(JSON.stringify(form));
}

/** zod issues of a form as field errors under `form.` */
export function formFieldErrors(error: z.ZodError): AnyFieldError[] {
  const seen = new Set<string>();
  const out: AnyFieldError[] = [];
  for (const issue of error.issues) {
    const path = ['form', ...issue.path.map(String)].join('.');
    if (seen.has(path)) continue;
    seen.add(path);
    let code: FieldErrorCode = 'field.invalid';
    if (isErrorCode(issue.message) || isServiceErrorCode(issue.message)) code = issue.message;
    else if (issue.code === 'invalid_type' && /received undefined/.test(issue.message))
      code = 'field.required';
    else if (issue.code === 'too_big') code = 'field.too_long';
    else if (issue.code === 'too_small') code = 'field.too_short';
    out.push({ path, code });
  }
  return out;
}

/** The form checked in full, or 400 with every field's problem. */
function checkedForm(definition: AnyServiceDefinition, form: unknown): Record<string, unknown> {
  const parsed = definition.form.safeParse(form);
  if (!parsed.success)
    throw new AppError('request.validation_failed', { fieldErrors: formFieldErrors(parsed.error) });
  return parsed.data;
}

/** Every required attachment slot filled, no slot over its count. */
async function checkAttachments(
  tx: Db,
  definition: AnyServiceDefinition,
  applicationId: string,
  form: Record<string, unknown>,
) {
  const attached = await findApplicationFiles(tx, applicationId);
  const errors: AppFieldError[] = [];
  for (const rule of definition.attachments) {
    const count = attached.filter((f) => f.slot === rule.slot).length;
    if (count === 0 && isAttachmentRequired(rule, form))
      errors.push({ path: `attachments.${rule.slot}`, code: 'casework.attachment_required' });
    if (count > rule.maxCount)
      errors.push({ path: `attachments.${rule.slot}`, code: 'casework.attachment_too_many' });
  }
  if (errors.length > 0) throw new AppError('request.validation_failed', { fieldErrors: errors });
}

/** The name and code the queues show for an applicant: the organization's, or the person's. */
export async function applicantIdentity(
  db: Db,
  account: AccountRow,
): Promise<{ applicantName: string; applicantCode: string | null }> {
  if (account.organizationId) {
    const org = await getOrganizationById(db, account.organizationId);
    if (org) return { applicantName: org.name, applicantCode: org.creditCode ?? org.orgCode ?? null };
  }
  return { applicantName: account.name, applicantCode: account.username };
}

function checkApplicant(definition: AnyServiceDefinition, applicant: AccountRow) {
  if (!definition.applicantKinds.includes(applicant.kind))
    throw new AppError('casework.applicant_kind_forbidden', { status: 403 });
  if (REAL_NAME_LEVELS.indexOf(applicant.realNameLevel) < REAL_NAME_LEVELS.indexOf(definition.realNameLevel))
    throw new AppError('casework.real_name_level_too_low', { status: 403 });
}

/**
 * Starts a draft for `applicant`, who must be of a kind the service admits and have its
 * real-name level. The form may be incomplete until submission.
 */
export async function createDraft(
  ctx: AppContext,
  input: {
    serviceCode: string;
    applicant: AccountRow;
    form: Record<string, unknown>;
    tx?: Db;
    /** the instant of the caller's change, when the draft is part of one (keeps the timeline in order) */
    at?: Date;
  },
): Promise<ApplicationRow> {
  const definition = definitionOf(input.serviceCode);
  const { applicant } = input;
  checkApplicant(definition, applicant);
  const now = input.at ?? ctx.clock.now();
  const work = async (tx: Db) => {
    const row = await insertApplication(tx, {
      serviceCode: definition.code,
      applicantAccountId: applicant.id,
      organizationId: applicant.organizationId,
      ...(await applicantIdentity(tx, applicant)),
      status: DRAFT_STATUS,
      formEnc: sealForm(ctx, input.form),
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
  };
  return input.tx ? work(input.tx) : ctx.db.transaction(work);
}

/**
 * Starts, inside `tx`, a draft made without an account — 人工资料审核 of a forgotten username or
 * password, whose applicant cannot sign in. The queues show the name and code given; nobody can
 * open it as an applicant, and the service answers through what its form gives (its onDecided).
 * The caller submits it in the same transaction (submitInTransaction with a null actor).
 */
export async function createGuestDraft(
  ctx: AppContext,
  tx: Db,
  input: {
    serviceCode: string;
    applicantName: string;
    applicantCode: string | null;
    form: Record<string, unknown>;
    at: Date;
  },
): Promise<ApplicationRow> {
  const definition = definitionOf(input.serviceCode);
  const row = await insertApplication(tx, {
    serviceCode: definition.code,
    applicantAccountId: null,
    organizationId: null,
    applicantName: input.applicantName,
    applicantCode: input.applicantCode,
    status: DRAFT_STATUS,
    formEnc: sealForm(ctx, input.form),
    createdAt: input.at,
    updatedAt: input.at,
  });
  await insertApplicationEvent(tx, {
    applicationId: row.id,
    actorId: null,
    action: 'create',
    fromStatus: null,
    toStatus: DRAFT_STATUS,
    at: input.at,
  });
  return row;
}

/** The applicant's account of a service whose applications always have one (not a guest's). */
export function applicantIdOf(row: Pick<ApplicationRow, 'id' | 'applicantAccountId'>): string {
  if (!row.applicantAccountId) throw new Error(`application ${row.id} has no applicant account`);
  return row.applicantAccountId;
}

/** Saves a draft's form (still unchecked); the version guards against a second tab. */
export async function updateDraft(
  ctx: AppContext,
  input: {
    applicationId: string;
    expectedVersion: number;
    applicantId: string;
    form: Record<string, unknown>;
  },
): Promise<ApplicationRow> {
  const row = await loadApplication(ctx.db, input.applicationId, input.applicantId);
  if (row.version !== input.expectedVersion) throw versionConflict(row);
  if (row.status !== DRAFT_STATUS) throw new AppError('casework.transition_not_allowed', { status: 409 });
  const updated = await updateApplicationIfVersion(ctx.db, row.id, input.expectedVersion, {
    formEnc: sealForm(ctx, input.form),
    updatedAt: ctx.clock.now(),
  });
  if (!updated) throw versionConflict(await loadApplication(ctx.db, row.id));
  return updated;
}

/** Parameters every transition template may use, in the recipient's language. */
function messageParams(
  definition: AnyServiceDefinition,
  application: ApplicationRow,
  reason: string | null,
  ctx: AppContext,
): (locale: Locale) => Record<string, string> {
  return (locale) => ({
    number: application.number ?? '',
    service: definition.name[locale],
    status: definition.stateNames[application.status]?.[locale] ?? application.status,
    reason: reason ?? '',
    dueDate: application.dueAt ? shanghaiDay(application.dueAt) : '',
    applicant: application.applicantName,
    link: `${ctx.config.publicUrl ?? `http://localhost:${ctx.config.port}`}/account/applications/${application.id}`,
  });
}

/** Sends what the transition says it sends, in the transaction that commits it. */
async function sendTransitionMessages(
  ctx: AppContext,
  tx: Db,
  definition: AnyServiceDefinition,
  transition: Pick<Transition<string>, 'messages'>,
  application: ApplicationRow,
  reason: string | null,
  extraParams: Record<string, string> = {},
) {
  if (!transition.messages?.length) return;
  const base = messageParams(definition, application, reason, ctx);
  const params = (locale: Locale) => ({ ...base(locale), ...extraParams });
  for (const message of transition.messages) {
    let recipients: string[] = [];
    // an application without an account (人工资料审核) is answered by its service's onDecided
    if (message.to === 'applicant')
      recipients = application.applicantAccountId ? [application.applicantAccountId] : [];
    else if (message.to === 'assignee') recipients = application.assigneeId ? [application.assigneeId] : [];
    else recipients = await findServiceStaff(tx, definition.code, 'supervisor');
    for (const accountId of recipients) {
      await notify(ctx, tx, {
        accountId,
        template: message.template,
        params,
        channels: message.channels,
        category: 'application',
        applicationId: application.id,
        ...(definition.messageLocale ? { fallbackLocale: definition.messageLocale } : {}),
      });
    }
  }
}

/**
 * Submits inside `tx`: the number, the SLA dates and the service's first state, with the
 * timeline event, audit and the service's submission messages. Used by submitApplication and
 * by services that create and submit in one step (registration with review).
 */
export async function submitInTransaction(
  ctx: AppContext,
  tx: Db,
  input: {
    row: ApplicationRow;
    definition: AnyServiceDefinition;
    /** null: a guest's application (createGuestDraft) */
    actorId: string | null;
    ip?: string | null;
    now: Date;
  },
): Promise<Decided> {
  const { row, definition, now } = input;
  const checked = checkedForm(definition, readForm(ctx, row));
  await checkAttachments(tx, definition, row.id, checked);
  const form = definition.beforeSubmit
    ? await definition.beforeSubmit(ctx, tx, { application: row, form: checked })
    : checked;
  const sla = await computeSlaDates(ctx, now, definition.slaWorkingDays, tx);
  const number = await nextApplicationNumber(tx, definition.prefix, now);
  const application = await updateApplicationIfVersion(tx, row.id, row.version, {
    status: definition.submittedState,
    number,
    formEnc: sealForm(ctx, form),
    submittedAt: now,
    dueAt: sla.dueAt,
    remindAt: sla.remindAt,
    updatedAt: now,
  });
  if (!application) throw versionConflict(await loadApplication(tx, row.id));
  const event = await insertEventWithAudit(
    tx,
    {
      applicationId: row.id,
      actorId: input.actorId,
      action: 'submit',
      fromStatus: DRAFT_STATUS,
      toStatus: application.status,
      at: now,
    },
    {
      action: 'application.submit',
      detail: { number, service: definition.code, to: application.status },
      ip: input.ip ?? null,
    },
  );
  if (definition.submitMessages)
    await sendTransitionMessages(
      ctx,
      tx,
      definition,
      { messages: definition.submitMessages },
      application,
      null,
    );
  if (definition.onSubmitted) await definition.onSubmitted(ctx, tx, { application, event });
  return { application, event };
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
  checkedForm(definition, readForm(ctx, row));
  const now = ctx.clock.now();
  const submitted = await ctx.db.transaction((tx) =>
    submitInTransaction(ctx, tx, {
      row,
      definition,
      actorId: input.applicantId,
      ip: input.ip ?? null,
      now,
    }),
  );
  definition.afterSubmitted?.(ctx, submitted);
  return submitted;
}

/**
 * Takes one workflow step on a submitted application. The caller passes the roles the actor
 * holds for this service (an applicant's role set is `{applicant}`, and then only their own
 * application is found). The version check is repeated by the update itself, so of two
 * decisions on the same version exactly one commits; the other gets 409 with the current
 * status and version. A reviewer decides only what is unassigned (it becomes theirs) or
 * assigned to them; a supervisor decides anything.
 */
export async function decide(
  ctx: AppContext,
  input: {
    applicationId: string;
    expectedVersion: number;
    action: string;
    actor: Actor;
    reason?: string | null;
    /** the corrected form, for an applicant's step that accepts one */
    form?: Record<string, unknown>;
    ip?: string | null;
    /** run inside this transaction (a service that changes more in the same commit) */
    tx?: Db;
    /** the application as the caller has just read it (staff routes load it to check visibility) */
    loaded?: ApplicationRow;
    /**
     * called inside the transaction after the step (and after the service's own `onDecided`);
     * may return extra parameters for the step's messages
     */
    // biome-ignore lint/suspicious/noConfusingVoidType: effects that return nothing stay valid
    effects?: (tx: Db, decided: Decided) => Promise<Record<string, string> | undefined | void>;
  },
): Promise<Decided> {
  const { actor } = input;
  const asApplicant = actor.roles.has('applicant');
  const row =
    input.loaded?.id === input.applicationId && !asApplicant
      ? input.loaded
      : await loadApplication(input.tx ?? ctx.db, input.applicationId, asApplicant ? actor.id : undefined);
  const definition = definitionOf(row.serviceCode);
  if (!definition.actions.includes(input.action)) throw fieldError('action', 'field.invalid');
  if (row.version !== input.expectedVersion) throw versionConflict(row);
  // who may take which step from which state: casework.policy.ts, for the engine and the views alike
  authorize(actor, { kind: 'step', action: input.action }, row, definition);
  const transition = stepOf(definition, row, input.action)!;
  const reason = input.reason?.trim() || null;
  if (transition.reasonRequired && !reason) throw fieldError('reason', 'field.required');
  if (reason && reason.length > REASON_MAX) throw fieldError('reason', 'field.too_long');
  const form = transition.acceptsForm ? checkedForm(definition, input.form ?? readForm(ctx, row)) : null;

  const now = ctx.clock.now();
  const sla = transition.restartsSla
    ? await computeSlaDates(ctx, now, definition.slaWorkingDays, input.tx ?? ctx.db)
    : null;
  const isFinal = definition.finalStates.includes(transition.to);
  const work = async (tx: Db): Promise<Decided> => {
    if (form) await checkAttachments(tx, definition, row.id, form);
    const takesIt = transition.role !== 'applicant' && row.assigneeId === null;
    // the next step is another duty's: the application waits for its reviewers, unassigned
    const handedOver = handsOver(definition, transition);
    const application = await updateApplicationIfVersion(tx, row.id, input.expectedVersion, {
      status: transition.to,
      updatedAt: now,
      ...(form ? { formEnc: sealForm(ctx, form) } : {}),
      ...(handedOver
        ? { assigneeId: null, assignedAt: null }
        : takesIt
          ? { assigneeId: actor.id, assignedAt: now }
          : {}),
      ...(isFinal ? { decidedAt: now, remindAt: null } : {}),
      // submitted_at stays the first submission; the SLA runs again from now
      ...(sla ? { dueAt: sla.dueAt, remindAt: sla.remindAt, remindedAt: null } : {}),
    });
    if (!application) throw versionConflict(await loadApplication(tx, row.id));
    const event = await insertEventWithAudit(
      tx,
      {
        applicationId: row.id,
        actorId: actor.id,
        action: input.action,
        fromStatus: row.status,
        toStatus: transition.to,
        reason,
        at: now,
      },
      {
        action: 'application.decide',
        detail: {
          number: row.number,
          service: definition.code,
          action: input.action,
          role: transition.role,
          from: row.status,
          to: transition.to,
        },
        ip: input.ip ?? null,
      },
    );
    const decided = { application, event };
    const serviceParams = definition.onDecided ? await definition.onDecided(ctx, tx, decided) : undefined;
    const callerParams = input.effects ? await input.effects(tx, decided) : undefined;
    await sendTransitionMessages(ctx, tx, definition, transition, application, reason, {
      ...serviceParams,
      ...(callerParams ?? {}),
    });
    return decided;
  };
  if (input.tx) return work(input.tx);
  const decided = await ctx.db.transaction(work);
  try {
    await definition.afterDecided?.(ctx, decided);
  } catch (err) {
    // the decision stands (it has committed): what follows it is logged, not turned into a 500
    ctx.log.error(
      { err, service: definition.code, applicationId: decided.application.id },
      'afterDecided failed',
    );
  }
  return decided;
}
