import type { Localized } from '../api/casework.ts';

/**
 * 我的证照 (seed 003 「关联个人证照」): the licences a person may link, as data — each with its
 * issuing authority, the fields it shows and the rules the manual's FAQ states. The server's
 * issuing-authority adapter looks a licence up by type; the wallet and the verifier name them
 * from here.
 */
export const LICENCE_TYPES = [
  'eid',
  'driving_licence',
  'vehicle_licence',
  'passport',
  'hk_macao_permit',
  'taiwan_permit',
  'social_security_card',
  'housing_fund',
  'disability_card',
  'residence_permit',
  'birth_certificate',
  'volunteer',
] as const;
export type LicenceType = (typeof LICENCE_TYPES)[number];

/** How a licence field is shown: masked by kind unless it is plain. */
export type LicenceFieldKind = 'plain' | 'date' | 'number' | 'id_number' | 'name';

export type LicenceTypeInfo = {
  code: LicenceType;
  name: Localized;
  authority: Localized;
  /** the fields the authority returns, in the order shown */
  fields: readonly { key: string; label: Localized; kind: LicenceFieldKind }[];
  /** what the licence is used for, shown on 授权关联 */
  use: Localized;
  /** linked per city (the city switch must be the city of the account: 社保, 公积金) */
  perCity?: boolean;
  /** cities whose authority is not connected (公积金: 东莞、惠州、揭阳) */
  unsupportedCities?: readonly string[];
};

const L = (zhCN: string, zhHK: string, en: string): Localized => ({ 'zh-CN': zhCN, 'zh-HK': zhHK, en });

const PS = L('广东省公安厅', '廣東省公安廳', 'Guangdong Public Security Department');
const TRAFFIC = L('广东省公安厅交通管理局', '廣東省公安廳交通管理局', 'Guangdong Traffic Police');
const EXIT_ENTRY = L(
  '广东省公安厅出入境管理局',
  '廣東省公安廳出入境管理局',
  'Guangdong Exit-Entry Administration',
);

const F = {
  name: { key: 'name', label: L('姓名', '姓名', 'Name'), kind: 'name' },
  idNumber: { key: 'idNumber', label: L('公民身份号码', '公民身份號碼', 'ID number'), kind: 'id_number' },
  number: { key: 'number', label: L('证件号码', '證件號碼', 'Number'), kind: 'number' },
  validFrom: { key: 'validFrom', label: L('有效期起', '有效期起', 'Valid from'), kind: 'date' },
  validUntil: { key: 'validUntil', label: L('有效期至', '有效期至', 'Valid until'), kind: 'date' },
} as const satisfies Record<string, LicenceTypeInfo['fields'][number]>;

const plain = (key: string, label: Localized) => ({ key, label, kind: 'plain' as const });

