import type {
  AccountKind,
  AttachmentRuleContract,
  FieldMetaMap,
  Locale,
  Localized,
  RealNameLevel,
  ServiceContract,
  StateTone,
} from '@sw/contracts';
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { registerRoleService, type WorkflowRole } from '../identity/index.ts';
import type { NotificationChannel } from '../messaging/index.ts';
import type { ApplicationEventRow, ApplicationRow } from './applications.repo.ts';

export type { WorkflowRole };

/** One allowed step: where it leads, who may take it, whether a reason must be given. */
export type Transition<State extends string> = {
  to: State;
  role: WorkflowRole;
  /** the duty (岗位) of the service this step belongs to: a reviewer limited to others may not take it */
  duty?: string;
  reasonRequired: boolean;
  /** the SLA starts again (a resubmission after 退回补正) */
  restartsSla?: boolean;
  /** the applicant sends a corrected form with it (checked in full, as at submission) */
  acceptsForm?: boolean;
  /** what this step tells whom, through which channels, with which template */
  messages?: readonly TransitionMessage[];
};

/** A message sent when a transition commits (in the same transaction, through the outbox). */
export type TransitionMessage = {
  /** the applicant; the assignee; every supervisor of the service */
  to: 'applicant' | 'assignee' | 'supervisors';
  channels: readonly NotificationChannel[];
  /** a key registered with registerMessageTemplates; params: number, service, status, reason, dueDate, link */
  template: string;
};

/** An attachment slot (issue 4 §1): the contract's type; `required` may depend on the form. */
export type AttachmentRule = AttachmentRuleContract;

/**
 * An online service (事项) as the casework engine sees it (issue 4 §1). The workflow is a
 * function over states and actions written with exhaustive `switch`es ending in
 * `unhandled(x)`, so adding a state or an action does not compile until every case says
 * what it allows; `null` means "not from here".
 */
export type ServiceDefinition<State extends string, Action extends string> = {
  code: string;
  /** 2–6 capital letters opening every application number, e.g. `QYZC` */
  prefix: string;
  /** what the catalogue, the guide and the views need (the service's contract.ts) */
  contract: ServiceContract;
  /** field metadata (from the contract): labels, value names, personal data and its masking */
  fields: FieldMetaMap;
  name: Record<Locale, string>;
  applicantKinds: readonly AccountKind[];
  realNameLevel: RealNameLevel;
  /** the application form; checked in full at submission (a draft may be incomplete) */
  form: z.ZodType<Record<string, unknown>>;
  /** time to decide, in working days of the calendar (调休 included) */
  slaWorkingDays: number;
  /** every state and action, for checking what the database or a caller hands over */
  states: readonly State[];
  actions: readonly Action[];
  /** the state a draft enters on submission */
  submittedState: State;
  /** states after which nothing more happens (办结); the applicant's progress shows them last */
  finalStates: readonly State[];
  /** labels of states and actions, for the applicant, the console and the timeline */
  stateNames: Record<State, Record<Locale, string>>;
  /** how each state is shown (colour) */
  stateTones: Record<State, StateTone>;
  actionNames: Record<Action, Record<Locale, string>>;
  /** how this service names its staff roles (a customs reviewer is 海关审核员) */
  roleNames: { reviewer: Localized; supervisor: Localized };
  /**
   * The duties (岗位) its reviewers' steps are divided into, by code (港车北上: 粤港审批, 验车、保险核验,
   * 发牌). A reviewer may be granted some of them only; steps name theirs in `duty`.
   */
  duties?: Readonly<Record<string, Localized>>;
  attachments: readonly AttachmentRule[];
  /**
   * Files for its attachment slots may be uploaded without an account (registration with
   * review: the applicant has none yet). Such a file carries a one-time upload token until the
   * submission that names it claims it (files/claimUploads).
   */
  anonymousUploads?: boolean;
  /** ready-made reasons the decision form offers per action (zh-CN; staff may edit them) */
  reasonTemplates?: Partial<Record<Action, readonly string[]>>;
  /** what submission tells whom (e.g. the applicant's receipt with the due date) */
  submitMessages?: readonly TransitionMessage[];
  /** the locale of its messages when the recipient has none (zh-HK for 港车北上) */
  messageLocale?: Locale;
  /**
   * What a workflow step changes beyond the application, in the transaction that commits it,
   * whoever takes the step through whichever route (registration with review: approval
   * activates the organization; a rejection makes the correction link). It may return extra
   * parameters for the step's messages (e.g. `correctionLink`).
   */
  onDecided?(
    ctx: AppContext,
    tx: Db,
    decided: { application: ApplicationRow; event: ApplicationEventRow },
  ): Promise<Record<string, string> | undefined>;
  /**
   * After a step has committed (not when the caller runs it inside its own transaction): what
   * must wait for the commit, e.g. ending cached sessions on every instance.
   */
  afterDecided?(
    ctx: AppContext,
    decided: { application: ApplicationRow; event: ApplicationEventRow },
  ): Promise<void>;
  /**
   * At submission, after the form passed its schema and before anything is written: checks
   * against the service's own data (a certificate type still offered) and returns the form to
   * store (e.g. with a name resolved from a code). Throws AppError with field errors to refuse.
   */
  beforeSubmit?(
    ctx: AppContext,
    tx: Db,
    input: { application: ApplicationRow; form: Record<string, unknown> },
  ): Promise<Record<string, unknown>>;
  /** after a submission, in its transaction (record it, ask an agency through a durable job …) */
  onSubmitted?(
    ctx: AppContext,
    tx: Db,
    submitted: { application: ApplicationRow; event: ApplicationEventRow },
  ): Promise<void>;
  /** after a submission has committed (kick the job onSubmitted wrote, so it runs at once) */
  afterSubmitted?(ctx: AppContext, submitted: { application: ApplicationRow }): void;
  /** what a state means to the applicant, shown with it (002 §3.3: 「请企业携带证书前往海关…」) */
  stateNotes?: Partial<Record<State, Localized>>;
  /** its own routes (under /api/services/<code>/… by convention), registered by the loader */
  routes?: (app: FastifyInstance, opts: { ctx: AppContext }) => Promise<void>;
  /** once at start-up: job handlers, adapters, hooks into other modules, reference data */
  setup?(ctx: AppContext): void | Promise<void>;
  /** periodic work on every instance (each pass must be safe to run on several at once) */
  timers?: readonly { name: string; everyMs: number; run(ctx: AppContext): Promise<void> }[];
  // method syntax on purpose: a definition of narrower State/Action is then assignable to
  // AnyServiceDefinition; the engine checks states and actions against the lists above first
  transition(state: State, action: Action): Transition<State> | null;
};

