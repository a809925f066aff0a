import { AppError } from '../../../http/app-error.ts';
import type { AccountRow } from '../../identity/index.ts';

export type CalendarAction = 'calendar.read' | 'calendar.edit';

/**
 * The working-day calendar is read and edited by platform admins. Until staff roles exist
 * (issue 4 §6) every staff account is a platform admin.
 */
export function can(actor: AccountRow, _action: CalendarAction): boolean {
  return actor.kind === 'staff';
}

export function authorize(actor: AccountRow, action: CalendarAction) {
  if (!can(actor, action)) throw new AppError('auth.forbidden', { status: 403 });
}
