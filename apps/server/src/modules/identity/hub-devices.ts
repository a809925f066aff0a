import {
  type BindHubDeviceBody,
  HUB_PIN_MAX_FAILURES,
  HUB_STEP_UP_MINUTES,
  type HubDeviceView,
  type HubSignInMethod,
  maskName,
} from '@sw/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import { accounts, hubDevices, sessions } from '../../db/schema/identity.ts';
import { AppError } from '../../http/app-error.ts';
import { cookiePolicy } from '../../http/security.ts';
import { randomToken, sha256Hex } from '../../lib/crypto.ts';
import { recordAudit } from '../audit/index.ts';
import type { Auth } from './auth.ts';
import { faceCheckStatusOf, startFaceCheckOf, useFaceCheck } from './face-checks.ts';
import { type AccountRow, insertSignInAudit } from './identity.repo.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { type RequestMeta, refreshAccountSessions, refreshSession } from './sessions.ts';

/*
 * The citizen hub's phone (seed 003 ch.1, 温馨提示; issue 13 §1). A phone is bound to an account
 * by a long-lived httpOnly cookie whose keyed hash keys `hub_devices`; the first binding follows a
 * full sign-in. From then on the person signs in there by face (the face-check adapter, a check of
 * the bound person's own identity) or by the 6-digit PIN set at binding (argon2id; five wrong ones
 * lock it for 15 minutes — each try is reserved by a conditional update before the hash is
 * compared, so concurrent guesses cannot exceed five).
 *
 * One phone at a time: a hub session carries its device (`sessions.hub_device`), and starting one
 * revokes the account's other hub sessions with the reason `replaced`, in the same transaction;
 * the old phone's next request is told why (auth.ts). A face sign-in is itself a face check, so
 * its session starts stepped up.
 */

const LOCK_MINUTES = 15;
const DEVICE_COOKIE = 'sw_hub_device';
const STEP_UP_MS = HUB_STEP_UP_MINUTES * 60_000;

type DeviceRow = typeof hubDevices.$inferSelect;

function deviceCookieName(ctx: AppContext) {
  return ctx.config.secureCookies ? `__Host-${DEVICE_COOKIE}` : DEVICE_COOKIE;
}

function deviceHashOf(ctx: AppContext, request: FastifyRequest): string | null {
  const token = request.cookies[deviceCookieName(ctx)];
  return token && /^[A-Za-z0-9_-]{43}$/.test(token) ? ctx.crypto.hashSecret('hub-device', token) : null;
}

/** The device's hash, giving the browser a device cookie first if it has none. */
function ensureDevice(ctx: AppContext, request: FastifyRequest, reply: FastifyReply): string {
  const existing = deviceHashOf(ctx, request);
  if (existing) return existing;
  const token = randomToken();
  reply.setCookie(deviceCookieName(ctx), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: cookiePolicy(ctx.config).secure(request),
    maxAge: 5 * 365 * 86_400,
  });
  return ctx.crypto.hashSecret('hub-device', token);
}

async function deviceRow(ctx: AppContext, hash: string | null): Promise<DeviceRow | null> {
  if (!hash) return null;
  const [row] = await ctx.db.select().from(hubDevices).where(eq(hubDevices.deviceHash, hash)).limit(1);
  return row ?? null;
}

/** The bound device and its account (active), or `hub.device_unbound`. */
async function boundDevice(ctx: AppContext, request: FastifyRequest) {
  const hash = deviceHashOf(ctx, request);
  const row = await deviceRow(ctx, hash);
  if (!row || !hash) throw new AppError('hub.device_unbound', { status: 409 });
  const [account] = await ctx.db.select().from(accounts).where(eq(accounts.id, row.accountId)).limit(1);
  if (account?.status !== 'active' || account.deletedAt)
    throw new AppError('auth.account_disabled', { status: 403 });
  return { hash, device: row, account };
}

