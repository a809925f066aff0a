import { z } from 'zod';
import { ACCOUNT_STATUSES, ID_TYPES } from '../enums.ts';
import { isValidIdNumber } from '../validators/id-document.ts';
import { OtpCode, Password, Username } from './accounts.ts';
import { Email, Mobile } from './auth.ts';
import { CaptchaAnswer, fieldIssue, nameText } from './common.ts';

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

export const OperatorView = z
  .object({
    id: z.uuid(),
    username: z.string(),
    name: z.string(),
    idType: z.enum(ID_TYPES).nullable(),
    idNumberMasked: z.string().nullable(),
    mobileMasked: z.string().nullable(),
    status: z.enum(ACCOUNT_STATUSES),
    /** still owes the first-sign-in steps */
    firstSignInPending: z.boolean(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Operator' });
export type OperatorView = z.infer<typeof OperatorView>;
