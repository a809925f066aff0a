import { randomInt } from 'node:crypto';
import type { Locale, OtpChannel, OtpPurpose } from '@sw/contracts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { AppError, fieldError } from '../../http/app-error.ts';
import { safeEqual } from '../../lib/crypto.ts';
import {
  consumeOtp,
  countOtpsSince,
  findLatestOtp,
  incrementOtpAttempts,
  insertOtp,
  lockOtpTarget,
  retireOpenOtps,
} from './identity.repo.ts';

export const OTP_TTL_SECONDS = 300;
export const OTP_RESEND_SECONDS = 60;
export const OTP_MAX_ATTEMPTS = 5;

/** Where a code goes and what for; `locale` is the language of the request that asked (default zh-CN). */
export type OtpTarget = { channel: OtpChannel; target: string; purpose: OtpPurpose; locale?: Locale };

/** The target as indexed: mobiles as typed, e-mail addresses lower-cased. */
export function normalizeTarget(channel: OtpChannel, target: string) {
  return channel === 'email' ? target.trim().toLowerCase() : target.trim();
}

function targetIndex(ctx: AppContext, t: OtpTarget) {
  return ctx.crypto.blindIndex(
    t.channel === 'sms' ? 'mobile' : 'email',
    normalizeTarget(t.channel, t.target),
  );
}

/** Midnight in China Standard Time (UTC+8), where the daily cap resets. */
export function startOfChinaDay(now: Date): Date {
  const shifted = new Date(now.getTime() + 8 * 3_600_000);
  shifted.setUTCHours(0, 0, 0, 0);
  return new Date(shifted.getTime() - 8 * 3_600_000);
}

/** The code's SMS and e-mail, in the language of the page that asked for it. */
const OTP_TEXTS: Record<Locale, { sms: string; subject: string; email: string }> = {
  'zh-CN': {
    sms: '【单一窗口】本次短信验证码为 {code}，有效期5分钟，请勿泄露。',
    subject: '单一窗口 邮箱验证码',
    email:
      '您好！\n\n您的邮箱验证码为 {code}，有效期5分钟，请勿泄露。\n如非本人操作，请忽略本邮件。\n\n单一窗口',
  },
  'zh-HK': {
    sms: '【單一窗口】本次短訊驗證碼為 {code}，有效期5分鐘，請勿洩露。',
    subject: '單一窗口 電郵驗證碼',
    email:
      '您好！\n\n您的電郵驗證碼為 {code}，有效期5分鐘，請勿洩露。\n如非本人操作，請忽略本電郵。\n\n單一窗口',
  },
  en: {
    sms: '[Single Window] Your verification code is {code}. It is valid for 5 minutes; do not share it.',
    subject: 'Single Window verification code',
    email:
      'Hello,\n\nYour e-mail verification code is {code}. It is valid for 5 minutes; do not share it.\nIf you did not ask for it, ignore this e-mail.\n\nSingle Window',
  },
};

function messageFor(channel: OtpChannel, code: string, locale: Locale) {
  const texts = OTP_TEXTS[locale];
  return channel === 'sms'
    ? { text: texts.sms.replace('{code}', code) }
    : { subject: texts.subject, text: texts.email.replace('{code}', code) };
}

/**
 * Issues a 6-digit code: at most one per 60 s per target and purpose, a daily cap per target,
 * earlier open codes retired; the message goes through the outbox in the same transaction.
 * `deliver: false` records the code and sends nothing: a decoy that must behave like a real target
 * (a wrong code answers, and tries run out, exactly as for a code that was sent).
 */
export async function sendOneTimeCode(ctx: AppContext, t: OtpTarget, options: { deliver?: boolean } = {}) {
  const deliver = options.deliver ?? true;
  const now = ctx.clock.now();
  const bidx = targetIndex(ctx, t);
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const messageId = await ctx.db.transaction(async (tx) => {
    await lockOtpTarget(tx, bidx);
    const key = { channel: t.channel, targetBidx: bidx, purpose: t.purpose };
    const last = await findLatestOtp(tx, key);
    if (last) {
      const wait = Math.ceil((last.createdAt.getTime() + OTP_RESEND_SECONDS * 1000 - now.getTime()) / 1000);
      if (wait > 0) {
        throw new AppError('otp.resend_too_soon', {
          status: 429,
          headers: { 'retry-after': String(wait) },
          fieldErrors: [{ path: t.channel === 'sms' ? 'mobile' : 'email', code: 'otp.resend_too_soon' }],
        });
      }
    }
    if ((await countOtpsSince(tx, bidx, startOfChinaDay(now))) >= ctx.config.otpDailyLimit) {
      throw fieldError(t.channel === 'sms' ? 'mobile' : 'email', 'otp.daily_limit', 429);
    }
    await retireOpenOtps(tx, key, now);
    await insertOtp(tx, {
      ...key,
      codeHash: ctx.crypto.hashSecret('otp', code),
      createdAt: now,
      expiresAt: new Date(now.getTime() + OTP_TTL_SECONDS * 1000),
    });
    if (!deliver) return null;
    return ctx.messaging.enqueue(tx, {
      channel: t.channel,
      to: normalizeTarget(t.channel, t.target),
      ...messageFor(t.channel, code, t.locale ?? 'zh-CN'),
    });
  });
  // deliver at once; if that fails the worker retries with backoff
  if (messageId)
    await ctx.messaging
      .deliverDue([messageId])
      .catch((err) => ctx.log.warn({ err }, 'immediate delivery failed'));
  const adapter = t.channel === 'sms' ? ctx.messaging.adapters.sms : ctx.messaging.adapters.mailer;
  return {
    resendAfter: OTP_RESEND_SECONDS,
    expiresIn: OTP_TTL_SECONDS,
    ...(adapter.isSimulator ? { simulator: '/dev/outbox' } : {}),
  };
}

/**
 * Checks a code without consuming it. A wrong code counts against the code's 5 tries, and
 * that count is committed even when the caller's later work fails.
 * Returns the id to consume with `consumeCheckedCode` inside the caller's transaction.
 */
export async function checkOneTimeCode(
  ctx: AppContext,
  t: OtpTarget,
  code: string,
  field: string,
): Promise<string> {
  const now = ctx.clock.now();
  const row = await findLatestOtp(ctx.db, {
    channel: t.channel,
    targetBidx: targetIndex(ctx, t),
    purpose: t.purpose,
  });
  if (!row || row.consumedAt || row.expiresAt <= now) throw fieldError(field, 'otp.expired');
  if (row.attempts >= OTP_MAX_ATTEMPTS) throw fieldError(field, 'otp.too_many_attempts');
  if (!safeEqual(row.codeHash, ctx.crypto.hashSecret('otp', code.trim()))) {
    await incrementOtpAttempts(ctx.db, row.id);
    throw fieldError(field, row.attempts + 1 >= OTP_MAX_ATTEMPTS ? 'otp.too_many_attempts' : 'otp.invalid');
  }
  return row.id;
}

/** Consumes a checked code in the caller's transaction; a code is good for one use only. */
export async function consumeCheckedCode(ctx: AppContext, tx: Db, id: string, field: string) {
  if (!(await consumeOtp(tx, id, ctx.clock.now()))) throw fieldError(field, 'otp.expired');
}

/**
 * Spends one of a checked code's tries without refusing it: for an answer that tells something
 * only a prover may learn (an identity number already registered), so one code buys few answers.
 */
export async function spendCodeTry(ctx: AppContext, id: string) {
  await incrementOtpAttempts(ctx.db, id);
}
