import {
  maskIdNumber,
  REAL_NAME_LEVELS,
  type RealNameBankCardBody,
  type RealNameFaceBody,
  type RealNameLevel,
  type RealNameMethod,
  type RealNameView,
} from '@sw/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { accounts } from '../../db/schema/identity.ts';
import { AppError, fieldError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/index.ts';
import { callAgency } from './agency-call.ts';
import type { Auth } from './auth.ts';
import { consumeFaceCheck, requirePassedFaceCheck } from './face-checks.ts';
import { type AccountRow, getAccountById } from './identity.repo.ts';
import { checkOneTimeCode, consumeCheckedCode, spendCodeTry } from './otp.service.ts';
import { type RequestMeta, refreshAccountSessions } from './sessions.ts';

/*
 * 实名认证 (seed 004 §3.6.2 操作员, §3.6.3 个人用户): 身份信息认证 → 中, 银行卡认证 → 高. Each agency
 * call has a timeout and an audit row (who, which adapter, what it answered, how long it took); a
 * level is raised in one conditional UPDATE, never lowered here.
 */

const METHODS: Partial<Record<AccountRow['kind'], readonly RealNameMethod[]>> = {
  // 个人用户: 身份信息认证, 银行卡认证; 人脸识别 raises to 高 (issue 11 §6)
  individual: ['identity', 'bank_card', 'face'],
  // 操作员 (§3.6.2): 身份证认证, 银行卡认证, IC 卡认证
  enterprise_operator: ['identity', 'bank_card', 'card'],
  // 企业实名认证 (§3.6.1): IC 卡认证, 法人身份认证, 银行UKEY认证
  enterprise_admin: ['card', 'legal_rep', 'bank_ukey'],
  institution_admin: ['card', 'legal_rep', 'bank_ukey'],
};

const LEVEL_OF: Record<RealNameMethod, RealNameLevel> = {
  identity: 'medium',
  bank_card: 'high',
  face: 'high',
  card: 'high',
  legal_rep: 'high',
  bank_ukey: 'high',
};

/** Whether this account kind raises its level with this method here. */
export function offersRealNameMethod(account: AccountRow, method: RealNameMethod): boolean {
  return METHODS[account.kind]?.includes(method) ?? false;
}

function rank(level: RealNameLevel) {
  return REAL_NAME_LEVELS.indexOf(level);
}

function present(ctx: AppContext, account: AccountRow): RealNameView {
  return {
    level: account.realNameLevel,
    kind: account.kind,
    methods: [...(METHODS[account.kind] ?? [])],
    name: account.name,
    idType: account.idType,
    idNumberMasked: account.idNumberEnc ? maskIdNumber(ctx.crypto.decrypt(account.idNumberEnc)) : null,
    simulated: ctx.identityAgencies.isSimulator,
  };
}

export async function realNameView(ctx: AppContext, auth: Auth): Promise<RealNameView> {
  return present(ctx, auth.account);
}

function identityOf(ctx: AppContext, account: AccountRow, method: RealNameMethod) {
  if (!METHODS[account.kind]?.includes(method)) throw new AppError('auth.forbidden', { status: 403 });
  if (!account.idType || !account.idNumberEnc)
    throw new AppError('realname.identity_incomplete', { status: 422 });
  // 身份证认证方式只支持证件类型为身份证的情况 (operators, §3.6.2)
  if (method === 'identity' && account.kind === 'enterprise_operator' && account.idType !== 'resident_id') {
    throw new AppError('realname.resident_id_only', { status: 422 });
  }
  return { name: account.name, idType: account.idType, idNumber: ctx.crypto.decrypt(account.idNumberEnc) };
}

/**
 * Raises the level in the caller's transaction (a card's real-name check spends its challenge
 * in the same one): only from a lower level, whatever the (possibly cached) account says; audited.
 */
export async function raiseRealNameIn(
  tx: Db,
  account: AccountRow,
  method: RealNameMethod,
  meta: Pick<RequestMeta, 'ip'>,
  now: Date,
): Promise<void> {
  const target = LEVEL_OF[method];
  const lower = REAL_NAME_LEVELS.filter((l) => rank(l) < rank(target));
  const raised = await tx
    .update(accounts)
    .set({ realNameLevel: target, updatedAt: now })
    .where(and(eq(accounts.id, account.id), inArray(accounts.realNameLevel, lower)))
    .returning({ id: accounts.id });
  await recordAudit(tx, {
    actorId: account.id,
    action: 'account.real_name_verified',
    targetType: 'account',
    targetId: account.id,
    detail: { method, raisedTo: raised.length > 0 ? target : null },
    ip: meta.ip,
    at: now,
  });
}

/** After a raise has committed: cached sessions see the new level everywhere; the page's view. */
export async function realNameAfterRaise(ctx: AppContext, account: AccountRow): Promise<RealNameView> {
  await refreshAccountSessions(ctx, account.id);
  const fresh = await getAccountById(ctx.db, account.id);
  return present(ctx, fresh ?? account);
}

async function raise(
  ctx: AppContext,
  account: AccountRow,
  method: RealNameMethod,
  meta: RequestMeta,
  beforeRaise?: (tx: Db) => Promise<void>,
): Promise<RealNameView> {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await beforeRaise?.(tx);
    await raiseRealNameIn(tx, account, method, meta, now);
  });
  return realNameAfterRaise(ctx, account);
}

