import type { Locale } from '@sw/contracts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import type { AccountRow } from '../identity/index.ts';
import { findServiceStaff, type StaffGrants } from '../identity/index.ts';
import { notify } from '../messaging/index.ts';
import { insertEventWithAudit, updateApplicationIfVersion } from './applications.repo.ts';
import { definitionOf, loadApplication } from './applications.service.ts';
import { shanghaiDay } from './calendar/working-days.ts';
import './casework.messages.ts';
import { authorize, staffActor } from './casework.policy.ts';
import { loadForStaff } from './casework.views.ts';

export type AssignmentChange =
  | { kind: 'claim' }
  | { kind: 'release' }
  | { kind: 'assign'; assigneeId: string };

function conflict(status: string, version: number) {
  return new AppError('casework.version_conflict', {
    status: 409,
    extensions: { current: { status, version } },
  });
}

/**
 * 领取 (a reviewer takes an unassigned application), 释放 (the assignee or a supervisor gives it
 * back), 指派 (a supervisor gives it to a reviewer of the service). Each is a versioned change
 * with a timeline event and an audit row; an assignment by someone else tells the assignee.
 */
export async function changeAssignment(
  ctx: AppContext,
  staff: AccountRow,
  grants: StaffGrants,
  input: { applicationId: string; expectedVersion: number; change: AssignmentChange; ip: string | null },
) {
  const row = await loadForStaff(ctx.db, grants, input.applicationId);
  const definition = definitionOf(row.serviceCode);
  const actor = staffActor(staff.id, grants, row.serviceCode);
  const { change } = input;
  if (!actor.roles.has('reviewer') && !actor.roles.has('supervisor'))
    throw new AppError('casework.role_forbidden', { status: 403 });
  if (row.version !== input.expectedVersion) throw conflict(row.status, row.version);
  authorize(actor, { kind: change.kind }, row, definition);
  let assigneeId: string | null;
  if (change.kind === 'claim') {
    assigneeId = staff.id;
  } else if (change.kind === 'release') {
    assigneeId = null;
  } else {
    const eligible = new Set([
      ...(await findServiceStaff(ctx.db, row.serviceCode, 'reviewer')),
      ...(await findServiceStaff(ctx.db, row.serviceCode, 'supervisor')),
    ]);
    if (!eligible.has(change.assigneeId))
      throw new AppError('casework.assignee_not_eligible', {
        status: 400,
        fieldErrors: [{ path: 'assigneeId', code: 'casework.assignee_not_eligible' }],
      });
    assigneeId = change.assigneeId;
  }
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const updated = await updateApplicationIfVersion(tx, row.id, input.expectedVersion, {
      assigneeId,
      assignedAt: assigneeId ? now : null,
      updatedAt: now,
    });
    if (!updated) {
      const current = await loadApplication(tx, row.id);
      throw conflict(current.status, current.version);
    }
    await insertEventWithAudit(
      tx,
      {
        applicationId: row.id,
        actorId: staff.id,
        action: change.kind,
        fromStatus: row.status,
        toStatus: row.status,
        at: now,
      },
      {
        action: `application.${change.kind}`,
        detail: { number: row.number, service: row.serviceCode, from: row.assigneeId, to: assigneeId },
        ip: input.ip,
      },
    );
    if (change.kind === 'assign' && assigneeId !== staff.id) {
      await notify(ctx, tx, {
        accountId: change.assigneeId,
        template: 'casework.assigned',
        params: (locale: Locale) => ({
          number: row.number ?? '',
          service: definition.name[locale],
          applicant: row.applicantName,
          dueDate: updated.dueAt ? shanghaiDay(updated.dueAt) : '',
        }),
        channels: ['inbox'],
        category: 'assignment',
        applicationId: row.id,
      });
    }
    return updated;
  });
}
