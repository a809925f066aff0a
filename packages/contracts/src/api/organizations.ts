import { z } from 'zod';
import { ID_TYPES, LONG_TERM_DATE } from '../enums.ts';
import { isValidCreditCode, orgCodeOfCreditCode } from '../validators/credit-code.ts';
import { isValidIdNumber } from '../validators/id-document.ts';
import { isValidOrgCode, normalizeOrgCode } from '../validators/org-code.ts';
import { OtpCode, Password, Username } from './accounts.ts';
import { Email, Mobile } from './auth.ts';
import { fieldIssue, nameText, ymd } from './common.ts';

type Issues = { addIssue(issue: { code: 'custom'; path: (string | number)[]; message: string }): void };

/** An ID document with, for a resident ID, its validity dates (00000000 = 长期). */
function checkIdDocument(
  ctx: Issues,
  prefix: string,
  doc: { idType?: unknown; idNumber?: unknown; idValidFrom?: unknown; idValidTo?: unknown },
  datesRequired: boolean,
) {
  const path = (k: string) => [`${prefix}${k}`];
  const idType = ID_TYPES.includes(doc.idType as never) ? (doc.idType as (typeof ID_TYPES)[number]) : null;
  if (idType && typeof doc.idNumber === 'string' && !isValidIdNumber(idType, doc.idNumber)) {
    ctx.addIssue({ code: 'custom', path: path('IdNumber'), ...fieldIssue('field.id_number_invalid') });
  }
  if (idType === 'resident_id' && datesRequired) {
    if (!doc.idValidFrom)
      ctx.addIssue({ code: 'custom', path: path('IdValidFrom'), ...fieldIssue('field.required') });
    if (!doc.idValidTo)
      ctx.addIssue({ code: 'custom', path: path('IdValidTo'), ...fieldIssue('field.required') });
  }
  if (
    typeof doc.idValidFrom === 'string' &&
    typeof doc.idValidTo === 'string' &&
    doc.idValidTo !== LONG_TERM_DATE &&
    doc.idValidTo < doc.idValidFrom
  ) {
    ctx.addIssue({ code: 'custom', path: path('IdValidTo'), ...fieldIssue('field.date_range_invalid') });
  }
}

const CreditCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isValidCreditCode, fieldIssue('field.credit_code_invalid'));
const OrgCode = z
  .string()
  .trim()
  .transform(normalizeOrgCode)
  .refine(isValidOrgCode, fieldIssue('field.org_code_invalid'));

/**
 * Step 1 of 无卡用户注册 (seed 004 §1.2.2) and 事业单位注册 (§1.4): the organization and its legal
 * representative. Field names follow the manual: the legal representative's ID and its
 * validity (YYYYMMDD; 00000000 = 长期).
 */
export const OrganizationStep = z
  .strictObject({
    kind: z.enum(['enterprise', 'institution'], fieldIssue('field.invalid')),
    creditCode: CreditCode,
    orgCode: OrgCode,
    name: nameText(100, 'organization'),
    legalRepName: nameText(50),
    legalRepIdType: z.enum(ID_TYPES, fieldIssue('field.invalid')),
    legalRepIdNumber: z.string().trim().toUpperCase().max(30, fieldIssue('field.too_long')),
    legalRepIdValidFrom: ymd(false),
    legalRepIdValidTo: ymd(true),
    /** set when the data came from the e-business-licence service (电子营业执照快捷注册) */
    eLicenseSessionId: z.uuid().optional(),
  })
  .superRefine(
    (o, ctx) => {
      if (typeof o !== 'object' || o === null) return;
      if (
        typeof o.creditCode === 'string' &&
        typeof o.orgCode === 'string' &&
        isValidCreditCode(o.creditCode) &&
        orgCodeOfCreditCode(o.creditCode) !== o.orgCode
      ) {
        ctx.addIssue({ code: 'custom', path: ['orgCode'], ...fieldIssue('field.org_code_mismatch') });
      }
      // from the e-business licence the form holds the number masked: the server registers the
      // licence's own number, so only a masked number from a licence skips the format check
      const maskedFromLicence =
        typeof o.eLicenseSessionId === 'string' &&
        typeof o.legalRepIdNumber === 'string' &&
        o.legalRepIdNumber.includes('*');
      checkIdDocument(
        ctx,
        'legalRep',
        {
          idType: o.legalRepIdType,
          idNumber: maskedFromLicence ? undefined : o.legalRepIdNumber,
          idValidFrom: o.legalRepIdValidFrom,
          idValidTo: o.legalRepIdValidTo,
        },
        true,
      );
    },
    { when: () => true },
  );
export type OrganizationStep = z.infer<typeof OrganizationStep>;

/** POST /api/accounts/organization/check — step 1 alone: valid, and not yet registered? */
export const OrganizationCheckResponse = z.object({ available: z.literal(true) });

/** Step 2: the administrator account (seed 004 §1.2.2 管理员帐号信息; §1.4 adds ID validity). */
export const AdministratorStep = z
  .strictObject({
    username: Username,
    password: Password,
    confirmPassword: z.string(),
    name: nameText(50),
    idType: z.enum(ID_TYPES, fieldIssue('field.invalid')),
    idNumber: z.string().trim().toUpperCase().max(30, fieldIssue('field.too_long')),
    idValidFrom: ymd(false).optional(),
    idValidTo: ymd(true).optional(),
    email: Email,
    mobile: Mobile,
    smsCode: OtpCode,
  })
  .superRefine(
    (a, ctx) => {
      if (typeof a !== 'object' || a === null) return;
      if (typeof a.password === 'string' && a.password !== a.confirmPassword) {
        ctx.addIssue({ code: 'custom', path: ['confirmPassword'], ...fieldIssue('field.password_mismatch') });
      }
      checkIdDocument(ctx, '', a, false);
    },
    { when: () => true },
  );

/** POST /api/accounts/organization — both steps at once, one transaction. */
export const RegisterOrganizationBody = z.strictObject({
  organization: OrganizationStep,
  administrator: AdministratorStep,
  agreement: z.literal(true, fieldIssue('field.agreement_required')),
});
export type RegisterOrganizationBody = z.infer<typeof RegisterOrganizationBody>;

/** 电子营业执照快捷注册: an authorization session with the e-business-licence service. */
export const ELicenseSession = z.object({
  id: z.uuid(),
  status: z.enum(['pending', 'authorized']),
  /** what the licence app scans */
  qrPayload: z.string(),
  expiresAt: z.iso.datetime(),
  /** true when the adapter is the development simulator */
  simulator: z.boolean(),
  enterprise: z
    .object({
      creditCode: z.string(),
      orgCode: z.string(),
      name: z.string(),
      legalRepName: z.string(),
      legalRepIdType: z.enum(ID_TYPES),
      legalRepIdNumber: z.string(),
    })
    .nullable(),
});
export type ELicenseSession = z.infer<typeof ELicenseSession>;

/** Simulator only: what the licence holder confirms in the (simulated) licence app. */
export const ELicenseSimulatorAuthorizeBody = z.strictObject({
  creditCode: CreditCode,
  name: nameText(100, 'organization'),
  legalRepName: nameText(50),
  legalRepIdNumber: z.string().trim().toUpperCase().max(30),
});
