import type { AppContext } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { safeEqual } from '../../lib/crypto.ts';

/*
 * The state of a recovery in progress (忘记密码, 找回用户名), carried by the browser as a token signed
 * with the platform's secret: what was proven so far and until when. The server keeps nothing until
 * the recovery succeeds; an altered, foreign or expired token fails like a wrong answer.
 */

export type FlowClaims = { exp: number };

export function signFlow<T extends FlowClaims>(ctx: AppContext, purpose: string, claims: T): string {
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${body}.${ctx.crypto.hashSecret(`flow:${purpose}`, body)}`;
}

export const verificationFailed = () => new AppError('recovery.verification_failed', { status: 422 });

export function readFlow<T extends FlowClaims>(ctx: AppContext, purpose: string, token: string): T {
  const [body, signature] = token.split('.');
  if (!body || !signature || !safeEqual(signature, ctx.crypto.hashSecret(`flow:${purpose}`, body))) {
    throw verificationFailed();
  }
  let claims: T;
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as T;
  } catch {
    throw verificationFailed();
  }
  if (typeof claims !== 'object' || claims === null || typeof claims.exp !== 'number')
    throw verificationFailed();
  if (claims.exp <= ctx.clock.now().getTime()) throw verificationFailed();
  return claims;
}

/** Verifications per key (a username, a mobile) per hour across instances; over it, 429. */
export async function countVerification(ctx: AppContext, key: string, perHour: number) {
  const hits = await ctx.counters.hit(`recovery:${key}`, 3_600_000);
  if (hits.count > perHour) {
    throw new AppError('recovery.too_many_attempts', {
      status: 429,
      headers: { 'retry-after': String(Math.ceil(hits.resetInMs / 1000)) },
    });
  }
}

/** A typed name against the recorded one, ignoring surrounding spaces; nothing recorded never matches. */
export function sameText(recorded: string | null | undefined, typed: string) {
  return !!recorded && recorded.trim() === typed.trim();
}
