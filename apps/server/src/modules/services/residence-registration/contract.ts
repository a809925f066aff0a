import {
  CalendarDay,
  defineServiceContract,
  type FieldMetaMap,
  fieldIssue,
  GUANGDONG_CITIES,
  type Localized,
  Mobile,
  serviceIssue,
  text,
} from '@sw/contracts';
import { z } from 'zod';

/*
 * 申报居住登记 (seed 003 三、1「居住证服务」): a person who has left the place of their household
 * registration declares where they now live in a Guangdong city — the city, the address, since when,
 * why, a mobile and the kind of housing, with the tenancy contract or proof of ownership. The local
 * public security office's reviewers decide: 审核通过, 审核不通过 (with a reason) or 退回补正 (the
 * applicant corrects and resubmits). An approved registration is what 申领居住证 (residence-permit)
 * asks for: 「"申报居住登记"审批通过，满半年〔深圳除外〕后"申领居住证"」 (003, 常见疑问).
 *
 * Shared by the server (service.ts) and the web (apps/web/src/services/residence-registration/).
 * No routes of its own: the generic application routes draft, attach, submit and resubmit.
 */

export const RESIDENCE_REGISTRATION = 'residence-registration';

const L = (zh: string, hk: string, en: string): Localized => ({ 'zh-CN': zh, 'zh-HK': hk, en });

/** 居住地所在城市: the 21 cities of Guangdong, by GB/T 2260 code. */
export const CITY_NAMES: Readonly<Record<string, Localized>> = Object.fromEntries(
  GUANGDONG_CITIES.map((city) => [city.code, city.name]),
);
type CityCode = (typeof GUANGDONG_CITIES)[number]['code'];
const CITY_CODES = GUANGDONG_CITIES.map((city) => city.code) as [CityCode, ...CityCode[]];

/** 居住事由 */
export const RESIDENCE_REASONS = {
  work: L('务工', '務工', 'Employment'),
  business: L('经商', '經商', 'Business'),
  study: L('就学', '就學', 'Study'),
  family: L('投靠亲属', '投靠親屬', 'Joining relatives'),
  other: L('其他', '其他', 'Other'),
} as const satisfies Record<string, Localized>;
export type ResidenceReason = keyof typeof RESIDENCE_REASONS;
const REASON_CODES = Object.keys(RESIDENCE_REASONS) as [ResidenceReason, ...ResidenceReason[]];

/** 房屋类型 */
export const HOUSING_TYPES = {
  owned: L('自有住房', '自有住房', 'Own home'),
  rented: L('租赁住房', '租賃住房', 'Rented home'),
  dormitory: L('单位宿舍', '單位宿舍', 'Employer’s dormitory'),
  other: L('其他', '其他', 'Other'),
} as const satisfies Record<string, Localized>;
export type HousingType = keyof typeof HOUSING_TYPES;
const HOUSING_CODES = Object.keys(HOUSING_TYPES) as [HousingType, ...HousingType[]];

/** The housing for which the tenancy contract or the proof of ownership must be attached. */
export function needsHousingProof(form: Record<string, unknown>): boolean {
  return form.housing === 'owned' || form.housing === 'rented';
}

const MARKUP_RE = /[<>]/;

/** 居住地址: street, number and flat — a city's name alone is not an address. */
const Address = text(120)
  .refine((v) => !MARKUP_RE.test(v), fieldIssue('field.markup_not_allowed'))
  .refine((v) => [...v].length >= 6, serviceIssue('residence-registration.address_incomplete'));

/** 申报居住登记: what the applicant declares. */
export const RegistrationForm = z
  .object({
    city: z.enum(CITY_CODES, fieldIssue('field.required')),
    address: Address,
    /** 居住起始日期 (not after the day of submission: checked on the server's clock) */
    startDate: CalendarDay,
    reason: z.enum(REASON_CODES, fieldIssue('field.required')),
    /** 其他事由: what it is */
    reasonNote: z
      .string()
      .trim()
      .max(100, fieldIssue('field.too_long'))
      .refine((v) => !MARKUP_RE.test(v), fieldIssue('field.markup_not_allowed'))
      .optional()
      .transform((v) => v || undefined),
    mobile: Mobile,
    housing: z.enum(HOUSING_CODES, fieldIssue('field.required')),
  })
  .refine((form) => form.reason !== 'other' || Boolean(form.reasonNote), {
    path: ['reasonNote'],
    message: 'residence-registration.reason_note_required',
    when: (payload) => (payload.value as { reason?: unknown }).reason === 'other',
  });
export type RegistrationForm = z.infer<typeof RegistrationForm>;

/** Labels of every field, the only source of them (form, views, masking). */
export const REGISTRATION_FIELDS: FieldMetaMap = {
  city: { label: L('居住地所在城市', '居住地所在城市', 'City of residence'), values: CITY_NAMES },
  address: { label: L('居住地址', '居住地址', 'Address'), personal: 'address' },
  startDate: { label: L('居住起始日期', '居住起始日期', 'Living there since') },
  reason: { label: L('居住事由', '居住事由', 'Reason for residence'), values: RESIDENCE_REASONS },
  reasonNote: { label: L('其他事由说明', '其他事由說明', 'Other reason') },
  mobile: { label: L('联系电话', '聯絡電話', 'Mobile'), personal: 'mobile' },
  housing: { label: L('房屋类型', '房屋類型', 'Housing'), values: HOUSING_TYPES },
};

