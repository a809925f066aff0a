import {
  CalendarDay,
  defineServiceContract,
  Email,
  type FieldMetaMap,
  fieldIssue,
  isValidHkId,
  isValidIdNumber,
  LOCALES,
  Localized,
  Mobile,
  nameText,
  OtpCode,
  Password,
  SlotView,
  STATE_TONES,
  serviceIssue,
  text,
  Username,
} from '@sw/contracts';
import { z } from 'zod';

/*
 * 港车北上 (seed 000): a Hong Kong vehicle owner applies to the Transport Department (HK TD); the
 * application reaches Guangdong, which approves (粤港审批), inspects and checks the insurance (验车 /
 * 保险), issues the temporary plate and tags (发牌), and may suspend or revoke. The owner follows it
 * here — in Traditional Chinese by default —, adds the insurance, books crossings and reads the stay
 * time. Shared by the server (service.ts) and the web (apps/web/src/services/northbound/).
 *
 * Routes (signed-in individuals unless noted):
 *   POST /api/services/northbound/register           NorthboundRegisterBody → 201 (signed in)  anonymous
 *   POST /api/services/northbound/binding/code       BindCodeBody → BindCodeSent   (000 §3.1)
 *   POST /api/services/northbound/binding            BindBody → CenterView
 *   GET  /api/services/northbound/center             → CenterView (个人中心)
 *   GET  /api/services/northbound/records/:id        → VehicleDetail (我的资料, 我的驾驶人)
 *   GET  /api/services/northbound/insurance/lookup?recordId=&policyNo=   → PolicyLookup (查询保险)
 *   POST /api/services/northbound/records/:id/insurance   InsuranceBody → CenterView
 *   GET  /api/services/northbound/slots?day=         → DaySlots (港珠澳大桥珠海公路口岸)
 *   GET  /api/services/northbound/bookings           → BookingView[] (通关预约查询)
 *   POST /api/services/northbound/bookings           BookBody → 201 BookingView
 *   POST /api/services/northbound/bookings/:id/cancel    → BookingView
 *   POST /api/console/services/northbound/import     ImportBody → ImportReport (staff: HK TD data file)
 *   GET  /api/console/services/northbound/applications/:id/record → ConsoleRecord (staff)
 * and, outside production, the simulators' controls:
 *   PUT  /api/dev/northbound/hktd                    HkTdApplication (HK TD pushes an application)
 *   POST /api/dev/northbound/crossings               SimCrossingBody (a border port's record)
 */

export const NORTHBOUND = 'northbound';

const L = (zh: string, hk: string, en: string): Localized => ({ 'zh-CN': zh, 'zh-HK': hk, en });

/** The ports where 港车北上 vehicles cross (the appointments module's resources). */
export const NORTHBOUND_PORTS = {
  'hzmb-zhuhai': L('港珠澳大桥珠海公路口岸', '港珠澳大橋珠海公路口岸', 'HZMB Zhuhai Port'),
} as const satisfies Record<string, Localized>;
export type NorthboundPort = keyof typeof NORTHBOUND_PORTS;
export const DEFAULT_PORT: NorthboundPort = 'hzmb-zhuhai';

/** 每次入境停留不超过30日，每年累计不超过180日. */
export const STAY_LIMITS = { perEntryDays: 30, perYearDays: 180, warnBeforeDays: 5 } as const;

export const NB_STATES = [
  'preliminary', // 初审通过: HK TD sent it; waiting for 粤港审批
  'inspection', // 验车、保险
  'issuing', // 待发牌
  'active', // 可通行
  'suspended',
  'revoked',
  'rejected',
] as const;
export type NbState = (typeof NB_STATES)[number];
export const NbStateSchema = z.enum(NB_STATES);

/** The stages of the owner's progress bar (000 §4.1). */
export const NB_STAGES = ['hktd', 'preliminary', 'approval', 'inspection', 'issuing', 'active'] as const;
export type NbStage = (typeof NB_STAGES)[number];
export const STAGE_NAMES: Record<NbStage, Localized> = {
  hktd: L('香港运输署提交', '香港運輸署提交', 'Submitted to HK TD'),
  preliminary: L('初审', '初審', 'Preliminary review'),
  approval: L('粤港审批', '粵港審批', 'Guangdong–HK approval'),
  inspection: L('验车、保险', '驗車、保險', 'Inspection and insurance'),
  issuing: L('发牌', '發牌', 'Plates and tags'),
  active: L('可通行', '可通行', 'Cleared to travel'),
};

