import { z } from 'zod';
import { Localized } from './api/casework.ts';
import { ACCOUNT_KINDS, type AccountKind, REAL_NAME_LEVELS, type RealNameLevel } from './enums.ts';
import type { ServiceErrorCode } from './errors.ts';
import { registerServiceErrors } from './i18n/error-messages.ts';

/**
 * The shared half of the service plug-in contract (issue 10 §2–§4): what a business service (事项)
 * tells the catalogue, the guide page, the forms and the read-only views. Each service writes it in
 * `apps/server/src/modules/services/<code>/contract.ts` with `defineServiceContract()`; the server's
 * `defineService()` adds the workflow, and the web folder `apps/web/src/services/<code>/` imports the
 * same file for its form. Pure data and zod: no server code, no browser code.
 */

export { SERVICE_CATEGORIES, SERVICE_CATEGORY_NAMES, type ServiceCategory } from './catalogue-categories.ts';

import type { ServiceCategory } from './catalogue-categories.ts';

/**
 * 地方特色应用 (seed 002 §2.1.3): services a province adds to the national single window, grouped
 * on the portal and in the account centre.
 */
export const LOCAL_FEATURE_GROUPS = [
  {
    code: 'customs-enterprise',
    name: { 'zh-CN': '关企互动', 'zh-HK': '關企互動', en: 'Customs and enterprises' },
  },
  { code: 'cross-border', name: { 'zh-CN': '跨境通行', 'zh-HK': '跨境通行', en: 'Cross-border travel' } },
] as const satisfies readonly { code: string; name: Localized }[];
export type LocalFeatureGroup = (typeof LOCAL_FEATURE_GROUPS)[number]['code'];

/** How a service is done: online here, by appointment here, at a counter, or on another system. */
export const SERVICE_MODES = ['online', 'appointment', 'offline', 'external'] as const;
export type ServiceMode = (typeof SERVICE_MODES)[number];

/** 办事指南: what a real portal's guide page shows, in its usual order. */
export type ServiceGuide = {
  /** 受理条件 */
  conditions: readonly Localized[];
  /** 申请材料 (the attachment slots add their type and size rules) */
  materials: readonly { name: Localized; note?: Localized; slot?: string }[];
  /** 办理流程 */
  steps: readonly Localized[];
  /** 收费标准 */
  fee: Localized;
  /** 设定依据 */
  basis: readonly Localized[];
  /** 咨询电话 */
  hotline: string;
};

export type CatalogueEntry = {
  name: Localized;
  description: Localized;
  category: ServiceCategory;
  /** 受理部门 */
  department: Localized;
  /** who may apply */
  audience: readonly AccountKind[];
  /** the real-name level an applicant needs */
  realNameLevel: RealNameLevel;
  /** where it is offered: GB/T 2260 city codes (empty = everywhere), with a note such as 「暂仅支持广州」 */
  regions: { cities: readonly string[]; note?: Localized };
  mode: ServiceMode;
  /** for `external`: the other system's address */
  externalUrl?: string;
  localFeature?: LocalFeatureGroup;
  /** false: a step of another flow (registration with review), not shown in the catalogue */
  listed?: boolean;
  guide: ServiceGuide;
};

/** How a personal field is masked wherever it may not be shown whole (138****1234, 1101…002X). */
export const PERSONAL_KINDS = ['id_number', 'mobile', 'phone', 'email', 'name', 'number', 'address'] as const;
export type PersonalKind = (typeof PERSONAL_KINDS)[number];

/**
 * What a form field is, for the read-only views, the masking and the labels: the only source of
 * them. Paths are dotted, with `*` for every row of a list (`contacts.*.idNumber`).
 */
export type FieldMeta = {
  label: Localized;
  /** names of coded values (enterprise type codes, yes/no …) */
  values?: Readonly<Record<string, Localized>>;
  /** a computed display (a division code shown as its name); values and display exclude each other */
  display?: (value: string, locale: keyof Localized) => string;
  /** personal data: masked in every view but the applicant's own editable form */
  personal?: PersonalKind;
  multiline?: boolean;
  /** never shown, never sent back (passwords) */
  hidden?: boolean;
  /** kept in the editable form but not shown in read-only views (a code another field names) */
  internal?: boolean;
};
export type FieldMetaMap = Readonly<Record<string, FieldMeta>>;

