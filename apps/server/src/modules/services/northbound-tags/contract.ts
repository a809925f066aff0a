import { defineServiceContract, type FieldMetaMap, fieldIssue, type Localized } from '@sw/contracts';
import { z } from 'zod';

/*
 * 补办车卡 and 补办驾驶人标识 (seed 000 §4.7): a Hong Kong owner whose vehicle tag (车卡) or a driver's
 * tag (驾驶人标识, the chip label on the travel permit) is damaged, lost, expired or scrapped asks for a
 * replacement from 港车北上's 我要办事, choosing where to have it fitted and why; the site's officer
 * completes the request when the new tag is fitted (the new number replaces the old), or refuses it.
 *
 * Routes (signed-in owner):
 *   GET  /api/services/northbound-tags/vehicles   → TagVehicle[]  the vehicles whose tags may be replaced
 *   GET  /api/services/northbound-tags/requests   → TagRequestView[]  my requests and their progress
 *   POST /api/services/northbound-tags/requests   TagRequestBody → 201 TagRequestView
 */

export const NORTHBOUND_TAGS = 'northbound-tags';

const L = (zh: string, hk: string, en: string): Localized => ({ 'zh-CN': zh, 'zh-HK': hk, en });

export const TAG_KINDS = ['vehicle_tag', 'driver_tag'] as const;
export const TAG_KIND_NAMES: Record<(typeof TAG_KINDS)[number], Localized> = {
  vehicle_tag: L('补办车卡', '補辦車卡', 'Replace the vehicle tag'),
  driver_tag: L('补办驾驶人标识', '補辦駕駛人標識', 'Replace a driver tag'),
};

/** 办理地点: where the tag is fitted */
export const TAG_SITES = ['hzmb-zhuhai', 'zhuhai-dmv', 'hzmb-hk'] as const;
export const TAG_SITE_NAMES: Record<(typeof TAG_SITES)[number], Localized> = {
  'hzmb-zhuhai': L(
    '港珠澳大桥珠海公路口岸港车北上服务点',
    '港珠澳大橋珠海公路口岸港車北上服務點',
    'HZMB Zhuhai Port service point',
  ),
  'zhuhai-dmv': L(
    '珠海市公安局交通警察支队车辆管理所',
    '珠海市公安局交通警察支隊車輛管理所',
    'Zhuhai traffic police vehicle office',
  ),
  'hzmb-hk': L(
    '港珠澳大桥香港口岸车卡服务点',
    '港珠澳大橋香港口岸車卡服務點',
    'HZMB Hong Kong Port tag service point',
  ),
};

/** 更换车卡原因 (000 §4.7.1: 损毁、丢失、过期) */
export const VEHICLE_TAG_REASONS = ['damaged', 'lost', 'expired'] as const;
/** 更换电子线圈原因 (000 §4.7.2: 芯片损毁、丢失、报废) */
export const DRIVER_TAG_REASONS = ['damaged', 'lost', 'scrapped'] as const;
export const TAG_REASON_NAMES: Record<string, Localized> = {
  damaged: L('损毁', '損毀', 'Damaged'),
  lost: L('丢失', '遺失', 'Lost'),
  expired: L('过期', '過期', 'Expired'),
  scrapped: L('报废', '報廢', 'Scrapped'),
};

/** 本次办理业务类型 (driver tags) */
export const DRIVER_TAG_BUSINESS = ['reissue', 'new_permit'] as const;
export const DRIVER_TAG_BUSINESS_NAMES: Record<(typeof DRIVER_TAG_BUSINESS)[number], Localized> = {
  reissue: L('补办电子线圈标签', '補辦電子線圈標籤', 'Replace the chip label'),
  new_permit: L(
    '更换出入境证件后重新加贴',
    '更換出入境證件後重新加貼',
    'Fit the label to a new travel permit',
  ),
};

const Kind = z.enum(TAG_KINDS, fieldIssue('field.required'));
const Site = z.enum(TAG_SITES, fieldIssue('field.required'));
const Reason = z.enum([...VEHICLE_TAG_REASONS, 'scrapped'], fieldIssue('field.required'));

/** What the owner sends. */
export const TagRequestBody = z
  .strictObject({
    kind: Kind,
    recordId: z.uuid(fieldIssue('field.required')),
    /** driver tags: which of the vehicle's designated drivers (0 or 1) */
    driverIndex: z.number().int().min(0).max(1).optional(),
    site: Site,
    /** driver tags: 本次办理业务类型 */
    businessType: z.enum(DRIVER_TAG_BUSINESS, fieldIssue('field.required')).optional(),
    reason: Reason,
  })
  .superRefine((body, issue) => {
    const need = (path: string) =>
      issue.addIssue({ code: 'custom', path: [path], message: 'field.required' });
    if (body.kind === 'driver_tag') {
      if (body.driverIndex === undefined) need('driverIndex');
      if (!body.businessType) need('businessType');
      if (!(DRIVER_TAG_REASONS as readonly string[]).includes(body.reason))
        issue.addIssue({ code: 'custom', path: ['reason'], message: 'field.invalid' });
    } else if (!(VEHICLE_TAG_REASONS as readonly string[]).includes(body.reason))
      issue.addIssue({ code: 'custom', path: ['reason'], message: 'field.invalid' });
  });
export type TagRequestBody = z.infer<typeof TagRequestBody>;

