import type { Localized } from '../api/casework.ts';
import type { ServiceCategory } from '../catalogue-categories.ts';

/*
 * The citizen hub's service directory (seed 003 ch.2–7), as data. The services that run on this
 * platform come from the catalogue (GET /api/services, the plug-ins' entries, filtered by city);
 * the hub's own appointment services are listed in appointments.ts; the ones only another system
 * offers are listed here, each linking out with a clear label and the manual's city notes.
 */

/** The categories of the guide, in the order of its chapters (the 办事 tab's grid). */
export const HUB_CATEGORIES = [
  'social',
  'housing_fund',
  'social_assistance',
  'disability',
  'household',
  'points',
  'transport',
  'driving',
  'marriage_birth',
  'exit_entry',
  'education',
  'employment',
  'tax',
  'utilities',
  'real_estate',
  'legal',
  'public',
] as const satisfies readonly ServiceCategory[];
export type HubCategory = (typeof HUB_CATEGORIES)[number];

export type HubExternalService = {
  code: string;
  name: Localized;
  category: HubCategory;
  /** GB/T 2260 city codes where offered (empty: the whole province) */
  cities: readonly string[];
  /** cities where it is not offered (「暂不支持广州、深圳」) */
  exceptCities?: readonly string[];
  /** the manual's note, shown as is */
  note?: Localized;
  /** the other system's address */
  url: string;
  /** the department that runs it */
  department: Localized;
};

const L = (zhCN: string, zhHK: string, en: string): Localized => ({ 'zh-CN': zhCN, 'zh-HK': zhHK, en });

const GDZWFW = 'https://www.gdzwfw.gov.cn/';
const HRSS = L(
  '广东省人力资源和社会保障厅',
  '廣東省人力資源和社會保障廳',
  'Human Resources and Social Security',
);
const PS = L('广东省公安厅', '廣東省公安廳', 'Public Security Department');
const TAX = L('国家税务总局广东省税务局', '國家稅務總局廣東省稅務局', 'Guangdong Tax Service');