/** An attachment slot: types are recognised from the content, never the name. */
export type AttachmentRuleContract = {
  slot: string;
  name: Localized;
  required: boolean | ((form: Record<string, unknown>) => boolean);
  /** MIME types as file-type reports them, e.g. image/jpeg */
  types: readonly string[];
  maxBytes: number;
  maxCount: number;
};

export type ServiceContract<Form extends Record<string, unknown> = Record<string, unknown>> = {
  code: string;
  catalogue: CatalogueEntry;
  /** the application form; checked in full at submission */
  form: z.ZodType<Form>;
  /** field metadata, by dotted path */
  fields: FieldMetaMap;
  attachments: readonly AttachmentRuleContract[];
  /**
   * Its own field error codes (`<code>.<name>`) with their messages, for rules only it has (an HS
   * code of 8–10 digits); use them in the form with `serviceIssue()`.
   */
  errors?: Readonly<Partial<Record<ServiceErrorCode, Localized>>>;
};

/** A zod issue carrying one of a service's own field error codes (see `fieldIssue`). */
export function serviceIssue(code: ServiceErrorCode) {
  return { message: code } as const;
}

/** Checks the shape a service's contract.ts declares (and keeps its form's type). */
export function defineServiceContract<Form extends Record<string, unknown>>(
  contract: ServiceContract<Form>,
): ServiceContract<Form> {
  if (!/^[a-z][a-z0-9-]{1,38}[a-z0-9]$/.test(contract.code))
    throw new Error(`service code ${contract.code}: lower-case letters, digits and hyphens`);
  for (const code of Object.keys(contract.errors ?? {}))
    if (!code.startsWith(`${contract.code}.`))
      throw new Error(`${code}: a service's error codes start with its code`);
  registerServiceErrors(contract.errors ?? {});
  return contract;
}

/** The field metadata that applies to a dotted path of a form value (`contacts.0.idNumber`). */
export function fieldMetaOf(fields: FieldMetaMap, path: string): FieldMeta | undefined {
  const exact = fields[path];
  if (exact) return exact;
  return fields[path.replace(/\.\d+(?=\.|$)/g, '.*')];
}

// ——————————————————————————— the catalogue as the API shows it ———————————————————————————

const ModeSchema = z.enum(SERVICE_MODES);

export const CatalogueItem = z
  .object({
    code: z.string(),
    name: Localized,
    description: Localized,
    category: z.string(),
    categoryName: Localized,
    department: Localized,
    audience: z.array(z.enum(ACCOUNT_KINDS)),
    realNameLevel: z.enum(REAL_NAME_LEVELS),
    regions: z.object({ cities: z.array(z.string()), note: Localized.nullable() }),
    mode: ModeSchema,
    externalUrl: z.string().nullable(),
    localFeature: z.object({ code: z.string(), name: Localized }).nullable(),
    /** time to decide, in working days */
    slaWorkingDays: z.number().int(),
    /** the guide page; the apply page is `${link}/apply` */
    link: z.string(),
  })
  .meta({ id: 'CatalogueItem' });
export type CatalogueItem = z.infer<typeof CatalogueItem>;

export const ServiceGuideView = z
  .object({
    conditions: z.array(Localized),
    materials: z.array(
      z.object({
        name: Localized,
        note: Localized.nullable(),
        /** from the attachment slot: accepted types and size */
        types: z.array(z.string()),
        maxBytes: z.number().int().nullable(),
        maxCount: z.number().int().nullable(),
        required: z.boolean().nullable(),
      }),
    ),
    steps: z.array(Localized),
    fee: Localized,
    basis: z.array(Localized),
    hotline: z.string(),
  })
  .meta({ id: 'ServiceGuide' });

export const ServiceDetailView = CatalogueItem.extend({
  guide: ServiceGuideView,
  /** the workflow's states, for the guide's 办理流程 and the applicant's progress */
  states: z.array(z.object({ code: z.string(), name: Localized, final: z.boolean() })),
}).meta({ id: 'ServiceDetail' });
export type ServiceDetailView = z.infer<typeof ServiceDetailView>;

/** The catalogue filters: category, city, 地方特色应用 group, free text. */
export const CatalogueQuery = z.strictObject({
  category: z.string().max(40).optional(),
  city: z
    .string()
    .regex(/^\d{4}$/)
    .optional(),
  localFeature: z.string().max(40).optional(),
  q: z.string().trim().max(40).optional(),
});
export type CatalogueQuery = z.infer<typeof CatalogueQuery>;