function present(row: DeviceRow | null, account: Pick<AccountRow, 'name'> | null, mine: boolean, now: Date) {
  const view: HubDeviceView = {
    bound: row !== null,
    holder: account ? maskName(account.name) : null,
    defaultMethod: row?.defaultMethod ?? null,
    pinSet: !!row?.pinHash,
    lockedUntil: row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil.toISOString() : null,
    mine,
  };
  return view;
}

/** GET /api/hub/device: what this browser is bound to (a masked name only), for the sign-in page. */
export async function hubDeviceView(ctx: AppContext, request: FastifyRequest, auth: Auth | null) {
  const row = await deviceRow(ctx, deviceHashOf(ctx, request));
  if (!row) return present(null, null, false, ctx.clock.now());
  const [account] = await ctx.db
    .select({ name: accounts.name })
    .from(accounts)
    .where(eq(accounts.id, row.accountId))
    .limit(1);
  return present(row, account ?? null, auth?.account.id === row.accountId, ctx.clock.now());
}

/**
 * Binds this phone to the signed-in account with a PIN and a default method (设置登录方式). The
 * current session becomes the account's one hub session: any other phone's ends.
 */
export async function bindHubDevice(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  auth: Auth,
  body: BindHubDeviceBody,
  meta: RequestMeta,
) {
  const hash = ensureDevice(ctx, request, reply);
  const pinHash = await hashPassword(body.pin);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(hubDevices)
      .values({
        deviceHash: hash,
        accountId: auth.account.id,
        pinHash,
        defaultMethod: body.defaultMethod,
        createdAt: now,
      })
      .onConflictDoUpdate({
        target: hubDevices.deviceHash,
        set: {
          accountId: auth.account.id,
          pinHash,
          defaultMethod: body.defaultMethod,
          failedPins: 0,
          lockedUntil: null,
          createdAt: now,
        },
      });
    await replaceHubSessions(tx, auth.account.id, auth.session.tokenHash, now);
    await tx.update(sessions).set({ hubDevice: hash }).where(eq(sessions.tokenHash, auth.session.tokenHash));
    await recordAudit(tx, {
      actorId: auth.account.id,
      action: 'hub.device_bound',
      targetType: 'account',
      targetId: auth.account.id,
      detail: { defaultMethod: body.defaultMethod },
      ip: meta.ip,
      at: now,
    });
  });
  await refreshAccountSessions(ctx, auth.account.id);
  return present(
    { deviceHash: hash, accountId: auth.account.id, pinHash, defaultMethod: body.defaultMethod } as DeviceRow,
    auth.account,
    true,
    now,
  );
}

/** 修改默认登录方式 on the signed-in person's own phone. */
export async function setHubDefaultMethod(
  ctx: AppContext,
  request: FastifyRequest,
  auth: Auth,
  method: HubSignInMethod,
) {
  const hash = deviceHashOf(ctx, request);
  const row = await deviceRow(ctx, hash);
  if (!row || row.accountId !== auth.account.id) throw new AppError('hub.device_unbound', { status: 409 });
  if (method === 'pin' && !row.pinHash) throw new AppError('hub.pin_not_set', { status: 409 });
  const [updated] = await ctx.db
    .update(hubDevices)
    .set({ defaultMethod: method })
    .where(and(eq(hubDevices.deviceHash, row.deviceHash), eq(hubDevices.accountId, auth.account.id)))
    .returning();
  return present(updated ?? row, auth.account, true, ctx.clock.now());
}

/** Unbinds this phone (the signed-in owner only); the PIN goes with it. */
export async function unbindHubDevice(
  ctx: AppContext,
  request: FastifyRequest,
  auth: Auth,
  meta: RequestMeta,
) {
  const hash = deviceHashOf(ctx, request);
  if (!hash) return;
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const removed = await tx
      .delete(hubDevices)
      .where(and(eq(hubDevices.deviceHash, hash), eq(hubDevices.accountId, auth.account.id)))
      .returning({ hash: hubDevices.deviceHash });
    if (removed.length > 0)
      await recordAudit(tx, {
        actorId: auth.account.id,
        action: 'hub.device_unbound',
        targetType: 'account',
        targetId: auth.account.id,
        ip: meta.ip,
        at: now,
      });
  });
}

