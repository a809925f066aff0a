import {
  defineServiceContract,
  type FieldMetaMap,
  fieldIssue,
  ID_TYPE_NAMES,
  isValidCreditCode,
  isValidOrgCode,
  type Localized,
  Mobile,
  normalizeOrgCode,
  Password,
  RecoveryIdentity,
  USERNAME_RECOVERY_KINDS,
} from '@sw/contracts';
import { z } from 'zod';

/*
 * 人工资料审核 (seed 004 §2.3.1.3, §2.3.3.3 and 「提交人工审核」 of §2.4): someone who cannot get back in
 * by any other route gives the enterprise's and their own facts, uploads their ID card (and the
 * business licence), and — for a password — chooses the new password; staff compare the claim
 * with the accounts' records and the scans and decide within 2 working days. The result goes by SMS
 * to the mobile proven at submission (「短信告知结果」): the username(s) on approval of a username
 * claim; for a password, the new password takes effect on approval (hashed at submission, never
 * stored in clear).
 *
 * Routes:
 *   POST /api/services/account-recovery/requests   SubmitAccountRecoveryBody → 201 AccountRecoverySubmitted
 *        anonymous; the mobile is proven by its SMS code (POST /api/otp/sms, purpose `recover`);
 *        attachments are uploaded first, anonymously:
 *        `POST /api/files?service=account-recovery&slot=<slot>` → `{ id, uploadToken }`
 *   GET  /api/console/services/account-recovery/applications/:id/candidates  → AccountRecoveryReview
 *        staff of the service: the accounts the claim may be about, fact by fact
 * The answer to a submission never says whether an account matches.
 */

export const ACCOUNT_RECOVERY = 'account-recovery';

export const RECOVERY_PURPOSES = ['username', 'password'] as const;
export type RecoveryPurpose = (typeof RECOVERY_PURPOSES)[number];

const L = (l: Localized): Localized => l;

export const PURPOSE_NAMES: Record<RecoveryPurpose, Localized> = {
  username: { 'zh-CN': '找回用户名', 'zh-HK': '找回用戶名稱', en: 'Recover the username' },
  password: { 'zh-CN': '重置密码', 'zh-HK': '重設密碼', en: 'Reset the password' },
};

export const ACCOUNT_TYPE_NAMES: Record<(typeof USERNAME_RECOVERY_KINDS)[number], Localized> = {
  enterprise_admin: { 'zh-CN': '企业管理员', 'zh-HK': '企業管理員', en: 'Enterprise administrator' },
  enterprise_operator: { 'zh-CN': '企业操作员', 'zh-HK': '企業操作員', en: 'Enterprise operator' },
  individual: { 'zh-CN': '个人用户', 'zh-HK': '個人用戶', en: 'Individual' },
};

/** 统一社会信用代码 (18) or 组织机构代码 (9, with or without its hyphen) */
const EnterpriseCode = z
  .string()
  .trim()
  .toUpperCase()
  .transform((v) => (v.length === 18 ? v : normalizeOrgCode(v)))
  .refine(
    (v) => (v.length === 18 ? isValidCreditCode(v) : isValidOrgCode(v)),
    fieldIssue('field.org_code_invalid'),
  );

const Text = (max: number) =>
  z.string().trim().min(1, fieldIssue('field.required')).max(max, fieldIssue('field.too_long'));

const isEnterprise = (type: string) => type !== 'individual';

/**
 * The claim, as the manual's forms ask it: 账号类型, for a password the 用户名; the enterprise (name and
 * code) for enterprise accounts; the legal representative for an administrator; 本人 (whoever asks)
 * except in an administrator's password reset, whose form names only the legal representative;
 * 操作人手机号 — proven by its code, possibly not the account's bound one.
 */
export const AccountRecoveryForm = z
  .object({
    purpose: z.enum(RECOVERY_PURPOSES, fieldIssue('field.invalid')),
    accountType: z.enum(USERNAME_RECOVERY_KINDS, fieldIssue('field.invalid')),
    username: Text(64).optional(),
    mobile: Mobile,
    enterpriseName: Text(200).optional(),
    enterpriseCode: EnterpriseCode.optional(),
    legalRep: RecoveryIdentity.optional(),
    person: RecoveryIdentity.optional(),
  })
  .superRefine((form, issue) => {
    const need = (path: string, present: boolean) => {
      if (!present) issue.addIssue({ code: 'custom', path: path.split('.'), message: 'field.required' });
    };
    if (form.purpose === 'password') need('username', !!form.username);
    if (isEnterprise(form.accountType)) {
      need('enterpriseName', !!form.enterpriseName);
      need('enterpriseCode', !!form.enterpriseCode);
    }
    if (form.accountType === 'enterprise_admin') need('legalRep', !!form.legalRep);
    if (!(form.accountType === 'enterprise_admin' && form.purpose === 'password'))
      need('person', !!form.person);
  });