export const HUB_EXTERNAL_SERVICES: readonly HubExternalService[] = [
  {
    code: 'ssc-contributions',
    name: L('社保缴费明细', '社保繳費明細', 'Social insurance contributions'),
    category: 'social',
    cities: [],
    url: 'https://ggfw.hrss.gd.gov.cn/',
    department: HRSS,
  },
  {
    code: 'medical-payment',
    name: L('开通医保支付', '開通醫保支付', 'Medical insurance QR payment'),
    category: 'social',
    cities: ['4401', '4403'],
    note: L(
      '该功能暂时仅支持广州、深圳',
      '該功能暫時僅支援廣州、深圳',
      'Guangzhou and Shenzhen only for now',
    ),
    url: 'https://ggfw.hrss.gd.gov.cn/',
    department: L('广东省医疗保障局', '廣東省醫療保障局', 'Guangdong Healthcare Security'),
  },
  {
    code: 'pension-qualification',
    name: L('养老资格认证', '養老資格認證', 'Pension eligibility check'),
    category: 'social',
    cities: [],
    note: L(
      '各地市支持社保类型以线上界面为准',
      '各地市支援社保類型以線上介面為準',
      'Insurance types vary by city',
    ),
    url: 'https://ggfw.hrss.gd.gov.cn/',
    department: HRSS,
  },
  {
    code: 'housing-fund-deposits',
    name: L('公积金缴存信息', '公積金繳存信息', 'Housing fund deposits'),
    category: 'housing_fund',
    cities: [],
    exceptCities: ['4419', '4413', '4452'],
    note: L('除东莞、惠州、揭阳', '除東莞、惠州、揭陽', 'All cities except Dongguan, Huizhou and Jieyang'),
    url: GDZWFW,
    department: L('住房公积金管理中心', '住房公積金管理中心', 'Housing Provident Fund Centre'),
  },
  {
    code: 'assistance-progress',
    name: L('社会救助办理查询', '社會救助辦理查詢', 'Social assistance progress'),
    category: 'social_assistance',
    cities: [],
    url: GDZWFW,
    department: L('广东省民政厅', '廣東省民政廳', 'Guangdong Civil Affairs'),
  },
  {
    code: 'disability-card',
    name: L('残疾人证业务', '殘疾人證業務', 'Disability certificate services'),
    category: 'disability',
    cities: [],
    url: GDZWFW,
    department: L('广东省残疾人联合会', '廣東省殘疾人聯合會', 'Disabled Persons’ Federation'),
  },
  {
    code: 'points',
    name: L('积分服务', '積分服務', 'Residence points'),
    category: 'points',
    cities: ['4401'],
    note: L('积分服务目前暂仅支持广州', '積分服務目前暫僅支援廣州', 'Guangzhou only for now'),
    url: GDZWFW,
    department: L('广州市来穗人员服务管理局', '廣州市來穗人員服務管理局', 'Guangzhou Migrant Services'),
  },
  {
    code: 'long-distance-bus',
    name: L('长途车购票', '長途車購票', 'Long-distance bus tickets'),
    category: 'transport',
    cities: [],
    note: L(
      '暂不支持半票、儿童票、改签服务；一个订单最多可购买5张车票',
      '暫不支援半票、兒童票、改簽服務；一個訂單最多可購買5張車票',
      'No half, child or changed tickets; at most 5 tickets an order',
    ),
    url: GDZWFW,
    department: L('广东省交通运输厅', '廣東省交通運輸廳', 'Guangdong Transport Department'),
  },
  {
    code: 'traffic-violations',
    name: L('车辆违法查询', '車輛違法查詢', 'Traffic violations'),
    category: 'driving',
    cities: [],
    url: 'https://gd.122.gov.cn/',
    department: L('广东省公安厅交通管理局', '廣東省公安廳交通管理局', 'Guangdong Traffic Police'),
  },
  {
    code: 'birth-registration',
    name: L('出生登记', '出生登記', 'Birth registration'),
    category: 'marriage_birth',
    cities: [],
    exceptCities: ['4401', '4403'],
    note: L('暂不支持广州、深圳地区', '暫不支援廣州、深圳地區', 'Not in Guangzhou or Shenzhen yet'),
    url: GDZWFW,
    department: PS,
  },
  {
    code: 'hk-macao-endorsement',
    name: L('港澳通行证再次签注', '港澳通行證再次簽注', 'HK and Macao permit re-endorsement'),
    category: 'exit_entry',
    cities: [],
    note: L(
      '港澳通行证再次签注暂不支持线上取消',
      '港澳通行證再次簽注暫不支援線上取消',
      'Cannot be cancelled online',
    ),
    url: 'https://www.gdcrj.com/',
    department: L('广东省公安厅出入境管理局', '廣東省公安廳出入境管理局', 'Exit-Entry Administration'),
  },
  {
    code: 'zhongkao-results',
    name: L('中考成绩查询', '中考成績查詢', 'Senior-high entrance exam results'),
    category: 'education',
    cities: ['4406'],
    note: L('暂仅支持佛山地区', '暫僅支援佛山地區', 'Foshan only'),
    url: GDZWFW,
    department: L('佛山市教育局', '佛山市教育局', 'Foshan Education Bureau'),
  },
  {
    code: 'graduate-dossier',
    name: L('毕业生档案去向查询', '畢業生檔案去向查詢', 'Graduate dossier tracking'),
    category: 'employment',
    cities: [],
    url: GDZWFW,
    department: HRSS,
  },
  {
    code: 'iit-records',
    name: L('个人所得税缴纳明细', '個人所得稅繳納明細', 'Individual income tax records'),
    category: 'tax',
    cities: [],
    url: 'https://etax.guangdong.chinatax.gov.cn/',
    department: TAX,
  },
  {
    code: 'gas',
    name: L('燃气缴费', '燃氣繳費', 'Gas bills'),
    category: 'utilities',
    cities: ['4401'],
    note: L('暂仅支持广州地区', '暫僅支援廣州地區', 'Guangzhou only'),
    url: GDZWFW,
    department: L('广州燃气集团', '廣州燃氣集團', 'Guangzhou Gas'),
  },
  {
    code: 'power',
    name: L('电费查询缴费', '電費查詢繳費', 'Electricity bills'),
    category: 'utilities',
    cities: [],
    exceptCities: ['4401', '4403'],
    note: L('暂不支持广州、深圳地区', '暫不支援廣州、深圳地區', 'Not in Guangzhou or Shenzhen'),
    url: 'https://95598.csg.cn/',
    department: L('南方电网', '南方電網', 'China Southern Power Grid'),
  },
  {
    code: 'water',
    name: L('水费查询', '水費查詢', 'Water bills'),
    category: 'utilities',
    cities: ['4417'],
    note: L('暂仅支持阳江地区', '暫僅支援陽江地區', 'Yangjiang only'),
    url: GDZWFW,
    department: L('阳江市水务集团', '陽江市水務集團', 'Yangjiang Water'),
  },
  {
    code: 'real-estate-progress',
    name: L('不动产登记办理进度', '不動產登記辦理進度', 'Real estate registration progress'),
    category: 'real_estate',
    cities: ['4412', '4409'],
    note: L('暂仅支持肇庆、茂名地区', '暫僅支援肇慶、茂名地區', 'Zhaoqing and Maoming only'),
    url: GDZWFW,
    department: L('广东省自然资源厅', '廣東省自然資源廳', 'Guangdong Natural Resources'),
  },
  {
    code: 'notary',
    name: L('办公证', '辦公證', 'Notarisation'),
    category: 'legal',
    cities: [],
    url: 'https://gd.12348.gov.cn/',
    department: L('广东省司法厅', '廣東省司法廳', 'Guangdong Justice Department'),
  },
  {
    code: 'no-criminal-record',
    name: L('无犯罪记录证明', '無犯罪記錄證明', 'Certificate of no criminal record'),
    category: 'household',
    cities: [],
    exceptCities: ['4403'],
    note: L(
      '该服务暂不支持深圳；目前暂仅支持现场领取',
      '該服務暫不支援深圳；目前暫僅支援現場領取',
      'Not in Shenzhen; collected in person',
    ),
    url: GDZWFW,
    department: PS,
  },
  {
    code: 'locksmith',
    name: L('开锁便民服务', '開鎖便民服務', 'Locksmith booking'),
    category: 'household',
    cities: ['4401'],
    note: L('该服务暂仅支持广州', '該服務暫僅支援廣州', 'Guangzhou only'),
    url: GDZWFW,
    department: PS,
  },
  {
    code: 'move-car',
    name: L('一键移车', '一鍵移車', 'Ask a driver to move a car'),
    category: 'public',
    cities: [],
    url: 'https://gd.122.gov.cn/',
    department: L('广东省公安厅交通管理局', '廣東省公安廳交通管理局', 'Guangdong Traffic Police'),
  },
  {
    code: 'elderly-allowance',
    name: L('高龄老人津贴申请', '高齡老人津貼申請', 'Old-age allowance'),
    category: 'public',
    cities: ['4412', '4418', '4402'],
    note: L(
      '暂仅支持肇庆、清远、韶关地区',
      '暫僅支援肇慶、清遠、韶關地區',
      'Zhaoqing, Qingyuan and Shaoguan only',
    ),
    url: GDZWFW,
    department: L('广东省民政厅', '廣東省民政廳', 'Guangdong Civil Affairs'),
  },
];

/** Whether an outside service is offered in a city (pure). */
export function offeredIn(
  service: Pick<HubExternalService, 'cities' | 'exceptCities'>,
  city: string,
): boolean {
  if (service.exceptCities?.includes(city)) return false;
  return service.cities.length === 0 || service.cities.includes(city);
}
