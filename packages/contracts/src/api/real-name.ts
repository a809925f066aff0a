import { z } from 'zod';
import { ACCOUNT_KINDS, ID_TYPES, REAL_NAME_LEVELS } from '../enums.ts';
import { Mobile } from './auth.ts';
import { fieldIssue } from './common.ts';
import { EnterpriseLegalRepShape, IdNumberText } from './password-recovery.ts';

/*
 * 实名认证 (seed 004 §3.6) for 个人用户 and 企业操作员: 身份信息认证 (the account's name and identity
 * document checked against the public-security source) raises the level to 中, 银行卡认证 (the
 * holder's bank card and its bank-reserved mobile, proven by SMS) to 高. A level is only ever raised.
 *
 *   GET  /api/account/real-name              → RealNameView
 *   POST /api/account/real-name/identity     {} → RealNameView; 422 `realname.mismatch`,
 *                                            `realname.resident_id_only`, `realname.identity_incomplete`
 *   POST /api/account/real-name/bank-card    RealNameBankCardBody → RealNameView; 422 `realname.card_invalid`
 *   503 `agency.unavailable` when the agency does not answer in time.
 */

/*
 * 企业实名认证 (§3.6.1, administrators): IC 卡认证 (any card of the enterprise; a legal-person card also
 * binds itself), 法人身份认证 (three steps below), 银行UKEY认证 (the enterprise's corporate account at a
 * bank) — each → 高. 操作员 may also use its IC card (the holder's ID must be the operator's).
 *
 *   POST /api/account/real-name/card                      CardProof → RealNameView
 *   POST /api/account/real-name/legal-rep/enterprise      RealNameEnterpriseBody → RealNameLegalRepStep
 *        第一步 核验企业信息: the enterprise and its legal representative as the market regulator holds them
 *   POST /api/account/real-name/legal-rep/legal-rep       RealNamePersonStepBody → RealNameLegalRepStep
 *        第二步 核验法人身份信息: 身份证认证 when the legal representative's document is a resident ID,
 *        else 银行卡认证 (four elements, the reserved mobile's code)
 *   POST /api/account/real-name/legal-rep/administrator   RealNamePersonStepBody → RealNameView
 *        第三步 核验管理员身份信息: the same for the administrator's own recorded identity → 高
 *   POST /api/account/real-name/bank-ukey                 RealNameBankUkeyBody → RealNameView
 */
export const REAL_NAME_METHODS = ['identity', 'bank_card', 'face', 'card', 'legal_rep', 'bank_ukey'] as const;
export type RealNameMethod = (typeof REAL_NAME_METHODS)[number];

export const RealNameView = z
  .object({
    level: z.enum(REAL_NAME_LEVELS),
    kind: z.enum(ACCOUNT_KINDS),
    /** the methods this account kind has here (empty: its real-name routes are the card's or the enterprise's) */
    methods: z.array(z.enum(REAL_NAME_METHODS)),
    name: z.string(),
    idType: z.enum(ID_TYPES).nullable(),
    idNumberMasked: z.string().nullable(),
    /** the agencies are simulated (the page says so) */
    simulated: z.boolean(),
  })
  .meta({ id: 'RealNameView' });
export type RealNameView = z.infer<typeof RealNameView>;

export const RealNameBankCardBody = z.strictObject({
  cardNumber: z
    .string()
    .trim()
    .transform((v) => v.replace(/\s+/g, ''))
    .refine((v) => /^\d{12,19}$/.test(v), fieldIssue('realname.card_invalid')),
  /** 银行预留手机号: may differ from the account's mobile, which it does not change */
  mobile: Mobile,
  smsCode: z
    .string()
    .trim()
    .regex(/^\d{6}$/, fieldIssue('otp.invalid')),
});
export type RealNameBankCardBody = z.infer<typeof RealNameBankCardBody>;

/** the banks of 银行UKEY认证 and 企业实名认证 (建设银行, 农业银行, 民生银行) */
export const CORPORATE_BANKS = ['ccb', 'abc', 'cmbc'] as const;
export type CorporateBank = (typeof CORPORATE_BANKS)[number];

/** 对公账号: 12–25 digits (spaces allowed while typing) */
export const CorporateAccountNumber = z
  .string()
  .trim()
  .transform((v) => v.replace(/\s+/g, ''))
  .refine((v) => /^\d{12,25}$/.test(v), fieldIssue('realname.account_invalid'));

export const RealNameBankUkeyBody = z.strictObject({
  bank: z.enum(CORPORATE_BANKS, fieldIssue('field.invalid')),
  accountNumber: CorporateAccountNumber,
});
export type RealNameBankUkeyBody = z.infer<typeof RealNameBankUkeyBody>;

/** 第一步 核验企业信息 */
export const RealNameEnterpriseBody = z.strictObject(EnterpriseLegalRepShape);
export type RealNameEnterpriseBody = z.infer<typeof RealNameEnterpriseBody>;

const FlowToken = z.string().min(1, fieldIssue('field.required')).max(2000, fieldIssue('field.too_long'));
const Ymd = z
  .string()
  .trim()
  .regex(/^\d{8}$/, fieldIssue('field.date_invalid'));

const personStep = <E extends z.ZodRawShape>(extra: E) =>
  z.discriminatedUnion('method', [
    z.strictObject({
      flow: FlowToken,
      method: z.literal('identity'),
      idValidFrom: Ymd,
      idValidTo: Ymd,
      ...extra,
    }),
    z.strictObject({
      flow: FlowToken,
      method: z.literal('bank_card'),
      cardNumber: RealNameBankCardBody.shape.cardNumber,
      mobile: Mobile,
      smsCode: RealNameBankCardBody.shape.smsCode,
      ...extra,
    }),
  ]);

/** 第三步 核验管理员身份信息: 身份证认证 (the validity the document shows) or 银行卡认证 */
export const RealNamePersonStepBody = personStep({});
export type RealNamePersonStepBody = z.infer<typeof RealNamePersonStepBody>;

/** 第二步 核验法人身份信息: the same, with the legal representative's number again (the flow holds none) */
export const RealNameLegalRepStepBody = personStep({ legalRepIdNumber: IdNumberText });
export type RealNameLegalRepStepBody = z.infer<typeof RealNameLegalRepStepBody>;

export const RealNameLegalRepStep = z.object({
  flow: z.string(),
  /** which step comes next: the legal representative's, then the administrator's */
  step: z.enum(['legal_rep', 'administrator']),
  /** how that person is checked: 身份证认证 for a resident ID, otherwise 银行卡认证 */
  method: z.enum(['identity', 'bank_card']),
  /** the person of that step, masked (the administrator's from the account) */
  person: z.object({
    name: z.string(),
    idType: z.enum(ID_TYPES).nullable(),
    idNumberMasked: z.string().nullable(),
  }),
});
export type RealNameLegalRepStep = z.infer<typeof RealNameLegalRepStep>;
