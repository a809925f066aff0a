import { isValidMobile, maskEmail, maskIdNumber, maskMobile, type SignInBody } from '@sw/contracts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { verifyCaptcha } from './captcha.service.ts';
import {
  admitSignInAttempt,
  clearSignInFailures,
  findAccountByPhoneLogin,
  findAccountByUsername,
  insertSignInAudit,
} from './identity.repo.ts';
import { verifyPassword } from './passwords.ts';
import { type RequestMeta, startSignedInSession } from './sessions.ts';

/** An e-mail address or an identity-number-like string typed where a username goes. */
function looksPersonal(typed: string): boolean {
  return typed.includes('@') || /^[0-9]{14,17}[0-9Xx]$/.test(typed);
}

type PendingReviewExplainer = (db: Db, accountId: string) => Promise<AppError>;
let pendingReviewExplainer: PendingReviewExplainer | null = null;

/**
 * What to tell someone who gave the right password for an account waiting for review: the service
 * that reviews registrations says (until when, or that it was returned). Identity knows no service.
 */
export function explainPendingReviewWith(explainer: PendingReviewExplainer) {
  pendingReviewExplainer = explainer;
}

function explainPendingReview(db: Db, accountId: string): Promise<AppError> {
  return pendingReviewExplainer
    ? pendingReviewExplainer(db, accountId)
    : Promise.resolve(new AppError('auth.account_disabled', { status: 403 }));
}

type Outcome = 'success' | 'captcha_failed' | 'unknown_account' | 'bad_password' | 'not_active' | 'locked';

/** 429 with the time left, in the Retry-After header and in the message (「约15分钟后可再试」). */
function lockedError(until: Date, now: Date) {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return new AppError('auth.account_locked', {
    status: 429,
    headers: { 'retry-after': String(seconds) },
    extensions: { retryAfterSeconds: seconds },
  });
}

/**
 * Password sign-in (seed 004 §2.1): username (case-insensitive) — or the mobile number of an
 * account whose 手机号登录开关 is on (§3.1 账户设置) — password, image captcha.
 * Every attempt is audited. Unknown usernames and wrong passwords get the same answer
 * after the same work, and lock alike after `LOCKOUT_THRESHOLD` failures, so a response
 * never tells whether an account exists.
 */
export async function signInWithPassword(ctx: AppContext, body: SignInBody, meta: RequestMeta) {
  const typed = body.username.trim();
  // eleven digits starting 13–19: a mobile number with 手机号登录 on, or else a username
  const byMobile = isValidMobile(typed);
  const mobileIndex = byMobile ? ctx.crypto.blindIndex('mobile', typed) : null;
  // the throttle key and the audit never hold a personal number or address typed as a name: a
  // mobile number, an ID number or an e-mail address is kept as a keyed hash and shown masked
  const personal = byMobile || looksPersonal(typed);
  const identifier = personal
    ? `${byMobile ? 'm' : 'h'}:${(mobileIndex ?? ctx.crypto.blindIndex('sign-in-name', typed.toLowerCase())).slice(0, 62)}`
    : typed.toLowerCase().slice(0, 64);
  const audited = byMobile
    ? maskMobile(typed)
    : personal
      ? (typed.includes('@') ? maskEmail(typed) : maskIdNumber(typed)).slice(0, 64)
      : identifier;
  const audit = (outcome: Outcome, accountId: string | null) =>
    insertSignInAudit(ctx.db, {
      accountId,
      identifier: audited,
      method: byMobile ? 'mobile' : 'password',
      outcome,
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 400) ?? null,
      at: ctx.clock.now(),
    });

  try {
    await verifyCaptcha(ctx, body.captchaId, body.captchaAnswer);
  } catch (err) {
    await audit('captcha_failed', null);
    throw err;
  }

  let account = mobileIndex
    ? await findAccountByPhoneLogin(ctx.db, mobileIndex)
    : await findAccountByUsername(ctx.db, identifier);
  // eleven digits may also be a username (a card-created operator is named after its card number)
  if (!account && mobileIndex) account = await findAccountByUsername(ctx.db, typed);
  // one failure count per account, whichever name was typed (username or mobile number); per
  // typed name when no account has it, so both lock alike
  const key = account ? account.username.toLowerCase() : identifier;
  // counted before the password is verified, in the same statement that checks the lock: a burst
  // of parallel attempts gets at most LOCKOUT_THRESHOLD verifications
  const { threshold, durationMs } = ctx.config.lockout;
  const attempt = await admitSignInAttempt(ctx.db, key, ctx.clock.now(), threshold, durationMs);
  if (!attempt.admitted) {
    await audit('locked', null);
    throw lockedError(attempt.lockedUntil ?? ctx.clock.now(), ctx.clock.now());
  }

  const passwordOk = await verifyPassword(account?.passwordHash, body.password);
  if (!account || !passwordOk) {
    await audit(account ? 'bad_password' : 'unknown_account', account?.id ?? null);
    if (attempt.lockedUntil) throw lockedError(attempt.lockedUntil, ctx.clock.now());
    throw new AppError('auth.invalid_credentials', {
      status: 401,
      extensions: { remainingAttempts: threshold - attempt.failures },
    });
  }
  if (account.status !== 'active') {
    await clearSignInFailures(ctx.db, key);
    await audit('not_active', account.id);
    // a registration with review (seed 001): say until when, or that it was returned
    if (account.status === 'pending_review') throw await explainPendingReview(ctx.db, account.id);
    throw new AppError('auth.account_disabled', { status: 403 });
  }

  const method = byMobile ? 'mobile' : 'password';
  const session = await startSignedInSession(ctx, account.id, method, meta, audited, key);
  return {
    account: { ...account, lastSignInAt: ctx.clock.now() },
    method,
    ...session,
  };
}