/** The stage a state is at on the progress bar (the stages before it are done). */
export function stageOf(state: NbState): NbStage {
  switch (state) {
    case 'preliminary':
      return 'approval';
    case 'inspection':
      return 'inspection';
    case 'issuing':
      return 'issuing';
    case 'active':
    case 'suspended':
    case 'revoked':
      return 'active';
    case 'rejected':
      return 'approval';
  }
}

export const INSURANCE_TYPES = {
  ctpl: L('内地交强险', '內地交強險', 'Mainland compulsory traffic insurance'),
  equivalent: L('等效先认保单', '等效先認保單', 'Equivalent-recognition policy'),
} as const;
export type InsuranceType = keyof typeof INSURANCE_TYPES;
const INSURANCE_TYPE_CODES = Object.keys(INSURANCE_TYPES) as [InsuranceType, ...InsuranceType[]];

/** 证件地址's cascader: 香港特别行政区 / 澳门特别行政区 → area → district. */
export type RegionNode = { code: string; name: Localized; children?: readonly RegionNode[] };
const d = (code: string, zh: string, hk: string, en: string): RegionNode => ({ code, name: L(zh, hk, en) });
export const SAR_REGIONS: readonly RegionNode[] = [
  {
    code: 'HK',
    name: L('香港特别行政区', '香港特別行政區', 'Hong Kong SAR'),
    children: [
      {
        code: 'HKI',
        name: L('香港岛', '香港島', 'Hong Kong Island'),
        children: [
          d('CW', '中西区', '中西區', 'Central and Western'),
          d('WC', '湾仔区', '灣仔區', 'Wan Chai'),
          d('EA', '东区', '東區', 'Eastern'),
          d('SO', '南区', '南區', 'Southern'),
        ],
      },
      {
        code: 'KLN',
        name: L('九龙', '九龍', 'Kowloon'),
        children: [
          d('YT', '油尖旺区', '油尖旺區', 'Yau Tsim Mong'),
          d('SS', '深水埗区', '深水埗區', 'Sham Shui Po'),
          d('KC', '九龙城区', '九龍城區', 'Kowloon City'),
          d('WT', '黄大仙区', '黃大仙區', 'Wong Tai Sin'),
          d('KT', '观塘区', '觀塘區', 'Kwun Tong'),
        ],
      },
      {
        code: 'NT',
        name: L('新界', '新界', 'New Territories'),
        children: [
          d('TW', '荃湾区', '荃灣區', 'Tsuen Wan'),
          d('TM', '屯门区', '屯門區', 'Tuen Mun'),
          d('YL', '元朗区', '元朗區', 'Yuen Long'),
          d('NO', '北区', '北區', 'North'),
          d('TP', '大埔区', '大埔區', 'Tai Po'),
          d('SK', '西贡区', '西貢區', 'Sai Kung'),
          d('ST', '沙田区', '沙田區', 'Sha Tin'),
          d('KI', '葵青区', '葵青區', 'Kwai Tsing'),
          d('IS', '离岛区', '離島區', 'Islands'),
        ],
      },
    ],
  },
  {
    code: 'MO',
    name: L('澳门特别行政区', '澳門特別行政區', 'Macao SAR'),
    children: [
      {
        code: 'MOP',
        name: L('澳门半岛', '澳門半島', 'Macao Peninsula'),
        children: [d('MOP', '澳门半岛', '澳門半島', 'Macao Peninsula')],
      },
      { code: 'TAI', name: L('氹仔', '氹仔', 'Taipa'), children: [d('TAI', '氹仔', '氹仔', 'Taipa')] },
      { code: 'COL', name: L('路环', '路環', 'Coloane'), children: [d('COL', '路环', '路環', 'Coloane')] },
    ],
  },
];

