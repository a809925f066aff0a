import { z } from 'zod';
import { ID_TYPES } from '../enums.ts';
import { isValidOrgCode, normalizeOrgCode } from '../validators/org-code.ts';
import { Mobile } from './auth.ts';
import { fieldIssue, ymd } from './common.ts';
import { CORPORATE_BANKS, CorporateAccountNumber } from './real-name.ts';

/*
 * 找回用户名 (seed 004 §2.3) by 账号信息认证 / 可验证绑定的手机号, for 企业管理员, 企业操作员 and 个人用户.
 *
 *   POST /api/username-recovery/mobile      UsernameRecoveryMobileBody → 200 UsernameRecoveryStep
 *        step 1: a mobile proven by its SMS code (purpose `recover`; the code is sent by
 *        POST /api/otp/sms with the image captcha); for an administrator also 企业名称 and
 *        组织机构代码, and the answer says whether the mobile is the administrator's bound one
 *   POST /api/username-recovery/identity    UsernameRecoveryIdentityBody → 200 UsernameRecoveryStep
 *        step 2: 本人 (or 经办人) identity; individuals and operators get their username here
 *   POST /api/username-recovery/bank-card   UsernameRecoveryBankCardBody → 200 UsernameRecoveryStep
 *        个人实名认证 / 操作员实名认证: identity and bank card (four elements, the bank-reserved mobile's
 *        code) checked with the bank → the usernames of that person's accounts (an operator's in
 *        the enterprise named)
 *   POST /api/username-recovery/enterprise-bank  UsernameRecoveryEnterpriseBankBody → 200 UsernameRecoveryStep
 *        企业实名认证 (administrator): the enterprise's corporate account confirmed by its bank → all
 *        usernames of the enterprise
 *   POST /api/username-recovery/enterprise  UsernameRecoveryEnterpriseBody → 200 UsernameRecoveryStep
 *        step 3 (administrator): 法人信息, 管理员信息, 两操作员手机号 — one of them when the bound mobile
 *        was proven and the person is an 经办人, two when it was not
 *
 * Every failure is 422 `recovery.verification_failed` (or a field error of a code); the answer names
 * usernames only to someone who proved a mobile bound to the account (or the enterprise's facts).
 */

export const USERNAME_RECOVERY_KINDS = ['enterprise_admin', 'enterprise_operator', 'individual'] as const;
export type UsernameRecoveryKind = (typeof USERNAME_RECOVERY_KINDS)[number];

export const ENTERPRISE_FACTS = ['legal_rep', 'administrator', 'operators'] as const;
export type EnterpriseFact = (typeof ENTERPRISE_FACTS)[number];

const Code = z
  .string()
  .trim()
  .regex(/^\d{6}$/, fieldIssue('otp.invalid'));
const Flow = z.string().min(1, fieldIssue('field.required')).max(1000, fieldIssue('field.too_long'));
const Name = z.string().trim().min(1, fieldIssue('field.required')).max(100, fieldIssue('field.too_long'));
const EnterpriseName = z
  .string()
  .trim()
  .min(1, fieldIssue('field.required'))
  .max(200, fieldIssue('field.too_long'));
const OrgCode = z
  .string()
  .trim()
  .transform(normalizeOrgCode)
  .refine(isValidOrgCode, fieldIssue('field.org_code_invalid'));

/** A person's identity as the manual asks it: name, document, number and its validity. */
export const RecoveryIdentity = z.object({
  name: Name,
  idType: z.enum(ID_TYPES),
  idNumber: z
    .string()
    .trim()
    .toUpperCase()
    .min(1, fieldIssue('field.required'))
    .max(30, fieldIssue('field.too_long')),
  idValidFrom: ymd(false),
  idValidTo: ymd(true),
});
export type RecoveryIdentity = z.infer<typeof RecoveryIdentity>;

