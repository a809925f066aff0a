import {
  CaptchaAnswer,
  defineServiceContract,
  Email,
  type FieldMetaMap,
  fieldIssue,
  findDivision,
  ID_TYPE_NAMES,
  ID_TYPES,
  isValidCreditCode,
  isValidDivisionPath,
  isValidIdNumber,
  isValidIntlMobile,
  isValidOrgCode,
  isValidPhoneNumber,
  type Locale,
  type Localized,
  Mobile,
  nameText,
  normalizeOrgCode,
  orgCodeOfCreditCode,
  Password,
  text,
  Username,
} from '@sw/contracts';
import { z } from 'zod';

/*
 * 企业注册审核 — registration with staff review (seed 001 §2.3), offered while the platform setting
 * 「注册需审核」 is on (`PlatformInfo.registrationReview`); otherwise enterprises register at once
 * per seed 004. The submission becomes an application of the casework service
 * `enterprise-registration` (numbers QYZC…), decided within 2 working days (001 §2.4).
 *
 * Routes (anonymous, image captcha, rate-limited):
 *   POST /api/register/enterprise-review              SubmitEnterpriseRegistrationBody → 201 EnterpriseRegistrationSubmitted
 *   GET  /api/register/enterprise-review/correction   ?token= → EnterpriseRegistrationCorrectionView
 *   POST /api/register/enterprise-review/correction   CorrectEnterpriseRegistrationBody → 200 EnterpriseRegistrationSubmitted
 * Attachments are uploaded first, anonymously: `POST /api/files?service=enterprise-registration&slot=<slot>`
 * answers `{ fileId, uploadToken }`, which the submission names in `attachments`.
 *
 * Problems worth a special screen:
 *   409 `account.org_code_taken` / `account.credit_code_taken` (「组织机构代码已存在」, path
 *     `form.orgCode` / `form.creditCode`): the organization is registered already — offer
 *     「登录」 (/login) and 「邮箱找回密码」 (/recover/email) to its administrator.
 *   409 `registration.review_mode_off`: the setting is off; use the 004 registration instead.
 *   410 `registration.correction_link_invalid`: the correction link is unknown, used or expired.
 * Signing in before the decision gives 403 `auth.registration_under_review` (with `dueAt`) or,
 * after a rejection, 403 `auth.registration_returned`.
 */

/** 注册类型 (001 §2.3): 三证合一企业, 企业单位, 政府事业单位 — the last two fill the non-unified form (§2.3.2). */
export const REGISTRATION_TYPES = ['unified', 'enterprise', 'institution'] as const;
export type RegistrationType = (typeof REGISTRATION_TYPES)[number];

