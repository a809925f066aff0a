import { AppError } from '../../../http/app-error.ts';
import type { AccountRow } from '../identity.repo.ts';
import type { OrganizationRow } from './organization.presenter.ts';

export type OrganizationAction =
  /** 补充所在国家(地区)注册编号 (seed 004 §3.1): the overseas enterprise's own account */
  'supplement_registration_no';

/** May `actor` do `action` to organization `org`? */
export function can(actor: AccountRow, action: OrganizationAction, org: OrganizationRow): boolean {
  switch (action) {
    case 'supplement_registration_no':
      return actor.kind === 'overseas' && org.kind === 'overseas' && actor.organizationId === org.id;
    default: {
      const unhandled: never = action;
      return unhandled;
    }
  }
}

/** Throws 403 `auth.forbidden` unless `can(actor, action, org)`. */
export function authorize(actor: AccountRow, action: OrganizationAction, org: OrganizationRow): void {
  if (!can(actor, action, org)) throw new AppError('auth.forbidden', { status: 403 });
}