/** Ends the account's other hub sessions (reason `replaced`): one phone at a time. */
async function replaceHubSessions(
  tx: AppContext['db'],
  accountId: string,
  keepHash: string | null,
  now: Date,
) {
  await tx
    .update(sessions)
    .set({ revokedAt: now, revokedReason: 'replaced' })
    .where(
      and(
        eq(sessions.accountId, accountId),
        sql`${sessions.hubDevice} is not null and ${sessions.revokedAt} is null`,
        keepHash ? sql`${sessions.tokenHash} <> ${keepHash}` : undefined,
      ),
    );
}

/** A new hub session on this device (the old phone's ends), its sign-in audited, in one transaction. */
async function startHubSession(
  ctx: AppContext,
  account: AccountRow,
  deviceHash: string,
  method: HubSignInMethod,
  meta: RequestMeta,
) {
  const token = randomToken();
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + ctx.config.sessionAbsoluteMs);
  const userAgent = meta.userAgent?.slice(0, 400) ?? null;
  await ctx.db.transaction(async (tx) => {
    await replaceHubSessions(tx, account.id, null, now);
    await tx.insert(sessions).values({
      tokenHash: sha256Hex(token),
      accountId: account.id,
      method: `hub_${method}`,
      ip: meta.ip,
      userAgent,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      hubDevice: deviceHash,
      // a face sign-in is a face check: personal data opens without another one
      stepUpAt: method === 'face' ? now : null,
    });
    await insertSignInAudit(tx, {
      accountId: account.id,
      identifier: account.username,
      method: `hub_${method}`,
      outcome: 'success',
      ip: meta.ip,
      userAgent,
      at: now,
    });
    await tx
      .update(accounts)
      .set({ lastSignInAt: now, ...(meta.locale ? { locale: meta.locale } : {}) })
      .where(eq(accounts.id, account.id));
    await tx.update(hubDevices).set({ lastUsedAt: now }).where(eq(hubDevices.deviceHash, deviceHash));
  });
  await refreshAccountSessions(ctx, account.id);
  return { token, expiresAt, account, method: `hub_${method}`, stepUpAt: method === 'face' ? now : null };
}

async function auditFailure(ctx: AppContext, account: AccountRow, outcome: string, meta: RequestMeta) {
  await insertSignInAudit(ctx.db, {
    accountId: account.id,
    identifier: account.username,
    method: 'hub_pin',
    outcome,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 400) ?? null,
    at: ctx.clock.now(),
  });
}

function lockedError(until: Date, now: Date) {
  return new AppError('hub.pin_locked', {
    status: 423,
    extensions: { retryAfterSeconds: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)) },
  });
}

/** Sign-in by the device's 6-digit PIN. */
export async function signInWithPin(
  ctx: AppContext,
  request: FastifyRequest,
  pin: string,
  meta: RequestMeta,
) {
  const { hash, device, account } = await boundDevice(ctx, request);
  if (!device.pinHash) throw new AppError('hub.pin_not_set', { status: 409 });
  const now = ctx.clock.now();
  // reserve a try first: a lock that has run out starts a fresh count
  const [reserved] = await ctx.db
    .update(hubDevices)
    .set({
      failedPins: sql`case when ${hubDevices.lockedUntil} <= ${now} then 1 else ${hubDevices.failedPins} + 1 end`,
      lockedUntil: sql`case when ${hubDevices.lockedUntil} <= ${now} then null else ${hubDevices.lockedUntil} end`,
    })
    .where(
      and(
        eq(hubDevices.deviceHash, hash),
        sql`((${hubDevices.lockedUntil} is null and ${hubDevices.failedPins} < ${HUB_PIN_MAX_FAILURES})
             or ${hubDevices.lockedUntil} <= ${now})`,
      ),
    )
    .returning({ failedPins: hubDevices.failedPins });
  if (!reserved) {
    await auditFailure(ctx, account, 'locked', meta);
    throw lockedError(device.lockedUntil ?? new Date(now.getTime() + LOCK_MINUTES * 60_000), now);
  }
  if (await verifyPassword(device.pinHash, pin)) {
    await ctx.db
      .update(hubDevices)
      .set({ failedPins: 0, lockedUntil: null })
      .where(eq(hubDevices.deviceHash, hash));
    return startHubSession(ctx, account, hash, 'pin', meta);
  }
  await auditFailure(ctx, account, 'bad_pin', meta);
  if (reserved.failedPins >= HUB_PIN_MAX_FAILURES) {
    const until = new Date(now.getTime() + LOCK_MINUTES * 60_000);
    await ctx.db.update(hubDevices).set({ lockedUntil: until }).where(eq(hubDevices.deviceHash, hash));
    throw lockedError(until, now);
  }
  throw new AppError('hub.pin_wrong', {
    status: 401,
    fieldErrors: [{ path: 'pin', code: 'hub.pin_wrong' }],
    extensions: { remainingAttempts: HUB_PIN_MAX_FAILURES - reserved.failedPins },
  });
}