/** The names along a region path, or null when a code is not in the tree. */
export function regionPathNames(path: readonly string[], locale: keyof Localized): string[] | null {
  const names: string[] = [];
  let level: readonly RegionNode[] | undefined = SAR_REGIONS;
  for (const code of path) {
    const node: RegionNode | undefined = level?.find((n) => n.code === code);
    if (!node) return null;
    names.push(node.name[locale]);
    level = node.children;
  }
  return level && level.length > 0 ? null : names;
}

/** K123456(7) → K1234567: brackets, spaces and case do not matter (000 §3.1 tip 2). */
export function hkIdWithoutBrackets(v: string): string {
  return v.replace(/[()（）\s]/g, '').toUpperCase();
}

const HkId = z
  .string()
  .trim()
  .max(14, fieldIssue('field.too_long'))
  .transform(hkIdWithoutBrackets)
  .refine(isValidHkId, serviceIssue('northbound.hkid_invalid'));

// ——————————————————————— HK TD application data (the adapter's and the import's shape) ———————————————————————

export const HkTdDriver = z.strictObject({
  name: nameText(50),
  hkid: HkId,
  licenceNo: text(20),
});

export const HkTdApplication = z
  .strictObject({
    /** HK TD's application reference */
    hktdRef: z
      .string()
      .trim()
      .regex(/^[A-Z0-9-]{6,30}$/, fieldIssue('field.invalid')),
    owner: z.strictObject({
      name: nameText(50),
      nameEn: text(80).optional(),
      hkid: HkId,
      /** the mainland mobile and the e-mail given to HK TD: where the binding code goes */
      mobile: Mobile,
      email: Email.optional(),
    }),
    vehicle: z.strictObject({
      hkPlate: z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z0-9 ]{1,10}$/, fieldIssue('field.invalid')),
      make: text(40),
      model: text(40),
      colour: text(20),
      chassisNo: text(30),
    }),
    drivers: z.array(HkTdDriver).max(2, serviceIssue('northbound.too_many_drivers')),
    /** the period HK TD approved for travel to the mainland */
    permittedFrom: CalendarDay,
    permittedUntil: CalendarDay,
  })
  .superRefine((v, ctx) => {
    if (
      typeof v.permittedFrom === 'string' &&
      typeof v.permittedUntil === 'string' &&
      v.permittedUntil <= v.permittedFrom
    )
      ctx.addIssue({ code: 'custom', path: ['permittedUntil'], ...fieldIssue('field.invalid') });
  });
export type HkTdApplication = z.infer<typeof HkTdApplication>;

/** The application as the casework engine keeps it (the console's read-only form). */
export const NorthboundForm = z.object({
  hktdRef: z.string(),
  ownerName: z.string(),
  ownerHkid: z.string(),
  hkPlate: z.string(),
  vehicle: z.string(),
  drivers: z.number().int(),
  permittedFrom: z.string(),
  permittedUntil: z.string(),
});
export type NorthboundForm = z.infer<typeof NorthboundForm>;

const NB_FIELDS: FieldMetaMap = {
  hktdRef: { label: L('运输署申请编号', '運輸署申請編號', 'HK TD reference') },
  ownerName: { label: L('车主姓名', '車主姓名', 'Owner'), personal: 'name' },
  ownerHkid: { label: L('香港身份证号码', '香港身份證號碼', 'HKID'), personal: 'id_number' },
  hkPlate: { label: L('香港车牌号码', '香港車牌號碼', 'HK registration mark') },
  vehicle: { label: L('车辆', '車輛', 'Vehicle') },
  drivers: { label: L('备案驾驶人数', '備案駕駛人數', 'Designated drivers') },
  permittedFrom: { label: L('获准出入内地期限（起）', '獲准出入內地期限（起）', 'Permitted from') },
  permittedUntil: { label: L('获准出入内地期限（止）', '獲准出入內地期限（止）', 'Permitted until') },
};