export type AccountRecoveryForm = z.infer<typeof AccountRecoveryForm>;

/** 上传要求: 文件格式 jpg、png、jpeg、bmp, 文件大小不超过 4M */
export const RECOVERY_ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/bmp'] as const;
export const RECOVERY_ATTACHMENT_MAX_BYTES = 4 * 1024 * 1024;
export const RECOVERY_ATTACHMENT_ACCEPT = '.jpg,.jpeg,.png,.bmp';
export const RECOVERY_SLOTS = ['idCard', 'businessLicence'] as const;
export type RecoverySlot = (typeof RECOVERY_SLOTS)[number];

export const RECOVERY_SLOT_NAMES: Record<RecoverySlot, Localized> = {
  idCard: {
    'zh-CN': '身份证图片（人像面、国徽面）',
    'zh-HK': '身份證圖片（人像面、國徽面）',
    en: 'ID card (both sides)',
  },
  businessLicence: { 'zh-CN': '营业执照图片', 'zh-HK': '營業執照圖片', en: 'Business licence' },
};

const identityFields = (prefix: 'legalRep' | 'person', who: Localized): FieldMetaMap => ({
  [`${prefix}.name`]: {
    label: { 'zh-CN': `${who['zh-CN']}姓名`, 'zh-HK': `${who['zh-HK']}姓名`, en: `${who.en}: name` },
    personal: 'name',
  },
  [`${prefix}.idType`]: {
    label: {
      'zh-CN': `${who['zh-CN']}证件类型`,
      'zh-HK': `${who['zh-HK']}證件類型`,
      en: `${who.en}: ID type`,
    },
    values: ID_TYPE_NAMES,
  },
  [`${prefix}.idNumber`]: {
    label: {
      'zh-CN': `${who['zh-CN']}证件号码`,
      'zh-HK': `${who['zh-HK']}證件號碼`,
      en: `${who.en}: ID number`,
    },
    personal: 'id_number',
  },
  [`${prefix}.idValidFrom`]: {
    label: {
      'zh-CN': `${who['zh-CN']}身份证有效起始日期`,
      'zh-HK': `${who['zh-HK']}身份證有效起始日期`,
      en: `${who.en}: ID valid from`,
    },
  },
  [`${prefix}.idValidTo`]: {
    label: {
      'zh-CN': `${who['zh-CN']}身份证有效截止日期`,
      'zh-HK': `${who['zh-HK']}身份證有效截止日期`,
      en: `${who.en}: ID valid to`,
    },
  },
});

export const RECOVERY_FIELDS: FieldMetaMap = {
  purpose: { label: L({ 'zh-CN': '申请事项', 'zh-HK': '申請事項', en: 'Request' }), values: PURPOSE_NAMES },
  accountType: {
    label: L({ 'zh-CN': '账号类型', 'zh-HK': '帳戶類型', en: 'Account type' }),
    values: ACCOUNT_TYPE_NAMES,
  },
  username: { label: L({ 'zh-CN': '用户名', 'zh-HK': '用戶名稱', en: 'Username' }) },
  mobile: {
    label: L({ 'zh-CN': '操作人手机号', 'zh-HK': '操作人手機號碼', en: 'Mobile of the person asking' }),
    personal: 'mobile',
  },
  enterpriseName: { label: L({ 'zh-CN': '企业名称', 'zh-HK': '企業名稱', en: 'Enterprise name' }) },
  enterpriseCode: {
    label: L({
      'zh-CN': '统一社会信用代码/组织机构代码',
      'zh-HK': '統一社會信用代碼/組織機構代碼',
      en: 'Credit code / organization code',
    }),
  },
  legalRep: { label: L({ 'zh-CN': '法人信息', 'zh-HK': '法人資料', en: 'Legal representative' }) },
  ...identityFields('legalRep', { 'zh-CN': '法人', 'zh-HK': '法人', en: 'Legal representative' }),
  person: { label: L({ 'zh-CN': '本人信息', 'zh-HK': '本人資料', en: 'Applicant' }) },
  ...identityFields('person', { 'zh-CN': '本人', 'zh-HK': '本人', en: 'Applicant' }),
};

