import {
  CalendarDay,
  defineServiceContract,
  type FieldMetaMap,
  fieldIssue,
  GUANGDONG_CITIES,
  Localized,
  serviceIssue,
} from '@sw/contracts';
import { z } from 'zod';

/*
 * 申领居住证 (seed 003 三、1「居住证服务」 and its 常见疑问): with a 居住登记 approved at least six
 * months ago (in 深圳 at once) — 「"申报居住登记"审批通过，满半年〔深圳除外〕后"申领居住证"」 — a person
 * applies for the 居住证 of that city with an ID photo, collecting it at the counter or by post.
 * Reviewers approve (审核通过) or refuse with a reason (审核不通过); an approved permit is made and
 * issued (制证发放) 「自受理之日起10个工作日内」, and the issue puts it into the holder's 我的证照.
 *
 * Shared by the server (service.ts) and the web (apps/web/src/services/residence-permit/).
 *
 * Route of its own, besides the generic application routes:
 *   GET /api/services/residence-permit/registrations → PermitRegistration[] (my approved 居住登记,
 *       with the first day each may be used)
 */

export const RESIDENCE_PERMIT = 'residence-permit';

const L = (zh: string, hk: string, en: string): Localized => ({ 'zh-CN': zh, 'zh-HK': hk, en });

const CITY_NAMES: Readonly<Record<string, Localized>> = Object.fromEntries(
  GUANGDONG_CITIES.map((city) => [city.code, city.name]),
);

/** 领取方式 */
export const COLLECTION_METHODS = {
  counter: L('现场领取', '現場領取', 'Collect in person'),
  post: L('邮寄', '郵寄', 'By post'),
} as const satisfies Record<string, Localized>;
export type CollectionMethod = keyof typeof COLLECTION_METHODS;
const COLLECTION_CODES = Object.keys(COLLECTION_METHODS) as [CollectionMethod, ...CollectionMethod[]];

const MARKUP_RE = /[<>]/;

/** 申领居住证: what the applicant chooses; the registration's city and address are added at submission. */
export const PermitForm = z
  .object({
    /** the application number of an approved 申报居住登记 of the applicant's */
    registrationNumber: z
      .string(fieldIssue('field.required'))
      .trim()
      .min(1, fieldIssue('field.required'))
      .max(32, serviceIssue('residence-permit.no_registration')),
    collection: z.enum(COLLECTION_CODES, fieldIssue('field.required')),
    /** 邮寄地址, for 邮寄 */
    postalAddress: z
      .string()
      .trim()
      .max(120, fieldIssue('field.too_long'))
      .refine((v) => !MARKUP_RE.test(v), fieldIssue('field.markup_not_allowed'))
      .optional()
      .transform((v) => v || undefined),
    // written by the server at submission from the registration, whatever the browser sends
    city: z.string().max(4).optional(),
    address: z.string().max(120).optional(),
    registrationApprovedOn: CalendarDay.optional(),
  })
  .refine((form) => form.collection !== 'post' || Boolean(form.postalAddress), {
    path: ['postalAddress'],
    message: 'residence-permit.postal_address_required',
    when: (payload) => (payload.value as { collection?: unknown }).collection === 'post',
  })
  .refine((form) => !form.postalAddress || [...form.postalAddress].length >= 6, {
    path: ['postalAddress'],
    message: 'residence-permit.address_incomplete',
    when: (payload) => typeof (payload.value as { postalAddress?: unknown }).postalAddress === 'string',
  });
export type PermitForm = z.infer<typeof PermitForm>;

/** Labels of every field, the only source of them (form, views, masking). */
export const PERMIT_FIELDS: FieldMetaMap = {
  registrationNumber: { label: L('居住登记申请编号', '居住登記申請編號', 'Residence registration number') },
  city: { label: L('居住地所在城市', '居住地所在城市', 'City of residence'), values: CITY_NAMES },
  address: { label: L('居住地址', '居住地址', 'Address'), personal: 'address' },
  registrationApprovedOn: {
    label: L('居住登记审批通过日期', '居住登記審批通過日期', 'Registration approved on'),
  },
  collection: { label: L('领取方式', '領取方式', 'Collection'), values: COLLECTION_METHODS },
  postalAddress: { label: L('邮寄地址', '郵寄地址', 'Postal address'), personal: 'address' },
};

export const PERMIT_ATTACHMENTS = [
  {
    slot: 'photo',
    name: L('证件照片', '證件相片', 'ID photo'),
    required: true,
    types: ['image/jpeg', 'image/png'],
    maxBytes: 5 * 1024 * 1024,
    maxCount: 1,
  },
] as const;

/** The manual's rule, quoted in the refusals (003, 常见疑问). */
const RULE = L(
  '“申报居住登记”审批通过，满半年〔深圳除外〕后“申领居住证”。',
  '「申報居住登記」審批通過，滿半年〔深圳除外〕後「申領居住證」。',
  'A residence permit is applied for six months after the residence registration is approved (in Shenzhen at once).',
);