/** The application's form: the request and what it is about, as the officer at the site needs it. */
export const TagRequestForm = z.object({
  kind: Kind,
  recordId: z.uuid(),
  hkPlate: z.string(),
  tempPlate: z.string(),
  /** the tag being replaced */
  currentTagNo: z.string(),
  driverIndex: z.number().int().nullable(),
  driverName: z.string().nullable(),
  site: Site,
  businessType: z.enum(DRIVER_TAG_BUSINESS).nullable(),
  reason: Reason,
});
export type TagRequestForm = z.infer<typeof TagRequestForm>;

const names = (m: Record<string, Localized>) => m;
const TAG_FIELDS: FieldMetaMap = {
  kind: { label: L('业务', '業務', 'Request'), values: names(TAG_KIND_NAMES) },
  recordId: { label: L('备案编号', '備案編號', 'Record'), internal: true },
  hkPlate: { label: L('香港车牌号码', '香港車牌號碼', 'HK registration mark') },
  tempPlate: { label: L('临时入境机动车号牌', '臨時入境機動車號牌', 'Temporary mainland plate') },
  currentTagNo: { label: L('原标识编号', '原標識編號', 'Tag being replaced') },
  driverIndex: { label: L('驾驶人序号', '駕駛人序號', 'Driver'), internal: true },
  driverName: { label: L('驾驶人', '駕駛人', 'Driver'), personal: 'name' },
  site: { label: L('办理地点', '辦理地點', 'Where'), values: names(TAG_SITE_NAMES) },
  businessType: {
    label: L('本次办理业务类型', '本次辦理業務類型', 'Type of request'),
    values: names(DRIVER_TAG_BUSINESS_NAMES),
  },
  reason: { label: L('更换原因', '更換原因', 'Reason'), values: names(TAG_REASON_NAMES) },
};

const TAG_ERRORS = {
  'northbound-tags.not_replaceable': L(
    '该车辆尚未发牌或通行资格已注销，不能补办',
    '該車輛尚未發牌或通行資格已註銷，不能補辦',
    'This vehicle has no tags in use (not yet issued, or revoked).',
  ),
  'northbound-tags.driver_not_found': L(
    '请选择该车辆的备案驾驶人',
    '請選擇該車輛的備案駕駛人',
    'Choose one of the vehicle’s designated drivers.',
  ),
  'northbound-tags.already_requested': L(
    '该标识已有正在办理的补办申请，请等待办结',
    '該標識已有正在辦理的補辦申請，請等待辦結',
    'A replacement of this tag is already in progress.',
  ),
} as const;

export const northboundTagsContract = defineServiceContract({
  code: NORTHBOUND_TAGS,
  catalogue: {
    name: L(
      '港车北上补办车卡、驾驶人标识',
      '港車北上補辦車卡、駕駛人標識',
      'Replacement vehicle and driver tags',
    ),
    description: L(
      '车卡损毁、丢失、过期，或驾驶人出入境证件芯片损毁、丢失、报废时，申请补办并到办理地点现场更换。',
      '車卡損毀、遺失、過期，或駕駛人出入境證件芯片損毀、遺失、報廢時，申請補辦並到辦理地點現場更換。',
      'When a vehicle tag or a driver’s chip label is damaged, lost, expired or scrapped: ask for a replacement and have it fitted at the site.',
    ),
    category: 'transport',
    department: L('广东省公安厅', '廣東省公安廳', 'Guangdong public security'),
    audience: ['individual'],
    realNameLevel: 'none',
    regions: { cities: [] },
    mode: 'online',
    localFeature: 'cross-border',
    // a step of 港车北上's 我要办事, not a service one looks for in the catalogue
    listed: false,
    guide: {
      conditions: [
        L(
          '车辆已取得临时入境机动车号牌且通行资格未注销',
          '車輛已取得臨時入境機動車號牌且通行資格未註銷',
          'The vehicle holds its temporary plate and its clearance is not revoked',
        ),
      ],
      materials: [],
      steps: [
        L('选择车辆或驾驶人', '選擇車輛或駕駛人', 'Choose the vehicle or driver'),
        L(
          '选择办理地点及更换原因，提交',
          '選擇辦理地點及更換原因，提交',
          'Choose the site and reason; submit',
        ),
        L('到办理地点现场更换', '到辦理地點現場更換', 'Have the tag fitted at the site'),
      ],
      fee: L('不收费', '不收費', 'Free of charge'),
      basis: [],
      hotline: '020-95198',
    },
  },
  form: TagRequestForm,
  fields: TAG_FIELDS,
  attachments: [],
  errors: TAG_ERRORS,
});

export const TagVehicle = z.object({
  recordId: z.uuid(),
  hkPlate: z.string(),
  tempPlate: z.string(),
  tagNo: z.string(),
  drivers: z.array(z.object({ index: z.number().int(), name: z.string(), tagNo: z.string() })),
});
export type TagVehicle = z.infer<typeof TagVehicle>;

export const TagRequestView = z.object({
  id: z.uuid(),
  number: z.string(),
  kind: Kind,
  hkPlate: z.string(),
  driverName: z.string().nullable(),
  site: Site,
  reason: Reason,
  status: z.enum(['submitted', 'completed', 'rejected']),
  statusName: z.object({ 'zh-CN': z.string(), 'zh-HK': z.string(), en: z.string() }),
  /** the refusal's reason */
  reasonText: z.string().nullable(),
  submittedAt: z.iso.datetime(),
});
export type TagRequestView = z.infer<typeof TagRequestView>;
