import { z } from 'zod';
import { ID_TYPES } from '../enums.ts';
import { isValidIdNumber } from '../validators/id-document.ts';
import { Email, Mobile } from './auth.ts';
import { fieldIssue, nameText, ymd } from './common.ts';

/*
 * 账号基本信息 changes (seed 004 §3.1): 修改绑定手机, 修改邮箱, 修改个人信息.
 *
 *   POST /api/account/mobile/code       {} → 202 SendCodeResponse (a code to the bound mobile)
 *   PUT  /api/account/mobile            ChangeMobileBody → 200 AccountChanged
 *        proven by the bound mobile's code, or 「更换验证方式」: the registered ID type and number;
 *        the new number by its own code (POST /api/otp/sms, purpose change_contact)
 *   PUT  /api/account/email             ChangeEmailBody → 200 AccountChanged
 *   PUT  /api/account/identity          ChangeIdentityBody → 200 AccountChanged
 *        name, ID type, number or validity changed → 实名认证 is no longer valid (level none)
 */

const Code = z
  .string()
  .trim()
  .regex(/^\d{6}$/, fieldIssue('otp.invalid'));

export const ChangeMobileBody = z.strictObject({
  proof: z.discriminatedUnion('method', [
    z.strictObject({ method: z.literal('mobile'), code: Code }),
    z.strictObject({
      method: z.literal('identity'),
      idType: z.enum(ID_TYPES),
      idNumber: z
        .string()
        .trim()
        .toUpperCase()
        .min(1, fieldIssue('field.required'))
        .max(30, fieldIssue('field.too_long')),
    }),
  ]),
  newMobile: Mobile,
  newCode: Code,
});
export type ChangeMobileBody = z.infer<typeof ChangeMobileBody>;

export const ChangeEmailBody = z.strictObject({ email: Email, code: Code });
export type ChangeEmailBody = z.infer<typeof ChangeEmailBody>;

export const ChangeIdentityBody = z
  .strictObject({
    name: nameText(50),
    idType: z.enum(ID_TYPES),
    idNumber: z
      .string()
      .trim()
      .toUpperCase()
      .min(1, fieldIssue('field.required'))
      .max(30, fieldIssue('field.too_long')),
    idValidFrom: ymd(false),
    idValidTo: ymd(true),
  })
  .superRefine((b, ctx) => {
    if (typeof b.idNumber === 'string' && b.idType && !isValidIdNumber(b.idType, b.idNumber)) {
      ctx.addIssue({ code: 'custom', path: ['idNumber'], ...fieldIssue('field.id_number_invalid') });
    }
  });
export type ChangeIdentityBody = z.infer<typeof ChangeIdentityBody>;

export const AccountChanged = z
  .object({
    changed: z.boolean(),
    /** 修改个人信息: true when the change ended the account's real-name verification */
    realNameReset: z.boolean(),
  })
  .meta({ id: 'AccountChanged' });
export type AccountChanged = z.infer<typeof AccountChanged>;
