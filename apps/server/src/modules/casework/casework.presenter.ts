import type {
  AllowedAction,
  ApplicationProgress,
  ApplicationSummary,
  AttachmentRuleView,
  Localized,
  StateTone,
} from '@sw/contracts';
import type { ApplicationEventRow, ApplicationRow } from './applications.repo.ts';
import { type WorkingCalendar, workingDaysBetween } from './calendar/working-days.ts';
import { type CaseworkActor, stepsAllowed } from './casework.policy.ts';
import { type AnyServiceDefinition, DRAFT_STATUS, isAttachmentRequired } from './service-definition.ts';

const DRAFT_NAME: Localized = { 'zh-CN': '草稿', 'zh-HK': '草稿', en: 'Draft' };

/** Names of the engine's own timeline actions (the workflow's come from the service). */
const ENGINE_ACTIONS: Record<string, Localized> = {
  create: { 'zh-CN': '创建草稿', 'zh-HK': '建立草稿', en: 'Draft created' },
  submit: { 'zh-CN': '提交申请', 'zh-HK': '提交申請', en: 'Submitted' },
  claim: { 'zh-CN': '领取', 'zh-HK': '領取', en: 'Claimed' },
  release: { 'zh-CN': '释放', 'zh-HK': '釋放', en: 'Released' },
  assign: { 'zh-CN': '指派', 'zh-HK': '指派', en: 'Assigned' },
};

export function stateName(definition: AnyServiceDefinition, status: string): Localized {
  if (status === DRAFT_STATUS) return DRAFT_NAME;
  return definition.stateNames[status] ?? { 'zh-CN': status, 'zh-HK': status, en: status };
}

export function actionName(definition: AnyServiceDefinition, action: string): Localized {
  return (
    ENGINE_ACTIONS[action] ??
    definition.actionNames[action] ?? { 'zh-CN': action, 'zh-HK': action, en: action }
  );
}

export function isOverdue(row: Pick<ApplicationRow, 'dueAt' | 'decidedAt'>, now: Date): boolean {
  return row.dueAt !== null && row.decidedAt === null && row.dueAt.getTime() < now.getTime();
}

/** The colour of a state: the service says; a draft is grey. */
export function stateTone(definition: AnyServiceDefinition, status: string): StateTone {
  return status === DRAFT_STATUS ? 'default' : (definition.stateTones[status] ?? 'default');
}

/**
 * One line of a list. With the working-day calendar, `workingDaysLeft` counts the working days
 * to the due date (「剩余 2 个工作日」): the SLA is in working days, so is what is left of it.
 */
export function presentSummary(
  definition: AnyServiceDefinition,
  row: ApplicationRow,
  now: Date,
  calendar?: WorkingCalendar,
): ApplicationSummary {
  return {
    id: row.id,
    number: row.number,
    serviceCode: row.serviceCode,
    serviceName: definition.name,
    status: row.status,
    statusName: stateName(definition, row.status),
    statusTone: stateTone(definition, row.status),
    statusNote: definition.stateNotes?.[row.status] ?? null,
    final: definition.finalStates.includes(row.status),
    version: row.version,
    applicantName: row.applicantName,
    applicantCode: row.applicantCode,
    createdAt: row.createdAt.toISOString(),
    submittedAt: row.submittedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
    dueAt: row.dueAt?.toISOString() ?? null,
    overdue: isOverdue(row, now),
    workingDaysLeft:
      calendar && row.dueAt && row.decidedAt === null ? workingDaysBetween(now, row.dueAt, calendar) : null,
    decidedAt: row.decidedAt?.toISOString() ?? null,
  };
}

/**
 * 提交申请 → 审核中 → 办结. A state from which the applicant must act (退回补正) shows the
 * middle step in error, as does a final state that is not the first of the final states
 * (the service lists its happy ending first).
 */
export function progressOf(
  definition: AnyServiceDefinition,
  row: ApplicationRow,
  applicantMustAct: boolean,
): ApplicationProgress {
  if (row.status === DRAFT_STATUS) return { current: 0, status: 'process' };
  const finalIndex = definition.finalStates.indexOf(row.status);
  if (finalIndex === 0) return { current: 2, status: 'finish' };
  if (finalIndex > 0) return { current: 2, status: 'error' };
  return { current: 1, status: applicantMustAct ? 'error' : 'process' };
}

/** The steps the actor may take now (casework.policy.ts), as the browser offers them. */
export function allowedActions(
  definition: AnyServiceDefinition,
  row: ApplicationRow,
  actor: CaseworkActor,
): AllowedAction[] {
  return stepsAllowed(actor, row, definition).map(({ action, step }) => ({
    action,
    name: actionName(definition, action),
    reasonRequired: step.reasonRequired,
    acceptsForm: step.acceptsForm ?? false,
    reasonTemplates: [...(definition.reasonTemplates?.[action] ?? [])],
  }));
}

export function attachmentRules(
  definition: AnyServiceDefinition,
  form: Record<string, unknown>,
): AttachmentRuleView[] {
  return definition.attachments.map((rule) => ({
    slot: rule.slot,
    name: rule.name,
    required: isAttachmentRequired(rule, form),
    types: [...rule.types],
    maxBytes: rule.maxBytes,
    maxCount: rule.maxCount,
  }));
}

export function presentEvent(
  definition: AnyServiceDefinition,
  event: ApplicationEventRow,
  actorLabel: string,
) {
  return {
    id: event.id,
    action: event.action,
    actionName: actionName(definition, event.action),
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    toStatusName: stateName(definition, event.toStatus),
    toStatusTone: stateTone(definition, event.toStatus),
    actorLabel,
    reason: event.reason,
    at: event.at.toISOString(),
  };
}