/** 港车北上's own error codes and messages (the manual's wording where it has one). */
const NB_ERRORS = {
  'northbound.hkid_invalid': L(
    '香港身份证号码格式或校验位不正确',
    '香港身份證號碼格式或校驗位不正確',
    'The HKID or its check digit is not valid.',
  ),
  'northbound.hkid_not_found': L(
    '填写的香港身份证号码与香港运输署提供的资料不一致，无法查找申请资料',
    '填寫的香港身份證號碼與香港運輸署提供的資料不一致，無法查找申請資料',
    'This HKID does not match the data from HK TD; no application was found.',
  ),
  'northbound.contact_missing': L(
    '申请人向香港运输署提供的资料中没有电子邮箱，请选择内地手机号码接收验证码',
    '申請人向香港運輸署提供的資料中沒有電子郵箱，請選擇內地手機號碼接收驗證碼',
    'No e-mail was given to HK TD; receive the code on the mainland mobile.',
  ),
  'northbound.already_bound': L(
    '该香港身份证号码已由其他账户绑定',
    '該香港身份證號碼已由其他帳戶綁定',
    'This HKID is bound to another account.',
  ),
  'northbound.face_check_required': L(
    '请先完成实名核验（人脸识别）',
    '請先完成實名核驗（人臉識別）',
    'Pass the face check first.',
  ),
  'northbound.not_bound': L(
    '请先完成首次登录验证',
    '請先完成首次登錄驗證',
    'Complete the first sign-in check first.',
  ),
  'northbound.document_not_available': L(
    '该文书尚未核发：准入资格确认函在粤港审批通过后、临时入境机动车牌证在发牌后且通行资格有效时方可下载',
    '該文書尚未核發：准入資格確認函在粵港審批通過後、臨時入境機動車牌證在發牌後且通行資格有效時方可下載',
    'Not issued: the admission letter follows Guangdong’s approval; the plate permit follows 发牌 while the clearance is valid.',
  ),
  'northbound.document_unknown': L(
    '无法核验：二维码或核验码不正确',
    '無法核驗：二維碼或核驗碼不正確',
    'Cannot verify: the QR code or verification code is not one we issued.',
  ),
  'northbound.record_not_found': L(
    '未找到该车辆的申请资料',
    '未找到該車輛的申請資料',
    'No such vehicle application.',
  ),
  'northbound.insurance_wrong_stage': L(
    '当前申请未进入验车、保险环节，暂不能填写保险信息',
    '當前申請未進入驗車、保險環節，暫不能填寫保險信息',
    'The application is not at its inspection and insurance stage.',
  ),
  'northbound.insurance_type': L(
    '请提交内地“交强险”或“等效先认”保单',
    '請提交內地「交強險」或「等效先認」保單',
    'Only a mainland compulsory policy or an equivalent-recognition policy is accepted.',
  ),
  'northbound.insurance_not_in_force': L(
    '保险尚未生效或已失效，请填写及提交有效保险凭证',
    '保險尚未生效或已失效，請填寫及提交有效保險憑證',
    'The policy is not in force; submit a valid one.',
  ),
  'northbound.insurance_too_short': L(
    '保险凭证有效期不少于临时出入内地期限',
    '保險憑證有效期不少於臨時出入內地期限',
    'The cover must last at least until the end of the permitted period.',
  ),
  'northbound.insurance_dates': L(
    '保险止期须晚于起期',
    '保險止期須晚於起期',
    'The end date must be after the start date.',
  ),
  'northbound.policy_not_found': L(
    '未查询到该保单的共享数据，请根据纸质保单自行填写并上传保单照片',
    '未查詢到該保單的共享數據，請根據紙質保單自行填寫並上傳保單照片',
    'The insurers have not shared this policy; type it from the paper policy and upload its photo.',
  ),
  'northbound.policy_other_vehicle': L(
    '该保单不属于本车辆',
    '該保單不屬於本車輛',
    'This policy is for another vehicle.',
  ),
  'northbound.photo_required': L('请上传保单照片', '請上傳保單照片', 'Upload a photo of the policy.'),
  'northbound.vehicle_not_approved': L(
    '车辆尚未取得入境资格（未发牌），不能预约通关',
    '車輛尚未取得入境資格（未發牌），不能預約通關',
    'The vehicle is not cleared to travel yet; it cannot be booked.',
  ),
  'northbound.vehicle_suspended': L(
    '车辆通行资格已暂停或注销，不能预约通关',
    '車輛通行資格已暫停或註銷，不能預約通關',
    'The vehicle’s clearance is suspended or revoked; it cannot be booked.',
  ),
  'northbound.too_many_drivers': L(
    '每辆车最多备案2名驾驶人',
    '每輛車最多備案2名駕駛人',
    'At most two designated drivers per vehicle.',
  ),
  'northbound.permit_expired': L('证件已过有效期', '證件已過有效期', 'The document has expired.'),
  'northbound.region_invalid': L(
    '请选择证件地址所在地区',
    '請選擇證件地址所在地區',
    'Choose the region of the address.',
  ),
  'northbound.id_type': L(
    '请选择港澳居民来往内地通行证、普通护照或居民身份证',
    '請選擇港澳居民來往內地通行證、普通護照或居民身份證',
    'Choose the Mainland Travel Permit, a passport or a resident ID card.',
  ),
  'northbound.insurance_missing': L(
    '车主尚未提交保险信息',
    '車主尚未提交保險信息',
    'The owner has not submitted the insurance yet.',
  ),
  'northbound.import_unreadable': L(
    '无法读取文件，请上传 CSV 或 XLSX 文件',
    '無法讀取文件，請上傳 CSV 或 XLSX 文件',
    'The file cannot be read; upload CSV or XLSX.',
  ),
} as const satisfies Record<string, Localized>;

