import { z } from 'zod';
import { fieldIssue, hasControlCharacters } from './common.ts';

/**
 * Site identity (网站标识): what the footer of every Chinese government site shows. Set by
 * platform admins in 「平台设置」; a value never set is absent, and the footer leaves its item out.
 */
export const SITE_IDENTITY_FIELDS = [
  'hostedBy',
  'operatedBy',
  'icpNumber',
  'psbNumber',
  'hotline',
  'siteCode',
] as const;
export type SiteIdentityField = (typeof SITE_IDENTITY_FIELDS)[number];

/** 省级行政区简称, the first character of an ICP or 公安 filing number */
const PROVINCE = '[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼港澳台]';
/** ICP 备案号 (or ICP 经营许可证号): 京ICP备12345678号, 京ICP备12345678号-1, 京ICP证030173号 */
export const ICP_NUMBER_RE = new RegExp(`^${PROVINCE}ICP[备证]\\d{5,10}号(?:-\\d{1,3})?$`);
/** 公安机关备案号: 京公网安备 11010502030143号 (14 digits; the space is optional) */
export const PSB_NUMBER_RE = new RegExp(`^${PROVINCE}公网安备 ?(\\d{14})号$`);
/** 网站标识码: bm + 8 digits for a ministry's site, 10 digits for a local government's */
export const SITE_CODE_RE = /^(?:bm\d{8}|\d{10})$/;
/** 服务热线: 12345, 010-12345678, 400-810-8888, +86 10 1234 5678 */
export const HOTLINE_RE = /^\+?\d[\d -]{1,28}\d$/;

/** Where an ICP number is checked: the MIIT filing system. */
export const ICP_LOOKUP_URL = 'https://beian.miit.gov.cn/';

/** Where a 公安备案 number is checked: the MPS filing system, searched by the number's digits. */
export function psbLookupUrl(psbNumber: string): string | null {
  const digits = PSB_NUMBER_RE.exec(psbNumber)?.[1];
  return digits ? `https://beian.mps.gov.cn/#/query/webSearch?code=${digits}` : null;
}

export const SiteIdentity = z
  .object({
    /** 主办单位 */
    hostedBy: z.string().optional(),
    /** 承办单位 */
    operatedBy: z.string().optional(),
    /** ICP 备案号, links to ICP_LOOKUP_URL */
    icpNumber: z.string().optional(),
    /** 公安备案号, links to psbLookupUrl() */
    psbNumber: z.string().optional(),
    /** 服务热线 */
    hotline: z.string().optional(),
    /** 网站标识码 */
    siteCode: z.string().optional(),
  })
  .meta({ id: 'SiteIdentity' });
export type SiteIdentity = z.infer<typeof SiteIdentity>;

/** Platform settings (GET/PUT /api/console/settings). */
export const PlatformSettings = z
  .object({
    /** 「注册需审核」: enterprise registration per seed 001 (reviewed) instead of 004 (immediate) */
    registrationReview: z.boolean(),
    ...SiteIdentity.shape,
  })
  .meta({ id: 'PlatformSettings' });
export type PlatformSettings = z.infer<typeof PlatformSettings>;

/**
 * A site identity value as a form sends it: trimmed; `''` or `null` clears the setting (the
 * footer leaves it out), anything else must match `test` (checked only when not empty).
 */
function clearable(max: number, test: (v: string) => boolean, code: Parameters<typeof fieldIssue>[0]) {
  return z
    .string()
    .trim()
    .max(max, fieldIssue('field.too_long'))
    .refine((v) => !hasControlCharacters(v), fieldIssue('field.invalid'))
    .refine((v) => v === '' || test(v), fieldIssue(code))
    .nullable()
    .optional();
}

const ORGANIZATION_NAME_RE = /^[^<>]+$/;

/** PUT /api/console/settings — only the settings sent change; each change is audited. */
export const UpdatePlatformSettingsBody = z.strictObject({
  registrationReview: z.boolean().optional(),
  hostedBy: clearable(100, (v) => ORGANIZATION_NAME_RE.test(v), 'field.markup_not_allowed'),
  operatedBy: clearable(100, (v) => ORGANIZATION_NAME_RE.test(v), 'field.markup_not_allowed'),
  icpNumber: clearable(40, (v) => ICP_NUMBER_RE.test(v), 'field.icp_number_invalid'),
  psbNumber: clearable(40, (v) => PSB_NUMBER_RE.test(v), 'field.psb_number_invalid'),
  hotline: clearable(30, (v) => HOTLINE_RE.test(v), 'field.hotline_invalid'),
  siteCode: clearable(10, (v) => SITE_CODE_RE.test(v), 'field.site_code_invalid'),
});
export type UpdatePlatformSettingsBody = z.input<typeof UpdatePlatformSettingsBody>;

/** GET /api/platform/info — public: what every page needs to know about the platform. */
export const PlatformInfo = z
  .object({
    mode: z.enum(['local', 'test', 'production']),
    version: z.string(),
    database: z.enum(['pglite', 'postgres']),
    /** names of agency adapters running as simulators; the UI labels them */
    simulators: z.array(z.string()),
    /**
     * 「注册需审核」: enterprises and institutions register with staff review (seed 001,
     * POST /api/register/enterprise-review) instead of at once (seed 004)
     */
    registrationReview: z.boolean(),
    /** the site identity the footer shows; unset values are absent */
    site: SiteIdentity,
  })
  .meta({ id: 'PlatformInfo' });
export type PlatformInfo = z.infer<typeof PlatformInfo>;
