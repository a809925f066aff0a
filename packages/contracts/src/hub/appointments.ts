import { z } from 'zod';
import type { Localized } from '../api/casework.ts';
import { fieldIssue } from '../api/common.ts';
import { PersonName } from '../api/password-recovery.ts';
import { GUANGDONG_CITIES } from '../geo/guangdong-cities.ts';
import { isValidResidentId } from '../validators/resident-id.ts';
import type { HubCategory } from './directory.ts';

/*
 * The citizen hub's 预约 services (seed 003, issue 13 §4), as data: 婚姻登记预约, 出入境证件办理预约,
 * 公积金提取预约 and 社会救助申请预约. Each books a place at one of its offices in the chosen city on
 * the appointments module (quotas per office, day and time slot; never oversold), with what the
 * manual asks of it. The server's `hub-appointments` module keeps the rules; the web shows the form.
 *
 *   GET    /api/hub/appointments/:kind/offices?city=       → HubOffice[]
 *   GET    /api/hub/appointments/:kind/offices/:office     → HubOfficeDays (the bookable days' slots)
 *   POST   /api/hub/appointments/:kind                     BookHubAppointmentBody → 201 HubAppointmentView
 *   GET    /api/hub/appointments                           → HubAppointmentView[] (mine, newest first)
 *   DELETE /api/hub/appointments/:id                       → HubAppointmentView (取消预约, before the cut-off)
 */

export const HUB_APPOINTMENT_KINDS = ['marriage', 'exit_entry', 'housing_fund', 'social_assistance'] as const;
export type HubAppointmentKind = (typeof HUB_APPOINTMENT_KINDS)[number];

const L = (zhCN: string, zhHK: string, en: string): Localized => ({ 'zh-CN': zhCN, 'zh-HK': zhHK, en });

export type HubAppointmentInfo = {
  kind: HubAppointmentKind;
  name: Localized;
  category: HubCategory;
  department: Localized;
  /** the office's name in a city: `{city}` is the city's name */
  office: Localized;
  /** cities where it is not offered */
  exceptCities?: readonly string[];
  note?: Localized;
  /** the businesses one books for */
  businesses: readonly { code: string; name: Localized }[];
};

export const HUB_APPOINTMENTS: Readonly<Record<HubAppointmentKind, HubAppointmentInfo>> = {
  marriage: {
    kind: 'marriage',
    name: L('婚姻登记预约', '婚姻登記預約', 'Marriage registration booking'),
    category: 'marriage_birth',
    department: L('民政局婚姻登记处', '民政局婚姻登記處', 'Marriage Registry'),
    office: L('{city}市婚姻登记处', '{city}市婚姻登記處', '{city} Marriage Registry'),
    note: L(
      '结婚登记、离婚登记须双方共同到场，请携带双方身份证、户口簿',
      '結婚登記、離婚登記須雙方共同到場，請攜帶雙方身份證、戶口簿',
      'Both parties attend a marriage or divorce registration with their ID cards and household registers',
    ),
    businesses: [
      { code: 'marriage', name: L('结婚登记', '結婚登記', 'Marriage registration') },
      { code: 'divorce', name: L('离婚登记', '離婚登記', 'Divorce registration') },
      { code: 'reissue_marriage', name: L('补领结婚证', '補領結婚證', 'Replacement marriage certificate') },
      { code: 'reissue_divorce', name: L('补领离婚证', '補領離婚證', 'Replacement divorce certificate') },
    ],
  },
  exit_entry: {
    kind: 'exit_entry',
    name: L('出入境证件办理预约', '出入境證件辦理預約', 'Exit-entry document booking'),
    category: 'exit_entry',
    department: L('公安出入境管理部门', '公安出入境管理部門', 'Exit-Entry Administration'),
    office: L('{city}市出入境接待大厅', '{city}市出入境接待大廳', '{city} Exit-Entry Hall'),
    // 「预约办证服务：目前支持除深圳以外的广东省户籍居民…」
    exceptCities: ['4403'],
    note: L(
      '预约护照、港澳台通行证首次申领/换领/补领服务可以取消；港澳通行证再次签注暂不支持线上取消',
      '預約護照、港澳台通行證首次申領/換領/補領服務可以取消；港澳通行證再次簽注暫不支援線上取消',
      'Bookings for a first, renewed or replaced passport or permit can be cancelled; re-endorsements cannot be cancelled online',
    ),
    businesses: [
      { code: 'passport', name: L('普通护照', '普通護照', 'Passport') },
      { code: 'hk_macao_permit', name: L('往来港澳通行证', '往來港澳通行證', 'Permit to HK and Macao') },
      { code: 'taiwan_permit', name: L('往来台湾通行证', '往來台灣通行證', 'Permit to Taiwan') },
    ],
  },
  housing_fund: {
    kind: 'housing_fund',
    name: L('公积金提取预约', '公積金提取預約', 'Housing fund withdrawal booking'),
    category: 'housing_fund',
    department: L('住房公积金管理中心', '住房公積金管理中心', 'Housing Provident Fund Centre'),
    office: L(
      '{city}住房公积金管理中心服务网点',
      '{city}住房公積金管理中心服務網點',
      '{city} Housing Fund office',
    ),
    exceptCities: ['4419', '4413', '4452'],
    note: L(
      '广州、深圳用户首次提取需进行前台提取预约，并到公积金服务办理网点提取；省内其他地市用户请进行前台提取预约',
      '廣州、深圳用戶首次提取需進行前台提取預約，並到公積金服務辦理網點提取；省內其他地市用戶請進行前台提取預約',
      'In Guangzhou and Shenzhen a first withdrawal is booked at a counter; in other cities every withdrawal is',
    ),
    businesses: [
      { code: 'purchase', name: L('购买自住住房提取', '購買自住住房提取', 'Buying a home') },
      { code: 'rent', name: L('租房提取', '租房提取', 'Paying rent') },
      { code: 'retirement', name: L('离退休提取', '離退休提取', 'Retirement') },
      { code: 'leaving', name: L('离职提取', '離職提取', 'Leaving employment') },
    ],
  },
  social_assistance: {
    kind: 'social_assistance',
    name: L('社会救助申请预约', '社會救助申請預約', 'Social assistance application booking'),
    category: 'social_assistance',
    department: L('民政部门社会救助窗口', '民政部門社會救助窗口', 'Civil Affairs social assistance desk'),
    office: L('{city}市社会救助服务窗口', '{city}市社會救助服務窗口', '{city} Social Assistance desk'),
    businesses: [
      { code: 'minimum_living', name: L('最低生活保障', '最低生活保障', 'Minimum living allowance') },
      { code: 'low_income', name: L('低收入家庭', '低收入家庭', 'Low-income family') },
      { code: 'destitute', name: L('特困人员救助供养', '特困人員救助供養', 'Support for the destitute') },
      { code: 'temporary', name: L('临时救助', '臨時救助', 'Temporary assistance') },
    ],
  },
};

