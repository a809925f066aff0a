import type { Locale } from '@sw/contracts';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { notify } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { randomToken, sha256Hex } from '../../lib/crypto.ts';
import { describeUserAgent } from '../../lib/user-agent.ts';
import { presentAccount } from './identity.presenter.ts';
import {
  findLiveSession,
  findLiveSessionsOfAccount,
  insertSession,
  revokeSession,
  revokeSessionsOfAccount,
  setAccountLocale,
  touchSession,
} from './identity.repo.ts';
import { SESSION_CHANNEL } from './session-cache.ts';

/**
 * Writing last_seen_at on every request would make every GET a write. Once a minute is enough
 * for a 30-minute idle limit; a short limit is touched a quarter of it apart, so activity always
 * extends the window whatever SESSION_IDLE_MINUTES says (touching only every minute let a
 * 1-minute session die under a request every 20 s).
 */
export function touchInterval(idleMs: number): number {
  return Math.min(60_000, Math.floor(idleMs / 4));
}

/** Who is asking: client address, user agent, and the language the request asked for. */
export type RequestMeta = { ip: string; userAgent: string | undefined; locale?: Locale };

export async function startSession(ctx: AppContext, accountId: string, method: string, meta: RequestMeta) {
  const token = randomToken();
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + ctx.config.sessionAbsoluteMs);
  await insertSession(ctx.db, {
    tokenHash: sha256Hex(token),
    accountId,
    method,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 400) ?? null,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
  });
  // the language the person signs in with is the one their messages are written in
  if (meta.locale) await setAccountLocale(ctx.db, accountId, meta.locale);
  return { token, expiresAt };
}

/**
 * A successful sign-in's writes — the session, the account's last sign-in time, the audit row and,
 * for a password sign-in, the end of its failure count (`throttleKey`) — in one statement: one
 * round trip and one commit instead of four.
 */
export async function startSignedInSession(
  ctx: AppContext,
  accountId: string,
  method: string,
  meta: RequestMeta,
  identifier: string,
  throttleKey: string | null = null,
) {
  const token = randomToken();
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + ctx.config.sessionAbsoluteMs);
  const userAgent = meta.userAgent?.slice(0, 400) ?? null;
  await ctx.db.execute(sql`
    with s as (
      insert into sessions (token_hash, account_id, method, ip, user_agent, created_at, last_seen_at, expires_at)
      values (${sha256Hex(token)}, ${accountId}, ${method}, ${meta.ip}, ${userAgent}, ${now}, ${now}, ${expiresAt})
    ), a as (
      insert into sign_in_audit (account_id, identifier, method, outcome, ip, user_agent, at)
      values (${accountId}, ${identifier}, ${method}, 'success', ${meta.ip}, ${userAgent}, ${now})
    ), t as (
      delete from sign_in_throttle where ${throttleKey}::text is not null and identifier = ${throttleKey}::text
    )
    update accounts set last_sign_in_at = ${now}, locale = coalesce(${meta.locale ?? null}::varchar, locale)
    where id = ${accountId}`);
  return { token, expiresAt };
}

/** The session behind a cookie token, if live (not revoked, not idle too long, not past its absolute end). */
export async function resolveSession(ctx: AppContext, token: string) {
  const tokenHash = sha256Hex(token);
  const now = ctx.clock.now();
  let entry = ctx.sessionCache.get(tokenHash, now.getTime());
  if (entry) {
    const { session } = entry;
    if (session.expiresAt <= now) {
      ctx.sessionCache.evict(`session:${tokenHash}`);
      return null;
    }
    // idle by this instance's copy: another instance may have seen activity since — ask the database
    if (session.lastSeenAt.getTime() <= now.getTime() - ctx.config.sessionIdleMs) {
      ctx.sessionCache.evict(`session:${tokenHash}`);
      entry = undefined;
    }
  }
  if (!entry) {
    const found = await findLiveSession(ctx.db, tokenHash, now, ctx.config.sessionIdleMs);
    if (!found) return null;
    entry = { ...found, view: presentAccount(found.account, ctx.crypto), cachedAt: now.getTime() };
    ctx.sessionCache.set(tokenHash, entry);
  }
  if (now.getTime() - entry.session.lastSeenAt.getTime() > touchInterval(ctx.config.sessionIdleMs)) {
    await touchSession(ctx.db, tokenHash, now);
    entry.session = { ...entry.session, lastSeenAt: now };
  }
  return { ...entry, tokenHash };
}

/** Drops cached sessions here and, through NOTIFY, on every other instance. */
async function invalidate(ctx: AppContext, key: `session:${string}` | `account:${string}`) {
  ctx.sessionCache.evict(key);
  await notify(ctx.db, SESSION_CHANNEL, key);
}

/** Revokes a session and tells every instance, in one statement (no notice if it was not live). */
export async function endSession(ctx: AppContext, token: string) {
  const tokenHash = sha256Hex(token);
  const key = `session:${tokenHash}` as const;
  ctx.sessionCache.evict(key);
  await ctx.db.execute(sql`
    with revoked as (
      update sessions set revoked_at = ${ctx.clock.now()}
      where token_hash = ${tokenHash} and revoked_at is null
      returning 1
    )
    select pg_notify(${SESSION_CHANNEL}, ${key}) from revoked`);
}

/** Call after a change to one session that its cached copies carry (a step-up). */
export async function refreshSession(ctx: AppContext, tokenHash: string) {
  await invalidate(ctx, `session:${tokenHash}`);
}

/** Call after any change to an account that sessions carry (status, name, contacts…). */
export async function refreshAccountSessions(ctx: AppContext, accountId: string) {
  await invalidate(ctx, `account:${accountId}`);
}

/** The public handle of a session: a prefix of its hash (the token itself is never shown). */
export function publicSessionId(tokenHash: string) {
  return tokenHash.slice(0, 16);
}

/** 「我的登录设备」 (seed 004 §3.8): the account's live sessions, newest activity first. */
export async function listDevices(ctx: AppContext, accountId: string, currentHash: string) {
  const rows = await findLiveSessionsOfAccount(ctx.db, accountId, ctx.clock.now(), ctx.config.sessionIdleMs);
  return rows.map((s) => ({
    id: publicSessionId(s.tokenHash),
    method: s.method,
    device: describeUserAgent(s.userAgent),
    ip: s.ip,
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt.toISOString(),
    expiresAt: s.expiresAt.toISOString(),
    current: s.tokenHash === currentHash,
  }));
}

export async function signOutDevice(ctx: AppContext, accountId: string, id: string) {
  const rows = await findLiveSessionsOfAccount(ctx.db, accountId, ctx.clock.now(), ctx.config.sessionIdleMs);
  const target = rows.find((s) => publicSessionId(s.tokenHash) === id);
  if (!target) throw new AppError('request.not_found', { status: 404 });
  await revokeSession(ctx.db, target.tokenHash, ctx.clock.now());
  await invalidate(ctx, `session:${target.tokenHash}`);
}

export async function signOutDevices(ctx: AppContext, accountId: string, keepHash: string | undefined) {
  const revoked = await revokeSessionsOfAccount(ctx.db, accountId, ctx.clock.now(), keepHash);
  // one broadcast for the account rather than one per session; a kept session is simply re-read
  if (revoked.length > 0) await invalidate(ctx, `account:${accountId}`);
  return revoked.length;
}
