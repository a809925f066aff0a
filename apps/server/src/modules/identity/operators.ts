import {
  maskIdNumber,
  maskMobile,
  type OperatorQuery,
  type OperatorView,
  type UpdateOperatorBody,
} from '@sw/contracts';
import { and, asc, eq, ilike, isNull } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { accounts } from '../../db/schema/identity.ts';
import { AppError, fieldError } from '../../http/app-error.ts';
import { isUniqueViolation } from '../../lib/pg-errors.ts';
import { recordAudit } from '../audit/index.ts';
import { requireAdministrator } from './account-settings.ts';
import type { Auth } from './auth.ts';
import { revokeSessionsOfAccount } from './identity.repo.ts';
import { hashPassword } from './passwords.ts';
import { type RequestMeta, refreshAccountSessions } from './sessions.ts';

/*
 * 我的操作员 (seed 004 §3.2): the organization's administrator lists (查询 by 用户名 / 姓名), edits
 * (修改: all but the username; the mobile an administrator mistyped, so the first-sign-in SMS can
 * arrive), enables and disables (账号状态), deletes (删除; the row stays for the audit, the operator
 * leaves the organization's list and can no longer sign in) and resets the password of operators.
 * 「操作员绑卡成功，但管理员未绑卡，管理员不可对操作员进行修改或删除」: which accounts hold a bound card
 * is pki's knowledge, given to this module through `setCardHolderLookup` (pki registers it).
 */

export const OPERATOR_INITIAL_PASSWORD = '88888888';

type CardHolderLookup = (db: Db, accountIds: string[]) => Promise<Set<string>>;
let cardHolders: CardHolderLookup = async () => new Set();

/** pki tells identity which accounts hold a live bound card (no import of pki from here). */
export function setCardHolderLookup(lookup: CardHolderLookup) {
  cardHolders = lookup;
}

type Row = typeof accounts.$inferSelect;

function present(ctx: AppContext, row: Row, cardBound: boolean): OperatorView {
  return {
    id: row.id,
    username: row.username,
    name: row.name,
    idType: row.idType,
    idNumberMasked: row.idNumberEnc ? maskIdNumber(ctx.crypto.decrypt(row.idNumberEnc)) : null,
    mobileMasked: row.mobileEnc ? maskMobile(ctx.crypto.decrypt(row.mobileEnc)) : null,
    status: row.status,
    idValidFrom: row.idValidFrom,
    idValidTo: row.idValidTo,
    cardBound,
    firstSignInPending: row.mustVerifyMobile || row.mustChangePassword,
    createdAt: row.createdAt.toISOString(),
  };
}

