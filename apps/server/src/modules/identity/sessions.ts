import type { AppContext } from '../../context.ts';
import { randomToken, sha256Hex } from '../../lib/crypto.ts';
import { findLiveSession, insertSession, revokeSession, touchSession } from './identity.repo.ts';

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
  const found = await findLiveSession(ctx.db, tokenHash, now, ctx.config.sessionIdleMs);
  if (!found) return null;
  if (now.getTime() - found.session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await touchSession(ctx.db, tokenHash, now);
  }
  return { ...found, tokenHash };
}

export async function endSession(ctx: AppContext, token: string) {
  await revokeSession(ctx.db, sha256Hex(token), ctx.clock.now());
}