export const residencePermitContract = defineServiceContract({
  code: RESIDENCE_PERMIT,
  catalogue: {
    name: L('申领居住证', '申領居住證', 'Residence permit application'),
    description: L(
      '居住登记审批通过满半年（深圳除外）后，在线申领居住证；审核通过的，自受理之日起10个工作日内完成居住证发放，并放入「我的证照」。',
      '居住登記審批通過滿半年（深圳除外）後，網上申領居住證；審核通過的，自受理之日起10個工作日內完成居住證發放，並放入「我的證照」。',
      'Six months after your residence registration is approved (at once in Shenzhen), apply for the residence permit; once approved it is issued within 10 working days and added to My licences.',
    ),
    category: 'household',
    department: L('居住地公安机关', '居住地公安機關', 'Local public security bureau'),
    audience: ['individual'],
    // a credential in the holder's name: 身份信息认证 first
    realNameLevel: 'medium',
    regions: { cities: [] },
    mode: 'online',
    guide: {
      conditions: [
        L(
          '在居住地所在城市的“申报居住登记”已审批通过满半年（深圳除外）',
          '在居住地所在城市的「申報居住登記」已審批通過滿半年（深圳除外）',
          'Your residence registration in the city was approved at least six months ago (Shenzhen: any time)',
        ),
        L('已完成实名认证', '已完成實名認證', 'Your identity is verified (real-name level medium)'),
      ],
      materials: [
        {
          name: L('证件照片', '證件相片', 'ID photo'),
          note: L(
            '近期免冠彩色证件照，JPG 或 PNG，不超过 5 MB',
            '近期免冠彩色證件相，JPG 或 PNG，不超過 5 MB',
            'A recent colour photo without headwear: JPG or PNG, 5 MB at most',
          ),
          slot: 'photo',
        },
      ],
      steps: [
        L(
          '登录后选择「户政(治安)」服务，点击「申领居住证」',
          '登入後選擇「戶政(治安)」服務，點擊「申領居住證」',
          'Sign in, open Household and residence, choose Residence permit application',
        ),
        L(
          '选择已审批通过的居住登记，上传证件照片，选择领取方式后提交',
          '選擇已審批通過的居住登記，上載證件相片，選擇領取方式後提交',
          'Choose your approved residence registration, upload the photo, choose how to collect it and submit',
        ),
        L(
          '居住地公安机关受理审核：审核通过或审核不通过，结果以站内信和短信通知',
          '居住地公安機關受理審核：審核通過或審核不通過，結果以站內信和短訊通知',
          'The local police review it and tell you by message and SMS',
        ),
        L(
          '审核通过的，自受理之日起10个工作日内完成居住证发放，电子居住证同时放入「我的证照」',
          '審核通過的，自受理之日起10個工作日內完成居住證發放，電子居住證同時放入「我的證照」',
          'Once approved the permit is issued within 10 working days of acceptance, and added to My licences',
        ),
      ],
      fee: L('首次申领免收证件工本费', '首次申領免收證件工本費', 'No fee for a first permit'),
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
  form: PermitForm,
  fields: PERMIT_FIELDS,
  attachments: PERMIT_ATTACHMENTS,
  errors: {
    'residence-permit.no_registration': {
      'zh-CN': `未找到您审批通过的该居住登记，请先“申报居住登记”。${RULE['zh-CN']}`,
      'zh-HK': `未找到您審批通過的該居住登記，請先「申報居住登記」。${RULE['zh-HK']}`,
      en: `No approved residence registration of yours has this number: register your residence first. ${RULE.en}`,
    },
    'residence-permit.registration_too_recent': {
      'zh-CN': `该居住登记审批通过未满半年，暂不能申领居住证。${RULE['zh-CN']}`,
      'zh-HK': `該居住登記審批通過未滿半年，暫不能申領居住證。${RULE['zh-HK']}`,
      en: `This residence registration was approved less than six months ago. ${RULE.en}`,
    },
    'residence-permit.already_applied': L(
      '该城市已有正在办理的居住证申领，请等待办结',
      '該城市已有正在辦理的居住證申領，請等待辦結',
      'A residence permit application for this city is already in progress',
    ),
    'residence-permit.already_issued': L(
      '您已持有该城市有效期内的居住证，无需重复申领；有效期满前请办理签注',
      '您已持有該城市有效期內的居住證，無需重複申領；有效期滿前請辦理簽注',
      'You hold a valid residence permit of this city: renew it by endorsement instead',
    ),
    'residence-permit.postal_address_required': L(
      '选择邮寄的，请填写邮寄地址',
      '選擇郵寄的，請填寫郵寄地址',
      'Give the postal address for delivery by post',
    ),
    'residence-permit.address_incomplete': L(
      '请填写详细邮寄地址（街道、门牌号及房号）',
      '請填寫詳細郵寄地址（街道、門牌號及房號）',
      'Give the full postal address: street, number and flat',
    ),
  },
});

export const PERMIT_STATES = ['pending', 'approved', 'issued', 'rejected'] as const;
export type PermitState = (typeof PERMIT_STATES)[number];

// ——————————————————————————————— its own route's shape ———————————————————————————————

/** One of my approved 居住登记, as the form's choice shows it. */
export const PermitRegistration = z
  .object({
    number: z.string(),
    city: z.string(),
    cityName: Localized,
    approvedOn: z.string(),
    /** the first day it may be used (the day of approval in 深圳) */
    eligibleFrom: z.string(),
    eligible: z.boolean(),
  })
  .meta({ id: 'PermitRegistration' });
export type PermitRegistration = z.infer<typeof PermitRegistration>;
