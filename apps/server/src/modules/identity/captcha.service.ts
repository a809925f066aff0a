import svgCaptcha from 'svg-captcha';
import type { AppContext } from '../../context.ts';
import { fieldError } from '../../http/app-error.ts';
import { consumeCaptcha, deleteExpiredCaptchas, insertCaptcha } from './identity.repo.ts';

const CAPTCHA_TTL_MS = 5 * 60_000;
// characters people confuse are left out
const IGNORE = '0oO1iIlLqg9';

function normalize(answer: string) {
  return answer.trim().toLowerCase();
}

export async function createCaptcha(ctx: AppContext) {
  const size = 4 + Math.floor(Math.random() * 2); // 4 or 5 characters
  const { text, data } = svgCaptcha.create({
    size,
    ignoreChars: IGNORE,
    noise: 2,
    color: true,
    width: 120,
    height: 40,
  });
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + CAPTCHA_TTL_MS);
  const id = await insertCaptcha(ctx.db, ctx.crypto.hashSecret('captcha', normalize(text)), expiresAt);
  // housekeeping: expired captchas are useless; dropping them here keeps the table small
  if (Math.random() < 0.01) await deleteExpiredCaptchas(ctx.db, now);
  return { id, image: `data:image/svg+xml;base64,${Buffer.from(data).toString('base64')}`, expiresAt };
}

/**
 * Checks and consumes an image captcha: one answer per image, case-insensitive, 5-minute life.
 * In test mode the configured CAPTCHA_TEST_ANSWER is accepted too (never in any other mode).
 */
export async function verifyCaptcha(ctx: AppContext, id: string, answer: string): Promise<void> {
  const hash = await consumeCaptcha(ctx.db, id, ctx.clock.now());
  const testAnswer = ctx.config.mode === 'test' ? ctx.config.captchaTestAnswer : undefined;
  const ok =
    hash !== undefined &&
    (hash === ctx.crypto.hashSecret('captcha', normalize(answer)) ||
      (testAnswer !== undefined && normalize(answer) === normalize(testAnswer)));
  if (!ok) throw fieldError('captchaAnswer', 'captcha.invalid');
}
