import type { AccountView, CatalogueItem, RealNameLevel } from '@sw/contracts';
import { REAL_NAME_LEVELS } from '@sw/contracts';

/** Why 「在线办理」 cannot go ahead for this visitor, or `null` when it can. */
export type ApplyRefusal =
  | { reason: 'signIn' }
  | { reason: 'admin' }
  | { reason: 'kind' }
  | { reason: 'level'; current: RealNameLevel }
  | { reason: 'noPages' };

type GateInput = {
  item: Pick<CatalogueItem, 'audience' | 'realNameLevel'>;
  /** the signed-in account; null when signed out */
  account: Pick<AccountView, 'kind' | 'realNameLevel'> | null;
  /** the web app has pages for it */
  hasPages: boolean;
  /** applied for before having an account (registration) */
  guests: boolean;
};

/**
 * The checks of 「在线办理」 (issue 10 §4), in the order a person fixes them: pages exist, signed in,
 * an administrator does no business (seed 004 重要提醒), the account kind may apply, the real-name
 * level is enough. The server checks the same again when the application is made.
 */
export function applyRefusal({ item, account, hasPages, guests }: GateInput): ApplyRefusal | null {
  if (!hasPages) return { reason: 'noPages' };
  if (guests && !account) return null;
  if (!account) return { reason: 'signIn' };
  if (guests) return null;
  const { kind } = account;
  const isAdmin = kind === 'enterprise_admin' || kind === 'institution_admin';
  if (!item.audience.includes(kind)) return isAdmin ? { reason: 'admin' } : { reason: 'kind' };
  if (REAL_NAME_LEVELS.indexOf(account.realNameLevel) < REAL_NAME_LEVELS.indexOf(item.realNameLevel))
    return { reason: 'level', current: account.realNameLevel };
  return null;
}
