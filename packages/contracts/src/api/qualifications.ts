import { z } from 'zod';
import { fieldIssue } from './common.ts';

/*
 * 我的资质 (seed 004 §3.4), administrators only: the organization's filings with other agencies, by
 * tab (海关, 报检, 对外贸易经营者备案, 原产地企业备案). Grey fields come from the registration and are
 * not editable; the rest is kept as typed (编辑 / 保存, no declaration or approval).
 * 「市场局同步更新」 and 「商务部同步更新」 ask the market regulator and the commerce ministry through
 * their adapters and update what they hold, with 「同步成功」 or the agency's error.
 *
 *   GET  /api/org/qualifications                 → QualificationsView
 *   PUT  /api/org/qualifications                 QualificationsBody → QualificationsView
 *   POST /api/org/qualifications/sync/:agency    (market | commerce) → QualificationsView; 503 agency.unavailable,
 *                                                422 qualification.not_found
 */

/** an optional field: absent or empty when not filed */
const optionalText = (max: number) => z.string().trim().max(max, fieldIssue('field.too_long')).optional();
const optionalDate = z
  .string()
  .trim()
  .optional()
  .refine((v) => !v || /^\d{4}-\d{2}-\d{2}$/.test(v), fieldIssue('field.date_invalid'));

export const CUSTOMS_CATEGORIES = ['consignee', 'customs_broker', 'processing', 'other'] as const;
export const FOREIGN_TRADE_OPERATOR_TYPES = [
  'state_owned',
  'collective',
  'private',
  'foreign_invested',
  'individual',
  'other',
] as const;

export const QualificationsBody = z.strictObject({
  customs: z.strictObject({
    customsCode: optionalText(10).refine((v) => !v || /^[0-9A-Z]{10}$/.test(v), fieldIssue('field.invalid')),
    category: z.enum(CUSTOMS_CATEGORIES).optional(),
    registeredOn: optionalDate,
    validUntil: optionalDate,
  }),
  inspection: z.strictObject({
    inspectionCode: optionalText(10).refine(
      (v) => !v || /^\d{10}$/.test(v),
      fieldIssue('field.inspection_code_invalid'),
    ),
    filedOn: optionalDate,
  }),
  foreignTrade: z.strictObject({
    filingNo: optionalText(30),
    filedOn: optionalDate,
    operatorType: z.enum(FOREIGN_TRADE_OPERATOR_TYPES).optional(),
    importExportCode: optionalText(13),
  }),
  origin: z.strictObject({
    filingNo: optionalText(30),
    filedOn: optionalDate,
  }),
});
export type QualificationsBody = z.infer<typeof QualificationsBody>;

export const QualificationsView = z
  .object({
    /** grey: from the registration, not editable here */
    creditCode: z.string().nullable(),
    orgCode: z.string().nullable(),
    name: z.string(),
    legalRepName: z.string().nullable(),
    address: z.string().nullable(),
    qualifications: QualificationsBody,
    updatedAt: z.iso.datetime().nullable(),
    marketSyncedAt: z.iso.datetime().nullable(),
    commerceSyncedAt: z.iso.datetime().nullable(),
    /** the agencies are simulated (the page says so) */
    simulated: z.boolean(),
  })
  .meta({ id: 'QualificationsView' });
export type QualificationsView = z.infer<typeof QualificationsView>;
