import { z } from 'zod';
import { ACCOUNT_KINDS, ACCOUNT_STATUSES, ID_TYPES, OTP_PURPOSES, REAL_NAME_LEVELS } from '../enums.ts';
import { isValidEmail, isValidMobile } from '../validators/contact.ts';
import { CaptchaAnswer, fieldIssue } from './common.ts';

/** POST /api/captchas → a new image captcha. */
export const CaptchaResponse = z
  .object({
    id: z.uuid(),
    /** data:image/svg+xml;base64,... */
    image: z.string(),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'Captcha' });
export type CaptchaResponse = z.infer<typeof CaptchaResponse>;

export const Mobile = z.string().trim().refine(isValidMobile, fieldIssue('field.mobile_invalid'));
export const Email = z
  .string()
  .trim()
  .max(100, fieldIssue('field.too_long'))
  .refine(isValidEmail, fieldIssue('field.email_invalid'));

/** POST /api/otp/sms — the image captcha is consumed here (seed 004 §1.3: 图片验证码 then 手机验证码). */
export const SendSmsCodeBody = z
  .strictObject({ mobile: Mobile, purpose: z.enum(OTP_PURPOSES) })
  .extend(CaptchaAnswer.shape);
export type SendSmsCodeBody = z.infer<typeof SendSmsCodeBody>;

/** POST /api/otp/email */
export const SendEmailCodeBody = z
  .strictObject({ email: Email, purpose: z.enum(OTP_PURPOSES) })
  .extend(CaptchaAnswer.shape);
export type SendEmailCodeBody = z.infer<typeof SendEmailCodeBody>;

export const SendCodeResponse = z.object({
  /** seconds until another code may be requested for this target */
  resendAfter: z.number().int(),
  /** seconds the code stays valid */
  expiresIn: z.number().int(),
  /** set only when the delivery adapter is a simulator: where to read the message */
  simulator: z.string().optional(),
});
export type SendCodeResponse = z.infer<typeof SendCodeResponse>;

/** POST /api/auth/sign-in (seed 004 §2.1): username, password, image captcha. */
export const SignInBody = z
  .strictObject({
    username: z.string().trim().min(1, fieldIssue('field.required')).max(64, fieldIssue('field.too_long')),
    password: z.string().min(1, fieldIssue('field.required')).max(128, fieldIssue('field.too_long')),
  })
  .extend(CaptchaAnswer.shape);
export type SignInBody = z.infer<typeof SignInBody>;

/** The signed-in account as every front door sees it: personal numbers masked. */
export const AccountView = z
  .object({
    id: z.uuid(),
    username: z.string(),
    kind: z.enum(ACCOUNT_KINDS),
    status: z.enum(ACCOUNT_STATUSES),
    name: z.string(),
    idType: z.enum(ID_TYPES).nullable(),
    idNumberMasked: z.string().nullable(),
    idValidFrom: z.string().nullable(),
    idValidTo: z.string().nullable(),
    mobileMasked: z.string().nullable(),
    emailMasked: z.string().nullable(),
    realNameLevel: z.enum(REAL_NAME_LEVELS),
    isStaff: z.boolean(),
    organizationId: z.uuid().nullable(),
    /** 手机号登录开关 (seed 004 §3.1 账户设置) */
    phoneLoginEnabled: z.boolean(),
    /** operator's first sign-in: prove the mobile by SMS, then change the password (seed 004 §2.1) */
    mustVerifyMobile: z.boolean(),
    mustChangePassword: z.boolean(),
    createdAt: z.iso.datetime(),
    lastSignInAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Account' });
export type AccountView = z.infer<typeof AccountView>;

export const SessionResponse = z.object({
  account: AccountView,
  /** how this session was signed in: password, mobile, card, passkey */
  method: z.string(),
  /** absolute expiry of the session; the idle expiry moves with each request */
  expiresAt: z.iso.datetime(),
  /** until when a recent face check lets this session open personal data (seed 003), if it does */
  stepUpUntil: z.iso.datetime().nullable().optional(),
});
export type SessionResponse = z.infer<typeof SessionResponse>;
