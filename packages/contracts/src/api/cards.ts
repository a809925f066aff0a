import { z } from 'zod';
import { CARD_ROLES, ID_TYPES } from '../enums.ts';
import { isValidCreditCode, orgCodeOfCreditCode } from '../validators/credit-code.ts';
import { isValidIdNumber } from '../validators/id-document.ts';
import { isValidOrgCode, normalizeOrgCode } from '../validators/org-code.ts';
import { Password } from './accounts.ts';
import { fieldIssue, nameText, text } from './common.ts';

/**
 * Card media (IC 卡 / IKey, seed 004 §1.2.1.1, §2.2, §3.3): an X.509 certificate from the
 * platform CA in a PIN-protected PKCS#12 file. These schemas are shared by the staff console
 * (issuance), the sign-in page (卡介质 tab) and 「我的IC卡」.
 */

/**
 * Where a card certificate carries its attributes for machines: the subjectDirectoryAttributes
 * extension (RFC 5280 §4.2.1.8, non-critical), a SEQUENCE OF Attribute with
 * serialNumber = card number, role = `legal_person` | `operator`, and organizationIdentifier =
 * `NTRCN-` + credit code (18 characters) or organization code (9) (ETSI EN 319 412-1 §5.1.4).
 * The same values are in the subject DN for people. Standard OIDs, so no private arc is needed
 * and every X.509 library (node-forge included) reads it.
 */
export const CARD_ATTRIBUTES_EXTENSION_OID = '2.5.29.9';
export const CARD_ATTRIBUTE_OIDS = {
  cardNo: '2.5.4.5',
  role: '2.5.4.72',
  organizationIdentifier: '2.5.4.97',
} as const;

/** The file extensions a card file may have in the browser's file picker. */
export const CARD_FILE_ACCEPT = '.p12,.pfx';

/** 8–20 digits: never a valid registered username (those need a letter), so `<卡号>` cannot collide. */
export function isValidCardNo(v: string): boolean {
  return /^\d{8,20}$/.test(v);
}

/** 介质密码: 6–16 printable ASCII characters, no spaces (what a hardware token's PIN pad accepts). */
export function isValidCardPin(v: string): boolean {
  return /^[!-~]{6,16}$/.test(v);
}

export const CARD_STATUSES = ['valid', 'not_yet_valid', 'expired', 'revoked'] as const;
export type CardStatus = (typeof CARD_STATUSES)[number];

const Timestamp = z.iso.datetime({ offset: true, error: fieldIssue('field.date_invalid').message });

/** POST /api/console/cards — staff issue a card (with its PKCS#12 file). */
export const IssueCardBody = z
  .strictObject({
    /** generated when omitted */
    cardNo: z.string().trim().refine(isValidCardNo, fieldIssue('field.card_no_invalid')).optional(),
    holderName: nameText(50),
    holderIdType: z.enum(ID_TYPES, fieldIssue('field.invalid')),
    holderIdNumber: z.string().trim().toUpperCase().max(30, fieldIssue('field.too_long')),
    creditCode: z
      .string()
      .trim()
      .toUpperCase()
      .refine(isValidCreditCode, fieldIssue('field.credit_code_invalid'))
      .optional(),
    orgCode: z
      .string()
      .trim()
      .transform(normalizeOrgCode)
      .refine(isValidOrgCode, fieldIssue('field.org_code_invalid')),
    orgName: nameText(200, 'organization'),
    role: z.enum(CARD_ROLES, fieldIssue('field.invalid')),
    /** defaults to the moment of issuance */
    notBefore: Timestamp.optional(),
    notAfter: Timestamp,
    /** 介质密码 protecting the PKCS#12 file; never stored */
    pin: z.string().refine(isValidCardPin, fieldIssue('field.card_pin_invalid')),
  })
  .superRefine(
    (body, ctx) => {
      if (typeof body !== 'object' || body === null) return;
      if (
        ID_TYPES.includes(body.holderIdType) &&
        typeof body.holderIdNumber === 'string' &&
        !isValidIdNumber(body.holderIdType, body.holderIdNumber)
      ) {
        ctx.addIssue({ code: 'custom', path: ['holderIdNumber'], ...fieldIssue('field.id_number_invalid') });
      }
      if (
        typeof body.creditCode === 'string' &&
        typeof body.orgCode === 'string' &&
        isValidCreditCode(body.creditCode) &&
        orgCodeOfCreditCode(body.creditCode) !== body.orgCode
      ) {
        ctx.addIssue({ code: 'custom', path: ['orgCode'], ...fieldIssue('field.org_code_mismatch') });
      }
      if (
        typeof body.notBefore === 'string' &&
        typeof body.notAfter === 'string' &&
        Date.parse(body.notAfter) <= Date.parse(body.notBefore)
      ) {
        ctx.addIssue({ code: 'custom', path: ['notAfter'], ...fieldIssue('field.date_range_invalid') });
      }
    },
    { when: () => true },
  );