export const LICENCE_TYPE_INFO: Readonly<Record<LicenceType, LicenceTypeInfo>> = {
  eid: {
    code: 'eid',
    name: L('居民身份电子凭证', '居民身份電子憑證', 'Resident ID e-credential'),
    authority: PS,
    fields: [F.name, F.idNumber, F.validFrom, F.validUntil],
    use: L(
      '可在广东省内三星级及以上酒店入住扫码验证',
      '可在廣東省內三星級及以上酒店入住掃碼驗證',
      'Scanned at check-in by hotels of three stars and above in Guangdong',
    ),
  },
  driving_licence: {
    code: 'driving_licence',
    name: L('驾驶证', '駕駛證', 'Driving licence'),
    authority: TRAFFIC,
    fields: [
      F.name,
      F.number,
      plain('class', L('准驾车型', '準駕車型', 'Vehicle class')),
      { key: 'firstIssued', label: L('初次领证日期', '初次領證日期', 'First issued'), kind: 'date' },
      F.validUntil,
    ],
    use: L(
      '出示电子凭证可协助用于民警路面执法检查〔未发生事故〕等情景的查验',
      '出示電子憑證可協助用於民警路面執法檢查〔未發生事故〕等情景的查驗',
      'Shown to traffic police at a roadside check (no accident)',
    ),
  },
  vehicle_licence: {
    code: 'vehicle_licence',
    name: L('行驶证', '行駛證', 'Vehicle licence'),
    authority: TRAFFIC,
    fields: [
      F.name,
      { key: 'number', label: L('号牌号码', '號牌號碼', 'Plate'), kind: 'number' },
      plain('vehicleType', L('车辆类型', '車輛類型', 'Vehicle type')),
      plain('model', L('品牌型号', '品牌型號', 'Make and model')),
      { key: 'registered', label: L('注册日期', '註冊日期', 'Registered'), kind: 'date' },
    ],
    use: L(
      '出示电子凭证可协助用于民警路面执法检查',
      '出示電子憑證可協助用於民警路面執法檢查',
      'Shown to traffic police at a roadside check',
    ),
  },
  passport: {
    code: 'passport',
    name: L('护照', '護照', 'Passport'),
    authority: EXIT_ENTRY,
    fields: [F.name, F.number, F.validFrom, F.validUntil],
    use: L('查看签注进度及办理出入境服务', '查看簽注進度及辦理出入境服務', 'Follow exit-entry services'),
  },
  hk_macao_permit: {
    code: 'hk_macao_permit',
    name: L('港澳通行证', '港澳通行證', 'Exit-entry permit to HK and Macao'),
    authority: EXIT_ENTRY,
    fields: [F.name, F.number, plain('endorsement', L('签注', '簽注', 'Endorsement')), F.validUntil],
    use: L('查看签注进度及办理再次签注', '查看簽注進度及辦理再次簽注', 'Endorsement progress and renewal'),
  },
  taiwan_permit: {
    code: 'taiwan_permit',
    name: L('台湾通行证', '台灣通行證', 'Exit-entry permit to Taiwan'),
    authority: EXIT_ENTRY,
    fields: [F.name, F.number, plain('endorsement', L('签注', '簽注', 'Endorsement')), F.validUntil],
    use: L('查看签注进度', '查看簽注進度', 'Endorsement progress'),
  },
  social_security_card: {
    code: 'social_security_card',
    name: L('社保卡', '社保卡', 'Social security card'),
    authority: L(
      '广东省人力资源和社会保障厅',
      '廣東省人力資源和社會保障廳',
      'Guangdong Human Resources and Social Security',
    ),
    fields: [
      F.name,
      {
        key: 'number',
        label: L('社会保障号码', '社會保障號碼', 'Social security number'),
        kind: 'id_number',
      },
      { key: 'cardNumber', label: L('卡号', '卡號', 'Card number'), kind: 'number' },
      plain('generation', L('卡片类型', '卡片類型', 'Card')),
      F.validUntil,
    ],
    use: L(
      '查询缴费明细、开通医保支付',
      '查詢繳費明細、開通醫保支付',
      'Contributions and medical insurance payment',
    ),
    perCity: true,
  },
  housing_fund: {
    code: 'housing_fund',
    name: L('公积金', '公積金', 'Housing provident fund'),
    authority: L('住房公积金管理中心', '住房公積金管理中心', 'Housing Provident Fund Centre'),
    fields: [
      F.name,
      { key: 'number', label: L('个人公积金账号', '個人公積金賬號', 'Account'), kind: 'number' },
      plain('employer', L('缴存单位', '繳存單位', 'Employer')),
      plain('status', L('账户状态', '賬戶狀態', 'Status')),
    ],
    use: L(
      '查询缴存信息及缴存明细、办理提取',
      '查詢繳存信息及繳存明細、辦理提取',
      'Deposits and withdrawals',
    ),
    perCity: true,
    // 东莞、惠州、揭阳 (003: 「公积金服务已支持全省〔除东莞、惠州、揭阳〕」)
    unsupportedCities: ['4419', '4413', '4452'],
  },
  disability_card: {
    code: 'disability_card',
    name: L('残疾人证', '殘疾人證', 'Disability certificate'),
    authority: L('广东省残疾人联合会', '廣東省殘疾人聯合會', 'Guangdong Disabled Persons’ Federation'),
    fields: [
      F.name,
      F.number,
      plain('category', L('残疾类别及等级', '殘疾類別及等級', 'Category and grade')),
      F.validUntil,
    ],
    use: L('办理助残服务及补贴申请', '辦理助殘服務及補貼申請', 'Disability services and subsidies'),
  },
  residence_permit: {
    code: 'residence_permit',
    name: L('居住证', '居住證', 'Residence permit'),
    authority: PS,
    fields: [
      F.name,
      F.number,
      plain('address', L('居住地址', '居住地址', 'Address')),
      F.validFrom,
      F.validUntil,
    ],
    use: L(
      '享受居住地基本公共服务及积分服务',
      '享受居住地基本公共服務及積分服務',
      'Public services and points where one lives',
    ),
  },
  birth_certificate: {
    code: 'birth_certificate',
    name: L('出生医学证明', '出生醫學證明', 'Birth medical certificate'),
    authority: L('广东省卫生健康委员会', '廣東省衛生健康委員會', 'Guangdong Health Commission'),
    fields: [
      plain('childName', L('新生儿姓名', '新生兒姓名', 'Child')),
      F.number,
      { key: 'born', label: L('出生日期', '出生日期', 'Born'), kind: 'date' },
      plain('hospital', L('接生机构', '接生機構', 'Place of birth')),
    ],
    use: L('办理出生登记等新生儿服务', '辦理出生登記等新生兒服務', 'Birth registration and newborn services'),
  },
  volunteer: {
    code: 'volunteer',
    name: L('注册志愿者证', '註冊志願者證', 'Registered volunteer card'),
    authority: L('共青团广东省委员会', '共青團廣東省委員會', 'Guangdong Communist Youth League'),
    fields: [F.name, F.number, plain('hours', L('服务时长（小时）', '服務時長（小時）', 'Service hours'))],
    use: L('出示志愿者身份', '出示志願者身份', 'Show one’s volunteer status'),
  },
};

/**
 * 出生医学电子证明 can be linked for births from 2014-01-01 across the province, but from 2018-05-01
 * in 广州、深圳、佛山、珠海 (003 新生儿服务常见疑问).
 */
export function birthCertificateLinkableFrom(city: string): string {
  return ['4401', '4403', '4406', '4404'].includes(city) ? '2018-05-01' : '2014-01-01';
}
