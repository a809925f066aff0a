import type { ErrorCode } from '@sw/contracts';
import { AppError } from '../../http/app-error.ts';
import { dutiesFor, type StaffGrants, type WorkflowRole, workflowRolesFor } from '../identity/index.ts';
import type { ApplicationRow } from './applications.repo.ts';
import { type AnyServiceDefinition, DRAFT_STATUS, type Transition } from './service-definition.ts';

/**
 * Who acts on an application: an account with the workflow roles it holds for the application's
 * service — `{applicant}` for its own applicant, `{reviewer}` / `{supervisor}` for staff (none for
 * a platform admin who holds no role of the service: they see, they do not decide).
 */
export type CaseworkActor = {
  id: string;
  roles: ReadonlySet<WorkflowRole>;
  /** the duties a reviewer is limited to for the service (absent: every duty) */
  duties?: ReadonlySet<string>;
};

/** A staff member as an actor on one service's applications: roles and duties from the grants. */
export function staffActor(id: string, grants: StaffGrants, serviceCode: string): CaseworkActor {
  const duties = dutiesFor(grants, serviceCode);
  return { id, roles: workflowRolesFor(grants, serviceCode), ...(duties ? { duties } : {}) };
}

/** What an actor may want to do with an application. */
export type CaseworkAction =
  | { kind: 'see' }
  | { kind: 'claim' }
  | { kind: 'release' }
  | { kind: 'assign' }
  /** take a step of the workflow (the service's action code) */
  | { kind: 'step'; action: string }
  | { kind: 'edit_attachments' };

/** Whether a set of roles may take a step that belongs to `role` (a supervisor may take a reviewer's). */
export function holdsRole(roles: ReadonlySet<WorkflowRole>, role: WorkflowRole): boolean {
  return roles.has(role) || (role === 'reviewer' && roles.has('supervisor'));
}

function isStaff(actor: CaseworkActor): boolean {
  return actor.roles.has('reviewer') || actor.roles.has('supervisor');
}

function isApplicant(actor: CaseworkActor, application: ApplicationRow): boolean {
  return actor.roles.has('applicant') && application.applicantAccountId === actor.id;
}

/** The step `action` from the application's state, or null. */
export function stepOf(
  definition: AnyServiceDefinition,
  application: Pick<ApplicationRow, 'status'>,
  action: string,
): Transition<string> | null {
  if (!definition.actions.includes(action) || !definition.states.includes(application.status)) return null;
  return definition.transition(application.status, action);
}

/**
 * The reason an actor may not do something, or null when they may. The one place casework's
 * permissions are written: the engine's writes, the console's and the applicant's views, and the
 * permissions sent to the browser all ask it.
 */
export function refusal(
  actor: CaseworkActor,
  action: CaseworkAction,
  application: ApplicationRow,
  definition: AnyServiceDefinition,
): { code: ErrorCode; status: number } | null {
  const open = application.decidedAt === null && application.status !== DRAFT_STATUS;
  const supervisor = actor.roles.has('supervisor');
  switch (action.kind) {
    case 'see':
      return isApplicant(actor, application) || (isStaff(actor) && application.status !== DRAFT_STATUS)
        ? null
        : { code: 'casework.application_not_found', status: 404 };
    case 'claim':
      if (!isStaff(actor)) return { code: 'casework.role_forbidden', status: 403 };
      if (!open) return { code: 'casework.transition_not_allowed', status: 409 };
      return application.assigneeId === null ? null : { code: 'casework.assigned_to_other', status: 409 };
    case 'release':
      if (!isStaff(actor)) return { code: 'casework.role_forbidden', status: 403 };
      if (!open || application.assigneeId === null)
        return { code: 'casework.transition_not_allowed', status: 409 };
      return application.assigneeId === actor.id || supervisor
        ? null
        : { code: 'casework.role_forbidden', status: 403 };
    case 'assign':
      if (!supervisor) return { code: 'casework.role_forbidden', status: 403 };
      return open ? null : { code: 'casework.transition_not_allowed', status: 409 };
    case 'step': {
      const step = stepOf(definition, application, action.action);
      if (!step) return { code: 'casework.transition_not_allowed', status: 409 };
      if (step.role === 'applicant')
        return isApplicant(actor, application) ? null : { code: 'casework.role_forbidden', status: 403 };
      if (!holdsRole(actor.roles, step.role)) return { code: 'casework.role_forbidden', status: 403 };
      if (step.duty !== undefined && !supervisor && actor.duties && !actor.duties.has(step.duty))
        return { code: 'casework.duty_forbidden', status: 403 };
      // a reviewer decides what is unassigned (it becomes theirs) or theirs; a supervisor anything
      if (
        step.role === 'reviewer' &&
        !supervisor &&
        application.assigneeId !== null &&
        application.assigneeId !== actor.id
      )
        return { code: 'casework.assigned_to_other', status: 409 };
      return null;
    }
    case 'edit_attachments': {
      if (!isApplicant(actor, application)) return { code: 'casework.application_not_found', status: 404 };
      if (application.status === DRAFT_STATUS) return null;
      // while returned for correction: a step of the applicant that takes a corrected form
      const mayCorrect = definition.actions.some((a) => {
        const step = stepOf(definition, application, a);
        return step?.role === 'applicant' && step.acceptsForm === true;
      });
      return mayCorrect ? null : { code: 'casework.transition_not_allowed', status: 409 };
    }
    default: {
      const unreachable: never = action;
      throw new Error(`unknown casework action ${JSON.stringify(unreachable)}`);
    }
  }
}

/** Whether the actor may do it. */
export function can(
  actor: CaseworkActor,
  action: CaseworkAction,
  application: ApplicationRow,
  definition: AnyServiceDefinition,
): boolean {
  return refusal(actor, action, application, definition) === null;
}

/** Throws the refusal as a problem (403, 404 or 409 with its code) unless the actor may do it. */
export function authorize(
  actor: CaseworkActor,
  action: CaseworkAction,
  application: ApplicationRow,
  definition: AnyServiceDefinition,
): void {
  const refused = refusal(actor, action, application, definition);
  if (refused) throw new AppError(refused.code, { status: refused.status });
}

/** The workflow steps the actor may take now, in the service's order. */
export function stepsAllowed(
  actor: CaseworkActor,
  application: ApplicationRow,
  definition: AnyServiceDefinition,
): { action: string; step: Transition<string> }[] {
  return definition.actions.flatMap((action) => {
    const step = stepOf(definition, application, action);
    return step && can(actor, { kind: 'step', action }, application, definition) ? [{ action, step }] : [];
  });
}

/** What the console and the applicant's page may offer: the same answers the engine will give. */
export function permissionsOf(
  actor: CaseworkActor,
  application: ApplicationRow,
  definition: AnyServiceDefinition,
) {
  return {
    canClaim: can(actor, { kind: 'claim' }, application, definition),
    canRelease: can(actor, { kind: 'release' }, application, definition),
    canAssign: can(actor, { kind: 'assign' }, application, definition),
    canEditAttachments: can(actor, { kind: 'edit_attachments' }, application, definition),
    steps: stepsAllowed(actor, application, definition),
  };
}