export type IssueCardBody = z.input<typeof IssueCardBody>;
export type IssueCardInput = z.output<typeof IssueCardBody>;

/** A card as its holder sees it in 「我的IC卡」: the holder's ID number masked. */
export const CardView = z
  .object({
    id: z.uuid(),
    cardNo: z.string(),
    /** certificate serial number, upper-case hex */
    serial: z.string(),
    role: z.enum(CARD_ROLES),
    holderName: z.string(),
    holderIdType: z.enum(ID_TYPES),
    holderIdNumberMasked: z.string(),
    creditCode: z.string().nullable(),
    orgCode: z.string(),
    orgName: z.string(),
    notBefore: z.iso.datetime(),
    notAfter: z.iso.datetime(),
    status: z.enum(CARD_STATUSES),
    boundAt: z.iso.datetime().nullable(),
    issuedAt: z.iso.datetime(),
  })
  .meta({ id: 'Card' });
export type CardView = z.infer<typeof CardView>;

/** A card in the staff console: who it is bound to, and its revocation. */
export const StaffCardView = CardView.extend({
  boundUsername: z.string().nullable(),
  revokedAt: z.iso.datetime().nullable(),
  revokeReason: z.string().nullable(),
}).meta({ id: 'StaffCard' });
export type StaffCardView = z.infer<typeof StaffCardView>;

/** GET /api/console/cards — search by card number, holder name, organization name or code. */
export const CardListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  status: z.enum(CARD_STATUSES).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type CardListQuery = z.input<typeof CardListQuery>;

export const CardListResponse = z.object({ items: z.array(StaffCardView), total: z.number().int() });
export type CardListResponse = z.infer<typeof CardListResponse>;

/** POST /api/console/cards/:id/revoke */
export const RevokeCardBody = z.strictObject({ reason: text(200) });
export type RevokeCardBody = z.infer<typeof RevokeCardBody>;

/** POST /api/auth/card/challenge → what the card signs (RSA-SHA256 over the UTF-8 of `message`). */
export const CardChallengeResponse = z
  .object({
    id: z.uuid(),
    /** the exact text to sign; it names its purpose so a card signature for a document never passes */
    message: z.string(),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'CardChallenge' });
export type CardChallengeResponse = z.infer<typeof CardChallengeResponse>;

/** A card's answer to a challenge: its certificate and its signature over the challenge message. */
export const CardProof = z.strictObject({
  challengeId: z.uuid(fieldIssue('card.challenge_expired')),
  /** PEM (or base64 DER) X.509 certificate from the card */
  certificate: z.string().min(1, fieldIssue('field.required')).max(20_000, fieldIssue('field.too_long')),
  /** base64 PKCS#1 v1.5 RSA-SHA256 signature */
  signature: z
    .string()
    .max(2048, fieldIssue('field.too_long'))
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, fieldIssue('card.signature_invalid')),
});
export type CardProof = z.infer<typeof CardProof>;

/** POST /api/auth/card/sign-in (seed 004 §2.2). `confirmOverride` answers `card.override_required`. */
export const CardSignInBody = CardProof.extend({ confirmOverride: z.boolean().optional() });
export type CardSignInBody = z.infer<typeof CardSignInBody>;

/** POST /api/account/cards/bind (seed 004 §3.3 绑卡) */
export const BindCardBody = CardProof;
export type BindCardBody = z.infer<typeof BindCardBody>;

/** POST /api/account/cards/unbind (seed 004 §3.3 解绑): the rows ticked in the table. */
export const UnbindCardsBody = z.strictObject({ cardIds: z.array(z.uuid()).min(1).max(50) });
export type UnbindCardsBody = z.infer<typeof UnbindCardsBody>;

/** POST /api/account/activate (seed 004 §3.1 账号激活): only while signed in with the card. */
export const ActivateAccountBody = z
  .strictObject({ password: Password, confirmPassword: z.string() })
  .superRefine(
    (body, ctx) => {
      if (typeof body !== 'object' || body === null) return;
      if (typeof body.password === 'string' && body.password !== body.confirmPassword) {
        ctx.addIssue({ code: 'custom', path: ['confirmPassword'], ...fieldIssue('field.password_mismatch') });
      }
    },
    { when: () => true },
  );
export type ActivateAccountBody = z.infer<typeof ActivateAccountBody>;