/** 人脸识别 sign-in, step 1: a face check of the bound person. */
export async function startFaceSignIn(ctx: AppContext, request: FastifyRequest, meta: RequestMeta) {
  const { account } = await boundDevice(ctx, request);
  return startFaceCheckOf(ctx, account, 'sign_in', meta);
}

/** The device's person, for the face-check simulator's control route (outside production). */
export async function boundAccountId(ctx: AppContext, request: FastifyRequest): Promise<string> {
  return (await boundDevice(ctx, request)).account.id;
}

/** 人脸识别 sign-in, step 2: the check passed — used once — and a stepped-up hub session starts. */
export async function finishFaceSignIn(
  ctx: AppContext,
  request: FastifyRequest,
  id: string,
  meta: RequestMeta,
) {
  const { hash, account } = await boundDevice(ctx, request);
  const view = await faceCheckStatusOf(ctx, account.id, id);
  if (view.status === 'expired') throw new AppError('face.expired', { status: 422 });
  if (view.status !== 'passed') throw new AppError('face.not_passed', { status: 422 });
  await ctx.db.transaction((tx) => useFaceCheck(ctx, tx, account.id, id, 'sign_in'));
  return startHubSession(ctx, account, hash, 'face', meta);
}

/** Until when the session may open personal data (a face check in the last five minutes), if it may. */
export function stepUpUntil(auth: Auth): Date | null {
  const at = auth.session.stepUpAt;
  return at ? new Date(at.getTime() + STEP_UP_MS) : null;
}

/** Personal data (a licence, social-insurance detail): a face check within five minutes, or 403. */
export function requireStepUp(ctx: AppContext, auth: Auth): void {
  const until = stepUpUntil(auth);
  if (!until || until <= ctx.clock.now()) throw new AppError('auth.step_up_required', { status: 403 });
}

/** Steps the session up with a passed `step_up` check (used once); the session caches forget it. */
export async function stepUpSession(ctx: AppContext, auth: Auth, faceCheckId: string): Promise<Date> {
  const view = await faceCheckStatusOf(ctx, auth.account.id, faceCheckId);
  if (view.status === 'expired') throw new AppError('face.expired', { status: 422 });
  if (view.status !== 'passed') throw new AppError('face.not_passed', { status: 422 });
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await useFaceCheck(ctx, tx, auth.account.id, faceCheckId, 'step_up');
    await tx.update(sessions).set({ stepUpAt: now }).where(eq(sessions.tokenHash, auth.session.tokenHash));
  });
  await refreshSession(ctx, auth.session.tokenHash);
  return new Date(now.getTime() + STEP_UP_MS);
}

/** Whether a session token that is no longer live was ended by a sign-in on another phone. */
export async function wasReplaced(ctx: AppContext, token: string): Promise<boolean> {
  const [row] = await ctx.db
    .select({ reason: sessions.revokedReason })
    .from(sessions)
    .where(eq(sessions.tokenHash, sha256Hex(token)))
    .limit(1);
  return row?.reason === 'replaced';
}
