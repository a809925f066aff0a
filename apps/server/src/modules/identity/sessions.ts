import type { AppContext } from '../../context.ts';
import { notify } from '../../db/client.ts';
import { randomToken, sha256Hex } from '../../lib/crypto.ts';
import { presentAccount } from './identity.presenter.ts';
import { findLiveSession, insertSession, revokeSession, touchSession } from './identity.repo.ts';
import { SESSION_CHANNEL } from './session-cache.ts';

/** Writing last_seen_at on every request would make every GET a write; once a minute is enough for a 30-minute idle limit. */
const TOUCH_EVERY_MS = 60_000;

export type RequestMeta = { ip: string; userAgent: string | undefined };

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
  return { token, expiresAt };
}

/** The session behind a cookie token, if live (not revoked, not idle too long, not past its absolute end). */
export async function resolveSession(ctx: AppContext, token: string) {
  const tokenHash = sha256Hex(token);
  const now = ctx.clock.now();
  let entry = ctx.sessionCache.get(tokenHash, now.getTime());
  if (entry) {
    const { session } = entry;
    if (
      session.expiresAt <= now ||
      session.lastSeenAt.getTime() <= now.getTime() - ctx.config.sessionIdleMs
    ) {
      ctx.sessionCache.evict(`session:${tokenHash}`);
      return null;
    }
  } else {
    const found = await findLiveSession(ctx.db, tokenHash, now, ctx.config.sessionIdleMs);
    if (!found) return null;
    entry = { ...found, view: presentAccount(found.account, ctx.crypto), cachedAt: now.getTime() };
    ctx.sessionCache.set(tokenHash, entry);
  }
  if (now.getTime() - entry.session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await touchSession(ctx.db, tokenHash, now);
    entry.session = { ...entry.session, lastSeenAt: now };
  }
  return { ...entry, tokenHash };
}

export async function endSession(ctx: AppContext, token: string) {
  const tokenHash = sha256Hex(token);
  await revokeSession(ctx.db, tokenHash, ctx.clock.now());
  ctx.sessionCache.evict(`session:${tokenHash}`);
  await notify(ctx.db, SESSION_CHANNEL, `session:${tokenHash}`);
}

/** Call after any change to an account that sessions carry (status, name, contacts…). */
export async function refreshAccountSessions(ctx: AppContext, accountId: string) {
  ctx.sessionCache.evict(`account:${accountId}`);
  await notify(ctx.db, SESSION_CHANNEL, `account:${accountId}`);
}