declare module '@sw/contracts' {
  interface ServiceErrorCodes extends Record<keyof typeof NB_ERRORS, true> {}
}

export const northboundContract = defineServiceContract({
  code: NORTHBOUND,
  catalogue: {
    name: L('港车北上', '港車北上', 'Hong Kong vehicles to Guangdong'),
    description: L(
      '香港机动车经港珠澳大桥入出内地：查询申请进度、填写车辆保险、通关预约、补办车卡和驾驶人标识。',
      '香港機動車經港珠澳大橋入出內地：查詢申請進度、填寫車輛保險、通關預約、補辦車卡和駕駛人標識。',
      'Hong Kong vehicles entering the mainland over the HZMB: follow the application, add the insurance, book crossings, replace tags.',
    ),
    category: 'transport',
    department: L(
      '广东省公安厅、拱北海关、珠海边检总站',
      '廣東省公安廳、拱北海關、珠海邊檢總站',
      'Guangdong public security, Gongbei Customs, Zhuhai border inspection',
    ),
    audience: ['individual'],
    realNameLevel: 'none',
    regions: { cities: [] },
    mode: 'online',
    localFeature: 'cross-border',
    guide: {
      conditions: [
        L(
          '已向香港运输署提交“港车北上”申请并通过初步审核',
          '已向香港運輸署提交「港車北上」申請並通過初步審核',
          'Applied to HK TD and passed its preliminary check',
        ),
      ],
      materials: [
        { name: L('港澳居民来往内地通行证', '港澳居民來往內地通行證', 'Mainland Travel Permit') },
        {
          name: L('内地交强险或等效先认保单', '內地交強險或等效先認保單', 'Compulsory insurance policy'),
          slot: 'insurance',
        },
      ],
      steps: [
        L(
          '注册并登录，完成实名核验',
          '註冊並登錄，完成實名核驗',
          'Register, sign in and pass the face check',
        ),
        L(
          '首次登录填写香港身份证号码并验证',
          '首次登錄填寫香港身份證號碼並驗證',
          'Bind your HKID at the first sign-in',
        ),
        L(
          '在个人中心查看进度，验车保险环节填写保险信息',
          '在個人中心查看進度，驗車保險環節填寫保險信息',
          'Follow the progress; add the insurance at its stage',
        ),
        L('取得临时号牌后预约通关', '取得臨時號牌後預約通關', 'Book the crossing once the plate is issued'),
      ],
      fee: L('不收费', '不收費', 'Free of charge'),
      basis: [
        L(
          '《香港机动车经港珠澳大桥珠海公路口岸入出内地管理办法》',
          '《香港機動車經港珠澳大橋珠海公路口岸入出內地管理辦法》',
          'Rules on Hong Kong vehicles entering the mainland via the HZMB Zhuhai port',
        ),
      ],
      hotline: '020-95198',
    },
  },
  form: NorthboundForm,
  fields: NB_FIELDS,
  attachments: [
    {
      slot: 'insurance',
      name: L('保单照片', '保單照片', 'Policy photo'),
      required: false,
      types: ['image/jpeg', 'image/png', 'application/pdf'],
      maxBytes: 5 * 1024 * 1024,
      maxCount: 3,
    },
  ],
  errors: NB_ERRORS,
});

