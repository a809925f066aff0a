import { z } from 'zod';
import { EMAIL_VERIFIABLE_ID_TYPES, ID_TYPES, LONG_TERM_DATE, ORGANIZATION_KINDS } from '../enums.ts';
import { isStrongPassword, isValidUsername } from '../validators/account.ts';
import { isValidIdNumber } from '../validators/id-document.ts';
import { Email, Mobile } from './auth.ts';
import { fieldIssue, nameText, ymd } from './common.ts';

export const Username = z.string().trim().refine(isValidUsername, fieldIssue('field.username_invalid'));
export const Password = z.string().refine(isStrongPassword, fieldIssue('field.password_weak'));
export const OtpCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, fieldIssue('otp.invalid'));

/**
 * POST /api/accounts/individual — 个人用户注册 (seed 004 §1.3).
 * A resident-ID holder gives ID validity dates and verifies a mainland mobile by SMS.
 * A passport or permit holder without a mainland mobile verifies the e-mail instead.
 */
export const RegisterIndividualBody = z
  .strictObject({
    name: nameText(50),
    idType: z.enum(ID_TYPES, fieldIssue('field.invalid')),
    idNumber: z.string().trim().toUpperCase().max(30, fieldIssue('field.too_long')),
    idValidFrom: ymd(false).optional(),
    idValidTo: ymd(true).optional(),
    username: Username,
    password: Password,
    confirmPassword: z.string(),
    mobile: Mobile.optional(),
    smsCode: OtpCode.optional(),
    email: Email,
    emailCode: OtpCode.optional(),
    agreement: z.literal(true, fieldIssue('field.agreement_required')),
  })
  // runs even when single fields failed, so a form gets every error at once; hence the type guards
  .superRefine(
    (body, ctx) => {
      if (typeof body !== 'object' || body === null) return;
      const idType = ID_TYPES.includes(body.idType) ? body.idType : null;
      if (idType && typeof body.idNumber === 'string' && !isValidIdNumber(idType, body.idNumber)) {
        ctx.addIssue({ code: 'custom', path: ['idNumber'], ...fieldIssue('field.id_number_invalid') });
      }
      if (typeof body.password === 'string' && body.password !== body.confirmPassword) {
        ctx.addIssue({ code: 'custom', path: ['confirmPassword'], ...fieldIssue('field.password_mismatch') });
      }
      if (idType === 'resident_id') {
        if (!body.idValidFrom)
          ctx.addIssue({ code: 'custom', path: ['idValidFrom'], ...fieldIssue('field.required') });
        if (!body.idValidTo)
          ctx.addIssue({ code: 'custom', path: ['idValidTo'], ...fieldIssue('field.required') });
        if (
          typeof body.idValidFrom === 'string' &&
          typeof body.idValidTo === 'string' &&
          body.idValidTo !== LONG_TERM_DATE &&
          body.idValidTo < body.idValidFrom
        ) {
          ctx.addIssue({ code: 'custom', path: ['idValidTo'], ...fieldIssue('field.date_range_invalid') });
        }
      }
      const byEmail = idType !== null && EMAIL_VERIFIABLE_ID_TYPES.includes(idType) && !body.mobile;
      if (byEmail) {
        if (!body.emailCode)
          ctx.addIssue({ code: 'custom', path: ['emailCode'], ...fieldIssue('field.required') });
      } else if (idType !== null) {
        if (!body.mobile)
          ctx.addIssue({ code: 'custom', path: ['mobile'], ...fieldIssue('account.mobile_required') });
        if (!body.smsCode)
          ctx.addIssue({ code: 'custom', path: ['smsCode'], ...fieldIssue('field.required') });
      }
    },
    { when: () => true },
  );
export type RegisterIndividualBody = z.infer<typeof RegisterIndividualBody>;

export const RegisterResponse = z.object({ id: z.uuid(), username: z.string() });
export type RegisterResponse = z.infer<typeof RegisterResponse>;

/** GET /api/accounts/username-available?username= */
export const UsernameAvailableQuery = z.strictObject({ username: z.string().max(64) });
export const UsernameAvailableResponse = z.object({ available: z.boolean() });

/** The signed-in account's organization (seed 004 §3.1 查看), personal numbers masked. */
export const OrganizationView = z
  .object({
    id: z.uuid(),
    kind: z.enum(ORGANIZATION_KINDS),
    name: z.string(),
    creditCode: z.string().nullable(),
    orgCode: z.string().nullable(),
    legalRepName: z.string().nullable(),
    legalRepIdType: z.enum(ID_TYPES).nullable(),
    legalRepIdNumberMasked: z.string().nullable(),
    legalRepIdValidFrom: z.string().nullable(),
    legalRepIdValidTo: z.string().nullable(),
    /** overseas: ISO 3166-1 alpha-3 */
    countryCode: z.string().nullable(),
    /** overseas: registration number in that country; immutable once set */
    registrationNo: z.string().nullable(),
    address: z.string().nullable(),
    /** registration, e_license or card */
    source: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Organization' });
export type OrganizationView = z.infer<typeof OrganizationView>;