/** The status of an application before its submission; no workflow state may use it. */
export const DRAFT_STATUS = 'draft';

/** Any service's definition, as the engine holds them (see the note on `transition`). */
export type AnyServiceDefinition = ServiceDefinition<string, string>;

/** The `never` check closing an exhaustive `switch`: fails to compile while a case is missing. */
export function unhandled(value: never): never {
  throw new Error(`unhandled workflow case: ${String(value)}`);
}

const definitions = new Map<string, AnyServiceDefinition>();

/** Adds a service to the casework engine; each service folder calls this once. */
export function registerCaseworkService<S extends string, A extends string>(
  definition: ServiceDefinition<S, A>,
) {
  if (definitions.has(definition.code))
    throw new Error(`casework service ${definition.code} registered twice`);
  if (!/^[A-Z]{2,6}$/.test(definition.prefix)) throw new Error(`bad number prefix ${definition.prefix}`);
  if ((definition.states as readonly string[]).includes(DRAFT_STATUS))
    throw new Error(`${definition.code}: "${DRAFT_STATUS}" is the engine's own status`);
  for (const other of definitions.values()) {
    if (other.prefix === definition.prefix)
      throw new Error(`number prefix ${definition.prefix} used by ${other.code} and ${definition.code}`);
  }
  const duties = Object.keys(definition.duties ?? {});
  for (const state of definition.states) {
    for (const action of definition.actions) {
      const duty = definition.transition(state, action)?.duty;
      if (duty !== undefined && !duties.includes(duty))
        throw new Error(`${definition.code}: step ${state} → ${action} names an undeclared duty ${duty}`);
    }
  }
  definitions.set(definition.code, definition);
  registerRoleService(definition.code, duties);
}

export function findCaseworkService(code: string): AnyServiceDefinition | undefined {
  return definitions.get(code);
}

export function listCaseworkServices(): AnyServiceDefinition[] {
  return [...definitions.values()];
}

/**
 * Whether a step hands the application on to another duty (岗位): it belongs to a duty, and the
 * staff steps from the state it leads to belong to other duties only. The application then leaves
 * its assignee and waits, unassigned, for the next duty's reviewers.
 */
export function handsOver(definition: AnyServiceDefinition, step: Transition<string>): boolean {
  if (step.duty === undefined) return false;
  const next = new Set<string>();
  for (const action of definition.actions) {
    const after = definition.transition(step.to, action);
    if (after && after.role !== 'applicant' && after.duty !== undefined) next.add(after.duty);
  }
  return next.size > 0 && !next.has(step.duty);
}

/** Whether an attachment slot must be filled for this form. */
export function isAttachmentRequired(rule: AttachmentRule, form: Record<string, unknown>): boolean {
  return typeof rule.required === 'function' ? rule.required(form) : rule.required;
}

const DEFAULT_ROLE_NAMES = {
  reviewer: { 'zh-CN': '审核人员', 'zh-HK': '審核人員', en: 'Reviewer' },
  supervisor: { 'zh-CN': '审核主管', 'zh-HK': '審核主管', en: 'Supervisor' },
} as const;

/** What a service folder declares: its contract plus the workflow and what it runs on the server. */
export type ServiceSpec<State extends string, Action extends string> = Omit<
  ServiceDefinition<State, Action>,
  'code' | 'name' | 'applicantKinds' | 'realNameLevel' | 'form' | 'fields' | 'attachments' | 'roleNames'
> & { roleNames?: ServiceDefinition<State, Action>['roleNames'] };

/**
 * The one way a business service joins the platform (issue 10 §2): its catalogue entry, form and
 * field metadata come from its contract (shared with the web), its workflow, SLA, messages, roles,
 * hooks, routes and timers from here. The service folder's `service.ts` default-exports the result;
 * the loader finds it (casework/service-loader.ts) — no shared file names the service.
 */
export function defineService<State extends string, Action extends string>(
  spec: ServiceSpec<State, Action>,
): ServiceDefinition<State, Action> {
  const { contract } = spec;
  const definition: ServiceDefinition<State, Action> = {
    ...spec,
    code: contract.code,
    name: contract.catalogue.name,
    applicantKinds: contract.catalogue.audience,
    realNameLevel: contract.catalogue.realNameLevel,
    form: contract.form,
    fields: contract.fields,
    attachments: contract.attachments,
    roleNames: spec.roleNames ?? DEFAULT_ROLE_NAMES,
  };
  registerCaseworkService(definition);
  return definition;
}