/** Guangzhou and Shenzhen: a housing-fund booking is for a first withdrawal (later ones are online). */
export const FIRST_WITHDRAWAL_CITIES = ['4401', '4403'] as const;

/** An office of a kind in a city: `<city>-<nn>` (Guangzhou has two, every other city one). */
export type HubOffice = { code: string; city: string; name: Localized };

export function hubOffices(kind: HubAppointmentKind, city: string): HubOffice[] {
  const info = HUB_APPOINTMENTS[kind];
  const c = GUANGDONG_CITIES.find((x) => x.code === city);
  if (!c || info.exceptCities?.includes(city)) return [];
  const name = (suffix: Localized | null): Localized => ({
    'zh-CN': info.office['zh-CN'].replace('{city}', c.name['zh-CN']) + (suffix?.['zh-CN'] ?? ''),
    'zh-HK': info.office['zh-HK'].replace('{city}', c.name['zh-HK']) + (suffix?.['zh-HK'] ?? ''),
    en: info.office.en.replace('{city}', c.name.en) + (suffix?.en ?? ''),
  });
  if (city === '4401')
    return [
      { code: `${city}-01`, city, name: name(L('（天河）', '（天河）', ' (Tianhe)')) },
      { code: `${city}-02`, city, name: name(L('（越秀）', '（越秀）', ' (Yuexiu)')) },
    ];
  return [{ code: `${city}-01`, city, name: name(null) }];
}

export const HUB_APPOINTMENT_STATUSES = ['booked', 'cancelled', 'attended', 'no_show'] as const;

const ResidentIdText = z
  .string()
  .trim()
  .toUpperCase()
  .min(1, fieldIssue('field.required'))
  .refine((v) => isValidResidentId(v), fieldIssue('field.id_number_invalid'));

export const BookHubAppointmentBody = z.strictObject({
  city: z.string().regex(/^44\d{2}$/, fieldIssue('field.invalid')),
  office: z.string().regex(/^44\d{2}-\d{2}$/, fieldIssue('field.invalid')),
  slotId: z.uuid(fieldIssue('field.required')),
  business: z.string().min(1, fieldIssue('field.required')).max(40, fieldIssue('field.invalid')),
  /** 婚姻登记预约: the other party (结婚、离婚登记) */
  partnerName: PersonName.optional(),
  partnerIdNumber: ResidentIdText.optional(),
  /** 公积金提取预约: whether this is the first withdrawal */
  firstWithdrawal: z.boolean().optional(),
});
export type BookHubAppointmentBody = z.input<typeof BookHubAppointmentBody>;

export const HubOfficeView = z
  .object({
    code: z.string(),
    city: z.string(),
    name: z.object({ 'zh-CN': z.string(), 'zh-HK': z.string(), en: z.string() }),
  })
  .meta({ id: 'HubOffice' });

export const HubOfficeDays = z
  .object({
    office: z.string(),
    /** booking and cancelling close at this hour the day before (Asia/Shanghai) */
    cutoffHour: z.number().int(),
    days: z.array(
      z.object({
        day: z.string(),
        slots: z.array(
          z.object({ id: z.uuid(), starts: z.string(), ends: z.string(), left: z.number().int() }),
        ),
      }),
    ),
  })
  .meta({ id: 'HubOfficeDays' });
export type HubOfficeDays = z.infer<typeof HubOfficeDays>;

export const HubAppointmentView = z
  .object({
    id: z.uuid(),
    kind: z.enum(HUB_APPOINTMENT_KINDS),
    business: z.string(),
    city: z.string(),
    office: z.string(),
    day: z.string(),
    starts: z.string(),
    ends: z.string(),
    status: z.enum(HUB_APPOINTMENT_STATUSES),
    /** the voucher's code, shown at the office (QR) */
    voucher: z.string(),
    voucherSvg: z.string(),
    /** the other party, masked (婚姻登记) */
    partner: z.string().nullable(),
    /** until when it may be cancelled */
    cancellableUntil: z.iso.datetime(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'HubAppointment' });
export type HubAppointmentView = z.infer<typeof HubAppointmentView>;
