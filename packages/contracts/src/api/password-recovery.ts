import { z } from 'zod';
import { ID_TYPES } from '../enums.ts';
import { Password } from './accounts.ts';
import { Mobile } from './auth.ts';
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

/*
 * 忘记密码 (seed 004 §2.4): 填写用户名 → 安全验证 → 重置密码 → 完成, for every account kind but staff.
 *
 *   POST /api/password-recovery/start    ForgotPasswordStartBody → 200 ForgotPasswordFlow
 *   POST /api/password-recovery/code     ForgotPasswordCodeBody → 202 ForgotPasswordCodeSent
 *   POST /api/password-recovery/verify   ForgotPasswordVerifyBody → 200 ForgotPasswordVerified;
 *                                        422 `recovery.verification_failed`,
 *                                        `recovery.identity_incomplete`; 429 `recovery.too_many_attempts`
 *   POST /api/password-recovery/reset    PasswordResetBody (token from /verify) → 200 ForgotPasswordDone
 *
 * The flow is a signed token that names the username typed, never whether it exists: an unknown
 * username gets a flow shaped like a real one (its masked contacts derived from the username), and
 * every check of it fails like a wrong answer. Codes go out through a job, so sending one takes the
 * same time for both.
 */

/** Minutes a flow (after 填写用户名) and a verified reset stay valid. */
export const FORGOT_PASSWORD_FLOW_MINUTES = 30;
export const FORGOT_PASSWORD_RESET_MINUTES = 15;

/** e_license: 电子营业执照验证, for administrators of enterprises whose credit code starts with 9 */
export const FORGOT_PASSWORD_METHODS = ['sms', 'email', 'account_info', 'legal_rep', 'e_license'] as const;
export type ForgotPasswordMethod = (typeof FORGOT_PASSWORD_METHODS)[number];

export const ForgotPasswordStartBody = PasswordRecoveryEmailBody;
export type ForgotPasswordStartBody = z.infer<typeof ForgotPasswordStartBody>;

export const ForgotPasswordFlow = z
  .object({
    /** the signed flow token, sent back with every later step */
    flow: z.string(),
    /** the methods of the account's kind, in the manual's order */
    methods: z.array(
      z.object({
        method: z.enum(FORGOT_PASSWORD_METHODS),
        /** the bound mobile or e-mail, masked (手机验证, 邮箱验证) */
        target: z.string().nullable(),
      }),
    ),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'ForgotPasswordFlow' });
export type ForgotPasswordFlow = z.infer<typeof ForgotPasswordFlow>;

const FlowToken = z.string().min(1, fieldIssue('field.required')).max(1000, fieldIssue('field.too_long'));
const Code = z
  .string()
  .trim()
  .regex(/^\d{6}$/, fieldIssue('otp.invalid'));
export const PersonName = z
  .string()
  .trim()
  .min(1, fieldIssue('field.required'))
  .max(100, fieldIssue('field.too_long'));
export const IdNumberText = z
  .string()
  .trim()
  .toUpperCase()
  .min(1, fieldIssue('field.required'))
  .max(30, fieldIssue('field.too_long'));

/**
 * The enterprise and its legal representative, as 法定代表人信息验证 (§2.4) and 法人身份认证's
 * 核验企业信息 (§3.6.1) ask them.
 */
export const EnterpriseLegalRepShape = {
  enterpriseName: z
    .string()
    .trim()
    .min(1, fieldIssue('field.required'))
    .max(200, fieldIssue('field.too_long')),
  creditCode: z
    .string()
    .trim()
    .toUpperCase()
    .min(1, fieldIssue('field.required'))
    .max(18, fieldIssue('field.too_long')),
  legalRepName: PersonName,
  legalRepIdType: z.enum(ID_TYPES),
  legalRepIdNumber: IdNumberText,
};

/** 获取验证码 for 手机验证 / 邮箱验证: to the account's bound mobile or e-mail (image captcha first). */
export const ForgotPasswordCodeBody = z
  .strictObject({ flow: FlowToken, method: z.enum(['sms', 'email']) })
  .extend(CaptchaAnswer.shape);
export type ForgotPasswordCodeBody = z.infer<typeof ForgotPasswordCodeBody>;

export const ForgotPasswordCodeSent = z
  .object({ resendAfter: z.number().int(), expiresIn: z.number().int(), simulator: z.string().optional() })
  .meta({ id: 'ForgotPasswordCodeSent' });
export type ForgotPasswordCodeSent = z.infer<typeof ForgotPasswordCodeSent>;

export const ForgotPasswordVerifyBody = z.discriminatedUnion('method', [
  z.strictObject({ flow: FlowToken, method: z.literal('sms'), code: Code }),
  z.strictObject({ flow: FlowToken, method: z.literal('email'), code: Code }),
  /** 账号信息验证: the account holder's name and identity document */
  z
    .strictObject({
      flow: FlowToken,
      method: z.literal('account_info'),
      name: PersonName,
      idType: z.enum(ID_TYPES),
      idNumber: IdNumberText,
    })
    .extend(CaptchaAnswer.shape),
  /** 法定代表人信息验证: the enterprise and its legal representative, and 操作人手机号码 with its SMS code */
  z.strictObject({
    flow: FlowToken,
    method: z.literal('legal_rep'),
    ...EnterpriseLegalRepShape,
    mobile: Mobile,
    smsCode: Code,
  }),
  /** 电子营业执照验证: an e-business-licence authorization this browser opened and the holder confirmed */
  z.strictObject({
    flow: FlowToken,
    method: z.literal('e_license'),
    sessionId: z.uuid(fieldIssue('field.invalid')),
  }),
]);
export type ForgotPasswordVerifyBody = z.infer<typeof ForgotPasswordVerifyBody>;

export const ForgotPasswordVerified = z
  .object({
    /** the reset token for 重置密码 (single use) */
    token: z.string(),
    username: z.string(),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'ForgotPasswordVerified' });
export type ForgotPasswordVerified = z.infer<typeof ForgotPasswordVerified>;

export const ForgotPasswordDone = z.object({ username: z.string() }).meta({ id: 'ForgotPasswordDone' });
export type ForgotPasswordDone = z.infer<typeof ForgotPasswordDone>;