/** 实体类型: 货代, 船代, 报关行, 货主 — at least one. */
export const ENTITY_TYPES = ['forwarder', 'ship_agent', 'customs_broker', 'cargo_owner'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** 企业类型 (import-export enterprises only; optional). */
export const ENTERPRISE_TYPES = [
  'state_owned',
  'collective',
  'private',
  'foreign_invested',
  'individual_business',
  'other',
] as const;
export type EnterpriseType = (typeof ENTERPRISE_TYPES)[number];

/** 联系方式 rows, in the manual's order: 法人代表, 总经理, 财务联系人. */
export const CONTACT_ROLES = ['legal_rep', 'general_manager', 'finance'] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

type Names<K extends string> = Record<K, Record<Locale, string>>;

export const REGISTRATION_TYPE_NAMES: Names<RegistrationType> = {
  unified: { 'zh-CN': '三证合一企业', 'zh-HK': '三證合一企業', en: 'Enterprise with a unified credit code' },
  enterprise: { 'zh-CN': '企业单位', 'zh-HK': '企業單位', en: 'Enterprise (without a unified code)' },
  institution: { 'zh-CN': '政府事业单位', 'zh-HK': '政府事業單位', en: 'Government or public institution' },
};

export const ENTITY_TYPE_NAMES: Names<EntityType> = {
  forwarder: { 'zh-CN': '货代', 'zh-HK': '貨代', en: 'Freight forwarder' },
  ship_agent: { 'zh-CN': '船代', 'zh-HK': '船代', en: 'Shipping agent' },
  customs_broker: { 'zh-CN': '报关行', 'zh-HK': '報關行', en: 'Customs broker' },
  cargo_owner: { 'zh-CN': '货主', 'zh-HK': '貨主', en: 'Cargo owner' },
};

export const ENTERPRISE_TYPE_NAMES: Names<EnterpriseType> = {
  state_owned: { 'zh-CN': '国有企业', 'zh-HK': '國有企業', en: 'State-owned enterprise' },
  collective: { 'zh-CN': '集体企业', 'zh-HK': '集體企業', en: 'Collective enterprise' },
  private: { 'zh-CN': '私营企业', 'zh-HK': '私營企業', en: 'Private enterprise' },
  foreign_invested: { 'zh-CN': '外商投资企业', 'zh-HK': '外商投資企業', en: 'Foreign-invested enterprise' },
  individual_business: { 'zh-CN': '个体工商户', 'zh-HK': '個體工商戶', en: 'Individual business' },
  other: { 'zh-CN': '其他', 'zh-HK': '其他', en: 'Other' },
};

export const CONTACT_ROLE_NAMES: Names<ContactRole> = {
  legal_rep: { 'zh-CN': '法人代表', 'zh-HK': '法人代表', en: 'Legal representative' },
  general_manager: { 'zh-CN': '总经理', 'zh-HK': '總經理', en: 'General manager' },
  finance: { 'zh-CN': '财务联系人', 'zh-HK': '財務聯絡人', en: 'Finance contact' },
};

// ——————————————————————————————— attachments ———————————————————————————————

/** 注册资料: original scans, jpg/gif/bmp/jpeg/png, at most 10 MB each (001 §2.3.1.5, §2.3.2.5). */
export const REGISTRATION_ATTACHMENT_TYPES = ['image/jpeg', 'image/gif', 'image/bmp', 'image/png'] as const;
export const REGISTRATION_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
/** what the file picker accepts */
export const REGISTRATION_ATTACHMENT_ACCEPT = '.jpg,.jpeg,.gif,.bmp,.png';

export const REGISTRATION_ATTACHMENT_SLOTS = [
  'creditCertificate',
  'businessLicence',
  'orgCodeCertificate',
  'customsCertificate',
  'inspectionCertificate',
  'other',
] as const;
export type RegistrationAttachmentSlot = (typeof REGISTRATION_ATTACHMENT_SLOTS)[number];

export type RegistrationAttachmentRule = {
  slot: RegistrationAttachmentSlot;
  name: Record<Locale, string>;
  /** the registration types whose form shows this slot */
  offeredFor: readonly RegistrationType[];
  /** the registration types for which it must be filled */
  requiredFor: readonly RegistrationType[];
  maxCount: number;
};

const NON_UNIFIED: readonly RegistrationType[] = ['enterprise', 'institution'];

/** The slots of figures 7 and 11: 三证合一 needs the credit-code certificate, the others licence and code certificate. */
export const REGISTRATION_ATTACHMENTS: readonly RegistrationAttachmentRule[] = [
  {
    slot: 'creditCertificate',
    name: {
      'zh-CN': '统一社会信用代码证',
      'zh-HK': '統一社會信用代碼證',
      en: 'Unified credit code certificate',
    },
    offeredFor: ['unified'],
    requiredFor: ['unified'],
    maxCount: 1,
  },
  {
    slot: 'businessLicence',
    name: { 'zh-CN': '营业执照', 'zh-HK': '營業執照', en: 'Business licence' },
    offeredFor: NON_UNIFIED,
    requiredFor: NON_UNIFIED,
    maxCount: 1,
  },
  {
    slot: 'orgCodeCertificate',
    name: { 'zh-CN': '组织机构代码证', 'zh-HK': '組織機構代碼證', en: 'Organization code certificate' },
    offeredFor: NON_UNIFIED,
    requiredFor: NON_UNIFIED,
    maxCount: 1,
  },
  {
    slot: 'customsCertificate',
    name: {
      'zh-CN': '报关注册登记证书',
      'zh-HK': '報關註冊登記證書',
      en: 'Customs registration certificate',
    },
    offeredFor: REGISTRATION_TYPES,
    requiredFor: [],
    maxCount: 1,
  },
  {
    slot: 'inspectionCertificate',
    name: {
      'zh-CN': '报检注册登记证书',
      'zh-HK': '報檢註冊登記證書',
      en: 'Inspection registration certificate',
    },
    offeredFor: REGISTRATION_TYPES,
    requiredFor: [],
    maxCount: 1,
  },
  {
    slot: 'other',
    name: { 'zh-CN': '其他资料', 'zh-HK': '其他資料', en: 'Other documents' },
    offeredFor: REGISTRATION_TYPES,
    requiredFor: [],
    maxCount: 5,
  },
];

export function registrationAttachmentRule(slot: RegistrationAttachmentSlot): RegistrationAttachmentRule {
  return REGISTRATION_ATTACHMENTS.find((r) => r.slot === slot)!;
}

// ——————————————————————————————— field helpers ———————————————————————————————

const MARKUP_RE = /[<>]/;

function hasControlCharacters(v: string, allowLineBreaks: boolean): boolean {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (allowLineBreaks && (c === 0x0a || c === 0x0d || c === 0x09)) continue;
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

/** Required single-line text without markup. */
function plainText(max: number) {
  return text(max).refine((v) => !MARKUP_RE.test(v), fieldIssue('field.markup_not_allowed'));
}

/** Optional text without markup; blank counts as not given. */
function optionalText(max: number, opts: { multiline?: boolean } = {}) {
  return z
    .string()
    .trim()
    .max(max, fieldIssue('field.too_long'))
    .refine((v) => !hasControlCharacters(v, opts.multiline ?? false), fieldIssue('field.invalid'))
    .refine((v) => !MARKUP_RE.test(v), fieldIssue('field.markup_not_allowed'))
    .optional()
    .transform((v) => v || undefined);
}

/** An optional code checked by `isValid` after trimming and upper-casing; blank counts as not given. */
function optionalCode(isValid: (v: string) => boolean, code: Parameters<typeof fieldIssue>[0], max = 30) {
  return z
    .string()
    .trim()
    .toUpperCase()
    .max(max, fieldIssue('field.too_long'))
    .refine((v) => v === '' || isValid(v), fieldIssue(code))
    .optional()
    .transform((v) => v || undefined);
}

/** An optional value checked by `isValid` as typed (trimmed); blank counts as not given. */
function optionalChecked(
  isValid: (v: string) => boolean,
  code: Parameters<typeof fieldIssue>[0],
  max: number,
) {
  return z
    .string()
    .trim()
    .max(max, fieldIssue('field.too_long'))
    .refine((v) => v === '' || isValid(v), fieldIssue(code))
    .optional()
    .transform((v) => v || undefined);
}

const personName = nameText(50);
const OptionalPersonName = optionalChecked((v) => personName.safeParse(v).success, 'field.name_invalid', 50);
const OptionalEmail = optionalChecked((v) => Email.safeParse(v).success, 'field.email_invalid', 100);
const OptionalPhone = optionalChecked(isValidPhoneNumber, 'field.phone_invalid', 30);
const Phone = z.string().trim().refine(isValidPhoneNumber, fieldIssue('field.phone_invalid'));

/** 统一社会信用代码 (GB 32100), upper case. */
const OptionalCreditCode = optionalCode(isValidCreditCode, 'field.credit_code_invalid', 18);
/** 组织机构代码 (GB 11714), written without the hyphen. */
const OptionalOrgCode = z
  .string()
  .trim()
  .max(12, fieldIssue('field.too_long'))
  .transform(normalizeOrgCode)
  .refine((v) => v === '' || isValidOrgCode(v), fieldIssue('field.org_code_invalid'))
  .optional()
  .transform((v) => v || undefined);

/** A GB/T 2260 code of the given length (2, 4, 6 digits); the path is checked as a whole. */
function divisionCode(digits: number) {
  return z
    .string()
    .trim()
    .refine((v) => new RegExp(`^\\d{${digits}}$`).test(v), fieldIssue('field.division_invalid'));
}

const ALNUM = (min: number, max: number) => (v: string) => new RegExp(`^[0-9A-Z]{${min},${max}}$`).test(v);
/** other agencies' enterprise codes: letters, digits and hyphens */
const AGENCY_CODE = (v: string) => /^[0-9A-Z][0-9A-Z-]{0,29}$/.test(v);

// ——————————————————————————————— the form ———————————————————————————————

type Issues = { addIssue(issue: { code: 'custom'; path: (string | number)[]; message: string }): void };

function contactRow<R extends ContactRole>(role: R) {
  return z
    .strictObject({
      role: z.literal(role, fieldIssue('field.invalid')),
      name: OptionalPersonName,
      /** 证件类型; the form preselects 居民身份证 */
      idType: z.enum(ID_TYPES, fieldIssue('field.invalid')).optional(),
      idNumber: optionalCode(() => true, 'field.id_number_invalid', 30),
      phone: OptionalPhone,
      fax: OptionalPhone,
      mobile: optionalChecked(isValidIntlMobile, 'field.mobile_invalid', 30),
      email: OptionalEmail,
    })
    .superRefine(
      (c, ctx) => {
        if (typeof c !== 'object' || c === null || typeof c.idNumber !== 'string' || c.idNumber === '')
          return;
        if (!c.idType) {
          ctx.addIssue({ code: 'custom', path: ['idType'], ...fieldIssue('field.required') });
        } else if (
          ID_TYPES.includes(c.idType) &&
          !isValidIdNumber(c.idType, c.idNumber.trim().toUpperCase())
        ) {
          ctx.addIssue({ code: 'custom', path: ['idNumber'], ...fieldIssue('field.id_number_invalid') });
        }
      },
      { when: () => true },
    );
}

/** 联系方式: three rows, 法人代表 / 总经理 / 财务联系人, each optional field by field (none is starred). */
export const RegistrationContacts = z.tuple([
  contactRow('legal_rep'),
  contactRow('general_manager'),
  contactRow('finance'),
]);

/** 管理员账户信息 as stored with the application and shown for correction (no password). */
const adminShape = {
  /** 平台帐户名: the platform's username rule (seed 004), stricter than 001's 6–12 characters */
  username: Username,
  /** 真实姓名 */
  realName: nameText(50),
  /** E-mail: the review's result goes here (starred) */
  email: Email,
  /** 传真 (starred) */
  fax: Phone,
  /** 电话号码 (starred) */
  phone: Phone,
  /** 手机 (starred) */
  mobile: Mobile,
  /** 报关员号 */
  customsDeclarantNo: optionalCode(ALNUM(1, 20), 'field.invalid', 20),
  /** 报检员号 */
  inspectionDeclarantNo: optionalCode(ALNUM(1, 20), 'field.invalid', 20),
  /** 职务 */
  jobTitle: optionalText(50),
};

export const RegistrationAdminRecord = z.strictObject(adminShape);

/** 管理员账户信息 as typed at registration: with the password (the platform's rule) and its confirmation. */
export const RegistrationAdmin = z
  .strictObject({ ...adminShape, password: Password, confirmPassword: z.string().max(128) })
  .superRefine(
    (a, ctx) => {
      if (typeof a !== 'object' || a === null) return;
      if (typeof a.password === 'string' && a.password !== a.confirmPassword) {
        ctx.addIssue({ code: 'custom', path: ['confirmPassword'], ...fieldIssue('field.password_mismatch') });
      }
    },
    { when: () => true },
  );

const formShape = {
  registrationType: z.enum(REGISTRATION_TYPES, fieldIssue('field.invalid')),
  /** 统一社会信用代码 — 三证合一 only, and required there */
  creditCode: OptionalCreditCode,
  /**
   * 组织机构代码 — required unless 三证合一; for 三证合一 it may be left out (it is characters 9–17
   * of the credit code; given, it must equal them)
   */
  orgCode: OptionalOrgCode,
  /** 工商注册登记号 — non-unified only */
  businessLicenceNo: optionalCode(ALNUM(13, 18), 'field.invalid', 18),
  /** 税务登记证 — non-unified only */
  taxRegistrationNo: optionalCode(ALNUM(15, 20), 'field.invalid', 20),
  /** 企业所在省市区: GB/T 2260 codes; no district for a city without a county level */
  province: divisionCode(2),
  city: divisionCode(4),
  district: optionalChecked((v) => /^\d{6}$/.test(v), 'field.division_invalid', 6),
  /** 单位地址 */
  address: plainText(200),
  /** 单位全称 (中文) */
  nameZh: nameText(100, 'organization'),
  /** 英文名称 */
  nameEn: optionalText(200),
  /** 单位中文简称 */
  shortName: optionalText(50),
  /** 邮政编码 */
  postalCode: optionalChecked((v) => /^\d{6}$/.test(v), 'field.postal_code_invalid', 6),
  /** 开户银行 */
  bankName: optionalText(100),
  /** 银行账号 */
  bankAccount: optionalChecked(
    (v) => /^\d[\d -]{4,38}\d$/.test(v) && v.replace(/\D/g, '').length >= 6,
    'field.invalid',
    40,
  ),
  /** 中国电子口岸卡号 (法人卡卡号) */
  eportCardNo: optionalChecked((v) => /^\d{8,20}$/.test(v), 'field.card_no_invalid', 20),
  /** 注册资金, as written (e.g. 500万元人民币) */
  registeredCapital: optionalText(50),
  /** 海关企业代码 (10 characters): whoever has one must give it (001 §2.3.1.1 c) */
  customsCode: optionalCode(ALNUM(10, 10), 'field.customs_code_invalid', 10),
  /** 国检企业代码 (10 digits) */
  inspectionCode: optionalCode((v) => /^\d{10}$/.test(v), 'field.inspection_code_invalid', 10),
  /** 外经贸企业代码 */
  foreignTradeCode: optionalCode(AGENCY_CODE, 'field.invalid'),
  /** 边检企业代码 */
  borderCode: optionalCode(AGENCY_CODE, 'field.invalid'),
  /** 港口局企业代码 */
  portCode: optionalCode(AGENCY_CODE, 'field.invalid'),
  /** 外管企业代码 */
  forexCode: optionalCode(AGENCY_CODE, 'field.invalid'),
  /** 企业类型: import-export enterprises only (not a 政府事业单位) */
  enterpriseType: z.enum(ENTERPRISE_TYPES, fieldIssue('field.invalid')).optional(),
  /** 经营范围 */
  businessScope: optionalText(1000, { multiline: true }),
  /** 实体类型: one or more */
  entityTypes: z
    .array(z.enum(ENTITY_TYPES, fieldIssue('field.invalid')))
    .min(1, fieldIssue('field.required'))
    .max(ENTITY_TYPES.length, fieldIssue('field.invalid'))
    .refine((v) => new Set(v).size === v.length, fieldIssue('field.invalid')),
  contacts: RegistrationContacts,
};

/** Rules across fields: which code each registration type needs, the division path. */
function checkForm(f: Record<string, unknown>, ctx: Issues) {
  const issue = (path: string, code: Parameters<typeof fieldIssue>[0]) =>
    ctx.addIssue({ code: 'custom', path: [path], ...fieldIssue(code) });
  const type = REGISTRATION_TYPES.includes(f.registrationType as RegistrationType)
    ? (f.registrationType as RegistrationType)
    : null;
  const creditCode = typeof f.creditCode === 'string' ? f.creditCode : undefined;
  const orgCode = typeof f.orgCode === 'string' ? f.orgCode : undefined;
  if (type === 'unified') {
    if (!creditCode) issue('creditCode', 'field.required');
    else if (orgCode && isValidCreditCode(creditCode) && orgCodeOfCreditCode(creditCode) !== orgCode)
      issue('orgCode', 'field.org_code_mismatch');
    if (f.businessLicenceNo) issue('businessLicenceNo', 'field.unknown');
    if (f.taxRegistrationNo) issue('taxRegistrationNo', 'field.unknown');
  } else if (type) {
    if (!orgCode) issue('orgCode', 'field.required');
    if (creditCode) issue('creditCode', 'field.unknown');
    if (type === 'institution' && f.enterpriseType) issue('enterpriseType', 'field.invalid');
  }
  const { province, city, district } = f;
  if (typeof province === 'string' && typeof city === 'string') {
    const d = typeof district === 'string' ? district : undefined;
    // name the first level that does not fit
    if (province.length !== 2 || !findDivision(province)) issue('province', 'field.division_invalid');
    else if (city.length !== 4 || !city.startsWith(province) || !findDivision(city))
      issue('city', 'field.division_invalid');
    else if (!isValidDivisionPath(province, city, d))
      issue('district', d ? 'field.division_invalid' : 'field.required');
  }
}

const refineForm = (f: unknown, ctx: Issues) => {
  if (typeof f === 'object' && f !== null) checkForm(f as Record<string, unknown>, ctx);
};

/**
 * The registration form of seed 001 §2.3.1 (三证合一) and §2.3.2 (企业单位 / 政府事业单位) as typed:
 * basic data, 联系方式, 管理员账户信息 with the password. Starred in the manual and required here:
 * 省市区, 单位地址, 统一社会信用代码 (三证合一) or 组织机构代码 (otherwise), 单位全称, 实体类型,
 * and the administrator's 帐户名, 真实姓名, 密码, E-mail, 传真, 电话, 手机.
 */
export const EnterpriseRegistrationForm = z
  .strictObject({ ...formShape, admin: RegistrationAdmin })
  .superRefine(refineForm, { when: () => true });
export type EnterpriseRegistrationForm = z.infer<typeof EnterpriseRegistrationForm>;
/** what the web form holds before parsing */
export type EnterpriseRegistrationFormInput = z.input<typeof EnterpriseRegistrationForm>;

/**
 * The form as the application keeps it (encrypted) and the correction screen shows it: the
 * same without the password. A correction sends this shape; the username cannot change.
 */
export const EnterpriseRegistrationRecord = z
  .strictObject({ ...formShape, admin: RegistrationAdminRecord })
  .superRefine(refineForm, { when: () => true });
export type EnterpriseRegistrationRecord = z.infer<typeof EnterpriseRegistrationRecord>;
export type EnterpriseRegistrationRecordInput = z.input<typeof EnterpriseRegistrationRecord>;

/** The organization code a form stands for: typed, or characters 9–17 of the credit code. */
export function registrationOrgCode(form: Pick<EnterpriseRegistrationRecord, 'creditCode' | 'orgCode'>) {
  return form.orgCode ?? (form.creditCode ? orgCodeOfCreditCode(form.creditCode) : undefined);
}

// ——————————————————————————————— routes ———————————————————————————————

/** A file uploaded anonymously for a slot (`POST /api/files?service=enterprise-registration&slot=`). */
export const RegistrationUpload = z.strictObject({
  slot: z.enum(REGISTRATION_ATTACHMENT_SLOTS, fieldIssue('field.invalid')),
  fileId: z.uuid(fieldIssue('field.invalid')),
  uploadToken: z.string().min(1, fieldIssue('field.required')).max(200, fieldIssue('field.too_long')),
});
export type RegistrationUpload = z.infer<typeof RegistrationUpload>;

/** POST /api/register/enterprise-review — submit for review (one transaction). */
export const SubmitEnterpriseRegistrationBody = z
  .strictObject({
    form: EnterpriseRegistrationForm,
    attachments: z.array(RegistrationUpload).max(20, fieldIssue('casework.attachment_too_many')),
  })
  .extend(CaptchaAnswer.shape);
export type SubmitEnterpriseRegistrationBody = z.infer<typeof SubmitEnterpriseRegistrationBody>;
export type SubmitEnterpriseRegistrationInput = z.input<typeof SubmitEnterpriseRegistrationBody>;

/** The receipt: the number, the review's due date (2 working days), where the result will be sent. */
export const EnterpriseRegistrationSubmitted = z
  .object({
    number: z.string(),
    /** end of the last working day of the review */
    dueAt: z.iso.datetime(),
    slaWorkingDays: z.number().int(),
    username: z.string(),
    emailMasked: z.string(),
  })
  .meta({ id: 'EnterpriseRegistrationSubmitted' });
export type EnterpriseRegistrationSubmitted = z.infer<typeof EnterpriseRegistrationSubmitted>;

/** An attachment already on the application, kept or replaced in a correction. */
export const RegistrationAttachmentView = z.object({
  slot: z.enum(REGISTRATION_ATTACHMENT_SLOTS),
  fileId: z.uuid(),
  name: z.string(),
  mime: z.string(),
  size: z.number().int(),
});
export type RegistrationAttachmentView = z.infer<typeof RegistrationAttachmentView>;

/** GET /api/register/enterprise-review/correction?token= — what was returned, and why. */
export const EnterpriseRegistrationCorrectionView = z
  .object({
    number: z.string(),
    /** `rejected` (退回补正) while the link is valid */
    status: z.string(),
    /** the reviewer's latest reason */
    reasons: z.string().nullable(),
    /** EnterpriseRegistrationRecord: as typed, without the password */
    form: z.record(z.string(), z.unknown()),
    attachments: z.array(RegistrationAttachmentView),
    /** when the link stops working */
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'EnterpriseRegistrationCorrectionView' });
export type EnterpriseRegistrationCorrectionView = Omit<
  z.infer<typeof EnterpriseRegistrationCorrectionView>,
  'form'
> & { form: EnterpriseRegistrationRecord };

/** A kept attachment names its file; a new one is an anonymous upload with its token. */
export const CorrectionAttachment = z.union([
  RegistrationUpload,
  z.strictObject({
    slot: z.enum(REGISTRATION_ATTACHMENT_SLOTS, fieldIssue('field.invalid')),
    fileId: z.uuid(fieldIssue('field.invalid')),
  }),
]);
export type CorrectionAttachment = z.infer<typeof CorrectionAttachment>;

/**
 * POST /api/register/enterprise-review/correction — the corrected form and the complete list of
 * attachments (files left out are removed); resubmits and starts the 2 working days again.
 */
export const CorrectEnterpriseRegistrationBody = z.strictObject({
  token: z.string().min(1, fieldIssue('field.required')).max(100, fieldIssue('field.too_long')),
  form: EnterpriseRegistrationRecord,
  attachments: z.array(CorrectionAttachment).max(20, fieldIssue('casework.attachment_too_many')),
});
export type CorrectEnterpriseRegistrationBody = z.infer<typeof CorrectEnterpriseRegistrationBody>;
export type CorrectEnterpriseRegistrationInput = z.input<typeof CorrectEnterpriseRegistrationBody>;

// ——————————————————————————— the service's contract (issue 10 §2) ———————————————————————————

const L = (l: Localized): Localized => l;
const divisionName = (code: string) => findDivision(code)?.name ?? code;

/**
 * What every view of a registration shows: labels, coded values named, and which fields are
 * personal data (the contacts' and the administrator's ID numbers, telephones and addresses).
 */
export const REGISTRATION_FIELDS: FieldMetaMap = {
  registrationType: {
    label: L({ 'zh-CN': '注册类型', 'zh-HK': '註冊類型', en: 'Registration type' }),
    values: REGISTRATION_TYPE_NAMES,
  },
  creditCode: {
    label: L({ 'zh-CN': '统一社会信用代码', 'zh-HK': '統一社會信用代碼', en: 'Unified credit code' }),
  },
  orgCode: { label: L({ 'zh-CN': '组织机构代码', 'zh-HK': '組織機構代碼', en: 'Organization code' }) },
  businessLicenceNo: {
    label: L({ 'zh-CN': '工商注册登记号', 'zh-HK': '工商註冊登記號', en: 'Business registration number' }),
  },
  taxRegistrationNo: {
    label: L({ 'zh-CN': '税务登记证', 'zh-HK': '稅務登記證', en: 'Tax registration certificate' }),
  },
  province: { label: L({ 'zh-CN': '所在省份', 'zh-HK': '所在省份', en: 'Province' }), display: divisionName },
  city: { label: L({ 'zh-CN': '所在城市', 'zh-HK': '所在城市', en: 'City' }), display: divisionName },
  district: { label: L({ 'zh-CN': '所在区县', 'zh-HK': '所在區縣', en: 'District' }), display: divisionName },
  address: { label: L({ 'zh-CN': '单位地址', 'zh-HK': '單位地址', en: 'Address' }) },
  nameZh: { label: L({ 'zh-CN': '单位全称', 'zh-HK': '單位全稱', en: 'Full name' }) },
  nameEn: { label: L({ 'zh-CN': '英文名称', 'zh-HK': '英文名稱', en: 'English name' }) },
  shortName: { label: L({ 'zh-CN': '单位中文简称', 'zh-HK': '單位中文簡稱', en: 'Short Chinese name' }) },
  postalCode: { label: L({ 'zh-CN': '邮政编码', 'zh-HK': '郵政編碼', en: 'Postal code' }) },
  bankName: { label: L({ 'zh-CN': '开户银行', 'zh-HK': '開戶銀行', en: 'Bank' }) },
  bankAccount: {
    label: L({ 'zh-CN': '银行账号', 'zh-HK': '銀行帳號', en: 'Bank account' }),
    personal: 'number',
  },
  eportCardNo: {
    label: L({ 'zh-CN': '中国电子口岸卡号', 'zh-HK': '中國電子口岸卡號', en: 'China E-Port card number' }),
  },
  registeredCapital: { label: L({ 'zh-CN': '注册资金', 'zh-HK': '註冊資金', en: 'Registered capital' }) },
  customsCode: {
    label: L({ 'zh-CN': '海关企业代码', 'zh-HK': '海關企業代碼', en: 'Customs enterprise code' }),
  },
  inspectionCode: {
    label: L({ 'zh-CN': '国检企业代码', 'zh-HK': '國檢企業代碼', en: 'Inspection enterprise code' }),
  },
  foreignTradeCode: {
    label: L({ 'zh-CN': '外经贸企业代码', 'zh-HK': '外經貿企業代碼', en: 'Foreign trade enterprise code' }),
  },
  borderCode: {
    label: L({ 'zh-CN': '边检企业代码', 'zh-HK': '邊檢企業代碼', en: 'Border inspection enterprise code' }),
  },
  portCode: {
    label: L({ 'zh-CN': '港口局企业代码', 'zh-HK': '港口局企業代碼', en: 'Port authority enterprise code' }),
  },
  forexCode: {
    label: L({ 'zh-CN': '外管企业代码', 'zh-HK': '外管企業代碼', en: 'Foreign exchange enterprise code' }),
  },
  enterpriseType: {
    label: L({ 'zh-CN': '企业类型', 'zh-HK': '企業類型', en: 'Enterprise type' }),
    values: ENTERPRISE_TYPE_NAMES,
  },
  businessScope: {
    label: L({ 'zh-CN': '经营范围', 'zh-HK': '經營範圍', en: 'Business scope' }),
    multiline: true,
  },
  entityTypes: {
    label: L({ 'zh-CN': '实体类型', 'zh-HK': '實體類型', en: 'Entity types' }),
    values: ENTITY_TYPE_NAMES,
  },
  contacts: { label: L({ 'zh-CN': '联系方式', 'zh-HK': '聯絡方式', en: 'Contacts' }) },
  'contacts.*.role': {
    label: L({ 'zh-CN': '岗位', 'zh-HK': '崗位', en: 'Position' }),
    values: CONTACT_ROLE_NAMES,
  },
  'contacts.*.name': { label: L({ 'zh-CN': '姓名', 'zh-HK': '姓名', en: 'Name' }) },
  'contacts.*.idType': {
    label: L({ 'zh-CN': '证件类型', 'zh-HK': '證件類型', en: 'ID type' }),
    values: ID_TYPE_NAMES,
  },
  'contacts.*.idNumber': {
    label: L({ 'zh-CN': '证件号码', 'zh-HK': '證件號碼', en: 'ID number' }),
    personal: 'id_number',
  },
  'contacts.*.phone': { label: L({ 'zh-CN': '电话', 'zh-HK': '電話', en: 'Telephone' }), personal: 'phone' },
  'contacts.*.fax': { label: L({ 'zh-CN': '传真', 'zh-HK': '傳真', en: 'Fax' }), personal: 'phone' },
  'contacts.*.mobile': {
    label: L({ 'zh-CN': '手机', 'zh-HK': '手提電話', en: 'Mobile' }),
    personal: 'mobile',
  },
  'contacts.*.email': { label: L({ 'zh-CN': 'E-mail', 'zh-HK': '電郵', en: 'E-mail' }), personal: 'email' },
  admin: { label: L({ 'zh-CN': '管理员账户信息', 'zh-HK': '管理員帳戶資料', en: 'Administrator account' }) },
  'admin.username': { label: L({ 'zh-CN': '平台账户名', 'zh-HK': '平台帳戶名稱', en: 'Username' }) },
  'admin.realName': { label: L({ 'zh-CN': '真实姓名', 'zh-HK': '真實姓名', en: 'Real name' }) },
  'admin.email': { label: L({ 'zh-CN': 'E-mail', 'zh-HK': '電郵', en: 'E-mail' }), personal: 'email' },
  'admin.fax': { label: L({ 'zh-CN': '传真', 'zh-HK': '傳真', en: 'Fax' }), personal: 'phone' },
  'admin.phone': { label: L({ 'zh-CN': '电话', 'zh-HK': '電話', en: 'Telephone' }), personal: 'phone' },
  'admin.mobile': { label: L({ 'zh-CN': '手机', 'zh-HK': '手提電話', en: 'Mobile' }), personal: 'mobile' },
  'admin.customsDeclarantNo': {
    label: L({ 'zh-CN': '报关员号', 'zh-HK': '報關員號', en: 'Customs declarant number' }),
  },
  'admin.inspectionDeclarantNo': {
    label: L({ 'zh-CN': '报检员号', 'zh-HK': '報檢員號', en: 'Inspection declarant number' }),
  },
  'admin.jobTitle': { label: L({ 'zh-CN': '职务', 'zh-HK': '職務', en: 'Job title' }) },
};

export const ENTERPRISE_REGISTRATION = 'enterprise-registration';

/** 企业注册审核 (seed 001) as the catalogue, the guide and the views know it. */
export const enterpriseRegistrationContract = defineServiceContract({
  code: ENTERPRISE_REGISTRATION,
  catalogue: {
    name: { 'zh-CN': '企业注册审核', 'zh-HK': '企業註冊審核', en: 'Enterprise registration review' },
    description: {
      'zh-CN': '企业、事业单位在单一窗口注册管理员账号，提交证照扫描件，经审核（2 个工作日）后开通。',
      'zh-HK': '企業、事業單位在單一窗口註冊管理員帳戶，提交證照掃描件，經審核（2 個工作日）後開通。',
      en: 'Enterprises and institutions register their administrator account with certificate scans; staff review it within 2 working days.',
    },
    category: 'registration',
    department: { 'zh-CN': '电子口岸管理机构', 'zh-HK': '電子口岸管理機構', en: 'E-Port administration' },
    // the applicant has no account yet: anyone may start; the administrator account comes with it
    audience: ['enterprise_admin', 'institution_admin'],
    realNameLevel: 'none',
    regions: { cities: [] },
    mode: 'online',
    guide: {
      conditions: [
        L({
          'zh-CN': '在中国境内依法登记注册的企业或事业单位',
          'zh-HK': '在中國境內依法登記註冊的企業或事業單位',
          en: 'An enterprise or public institution registered in mainland China',
        }),
        L({
          'zh-CN': '尚未在单一窗口注册（「组织机构代码已存在」的请找回用户名或密码）',
          'zh-HK': '尚未在單一窗口註冊（「組織機構代碼已存在」的請找回用戶名稱或密碼）',
          en: 'Not registered yet (if told the organization code exists, recover the username or password instead)',
        }),
      ],
      materials: REGISTRATION_ATTACHMENTS.map((rule) => ({ name: rule.name, slot: rule.slot })),
      steps: [
        L({
          'zh-CN': '阅读服务条款，选择注册类型（三证合一企业、企业单位、政府事业单位）',
          'zh-HK': '閱讀服務條款，選擇註冊類型（三證合一企業、企業單位、政府事業單位）',
          en: 'Read the terms and choose the registration type',
        }),
        L({
          'zh-CN': '填写企业基本信息、联系方式和管理员账户信息，上传证照扫描件',
          'zh-HK': '填寫企業基本資料、聯絡方式和管理員帳戶資料，上載證照掃描件',
          en: 'Fill in the enterprise, its contacts and the administrator account, upload the certificate scans',
        }),
        L({
          'zh-CN': '提交后 2 个工作日内审核，结果以电子邮件通知；退回的可按邮件中的链接修改后重新提交',
          'zh-HK': '提交後 2 個工作日內審核，結果以電郵通知；退回的可按電郵中的連結修改後重新提交',
          en: 'Reviewed within 2 working days; the result comes by e-mail, a returned registration is corrected through its link',
        }),
      ],
      fee: L({ 'zh-CN': '不收费', 'zh-HK': '不收費', en: 'Free of charge' }),
      basis: [
        L({
          'zh-CN': '《国际贸易“单一窗口”用户管理办法》',
          'zh-HK': '《國際貿易「單一窗口」用戶管理辦法》',
          en: 'Rules on users of the international trade single window',
        }),
      ],
      hotline: '95198',
    },
  },
  form: EnterpriseRegistrationRecord,
  fields: REGISTRATION_FIELDS,
  attachments: REGISTRATION_ATTACHMENTS.map((rule) => ({
    slot: rule.slot,
    name: rule.name,
    required: (form: Record<string, unknown>) =>
      rule.requiredFor.includes(form.registrationType as RegistrationType),
    types: REGISTRATION_ATTACHMENT_TYPES,
    maxBytes: REGISTRATION_ATTACHMENT_MAX_BYTES,
    maxCount: rule.maxCount,
  })),
});