// ——————————————————————————————— registration (000 §2.1) ———————————————————————————————

/** 出生日期: a real day since 1900 (CalendarDay covers 2000–2100 only). */
const BirthDate = z
  .string()
  .regex(/^(19|20)\d{2}-\d{2}-\d{2}$/, fieldIssue('field.calendar_date_invalid'))
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }, fieldIssue('field.calendar_date_invalid'));

export const NB_ID_TYPES = ['hk_macao_permit', 'passport', 'resident_id'] as const;
export const GENDERS = ['male', 'female'] as const;

export const NorthboundRegisterBody = z
  .strictObject({
    username: Username,
    password: Password,
    confirmPassword: z.string().max(128),
    name: nameText(50),
    idType: z.enum(NB_ID_TYPES, serviceIssue('northbound.id_type')),
    idNumber: z.string().trim().toUpperCase().max(30, fieldIssue('field.too_long')),
    gender: z.enum(GENDERS, fieldIssue('field.required')),
    birthDate: BirthDate,
    idValidTo: CalendarDay,
    region: z.array(z.string().max(4)).length(3, serviceIssue('northbound.region_invalid')),
    address: text(100).refine((v) => v.length > 0, fieldIssue('field.required')),
    mobile: Mobile,
    smsCode: OtpCode,
    agreement: z.literal(true, fieldIssue('field.agreement_required')),
    /** 激活国家政务服务平台账号 */
    activateNational: z.boolean().default(false),
  })
  .superRefine((b, ctx) => {
    if (typeof b !== 'object' || b === null) return;
    if (
      NB_ID_TYPES.includes(b.idType) &&
      typeof b.idNumber === 'string' &&
      !isValidIdNumber(b.idType, b.idNumber)
    )
      ctx.addIssue({ code: 'custom', path: ['idNumber'], ...fieldIssue('field.id_number_invalid') });
    if (typeof b.password === 'string' && b.password !== b.confirmPassword)
      ctx.addIssue({ code: 'custom', path: ['confirmPassword'], ...fieldIssue('field.password_mismatch') });
    if (Array.isArray(b.region) && b.region.length === 3 && !regionPathNames(b.region, 'zh-HK'))
      ctx.addIssue({ code: 'custom', path: ['region'], ...serviceIssue('northbound.region_invalid') });
  });
export type NorthboundRegisterBody = z.infer<typeof NorthboundRegisterBody>;

export const NorthboundRegistered = z.object({ username: z.string() });

// ——————————————————————————————— first sign-in binding (000 §3.1) ———————————————————————————————

export const BIND_CHANNELS = ['sms', 'email'] as const;
export const BindCodeBody = z.strictObject({
  hkid: HkId,
  channel: z.enum(BIND_CHANNELS, fieldIssue('field.invalid')),
});
export type BindCodeBody = z.infer<typeof BindCodeBody>;
export const BindCodeSent = z.object({
  channel: z.enum(BIND_CHANNELS),
  /** where the code went: the contact given to HK TD, masked */
  targetMasked: z.string(),
  resendAfter: z.number().int(),
  simulator: z.string().optional(),
});
export type BindCodeSent = z.infer<typeof BindCodeSent>;
export const BindBody = z.strictObject({
  hkid: HkId,
  channel: z.enum(BIND_CHANNELS, fieldIssue('field.invalid')),
  code: OtpCode,
});
export type BindBody = z.infer<typeof BindBody>;

// ——————————————————————————————— 个人中心 (000 §4.1) ———————————————————————————————

export const StayView = z.object({
  /** in the mainland now (the last crossing was an entry) */
  inMainland: z.boolean(),
  /** days of the current stay (0 when not in the mainland) */
  currentStayDays: z.number().int(),
  /** days in the mainland this calendar year */
  yearDays: z.number().int(),
  perEntryLimit: z.number().int(),
  perYearLimit: z.number().int(),
  /** near or over a limit */
  warning: z.enum(['none', 'near_entry', 'over_entry', 'near_year', 'over_year']),
  lastCrossing: z
    .object({ direction: z.enum(['entry', 'exit']), port: z.string(), at: z.iso.datetime() })
    .nullable(),
});
export type StayView = z.infer<typeof StayView>;