export const accountRecoveryContract = defineServiceContract({
  code: ACCOUNT_RECOVERY,
  catalogue: {
    name: { 'zh-CN': '人工资料审核', 'zh-HK': '人工資料審核', en: 'Manual account recovery review' },
    description: {
      'zh-CN':
        '忘记用户名或密码且其他方式无法验证时，提交企业和本人信息及证件图片，经人工审核后以短信告知结果。',
      'zh-HK':
        '忘記用戶名稱或密碼且其他方式無法驗證時，提交企業和本人資料及證件圖片，經人工審核後以短訊通知結果。',
      en: 'When no other route can prove who you are, submit the enterprise’s and your own details with ID scans; staff review them and tell you the result by SMS.',
    },
    category: 'registration',
    department: { 'zh-CN': '电子口岸管理机构', 'zh-HK': '電子口岸管理機構', en: 'E-Port administration' },
    // the applicant cannot sign in: anyone may submit (from 忘记用户名 / 忘记密码)
    audience: ['enterprise_admin', 'institution_admin', 'enterprise_operator', 'individual'],
    realNameLevel: 'none',
    regions: { cities: [] },
    mode: 'online',
    // a step of 忘记用户名 / 忘记密码, not a service one looks for in the catalogue
    listed: false,
    guide: {
      conditions: [
        L({
          'zh-CN': '已在单一窗口注册，且无法通过手机、邮箱、账号信息或实名认证方式找回',
          'zh-HK': '已在單一窗口註冊，且無法透過手機、電郵、帳戶資料或實名認證方式找回',
          en: 'Registered, and unable to recover through mobile, e-mail, account details or real-name checks',
        }),
      ],
      materials: RECOVERY_SLOTS.map((slot) => ({ name: RECOVERY_SLOT_NAMES[slot], slot })),
      steps: [
        L({
          'zh-CN': '验证当前手机号（可以不是账号绑定的手机号）',
          'zh-HK': '驗證當前手機號碼（可以不是帳戶綁定的手機號碼）',
          en: 'Prove your current mobile (it need not be the bound one)',
        }),
        L({
          'zh-CN': '填写企业信息和本人信息',
          'zh-HK': '填寫企業資料和本人資料',
          en: 'Fill in the enterprise’s and your own details',
        }),
        L({
          'zh-CN': '上传身份证图片和营业执照图片，提交后等待审核，结果以短信告知',
          'zh-HK': '上載身份證圖片和營業執照圖片，提交後等待審核，結果以短訊通知',
          en: 'Upload the ID card and business licence scans; the result comes by SMS',
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
  form: AccountRecoveryForm,
  fields: RECOVERY_FIELDS,
  attachments: [
    {
      slot: 'idCard',
      name: RECOVERY_SLOT_NAMES.idCard,
      required: true,
      types: RECOVERY_ATTACHMENT_TYPES,
      maxBytes: RECOVERY_ATTACHMENT_MAX_BYTES,
      maxCount: 2,
    },
    {
      slot: 'businessLicence',
      name: RECOVERY_SLOT_NAMES.businessLicence,
      required: (form) => isEnterprise(String(form.accountType)),
      types: RECOVERY_ATTACHMENT_TYPES,
      maxBytes: RECOVERY_ATTACHMENT_MAX_BYTES,
      maxCount: 1,
    },
  ],
});

export const RecoveryUpload = z.strictObject({
  slot: z.enum(RECOVERY_SLOTS, fieldIssue('field.invalid')),
  fileId: z.uuid(fieldIssue('field.invalid')),
  uploadToken: z.string().min(1, fieldIssue('field.required')).max(200, fieldIssue('field.too_long')),
});

export const SubmitAccountRecoveryBody = z.strictObject({
  form: AccountRecoveryForm,
  /** the code sent to form.mobile (POST /api/otp/sms, purpose `recover`) */
  smsCode: z
    .string()
    .trim()
    .regex(/^\d{6}$/, fieldIssue('otp.invalid')),
  attachments: z.array(RecoveryUpload).max(5, fieldIssue('field.too_long')),
  /** 重置密码: the new password, hashed at once (a password claim only) */
  newPassword: Password.optional(),
  confirmPassword: z.string().max(128).optional(),
});
export type SubmitAccountRecoveryBody = z.infer<typeof SubmitAccountRecoveryBody>;

export const AccountRecoverySubmitted = z.object({
  number: z.string(),
  dueAt: z.string(),
  mobileMasked: z.string(),
});
export type AccountRecoverySubmitted = z.infer<typeof AccountRecoverySubmitted>;

export const CLAIM_FIELDS = [
  'accountType',
  'enterpriseName',
  'enterpriseCode',
  'legalRep.name',
  'legalRep.idNumber',
  'legalRep.validity',
  'person.name',
  'person.idNumber',
  'person.validity',
  'mobile',
] as const;

export const AccountRecoveryReview = z.object({
  purpose: z.enum(RECOVERY_PURPOSES),
  /** a password claim that chose its new password at submission (until the decision) */
  passwordChosen: z.boolean(),
  candidates: z.array(
    z.object({
      accountId: z.string(),
      username: z.string(),
      kind: z.string(),
      status: z.string(),
      allSame: z.boolean(),
      checks: z.array(
        z.object({
          field: z.enum(CLAIM_FIELDS),
          claimed: z.string(),
          onRecord: z.string().nullable(),
          same: z.boolean(),
        }),
      ),
    }),
  ),
});
export type AccountRecoveryReview = z.infer<typeof AccountRecoveryReview>;