function escapeLike(v: string) {
  return v.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** 查询: the organization's operators, optionally by 用户名 and 姓名 (contains, case-insensitive). */
export async function searchOperators(
  ctx: AppContext,
  auth: Auth,
  query: OperatorQuery,
): Promise<OperatorView[]> {
  const organizationId = requireAdministrator(auth);
  const rows = await ctx.db
    .select()
    .from(accounts)
    .where(
      and(
        eq(accounts.organizationId, organizationId),
        eq(accounts.kind, 'enterprise_operator'),
        isNull(accounts.deletedAt),
        ...(query.username ? [ilike(accounts.username, `%${escapeLike(query.username)}%`)] : []),
        ...(query.name ? [ilike(accounts.name, `%${escapeLike(query.name)}%`)] : []),
      ),
    )
    .orderBy(asc(accounts.createdAt));
  const holders = await cardHolders(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => present(ctx, r, holders.has(r.id)));
}

/** The operator, in the administrator's organization, that the administrator may change. */
async function changeable(db: Db, auth: Auth, id: string): Promise<{ row: Row; cardBound: boolean }> {
  const organizationId = requireAdministrator(auth);
  const [row] = await db
    .select()
    .from(accounts)
    .where(
      and(
        eq(accounts.id, id),
        eq(accounts.organizationId, organizationId),
        eq(accounts.kind, 'enterprise_operator'),
        isNull(accounts.deletedAt),
      ),
    )
    .limit(1)
    .for('update');
  if (!row) throw new AppError('operator.not_found', { status: 404 });
  const holders = await cardHolders(db, [row.id, auth.account.id]);
  if (holders.has(row.id) && !holders.has(auth.account.id)) {
    throw new AppError('operator.card_bound', { status: 403 });
  }
  return { row, cardBound: holders.has(row.id) };
}

export async function updateOperator(
  ctx: AppContext,
  auth: Auth,
  id: string,
  body: UpdateOperatorBody,
  meta: RequestMeta,
): Promise<OperatorView> {
  const now = ctx.clock.now();
  const idBidx = ctx.crypto.blindIndex(`id:${body.idType}`, body.idNumber);
  try {
    const result = await ctx.db.transaction(async (tx) => {
      const { row, cardBound } = await changeable(tx, auth, id);
      const identityChanged =
        row.name !== body.name ||
        row.idType !== body.idType ||
        row.idNumberBidx !== idBidx ||
        (body.idValidFrom !== undefined && row.idValidFrom !== body.idValidFrom) ||
        (body.idValidTo !== undefined && row.idValidTo !== body.idValidTo);
      const mobileBidx = ctx.crypto.blindIndex('mobile', body.mobile);
      const [updated] = await tx
        .update(accounts)
        .set({
          name: body.name,
          idType: body.idType,
          idNumberEnc: ctx.crypto.encrypt(body.idNumber),
          idNumberBidx: idBidx,
          ...(body.idValidFrom !== undefined ? { idValidFrom: body.idValidFrom } : {}),
          ...(body.idValidTo !== undefined ? { idValidTo: body.idValidTo } : {}),
          ...(mobileBidx !== row.mobileBidx
            ? { mobileEnc: ctx.crypto.encrypt(body.mobile), mobileBidx, mobileVerifiedAt: null }
            : {}),
          status: body.status,
          // 004 §3.1: a changed identity ends the real-name verification
          ...(identityChanged ? { realNameLevel: 'none' as const } : {}),
          updatedAt: now,
        })
        .where(eq(accounts.id, row.id))
        .returning();
      if (body.status === 'disabled' && row.status !== 'disabled')
        await revokeSessionsOfAccount(tx, row.id, now);
      await recordAudit(tx, {
        actorId: auth.account.id,
        action: 'operator.update',
        targetType: 'account',
        targetId: row.id,
        detail: {
          username: row.username,
          status: body.status,
          identityChanged,
          mobileChanged: mobileBidx !== row.mobileBidx,
        },
        ip: meta.ip,
        at: now,
      });
      return present(ctx, updated!, cardBound);
    });
    await refreshAccountSessions(ctx, id);
    return result;
  } catch (error) {
    if (isUniqueViolation(error) === 'accounts_operator_id_uq')
      throw fieldError('idNumber', 'account.operator_id_taken', 409);
    throw error;
  }
}

/** 删除: irreversible; the operator leaves the list, cannot sign in, and its ID may be used again. */
export async function deleteOperator(
  ctx: AppContext,
  auth: Auth,
  id: string,
  meta: RequestMeta,
): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const { row } = await changeable(tx, auth, id);
    await tx
      .update(accounts)
      .set({ deletedAt: now, status: 'disabled', phoneLoginEnabled: false, updatedAt: now })
      .where(eq(accounts.id, row.id));
    await revokeSessionsOfAccount(tx, row.id, now);
    await recordAudit(tx, {
      actorId: auth.account.id,
      action: 'operator.delete',
      targetType: 'account',
      targetId: row.id,
      detail: { username: row.username },
      ip: meta.ip,
      at: now,
    });
  });
  await refreshAccountSessions(ctx, id);
}

/** 重置: the initial password again; the operator proves the mobile and changes it at next sign-in. */
export async function resetOperatorPassword(
  ctx: AppContext,
  auth: Auth,
  id: string,
  meta: RequestMeta,
): Promise<OperatorView> {
  const passwordHash = await hashPassword(OPERATOR_INITIAL_PASSWORD);
  const now = ctx.clock.now();
  const view = await ctx.db.transaction(async (tx) => {
    const { row, cardBound } = await changeable(tx, auth, id);
    const [updated] = await tx
      .update(accounts)
      .set({ passwordHash, mustChangePassword: true, mustVerifyMobile: true, updatedAt: now })
      .where(eq(accounts.id, row.id))
      .returning();
    await revokeSessionsOfAccount(tx, row.id, now);
    await recordAudit(tx, {
      actorId: auth.account.id,
      action: 'operator.reset_password',
      targetType: 'account',
      targetId: row.id,
      detail: { username: row.username },
      ip: meta.ip,
      at: now,
    });
    return present(ctx, updated!, cardBound);
  });
  await refreshAccountSessions(ctx, id);
  return view;
}