function agencyCall(ctx: AppContext, account: AccountRow, meta: RequestMeta, operation: string) {
  return {
    adapter: ctx.identityAgencies.name,
    operation,
    actorId: account.id,
    target: { type: 'account', id: account.id },
    meta,
  };
}

function refuse(result: 'mismatch' | 'not_found' | 'card_invalid') {
  if (result === 'card_invalid') return fieldError('cardNumber', 'realname.card_invalid', 422);
  return new AppError(result === 'mismatch' ? 'realname.mismatch' : 'realname.not_found', { status: 422 });
}

/** 身份信息认证: the account's own name and document, as the agency holds them → 中. */
export async function verifyIdentity(ctx: AppContext, auth: Auth, meta: RequestMeta): Promise<RealNameView> {
  const account = auth.account;
  const facts = identityOf(ctx, account, 'identity');
  const result = await callAgency(ctx, agencyCall(ctx, account, meta, 'identity'), () =>
    ctx.identityAgencies.checkIdentity(facts),
  );
  if (result !== 'match') throw refuse(result);
  return raise(ctx, account, 'identity', meta);
}

/**
 * 银行卡认证: the holder's card and its bank-reserved mobile (proven by its code, purpose `settings`;
 * the account's own mobile is not changed) → 高.
 */
export async function verifyBankCard(
  ctx: AppContext,
  auth: Auth,
  body: RealNameBankCardBody,
  meta: RequestMeta,
): Promise<RealNameView> {
  const account = auth.account;
  const facts = identityOf(ctx, account, 'bank_card');
  const codeId = await checkOneTimeCode(
    ctx,
    { channel: 'sms', target: body.mobile, purpose: 'settings' },
    body.smsCode,
    'smsCode',
  );
  const result = await callAgency(ctx, agencyCall(ctx, account, meta, 'bank_card'), () =>
    ctx.identityAgencies.checkBankCard({ ...facts, cardNumber: body.cardNumber, mobile: body.mobile }),
  );
  if (result !== 'match') {
    // a refused card spends one of the code's tries: one code buys few bank checks
    await spendCodeTry(ctx, codeId);
    throw refuse(result);
  }
  return raise(ctx, account, 'bank_card', meta, (tx) => consumeCheckedCode(ctx, tx, codeId, 'smsCode'));
}

/** 人脸识别: a passed face check of this account (liveness and the identity photo) → 高; the session is stepped up. */
export async function verifyFace(
  ctx: AppContext,
  auth: Auth,
  body: RealNameFaceBody,
  meta: RequestMeta,
): Promise<RealNameView> {
  identityOf(ctx, auth.account, 'face');
  await requirePassedFaceCheck(ctx, auth, body.faceCheckId);
  return raise(ctx, auth.account, 'face', meta, (tx) => consumeFaceCheck(ctx, tx, auth, body.faceCheckId));
}
