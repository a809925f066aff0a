import { z } from 'zod';
import { ACCOUNT_STATUSES, ID_TYPES } from '../enums.ts';
import { isValidIdNumber } from '../validators/id-document.ts';
import { OtpCode, Password, Username } from './accounts.ts';
import { Email, Mobile } from './auth.ts';
import { CardProof } from './cards.ts';
import { CaptchaAnswer, fieldIssue, nameText, ymd } from './common.ts';

/** PUT /api/account/settings/phone-login — 手机号登录开关 (seed 004 §3.1 账户设置). */
export const PhoneLoginBody = z.strictObject({ enabled: z.boolean() });

/** POST /api/account/password — 修改密码; also the forced change of an initial password (§2.1). */
export const ChangePasswordBody = z
  .strictObject({
    currentPassword: z.string().min(1, fieldIssue('field.required')).max(128, fieldIssue('field.too_long')),
    newPassword: Password,
    confirmPassword: z.string(),
  })
  .superRefine(
    (b, ctx) => {
      if (typeof b !== 'object' || b === null) return;
      if (typeof b.newPassword === 'string' && b.newPassword !== b.confirmPassword) {
        ctx.addIssue({ code: 'custom', path: ['confirmPassword'], ...fieldIssue('field.password_mismatch') });
      }
    },
    { when: () => true },
  );
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

/** POST /api/account/first-sign-in/sms — send the code to the mobile the administrator entered. */
export const FirstSignInSmsBody = z.strictObject(CaptchaAnswer.shape);
/** POST /api/account/first-sign-in/verify */
export const FirstSignInVerifyBody = z.strictObject({ code: OtpCode });

/** POST /api/org/operators — an administrator creates an operator (seed 004 §3.2; default password 88888888). */
export const CreateOperatorBody = z
  .strictObject({
    username: Username,
    name: nameText(50),
    idType: z.enum(ID_TYPES, fieldIssue('field.invalid')),
    idNumber: z.string().trim().toUpperCase().max(30, fieldIssue('field.too_long')),
    mobile: Mobile,
    email: Email.optional(),
  })
  .superRefine(
    (b, ctx) => {
      if (typeof b !== 'object' || b === null) return;
      const idType = ID_TYPES.includes(b.idType) ? b.idType : null;
      if (idType && typeof b.idNumber === 'string' && !isValidIdNumber(idType, b.idNumber)) {
        ctx.addIssue({ code: 'custom', path: ['idNumber'], ...fieldIssue('field.id_number_invalid') });
      }
    },
    { when: () => true },
  );
export type CreateOperatorBody = z.infer<typeof CreateOperatorBody>;

/**
 * 新增有卡操作员 (seed 004 §3.2): the operator's IC card or IKey answers a challenge in the
 * administrator's browser (as at card sign-in); name and identity come from the card, the rest from
 * the registration form, with the agreement. Initial password 88888888, changed at first sign-in.
 *   POST /api/org/operators/card → 201 OperatorView
 */
export const CreateCardOperatorBody = CardProof.extend({
  username: Username,
  mobile: Mobile,
  email: Email.optional(),
  agreement: z.literal(true, fieldIssue('field.agreement_required')),
}).strict();
export type CreateCardOperatorBody = z.infer<typeof CreateCardOperatorBody>;

export const OperatorView = z
  .object({
    id: z.uuid(),
    username: z.string(),
    name: z.string(),
    idType: z.enum(ID_TYPES).nullable(),
    idNumberMasked: z.string().nullable(),
    mobileMasked: z.string().nullable(),
    status: z.enum(ACCOUNT_STATUSES),
    idValidFrom: z.string().nullable(),
    idValidTo: z.string().nullable(),
    /** has a bound IC card (修改/删除 need the administrator to have one too) */
    cardBound: z.boolean(),
    /** still owes the first-sign-in steps */
    firstSignInPending: z.boolean(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Operator' });
export type OperatorView = z.infer<typeof OperatorView>;

/*
 * 我的操作员 (seed 004 §3.2) beyond 新增: 查询 by 用户名 / 姓名, 修改 (everything but the username,
 * including the mobile an administrator mistyped), 账号状态, 删除 (irreversible), 重置密码.
 *
 *   GET    /api/org/operators?username=&name=     → OperatorView[]
 *   PUT    /api/org/operators/:id                  UpdateOperatorBody → OperatorView
 *   DELETE /api/org/operators/:id                  → 204
 *   POST   /api/org/operators/:id/reset-password   → OperatorView (initial password again, first sign-in steps)
 * 403 `operator.card_bound` when the operator has a bound card and the administrator has none
 * (「操作员绑卡成功，但管理员未绑卡，管理员不可对操作员进行修改或删除」).
 */
export const OperatorQuery = z.object({
  username: z.string().trim().max(64).optional(),
  name: z.string().trim().max(50).optional(),
});
export type OperatorQuery = z.infer<typeof OperatorQuery>;

export const UpdateOperatorBody = z
  .strictObject({
    name: nameText(50),
    idType: z.enum(ID_TYPES, fieldIssue('field.invalid')),
    idNumber: z.string().trim().toUpperCase().max(30, fieldIssue('field.too_long')),
    idValidFrom: ymd(false).optional(),
    idValidTo: ymd(true).optional(),
    mobile: Mobile,
    /** 账号状态: enabled or disabled */
    status: z.enum(['active', 'disabled']),
  })
  .superRefine((b, ctx) => {
    if (typeof b !== 'object' || b === null) return;
    if (
      ID_TYPES.includes(b.idType) &&
      typeof b.idNumber === 'string' &&
      !isValidIdNumber(b.idType, b.idNumber)
    ) {
      ctx.addIssue({ code: 'custom', path: ['idNumber'], ...fieldIssue('field.id_number_invalid') });
    }
  });
export type UpdateOperatorBody = z.infer<typeof UpdateOperatorBody>;
