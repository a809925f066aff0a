import {
  type BindCardBody,
  type CardProof,
  type CreateCardOperatorBody,
  OPERATOR_DEFAULT_PASSWORD,
  type RealNameView,
} from '@sw/contracts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/index.ts';
import type { AccountRow, Auth, RequestMeta } from '../identity/index.ts';
import {
  createOperator,
  getOrganizationById,
  hashPassword,
  offersRealNameMethod,
  raiseRealNameIn,
  realNameAfterRaise,
} from '../identity/index.ts';
import { checkCardProof, withSpentChallenge } from './card-proof.ts';
import { presentCard } from './pki.presenter.ts';
import { bindCard, findCardsOfAccount, lockOrganizationCode, unbindCards } from './pki.repo.ts';

const ADMIN_KINDS = new Set<AccountRow['kind']>(['enterprise_admin', 'institution_admin', 'overseas']);

/** 我的IC卡 (seed 004 §3.3): the cards bound to the signed-in account. */
export async function listAccountCards(ctx: AppContext, accountId: string) {
  const now = ctx.clock.now();
  return (await findCardsOfAccount(ctx.db, accountId)).map((c) => presentCard(c, ctx.crypto, now));
}

/**
 * 绑卡 (seed 004 §3.3): the card proves itself as at sign-in, then must belong to the account's
 * organization — a legal-person card to its administrator, an operator card to the operator
 * whose ID document it carries — and be free (or already this account's).
 */
export async function bindCardToAccount(
  ctx: AppContext,
  account: AccountRow,
  proof: BindCardBody,
  ip: string,
) {
  const checked = await checkCardProof(ctx, proof);
  const { card } = checked;
  const now = ctx.clock.now();
  const bound = await withSpentChallenge(ctx, checked, async (tx) => {
    const org = account.organizationId ? await getOrganizationById(tx, account.organizationId) : undefined;
    if (!org || org.orgCode !== card.orgCode) throw new AppError('card.wrong_organization', { status: 403 });
    if (
      card.role === 'legal_person' ? !ADMIN_KINDS.has(account.kind) : account.kind !== 'enterprise_operator'
    ) {
      throw new AppError('card.role_mismatch', { status: 403 });
    }
    if (
      card.role === 'operator' &&
      (account.idType !== card.holderIdType || account.idNumberBidx !== card.holderIdNumberBidx)
    ) {
      throw new AppError('card.holder_mismatch', { status: 403 });
    }
    await lockOrganizationCode(tx, card.orgCode);
    const row = await bindCard(tx, card.id, account.id, now);
    if (!row) throw new AppError('card.bound_elsewhere', { status: 409 });
    await recordAudit(tx, {
      actorId: account.id,
      action: 'card.bind',
      targetType: 'card',
      targetId: card.id,
      detail: { cardNo: card.cardNo, username: account.username },
      ip,
      at: now,
    });
    return row;
  });
  return presentCard(bound, ctx.crypto, now);
}

/** 解绑 (seed 004 §3.3): the ticked cards of this account; cards of other accounts are not touched. */
export async function unbindAccountCards(
  ctx: AppContext,
  account: AccountRow,
  cardIds: string[],
  ip: string,
) {
  const now = ctx.clock.now();
  const unbound = await ctx.db.transaction(async (tx) => {
    const rows = await unbindCards(tx, account.id, [...new Set(cardIds)]);
    for (const row of rows) {
      await recordAudit(tx, {
        actorId: account.id,
        action: 'card.unbind',
        targetType: 'card',
        targetId: row.id,
        detail: { cardNo: row.cardNo, username: account.username },
        ip,
        at: now,
      });
    }
    return rows.length;
  });
  if (unbound === 0) throw new AppError('card.not_found', { status: 404 });
  return { unbound };
}

/**
 * IC 卡认证 (seed 004 §3.6.1, §3.6.2) → 高. An administrator may use any card of the enterprise
 * (「只要是本企业的 IC 卡即可」); a legal-person card also binds itself to an administrator who has no
 * card yet, an operator card does not. An operator uses its own operator card (the holder's ID is the
 * operator's), free or already bound to it.
 */
