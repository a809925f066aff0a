import { z } from 'zod';
import { LICENCE_TYPES } from '../licences/licence-types.ts';
import { fieldIssue } from './common.ts';

/**
 * 我的证照 (seed 003 「关联个人证照」, issue 13 §2). Opening a licence, linking one and 亮证 need a
 * face check within the last five minutes (`auth.step_up_required`); the list does not show numbers.
 *
 *   GET    /api/licences                         → LicenceSummary[] (the person's linked licences)
 *   POST   /api/licences                         LinkLicenceBody → 201 LicenceDetail (授权关联)
 *   GET    /api/licences/:id                     → LicenceDetail (fields, masked)
 *   DELETE /api/licences/:id                     → 204 (取消关联)
 *   POST   /api/licences/:id/code                → LicenceCodeView (亮证: a signed code, 60 s)
 *   GET    /api/licences/verification-keys       → JWKS (public, cacheable)
 */
export const LicenceTypeSchema = z.enum(LICENCE_TYPES);

export const LicenceSummary = z
  .object({
    id: z.uuid(),
    type: LicenceTypeSchema,
    city: z.string().nullable(),
    linkedAt: z.iso.datetime(),
    /** a licence issued on this platform (居住证) rather than linked from an authority */
    issuedHere: z.boolean(),
  })
  .meta({ id: 'LicenceSummary' });
export type LicenceSummary = z.infer<typeof LicenceSummary>;

export const LicenceDetail = LicenceSummary.extend({
  /** the authority's fields in the type's order, personal ones masked */
  fields: z.array(z.object({ key: z.string(), value: z.string() })),
}).meta({ id: 'LicenceDetail' });
export type LicenceDetail = z.infer<typeof LicenceDetail>;

export const LinkLicenceBody = z.strictObject({
  type: z.enum(LICENCE_TYPES, fieldIssue('field.invalid')),
  /** the city switch's city (社保卡 and 公积金 are looked up there), GB/T 2260 */
  city: z.string().regex(/^44\d{2}$/, fieldIssue('field.invalid')),
});
export type LinkLicenceBody = z.input<typeof LinkLicenceBody>;

export const LicenceCodeView = z
  .object({
    /** the signed code (SWL1:…), what the QR holds */
    code: z.string(),
    /** the QR symbol as SVG, alphanumeric mode, error correction Q */
    svg: z.string(),
    /** the QR version used (≤ 15) */
    qrVersion: z.number().int(),
    kid: z.string(),
    issuedAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'LicenceCode' });
export type LicenceCodeView = z.infer<typeof LicenceCodeView>;

export const LicenceJwksSchema = z
  .object({
    keys: z.array(
      z.object({
        kty: z.literal('EC'),
        crv: z.literal('P-256'),
        x: z.string(),
        y: z.string(),
        kid: z.string(),
        alg: z.literal('ES256'),
        use: z.literal('sig'),
      }),
    ),
  })
  .meta({ id: 'LicenceJwks' });
