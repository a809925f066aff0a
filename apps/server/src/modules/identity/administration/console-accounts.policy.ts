import { AppError } from '../../../http/app-error.ts';
import type { AccountRow } from '../identity.repo.ts';

export type ConsoleAccountAction =
  | 'account.list'
  | 'account.create_department_user'
  | 'account.disable'
  | 'account.enable'
  | 'account.unlock'
  | 'sign_in_log.read';

/** Account administration is staff work; nobody disables their own account (and locks themselves out). */
export function can(actor: AccountRow, action: ConsoleAccountAction, target?: { id: string }): boolean {
  if (actor.kind !== 'staff') return false;
  if (action === 'account.disable' && target?.id === actor.id) return false;
  return true;
}

export function authorize(actor: AccountRow, action: ConsoleAccountAction, target?: { id: string }) {
  if (can(actor, action, target)) return;
  if (actor.kind === 'staff' && action === 'account.disable') {
    throw new AppError('account.cannot_disable_self', { status: 403 });
  }
  throw new AppError('auth.forbidden', { status: 403 });
}
