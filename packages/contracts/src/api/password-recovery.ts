import { z } from 'zod';
import { Password } from './accounts.ts';
import { CaptchaAnswer, fieldIssue } from './common.ts';

/*
 * 找回密码 — 邮箱找回 (seed 001 §2.6): username and image captcha → an e-mail with a single-use link
 * (`/recover/email?token=…`, valid 30 minutes) → a new password. The first answer never tells
 * whether the account exists or has an e-mail address.
 *
 *   POST /api/password-recovery/email          PasswordRecoveryEmailBody → 202 PasswordRecoveryAccepted
 *   GET  /api/password-recovery/email/check    ?token= → PasswordResetLinkCheck
 *   POST /api/password-recovery/email/reset    PasswordResetBody → 204; 410 `recovery.link_invalid`
 */

/** Minutes an e-mailed reset link stays valid. */
export const PASSWORD_RESET_LINK_MINUTES = 30;

export const PasswordRecoveryEmailBody = z
  .strictObject({
    username: z.string().trim().min(1, fieldIssue('field.required')).max(64, fieldIssue('field.too_long')),
  })
  .extend(CaptchaAnswer.shape);
export type PasswordRecoveryEmailBody = z.infer<typeof PasswordRecoveryEmailBody>;

/** The same answer whether or not a message was sent. */
export const PasswordRecoveryAccepted = z
  .object({
    accepted: z.literal(true),
    /** how long a link sent now stays valid */
    expiresInMinutes: z.number().int(),
  })
  .meta({ id: 'PasswordRecoveryAccepted' });
export type PasswordRecoveryAccepted = z.infer<typeof PasswordRecoveryAccepted>;

/** GET …/check?token= — whether the link still works (the page shows the form or says to start again). */
export const PasswordResetLinkCheck = z
  .object({
    valid: z.boolean(),
    /** the account's username, partly masked, while the link is valid */
    usernameMasked: z.string().nullable(),
    expiresAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'PasswordResetLinkCheck' });
export type PasswordResetLinkCheck = z.infer<typeof PasswordResetLinkCheck>;

/** POST …/reset — the new password (the platform's rule) and its confirmation; ends every session. */
export const PasswordResetBody = z
  .strictObject({
    token: z.string().min(1, fieldIssue('field.required')).max(100, fieldIssue('field.too_long')),
    password: Password,
    confirmPassword: z.string().max(128, fieldIssue('field.too_long')),
  })
  .superRefine(
    (b, ctx) => {
      if (typeof b !== 'object' || b === null) return;
      if (typeof b.password === 'string' && b.password !== b.confirmPassword) {
        ctx.addIssue({ code: 'custom', path: ['confirmPassword'], ...fieldIssue('field.password_mismatch') });
      }
    },
    { when: () => true },
  );
export type PasswordResetBody = z.infer<typeof PasswordResetBody>;