export const UsernameRecoveryMobileBody = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('individual'), mobile: Mobile, smsCode: Code }),
  z.strictObject({ kind: z.literal('enterprise_operator'), mobile: Mobile, smsCode: Code }),
  z.strictObject({
    kind: z.literal('enterprise_admin'),
    enterpriseName: EnterpriseName,
    orgCode: OrgCode,
    mobile: Mobile,
    smsCode: Code,
  }),
]);
export type UsernameRecoveryMobileBody = z.infer<typeof UsernameRecoveryMobileBody>;

export const UsernameRecoveryIdentityBody = z
  .strictObject({
    flow: Flow,
    /** 企业操作员 only (their step 2 names the enterprise) */
    enterpriseName: EnterpriseName.optional(),
    orgCode: OrgCode.optional(),
  })
  .extend(RecoveryIdentity.shape);
export type UsernameRecoveryIdentityBody = z.infer<typeof UsernameRecoveryIdentityBody>;

export const UsernameRecoveryEnterpriseBody = z.strictObject({
  flow: Flow,
  legalRep: RecoveryIdentity.strict().optional(),
  administrator: RecoveryIdentity.strict().optional(),
  /** 两操作员手机号: two operators' mobiles, each with the code sent to it */
  operators: z
    .array(z.strictObject({ mobile: Mobile, smsCode: Code }))
    .length(2, fieldIssue('recovery.two_operators'))
    .optional(),
});
export type UsernameRecoveryEnterpriseBody = z.infer<typeof UsernameRecoveryEnterpriseBody>;

export const UsernameRecoveryStep = z
  .discriminatedUnion('step', [
    z.object({
      step: z.literal('identity'),
      flow: z.string(),
      /** administrator: whether the mobile proven is the administrator's bound one */
      boundMobile: z.boolean().optional(),
    }),
    z.object({
      step: z.literal('enterprise'),
      flow: z.string(),
      /** how many of 法人信息 / 管理员信息 / 两操作员手机号 must still be verified */
      factsNeeded: z.number().int(),
      /** the enterprise's operators, masked, for 两操作员手机号 (empty when it has fewer than two) */
      operators: z.array(z.string()),
    }),
    z.object({ step: z.literal('done'), usernames: z.array(z.string()) }),
  ])
  .meta({ id: 'UsernameRecoveryStep' });
export type UsernameRecoveryStep = z.infer<typeof UsernameRecoveryStep>;

export const UsernameRecoveryBankCardBody = z
  .strictObject({
    kind: z.enum(['individual', 'enterprise_operator']),
    enterpriseName: EnterpriseName.optional(),
    orgCode: OrgCode.optional(),
    cardNumber: z
      .string()
      .trim()
      .transform((v) => v.replace(/\s+/g, ''))
      .refine((v) => /^\d{12,19}$/.test(v), fieldIssue('realname.card_invalid')),
    /** 银行预留手机号 and its code (purpose `recover`) */
    mobile: Mobile,
    smsCode: Code,
  })
  .extend(RecoveryIdentity.shape);
export type UsernameRecoveryBankCardBody = z.infer<typeof UsernameRecoveryBankCardBody>;

/**
 * 企业实名认证 (§2.3.1.2, administrators): 您的手机号 and its code (purpose `recover`), 企业名称 and
 * 组织机构代码, then the bank (建设银行, 农业银行, 民生银行) confirms the enterprise's corporate account →
 * every username of the enterprise.
 */
export const UsernameRecoveryEnterpriseBankBody = z.strictObject({
  mobile: Mobile,
  smsCode: Code,
  enterpriseName: EnterpriseName,
  orgCode: OrgCode,
  bank: z.enum(CORPORATE_BANKS, fieldIssue('field.invalid')),
  accountNumber: CorporateAccountNumber,
});
export type UsernameRecoveryEnterpriseBankBody = z.infer<typeof UsernameRecoveryEnterpriseBankBody>;
