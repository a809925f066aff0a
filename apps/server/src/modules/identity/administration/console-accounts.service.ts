import {
  type ConsoleAccountPage,
  type ConsoleAccountsQuery,
  isValidMobile,
  type LockoutView,
  type SignInLogPage,
  type SignInLogQuery,
} from '@sw/contracts';
import type { z } from 'zod';
import type { AppContext } from '../../../context.ts';
import { AppError } from '../../../http/app-error.ts';
import { decodeCursor, toPage } from '../../../lib/keyset-cursor.ts';
import { recordAudit } from '../../audit/index.ts';
import { type AccountRow, getAccountById, revokeSessionsOfAccount } from '../identity.repo.ts';
import { type RequestMeta, refreshAccountSessions } from '../sessions.ts';
import { authorize } from './console-accounts.policy.ts';
import {
  presentConsoleAccount,
  presentIdentifier,
  presentLockout,
  presentSignIn,
} from './console-accounts.presenter.ts';
import {
  deleteThrottleByHandle,
  findAccounts,
  findActiveLockouts,
  findSignIns,
  updateAccountStatus,
} from './console-accounts.repo.ts';

type Parsed<T extends z.ZodType> = z.output<T>;

/** Most locks shown at once; more than this many at a time means an attack to handle elsewhere. */
const LOCKOUT_LIST_LIMIT = 500;

export async function listAccounts(
  ctx: AppContext,
  actor: AccountRow,
  query: Parsed<typeof ConsoleAccountsQuery>,
): Promise<ConsoleAccountPage> {
  authorize(actor, 'account.list');
  const text = query.q?.trim() || undefined;
  const rows = await findAccounts(ctx.db, {
    text,
    mobileBidx: text && isValidMobile(text) ? ctx.crypto.blindIndex('mobile', text) : undefined,
    kind: query.kind,
    status: query.status,
    cursor: decodeCursor(query.cursor),
    limit: query.limit,
  });
  return toPage(
    rows,
    query.limit,
    (r) => r.account.id,
    (r) => presentConsoleAccount(r.account, ctx.crypto),
  );
}

/**
 * 停用 / 启用: a disabled account cannot sign in by any method, and every session it has ends
 * at once — on every instance, through the session-cache broadcast.
 */
export async function changeAccountStatus(
  ctx: AppContext,
  actor: AccountRow,
  accountId: string,
  to: 'disabled' | 'active',
  meta: RequestMeta,
) {
  authorize(actor, to === 'disabled' ? 'account.disable' : 'account.enable', { id: accountId });
  const now = ctx.clock.now();
  const updated = await ctx.db.transaction(async (tx) => {
    const current = await getAccountById(tx, accountId);
    if (!current) throw new AppError('request.not_found', { status: 404 });
    // a card-created account not yet activated (no password) is disabled from, and returns to,
    // `inactive`, so it can still be activated afterwards (seed 004 §3.1 账号激活)
    const from = to === 'disabled' ? current.status : 'disabled';
    if (to === 'disabled' && from !== 'active' && from !== 'inactive') {
      throw new AppError('account.status_conflict', { status: 409 });
    }
    const target = to === 'active' && !current.passwordHash && current.organizationId ? 'inactive' : to;
    const row = await updateAccountStatus(tx, accountId, from, target, now);
    if (!row) throw new AppError('account.status_conflict', { status: 409 });
    const signedOut = to === 'disabled' ? (await revokeSessionsOfAccount(tx, accountId, now)).length : 0;
    await recordAudit(tx, {
      actorId: actor.id,
      action: to === 'disabled' ? 'account.disable' : 'account.enable',
      targetType: 'account',
      targetId: accountId,
      detail: { username: row.username, from: current.status, to: target, signedOut },
      ip: meta.ip,
      at: now,
    });
    return row;
  });
  await refreshAccountSessions(ctx, accountId);
  return presentConsoleAccount(updated, ctx.crypto);
}

export async function listLockouts(ctx: AppContext, actor: AccountRow): Promise<LockoutView[]> {
  authorize(actor, 'account.unlock');
  const rows = await findActiveLockouts(ctx.db, ctx.clock.now(), LOCKOUT_LIST_LIMIT);
  return rows.map((row) => presentLockout(row, ctx.crypto, ctx.config.lockout.threshold));
}

/** 账号解锁: forgets the failures of one identifier, so its owner can sign in again at once. */
export async function unlockIdentifier(
  ctx: AppContext,
  actor: AccountRow,
  handle: string,
  meta: RequestMeta,
) {
  authorize(actor, 'account.unlock');
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const removed = await deleteThrottleByHandle(tx, handle);
    if (!removed) throw new AppError('request.not_found', { status: 404 });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'account.unlock',
      targetType: 'sign_in_identifier',
      targetId: handle,
      detail: {
        identifier: presentIdentifier(removed.identifier),
        failures: removed.failures,
        lockedUntil: removed.lockedUntil?.toISOString() ?? null,
        wasLocked: Boolean(removed.lockedUntil && removed.lockedUntil > now),
      },
      ip: meta.ip,
      at: now,
    });
  });
}

/** 登录日志: sign-in attempts, newest first, filtered; a cursor continues where a page ended. */
export async function searchSignIns(
  ctx: AppContext,
  actor: AccountRow,
  query: Parsed<typeof SignInLogQuery>,
): Promise<SignInLogPage> {
  authorize(actor, 'sign_in_log.read');
  const identifier = query.identifier?.trim() || undefined;
  const rows = await findSignIns(ctx.db, {
    identifier,
    mobileBidx:
      identifier && isValidMobile(identifier) ? ctx.crypto.blindIndex('mobile', identifier) : undefined,
    outcome: query.outcome,
    method: query.method,
    ip: query.ip?.trim() || undefined,
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
    cursor: decodeCursor(query.cursor),
    limit: query.limit,
  });
  return toPage(rows, query.limit, (r) => r.entry.id, presentSignIn);
}