export const REGISTRATION_ATTACHMENTS = [
  {
    slot: 'housingProof',
    name: L('租赁合同或房产证明', '租賃合約或房產證明', 'Tenancy contract or proof of ownership'),
    required: needsHousingProof,
    types: ['image/jpeg', 'image/png', 'application/pdf'],
    maxBytes: 10 * 1024 * 1024,
    maxCount: 5,
  },
] as const;

export const residenceRegistrationContract = defineServiceContract({
  code: RESIDENCE_REGISTRATION,
  catalogue: {
    name: L('申报居住登记', '申報居住登記', 'Residence registration'),
    description: L(
      '离开常住户口所在地到省内其他城市居住的，在线申报居住登记，由居住地公安机关审核；审批通过满半年（深圳除外）后可申领居住证。',
      '離開常住戶口所在地到省內其他城市居住的，網上申報居住登記，由居住地公安機關審核；審批通過滿半年（深圳除外）後可申領居住證。',
      'Living in a Guangdong city away from your household registration? Declare where you live; the local police review it. Six months after approval (at once in Shenzhen) you may apply for a residence permit.',
    ),
    category: 'household',
    department: L('居住地公安机关', '居住地公安機關', 'Local public security bureau'),
    audience: ['individual'],
    // a registration in one's own name: 身份信息认证 first
    realNameLevel: 'medium',
    regions: { cities: [] },
    mode: 'online',
    guide: {
      conditions: [
        L(
          '离开常住户口所在地，到广东省内其他城市居住',
          '離開常住戶口所在地，到廣東省內其他城市居住',
          'You have left the place of your household registration to live in another Guangdong city',
        ),
        L('已完成实名认证', '已完成實名認證', 'Your identity is verified (real-name level medium)'),
      ],
      materials: [
        {
          name: L('租赁合同或房产证明', '租賃合約或房產證明', 'Tenancy contract or proof of ownership'),
          note: L(
            '自有住房或租赁住房的须上传，JPG、PNG 或 PDF',
            '自有住房或租賃住房的須上載，JPG、PNG 或 PDF',
            'Required for an owned or rented home: JPG, PNG or PDF',
          ),
          slot: 'housingProof',
        },
      ],
      steps: [
        L(
          '登录后选择「户政(治安)」服务，点击「申报居住登记」',
          '登入後選擇「戶政(治安)」服務，點擊「申報居住登記」',
          'Sign in, open Household and residence, choose Residence registration',
        ),
        L(
          '按指引填写居住地、居住事由、联系电话及房屋情况，上传证明材料后提交',
          '按指引填寫居住地、居住事由、聯絡電話及房屋情況，上載證明材料後提交',
          'Fill in where and why you live there, your mobile and housing, attach the proof and submit',
        ),
        L(
          '居住地公安机关审核：审核通过、审核不通过或退回补正，结果以站内信和短信通知',
          '居住地公安機關審核：審核通過、審核不通過或退回補正，結果以站內信和短訊通知',
          'The local police decide — approved, not approved or returned for correction — by message and SMS',
        ),
        L(
          '审批通过满半年（深圳除外）后可「申领居住证」',
          '審批通過滿半年（深圳除外）後可「申領居住證」',
          'Six months after approval (at once in Shenzhen) you may apply for a residence permit',
        ),
      ],
      fee: L('不收费', '不收費', 'Free of charge'),
      basis: [
        L('《居住证暂行条例》', '《居住證暫行條例》', 'Interim Regulations on Residence Permits'),
        L(
          '《广东省流动人口服务管理条例》',
          '《廣東省流動人口服務管理條例》',
          'Guangdong Regulations on Services for the Floating Population',
        ),
      ],
      hotline: '12345',
    },
  },
  form: RegistrationForm,
  fields: REGISTRATION_FIELDS,
  attachments: REGISTRATION_ATTACHMENTS,
  errors: {
    'residence-registration.address_incomplete': L(
      '请填写详细居住地址（街道、门牌号及房号）',
      '請填寫詳細居住地址（街道、門牌號及房號）',
      'Give the full address: street, number and flat',
    ),
    'residence-registration.reason_note_required': L(
      '居住事由选择“其他”的，请说明具体事由',
      '居住事由選擇「其他」的，請說明具體事由',
      'Say what the other reason is',
    ),
    'residence-registration.start_date_in_future': L(
      '居住起始日期不能晚于今天',
      '居住起始日期不能遲於今天',
      'The date you began living there cannot be after today',
    ),
  },
});

export const REGISTRATION_STATES = ['pending', 'returned', 'approved', 'rejected'] as const;
export type RegistrationState = (typeof REGISTRATION_STATES)[number];