export const InsuranceView = z.object({
  policyNo: z.string(),
  type: z.enum(INSURANCE_TYPE_CODES),
  insurer: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  source: z.enum(['lookup', 'manual']),
  submittedAt: z.iso.datetime(),
});
export type InsuranceView = z.infer<typeof InsuranceView>;

export const VehicleView = z.object({
  recordId: z.uuid(),
  applicationId: z.uuid(),
  number: z.string(),
  hktdRef: z.string(),
  hkPlate: z.string(),
  vehicle: z.string(),
  status: NbStateSchema,
  statusName: Localized,
  statusTone: z.enum(STATE_TONES),
  stage: z.enum(NB_STAGES),
  /** the reason of a suspension, revocation or rejection */
  reason: z.string().nullable(),
  permittedFrom: z.string(),
  permittedUntil: z.string(),
  /** 「填写保险信息」 is offered (the inspection and insurance stage) */
  canFillInsurance: z.boolean(),
  insurance: InsuranceView.nullable(),
  /** 发牌: the temporary mainland plate, the permit's validity, the vehicle tag (车卡) */
  tempPlate: z.string().nullable(),
  permitValidFrom: z.string().nullable(),
  permitValidTo: z.string().nullable(),
  tagNo: z.string().nullable(),
  stay: StayView.nullable(),
});
export type VehicleView = z.infer<typeof VehicleView>;

export const CenterView = z.object({
  bound: z.boolean(),
  /** real-name verified by the face check (000 §2.1 实名核验) */
  faceVerified: z.boolean(),
  hkidMasked: z.string().nullable(),
  vehicles: z.array(VehicleView),
  /** HK TD's data comes from the simulator: its sample HKIDs, so a tester can bind one (never in production) */
  simulatorSamples: z.array(z.string()).optional(),
});
export type CenterView = z.infer<typeof CenterView>;

export const DriverView = z.object({
  name: z.string(),
  hkidMasked: z.string(),
  licenceNo: z.string(),
  /** 驾驶人标识 issued at 发牌 */
  driverTagNo: z.string().nullable(),
});
export const VehicleDetail = z.object({
  recordId: z.uuid(),
  owner: z.object({
    name: z.string(),
    nameEn: z.string().nullable(),
    hkidMasked: z.string(),
    mobileMasked: z.string(),
    emailMasked: z.string().nullable(),
  }),
  vehicle: z.object({
    hkPlate: z.string(),
    make: z.string(),
    model: z.string(),
    colour: z.string(),
    chassisNo: z.string(),
  }),
  drivers: z.array(DriverView),
});
export type VehicleDetail = z.infer<typeof VehicleDetail>;

// ——————————————————————————————— 车辆保险 (000 §4.2) ———————————————————————————————

export const PolicyNo = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9-]{6,30}$/, fieldIssue('field.invalid'));

export const PolicyLookupQuery = z.strictObject({ recordId: z.uuid(), policyNo: PolicyNo });
export const PolicyLookup = z.object({
  found: z.boolean(),
  policy: z
    .object({
      policyNo: z.string(),
      type: z.enum(INSURANCE_TYPE_CODES),
      insurer: z.string(),
      startDate: z.string(),
      endDate: z.string(),
    })
    .nullable(),
  simulated: z.boolean(),
});
export type PolicyLookup = z.infer<typeof PolicyLookup>;

export const InsuranceBody = z.discriminatedUnion('source', [
  z.strictObject({ source: z.literal('lookup'), policyNo: PolicyNo }),
  z.strictObject({
    source: z.literal('manual'),
    policyNo: PolicyNo,
    type: z.enum(INSURANCE_TYPE_CODES, serviceIssue('northbound.insurance_type')),
    insurer: text(60).refine((v) => v.length > 0, fieldIssue('field.required')),
    startDate: CalendarDay,
    endDate: CalendarDay,
    /** the photo, uploaded first: POST /api/files?service=northbound&slot=insurance */
    photoFileId: z.uuid(serviceIssue('northbound.photo_required')),
  }),
]);
export type InsuranceBody = z.infer<typeof InsuranceBody>;

