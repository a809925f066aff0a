import type { FaceCheckView, StartFaceCheckBody } from '@sw/contracts';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { faceChecks, sessions } from '../../db/schema/identity.ts';
import { AppError } from '../../http/app-error.ts';
import { withAgencyTimeout } from '../../integrations/identity-check.ts';
import { recordAudit } from '../audit/index.ts';
import type { Auth } from './auth.ts';
import type { AccountRow } from './identity.repo.ts';
import type { RequestMeta } from './sessions.ts';

/*
 * 人脸识别 for the signed-in person (face-check adapter, ctx.faceCheck): a check is started for the
 * account's own identity document, its outcome is read from the provider by reference, and a passed
 * check is used once — to raise the real-name level (实名认证 → 高) or to step the session up
 * (sessions.step_up_at, for pages that show personal data after a recent face check).
 */

type FaceRow = typeof faceChecks.$inferSelect;

function present(ctx: AppContext, row: FaceRow): FaceCheckView {
  return {
    id: row.id,
    challenge: row.challenge as FaceCheckView['challenge'],
    status: row.status,
    expiresAt: row.expiresAt.toISOString(),
    simulated: ctx.faceCheck.isSimulator,
  };
}

export async function startFaceCheck(
  ctx: AppContext,
  auth: Auth,
  body: StartFaceCheckBody,
  meta: RequestMeta,
): Promise<FaceCheckView> {
  return startFaceCheckOf(ctx, auth.account, body.purpose, meta);
}

/** Starts a check of an account's own identity (also for the hub's face sign-in, no session yet). */
export async function startFaceCheckOf(
  ctx: AppContext,
  account: AccountRow,
  purpose: FaceRow['purpose'],
  meta: RequestMeta,
): Promise<FaceCheckView> {
  if (!account.idType || !account.idNumberEnc)
    throw new AppError('realname.identity_incomplete', { status: 422 });
  const now = ctx.clock.now();
  const started = await withAgencyTimeout(
    ctx.faceCheck.start(
      { name: account.name, idType: account.idType, idNumber: ctx.crypto.decrypt(account.idNumberEnc) },
      now,
    ),
  );
  const [row] = await ctx.db
    .insert(faceChecks)
    .values({
      accountId: account.id,
      purpose,
      providerRef: started.ref,
      challenge: started.challenge,
      createdAt: now,
      expiresAt: new Date(now.getTime() + 5 * 60_000),
    })
    .returning();
  await recordAudit(ctx.db, {
    actorId: account.id,
    action: 'face_check.started',
    targetType: 'account',
    targetId: account.id,
    detail: { adapter: ctx.faceCheck.name, purpose },
    ip: meta.ip,
    at: now,
  });
  return present(ctx, row!);
}

async function ownCheck(db: Db, accountId: string, id: string): Promise<FaceRow> {
  const [row] = await db
    .select()
    .from(faceChecks)
    .where(and(eq(faceChecks.id, id), eq(faceChecks.accountId, accountId)))
    .limit(1);
  if (!row) throw new AppError('face.not_found', { status: 404 });
  return row;
}

/** The check's status, read from the provider while it is pending (and stored once decided). */
export async function faceCheckStatus(ctx: AppContext, auth: Auth, id: string): Promise<FaceCheckView> {
  return faceCheckStatusOf(ctx, auth.account.id, id);
}

export async function faceCheckStatusOf(
  ctx: AppContext,
  accountId: string,
  id: string,
): Promise<FaceCheckView> {
  const row = await ownCheck(ctx.db, accountId, id);
  const now = ctx.clock.now();
  if (row.status !== 'pending') return present(ctx, row);
  if (row.expiresAt <= now) return { ...present(ctx, row), status: 'expired' };
  const outcome = await withAgencyTimeout(ctx.faceCheck.result(row.providerRef, now));
  if (outcome === 'pending') return present(ctx, row);
  if (outcome === 'expired') return { ...present(ctx, row), status: 'expired' };
  const [updated] = await ctx.db
    .update(faceChecks)
    .set({ status: outcome })
    .where(and(eq(faceChecks.id, row.id), eq(faceChecks.status, 'pending')))
    .returning();
  await recordAudit(ctx.db, {
    actorId: accountId,
    action: 'face_check.result',
    targetType: 'account',
    targetId: accountId,
    detail: { adapter: ctx.faceCheck.name, outcome },
    at: now,
  });
  return present(ctx, updated ?? { ...row, status: outcome });
}

/** A passed, unexpired check of this account (read before the transaction that uses it). */
export async function requirePassedFaceCheck(ctx: AppContext, auth: Auth, id: string): Promise<void> {
  const view = await faceCheckStatus(ctx, auth, id);
  if (view.status === 'expired') throw new AppError('face.expired', { status: 422 });
  if (view.status !== 'passed') throw new AppError('face.not_passed', { status: 422 });
}

/**
 * Uses a passed check once, in the caller's transaction (a second use, even a concurrent one,
 * finds it used); the session that used it is stepped up.
 */
export async function consumeFaceCheck(ctx: AppContext, tx: Db, auth: Auth, id: string): Promise<void> {
  await useFaceCheck(ctx, tx, auth.account.id, id);
  await tx
    .update(sessions)
    .set({ stepUpAt: ctx.clock.now() })
    .where(eq(sessions.tokenHash, auth.session.tokenHash));
}

/** Marks a passed, unexpired, unused check of the account used (face.expired otherwise). */
export async function useFaceCheck(
  ctx: AppContext,
  tx: Db,
  accountId: string,
  id: string,
  purpose?: FaceRow['purpose'],
): Promise<void> {
  const now = ctx.clock.now();
  const used = await tx
    .update(faceChecks)
    .set({ usedAt: now })
    .where(
      and(
        eq(faceChecks.id, id),
        eq(faceChecks.accountId, accountId),
        eq(faceChecks.status, 'passed'),
        purpose ? eq(faceChecks.purpose, purpose) : undefined,
        isNull(faceChecks.usedAt),
        gt(faceChecks.expiresAt, now),
      ),
    )
    .returning({ id: faceChecks.id });
  if (used.length === 0) throw new AppError('face.expired', { status: 422 });
}
