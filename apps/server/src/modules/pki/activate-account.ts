import type { ActivateAccountBody } from '@sw/contracts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/index.ts';
import type { Auth } from '../identity/index.ts';
import {
  activateInactiveAccount,
  hashPassword,
  presentAccount,
  refreshAccountSessions,
} from '../identity/index.ts';

/**
 * 账号激活 (seed 004 §3.1): an account the card rules created is inactive and has no password;
 * signed in with the card, its holder sets a password and the account becomes active, so
 * username and password sign in from then on.
 */
export async function activateAccount(ctx: AppContext, auth: Auth, body: ActivateAccountBody, ip: string) {
  if (auth.session.method !== 'card') throw new AppError('account.activation_requires_card', { status: 403 });
  if (auth.account.status !== 'inactive') throw new AppError('account.already_active', { status: 409 });
  const passwordHash = await hashPassword(body.password);
  const now = ctx.clock.now();
  const account = await ctx.db.transaction(async (tx) => {
    // conditional: of two concurrent activations only one sets the password
    const row = await activateInactiveAccount(tx, auth.account.id, passwordHash, now);
    if (!row) throw new AppError('account.already_active', { status: 409 });
    await recordAudit(tx, {
      actorId: row.id,
      action: 'account.activate',
      targetType: 'account',
      targetId: row.id,
      detail: { username: row.username },
      ip,
      at: now,
    });
    return row;
  });
  await refreshAccountSessions(ctx, account.id);
  return presentAccount(account, ctx.crypto);
}
