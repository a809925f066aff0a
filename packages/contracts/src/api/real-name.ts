import { z } from 'zod';
import { ACCOUNT_KINDS, ID_TYPES, REAL_NAME_LEVELS } from '../enums.ts';
import { Mobile } from './auth.ts';
import { fieldIssue } from './common.ts';

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

export const REAL_NAME_METHODS = ['identity', 'bank_card', 'face'] as const;
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