// ——————————————————————————————— 通关预约 (000 §4.4) ———————————————————————————————

export const SlotsQuery = z.strictObject({ day: CalendarDay });
export const NorthboundDaySlots = z.object({
  port: z.string(),
  portName: Localized,
  day: z.string(),
  freeOfBooking: z.boolean(),
  /** book and cancel until this moment (noon the day before) */
  closesAt: z.iso.datetime(),
  slots: z.array(SlotView),
});
export type NorthboundDaySlots = z.infer<typeof NorthboundDaySlots>;

export const BookBody = z.strictObject({
  recordId: z.uuid(fieldIssue('field.required')),
  slotId: z.uuid(fieldIssue('field.required')),
});
export type BookBody = z.infer<typeof BookBody>;

export const BookingView = z.object({
  id: z.uuid(),
  recordId: z.string(),
  hkPlate: z.string(),
  tempPlate: z.string().nullable(),
  port: z.string(),
  portName: Localized,
  day: z.string(),
  starts: z.string(),
  ends: z.string(),
  status: z.enum(['booked', 'cancelled', 'attended', 'no_show']),
  voucher: z.string(),
  canCancel: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type BookingView = z.infer<typeof BookingView>;

// ——————————————————————————————— staff ———————————————————————————————

export const ImportBody = z.strictObject({
  fileName: z.string().max(200),
  /** the CSV or XLSX file, base64 (≤ 2 MB) */
  contentBase64: z.string().max(2_800_000, fieldIssue('field.too_long')),
});
export const ImportReport = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** per row that was refused: its line and each field's error */
  errors: z.array(
    z.object({
      row: z.number().int(),
      hktdRef: z.string().nullable(),
      fields: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })),
    }),
  ),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const ConsoleRecord = z.object({
  detail: VehicleDetail,
  insurance: InsuranceView.nullable(),
  insuranceSimulated: z.boolean(),
  tempPlate: z.string().nullable(),
  tagNo: z.string().nullable(),
  permitValidFrom: z.string().nullable(),
  permitValidTo: z.string().nullable(),
  stay: StayView,
  /** crossings on days that needed a booking and had none (repeated travel without a booking) */
  crossingsWithoutBooking: z.number().int(),
});
export type ConsoleRecord = z.infer<typeof ConsoleRecord>;

export const SimCrossingBody = z.strictObject({
  hktdRef: z.string().max(30),
  direction: z.enum(['entry', 'exit']),
  port: z.enum(Object.keys(NORTHBOUND_PORTS) as [NorthboundPort]),
  at: z.iso.datetime({ offset: true }),
});

// ——————————————————————————————— 文书 (000 §4.8: 准入资格确认函, 临时入境机动车牌证) ———————————————————————————————

export const DOCUMENT_KINDS = ['admission-letter', 'plate-permit'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const DOCUMENT_NAMES: Record<DocumentKind, Localized> = {
  'admission-letter': L('准入资格确认函', '准入資格確認函', 'Admission confirmation letter'),
  'plate-permit': L('临时入境机动车牌证', '臨時入境機動車牌證', 'Temporary entry plate and permit'),
};
export const DocumentParams = z.object({ id: z.uuid(), kind: z.enum(DOCUMENT_KINDS) });
/** `lang`: the document's language (a download link carries the page's; else Accept-Language) */
export const DocumentQuery = z.strictObject({ lang: z.enum(LOCALES).optional() });

/** What the verification QR shows anyone who scans it: the document's current standing, masked. */
export const DocumentCheck = z.object({
  kind: z.enum(DOCUMENT_KINDS),
  name: Localized,
  /** the vehicle is still cleared (the letter: not refused or revoked; the permit: 可通行) */
  valid: z.boolean(),
  number: z.string(),
  ownerMasked: z.string(),
  hkPlate: z.string(),
  tempPlate: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  statusName: Localized,
  checkedAt: z.iso.datetime(),
});
export type DocumentCheck = z.infer<typeof DocumentCheck>;
