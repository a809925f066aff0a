/** Identity document types (证件类型) offered by seed 004 and, for HKID, seed 000. */
export const ID_TYPES = [
  'resident_id', // 居民身份证
  'passport', // 护照
  'hk_macao_permit', // 港澳居民来往内地通行证
  'taiwan_permit', // 台湾居民来往大陆通行证
  'foreign_permanent_resident', // 外国人永久居留身份证
  'hk_identity_card', // 香港身份证
] as const;

/** The names of the ID types, for views that show a stored code (the web's idTypes labels agree). */
export const ID_TYPE_NAMES: Record<(typeof ID_TYPES)[number], Record<'zh-CN' | 'zh-HK' | 'en', string>> = {
  resident_id: { 'zh-CN': '居民身份证', 'zh-HK': '居民身份證', en: 'PRC Resident Identity Card' },
  passport: { 'zh-CN': '护照', 'zh-HK': '護照', en: 'Passport' },
  hk_macao_permit: {
    'zh-CN': '港澳居民来往内地通行证',
    'zh-HK': '港澳居民來往內地通行證',
    en: 'Mainland Travel Permit for Hong Kong and Macao Residents',
  },
  taiwan_permit: {
    'zh-CN': '台湾居民来往大陆通行证',
    'zh-HK': '台灣居民來往大陸通行證',
    en: 'Mainland Travel Permit for Taiwan Residents',
  },
  foreign_permanent_resident: {
    'zh-CN': '外国人永久居留身份证',
    'zh-HK': '外國人永久居留身份證',
    en: 'Foreign Permanent Resident ID Card',
  },
  hk_identity_card: { 'zh-CN': '香港身份证', 'zh-HK': '香港身份證', en: 'Hong Kong Identity Card' },
};
export type IdType = (typeof ID_TYPES)[number];

/** ID types whose holders may verify by e-mail instead of a mainland mobile (seed 004 §1.3). */
export const EMAIL_VERIFIABLE_ID_TYPES: readonly IdType[] = [
  'passport',
  'hk_macao_permit',
  'taiwan_permit',
  'foreign_permanent_resident',
  'hk_identity_card',
];

/** Account kinds (brief §5). */
export const ACCOUNT_KINDS = [
  'enterprise_admin',
  'enterprise_operator',
  'institution_admin',
  'individual',
  'overseas',
  'department',
  'staff',
] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

export const ACCOUNT_STATUSES = ['active', 'inactive', 'pending_review', 'locked', 'disabled'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export const REAL_NAME_LEVELS = ['none', 'low', 'medium', 'high'] as const;
export type RealNameLevel = (typeof REAL_NAME_LEVELS)[number];

/** What a one-time code may be used for; a code sent for one purpose never verifies another. */
export const OTP_PURPOSES = ['register', 'recover', 'change_contact', 'first_sign_in', 'settings'] as const;
export type OtpPurpose = (typeof OTP_PURPOSES)[number];

export const OTP_CHANNELS = ['sms', 'email'] as const;
export type OtpChannel = (typeof OTP_CHANNELS)[number];

export const LOCALES = ['zh-CN', 'zh-HK', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** The date written for a document valid without end (seed 004 §1.2.2: 00000000 = 长期). */
export const LONG_TERM_DATE = '00000000';

/**
 * Headers and cookies shared by server and web. Where cookies are Secure (https or production)
 * their names carry the `__Host-` prefix, which browsers accept only from a secure origin, on
 * path `/`, without a Domain — so no sibling subdomain can plant or shadow them.
 */
export const SESSION_COOKIE = 'sw_session';
export const CSRF_COOKIE = 'sw_csrf';
export const CSRF_HEADER = 'x-csrf-token';
export const HOST_PREFIX = '__Host-';

export function cookieNames(secure: boolean): { session: string; csrf: string } {
  return secure
    ? { session: `${HOST_PREFIX}${SESSION_COOKIE}`, csrf: `${HOST_PREFIX}${CSRF_COOKIE}` }
    : { session: SESSION_COOKIE, csrf: CSRF_COOKIE };
}

/** Organization kinds (brief §5): enterprise, public institution (事业单位), overseas enterprise. */
export const ORGANIZATION_KINDS = ['enterprise', 'institution', 'overseas'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** Card media roles (seed 004 重要提醒): 法人卡 and 操作员卡. */
export const CARD_ROLES = ['legal_person', 'operator'] as const;
export type CardRole = (typeof CARD_ROLES)[number];

/** Default password of an operator created by an administrator (seed 004 §2.1: 8 个 8). */
export const OPERATOR_DEFAULT_PASSWORD = '88888888';