export async function realNameByCard(
  ctx: AppContext,
  account: AccountRow,
  proof: CardProof,
  ip: string,
): Promise<RealNameView> {
  if (!offersRealNameMethod(account, 'card')) throw new AppError('auth.forbidden', { status: 403 });
  const checked = await checkCardProof(ctx, proof);
  const { card } = checked;
  const now = ctx.clock.now();
  await withSpentChallenge(ctx, checked, async (tx) => {
    const org = account.organizationId ? await getOrganizationById(tx, account.organizationId) : undefined;
    if (!org || org.orgCode !== card.orgCode) throw new AppError('card.wrong_organization', { status: 403 });
    if (account.kind === 'enterprise_operator') {
      if (
        card.role !== 'operator' ||
        account.idType !== card.holderIdType ||
        account.idNumberBidx !== card.holderIdNumberBidx
      )
        throw new AppError('card.holder_mismatch', { status: 403 });
      if (card.accountId && card.accountId !== account.id)
        throw new AppError('card.bound_elsewhere', { status: 409 });
    } else if (
      card.role === 'legal_person' &&
      !card.accountId &&
      (await findCardsOfAccount(tx, account.id)).length === 0
    ) {
      await lockOrganizationCode(tx, card.orgCode);
      if (await bindCard(tx, card.id, account.id, now)) {
        await recordAudit(tx, {
          actorId: account.id,
          action: 'card.bind',
          targetType: 'card',
          targetId: card.id,
          detail: { cardNo: card.cardNo, username: account.username, by: 'real_name' },
          ip,
          at: now,
        });
      }
    }
    await raiseRealNameIn(tx, account, 'card', { ip }, now);
  });
  return realNameAfterRaise(ctx, account);
}

/**
 * 新增有卡操作员 (seed 004 §3.2): the operator's card answers a challenge in the administrator's
 * browser; it must be an operator card of the administrator's enterprise, bound to nobody. The
 * operator's name and identity are the card's; the account is created (initial password 88888888,
 * changed at first sign-in) and the card bound to it, in the transaction that spends the challenge.
 */
export async function registerCardOperator(
  ctx: AppContext,
  auth: Auth,
  body: CreateCardOperatorBody,
  meta: RequestMeta,
) {
  const { challengeId, certificate, signature, agreement: _agreement, ...form } = body;
  const admin = auth.account;
  if (!ADMIN_KINDS.has(admin.kind) || !admin.organizationId)
    throw new AppError('auth.forbidden', { status: 403 });
  const checked = await checkCardProof(ctx, { challengeId, certificate, signature });
  const { card } = checked;
  const now = ctx.clock.now();
  const passwordHash = await hashPassword(OPERATOR_DEFAULT_PASSWORD);
  return withSpentChallenge(ctx, checked, async (tx) => {
    const org = await getOrganizationById(tx, admin.organizationId!);
    if (!org || org.orgCode !== card.orgCode) throw new AppError('card.wrong_organization', { status: 403 });
    if (card.role !== 'operator') throw new AppError('card.role_mismatch', { status: 403 });
    if (card.accountId) throw new AppError('card.bound_elsewhere', { status: 409 });
    await lockOrganizationCode(tx, card.orgCode);
    return createOperator(
      ctx,
      auth,
      {
        ...form,
        name: card.holderName,
        idType: card.holderIdType,
        idNumber: ctx.crypto.decrypt(card.holderIdNumberEnc),
      },
      meta,
      {
        tx,
        passwordHash,
        async onCreated(inner, created) {
          if (!(await bindCard(inner, card.id, created.id, now)))
            throw new AppError('card.bound_elsewhere', { status: 409 });
          await recordAudit(inner, {
            actorId: admin.id,
            action: 'card.bind',
            targetType: 'card',
            targetId: card.id,
            detail: { cardNo: card.cardNo, username: created.username, by: 'operator_registration' },
            ip: meta.ip,
            at: now,
          });
        },
      },
    );
  });
}
