import type { CardStatus } from '@sw/contracts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/index.ts';
import { refreshAccountSessions, revokeSessionsOfAccountByMethod } from '../identity/index.ts';
import type { Actor } from './issue-card.ts';
import { presentStaffCard } from './pki.presenter.ts';
import { getCardById, getStaffCard, revokeCard, searchCards } from './pki.repo.ts';

/** 卡介质管理: search and page through the issued cards. */
export async function listCards(
  ctx: AppContext,
  query: { q?: string | undefined; status?: CardStatus | undefined; page: number; pageSize: number },
) {
  const now = ctx.clock.now();
  const { rows, total } = await searchCards(
    ctx.db,
    { q: query.q || undefined, status: query.status, now },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  return { items: rows.map((r) => presentStaffCard(r, ctx.crypto, now)), total };
}

/**
 * Revokes a card: from now on it signs nothing in (checked on every card sign-in), and the bound
 * account's card sessions end. Bindings are left as they are, so the account still shows which
 * card it had.
 */
export async function revokeCardByStaff(ctx: AppContext, id: string, reason: string, actor: Actor) {
  const now = ctx.clock.now();
  const boundAccount = await ctx.db.transaction(async (tx) => {
    const revoked = await revokeCard(tx, id, actor.id, reason, now);
    if (!revoked) {
      const exists = await getCardById(tx, id);
      if (!exists) throw new AppError('card.not_found', { status: 404 });
      throw new AppError('card.already_revoked', { status: 409 });
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'card.revoke',
      targetType: 'card',
      targetId: id,
      detail: { cardNo: revoked.cardNo, reason },
      ip: actor.ip ?? null,
      at: now,
    });
    // whoever signed in with the card is signed out with it
    if (revoked.accountId) await revokeSessionsOfAccountByMethod(tx, revoked.accountId, 'card', now);
    return revoked.accountId;
  });
  if (boundAccount) await refreshAccountSessions(ctx, boundAccount);
  return presentStaffCard((await getStaffCard(ctx.db, id))!, ctx.crypto, now);
}

/** The card's PKCS#12 file again (the PIN set at issuance still opens it). Every download is audited. */
export async function downloadCardFile(ctx: AppContext, id: string, actor: Actor) {
  const card = await getCardById(ctx.db, id);
  if (!card) throw new AppError('card.not_found', { status: 404 });
  await recordAudit(ctx.db, {
    actorId: actor.id,
    action: 'card.download',
    targetType: 'card',
    targetId: id,
    detail: { cardNo: card.cardNo },
    ip: actor.ip ?? null,
    at: ctx.clock.now(),
  });
  return { cardNo: card.cardNo, file: Buffer.from(ctx.crypto.decrypt(card.pkcs12Enc), 'base64') };
}
