import { z } from 'zod';
import { isCountryCode, MAINLAND_CHINA } from '../geo/country-lookup.ts';
import { isValidIntlMobile, isValidPhoneNumber } from '../validators/intl-phone.ts';
import { OtpCode, Password, Username } from './accounts.ts';
import { Email } from './auth.ts';
import { fieldIssue, hasControlCharacters, nameText, text } from './common.ts';

const MARKUP_RE = /[<>]/;

/** Required single-line text without markup. */
function plainText(max: number) {
  return text(max).refine((v) => !MARKUP_RE.test(v), fieldIssue('field.markup_not_allowed'));
}

/** Optional text without markup; blank counts as not given. */
function optionalPlainText(max: number, opts: { multiline?: boolean } = {}) {
  return z
    .string()
    .trim()
    .max(max, fieldIssue('field.too_long'))
    .refine((v) => !hasControlCharacters(v, opts.multiline ?? false), fieldIssue('field.invalid'))
    .refine((v) => !MARKUP_RE.test(v), fieldIssue('field.markup_not_allowed'))
    .optional()
    .transform((v) => v || undefined);
}

/** Optional telephone number; blank counts as not given. */
function optionalPhone(isValid: (v: string) => boolean) {
  return z
    .string()
    .trim()
    .refine((v) => v === '' || isValid(v), fieldIssue('field.phone_invalid'))
    .optional()
    .transform((v) => v || undefined);
}

/** ISO 3166-1 alpha-3 of an overseas or HK/Macao/Taiwan enterprise: never mainland China. */
export const OverseasCountryCode = z
  .string()
  .trim()
  .toUpperCase()
  .min(1, fieldIssue('field.required'))
  .refine((v) => v === '' || isCountryCode(v), fieldIssue('field.country_invalid'))
  .refine((v) => v !== MAINLAND_CHINA, fieldIssue('field.country_mainland'));

/** 所在国家(地区)注册编号: at most 60 characters, no markup; immutable once set (seed 004 §3.1). */
export const RegistrationNo = plainText(60);

/**
 * POST /api/accounts/overseas — 国外及港澳台地区企业注册 (seed 004 §1.5). Creates the enterprise and
 * its one account; the e-mail is proven by a code sent with `POST /api/otp/email` (purpose `register`).
 */
export const RegisterOverseasBody = z
  .strictObject({
    username: Username,
    password: Password,
    confirmPassword: z.string(),
    /** 所在国家或地区 */
    countryCode: OverseasCountryCode,
    /** 所在国家(地区)注册编号 (optional; can be supplied once later) */
    registrationNo: optionalPlainText(60),
    /** 企业名称 / Organisation name */
    organizationName: plainText(200),
    /** 工作部门 / Department */
    department: optionalPlainText(100),
    /** 工作职务 / Job title */
    jobTitle: optionalPlainText(100),
    /** 联系人 / Contact */
    contactName: nameText(100),
    /** 联系电话 / Contact number */
    contactPhone: z.string().trim().refine(isValidPhoneNumber, fieldIssue('field.phone_invalid')),
    /** 联系传真 / Contact fax */
    fax: optionalPhone(isValidPhoneNumber),
    /** 联系手机 / Mobile, any country */
    mobile: optionalPhone(isValidIntlMobile),
    /** 联系地址 / Address */
    address: plainText(300),
    email: Email,
    emailCode: OtpCode,
    /** 备注 / Notes */
    notes: optionalPlainText(500, { multiline: true }),
    agreement: z.literal(true, fieldIssue('field.agreement_required')),
  })
  .superRefine(
    (body, ctx) => {
      if (typeof body !== 'object' || body === null) return;
      if (typeof body.password === 'string' && body.password !== body.confirmPassword) {
        ctx.addIssue({ code: 'custom', path: ['confirmPassword'], ...fieldIssue('field.password_mismatch') });
      }
    },
    { when: () => true },
  );
export type RegisterOverseasBody = z.infer<typeof RegisterOverseasBody>;

/** PUT /api/account/organization/registration-no — 补充所在国家(地区)注册编号 (seed 004 §3.1). */
export const SupplementRegistrationNoBody = z.strictObject({ registrationNo: RegistrationNo });
export type SupplementRegistrationNoBody = z.infer<typeof SupplementRegistrationNoBody>;
