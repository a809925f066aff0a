import {
  CalendarDay,
  defineServiceContract,
  type FieldMetaMap,
  fieldIssue,
  GUANGDONG_CITIES,
  isValidCreditCode,
  Localized,
  nameText,
  STATE_TONES,
  serviceIssue,
  text,
} from '@sw/contracts';
import { z } from 'zod';

/*
 * 智慧审证 (seed 002): an enterprise's operator adds a customs regulatory certificate (监管证件) with
 * its scan; the platform asks the issuing authority for the same certificate (联网核查); a customs
 * reviewer compares both, field by field, and decides: 审核通过, 审核不通过 or 数据有误 (002 §3.3).
 * A failed one is added again (「重新添加」) as a new application, prefilled.
 *
 * Shared by the server (service.ts) and the web (apps/web/src/services/cert-review/).
 *
 * Routes of its own (service.ts), besides the platform's generic application routes:
 *   GET  /api/services/cert-review/cert-types                 → CertTypeView[] (active ones; all with ?all=1 for admins)
 *   GET  /api/services/cert-review/prefill                    → CertPrefill (the holder, from the organization)
 *   GET  /api/services/cert-review/records?number=&certType=&from=&to=&status=&cursor=   → CertRecordPage (查询)
 *   POST /api/services/cert-review/records/:id/re-add         → 201 { applicationId } (重新添加: a new draft)
 *   GET  /api/console/services/cert-review/applications/:id/check   → CertCheckView (the comparison)
 *   POST /api/console/services/cert-review/applications/:id/check   → 202 CertCheckView (重新核查)
 *   POST /api/console/services/cert-review/cert-types         (platform admins) CertTypeBody → 201 CertTypeView
 *   PUT  /api/console/services/cert-review/cert-types/:code   (platform admins) CertTypeBody → CertTypeView
 * and, outside production, the issuing authority simulator's controls:
 *   PUT  /api/dev/cert-authority/certificates   SimCertificateBody (add or change a sample certificate)
 *   PUT  /api/dev/cert-authority/outage         { down: boolean }
 */

export const CERT_REVIEW = 'cert-review';

const L = (zh: string, hk: string, en: string): Localized => ({ 'zh-CN': zh, 'zh-HK': hk, en });

/** 计量单位 of the goods lines. */
export const GOODS_UNITS = {
  kg: L('千克', '千克', 'kg'),
  t: L('吨', '噸', 'tonne'),
  piece: L('个', '個', 'piece'),
  item: L('件', '件', 'item'),
  unit: L('台', '台', 'unit'),
  set: L('套', '套', 'set'),
  vehicle: L('辆', '輛', 'vehicle'),
  l: L('升', '升', 'litre'),
  m3: L('立方米', '立方米', 'm³'),
  pair: L('双', '雙', 'pair'),
  head: L('头', '頭', 'head'),
} as const satisfies Record<string, Localized>;
export type GoodsUnit = keyof typeof GOODS_UNITS;
const UNIT_CODES = Object.keys(GOODS_UNITS) as [GoodsUnit, ...GoodsUnit[]];

/** 申报口岸: Guangdong's customs districts (关区代码). */
export const CUSTOMS_PORTS = {
  '5100': L('广州海关', '廣州海關', 'Guangzhou Customs'),
  '5200': L('黄埔海关', '黃埔海關', 'Huangpu Customs'),
  '5300': L('深圳海关', '深圳海關', 'Shenzhen Customs'),
  '5700': L('拱北海关', '拱北海關', 'Gongbei Customs'),
  '6000': L('汕头海关', '汕頭海關', 'Shantou Customs'),
  '6700': L('湛江海关', '湛江海關', 'Zhanjiang Customs'),
  '6800': L('江门海关', '江門海關', 'Jiangmen Customs'),
} as const satisfies Record<string, Localized>;
export type CustomsPort = keyof typeof CUSTOMS_PORTS;
const PORT_CODES = Object.keys(CUSTOMS_PORTS) as [CustomsPort, ...CustomsPort[]];

/**
 * The certificate types at first start (监管证件). Platform admins add, rename and withdraw types in
 * the console afterwards; the table is the truth, this list only its first rows.
 */
export const DEFAULT_CERT_TYPES: readonly { code: string; name: Localized }[] = [
  { code: 'import-licence', name: L('进口许可证', '進口許可證', 'Import licence') },
  { code: 'export-licence', name: L('出口许可证', '出口許可證', 'Export licence') },
  { code: 'auto-import-licence', name: L('自动进口许可证', '自動進口許可證', 'Automatic import licence') },
  {
    code: 'dual-use-licence',
    name: L(
      '两用物项和技术进出口许可证',
      '兩用物項和技術進出口許可證',
      'Dual-use items and technologies import/export licence',
    ),
  },
  {
    code: 'pesticide-release',
    name: L(
      '农药进出口登记管理放行通知单',
      '農藥進出口登記管理放行通知單',
      'Pesticide import/export registration release notice',
    ),
  },
  {
    code: 'wildlife-permit',
    name: L(
      '野生动植物允许进出口证明书',
      '野生動植物允許進出口證明書',
      'Wild fauna and flora import/export permit',
    ),
  },
];

const MARKUP_RE = /[<>]/;

function plain(max: number) {
  return text(max).refine((v) => !MARKUP_RE.test(v), fieldIssue('field.markup_not_allowed'));
}

/** One goods line (商品): HS code of 8–10 digits, name, quantity and unit. */
export const GoodsLine = z.object({
  hsCode: z
    .string(serviceIssue('cert-review.hs_code_invalid'))
    .trim()
    .regex(/^\d{8,10}$/, serviceIssue('cert-review.hs_code_invalid')),
  name: plain(100),
  quantity: z
    .number(serviceIssue('cert-review.quantity_required'))
    .positive(serviceIssue('cert-review.quantity_invalid'))
    .max(1e12, serviceIssue('cert-review.quantity_invalid')),
  unit: z.enum(UNIT_CODES, fieldIssue('field.required')),
});
export type GoodsLine = z.infer<typeof GoodsLine>;

const CERT_DATES = z.object({ issueDate: CalendarDay, validFrom: CalendarDay, validTo: CalendarDay });

/** 填写证书信息 (002 §3.2): the certificate as the enterprise declares it. */
export const CertForm = z
  .object({
    certType: z
      .string(fieldIssue('field.required'))
      .trim()
      .min(1, fieldIssue('field.required'))
      .max(40, serviceIssue('cert-review.cert_type_unknown')),
    /** the type's name when submitted; written by the server, whatever the browser sends */
    certTypeName: z.string().max(100).optional(),
    certNo: plain(50).refine(
      (v) => /^[A-Za-z0-9][A-Za-z0-9/-]*$/.test(v),
      serviceIssue('cert-review.cert_no_invalid'),
    ),
    issuingAuthority: plain(100),
    issueDate: CalendarDay,
    validFrom: CalendarDay,
    validTo: CalendarDay,
    holderName: nameText(200, 'organization'),
    holderCreditCode: z
      .string(fieldIssue('field.required'))
      .trim()
      .toUpperCase()
      .refine(isValidCreditCode, fieldIssue('field.credit_code_invalid')),
    goods: z
      .array(GoodsLine, serviceIssue('cert-review.goods_required'))
      .min(1, serviceIssue('cert-review.goods_required'))
      .max(50, fieldIssue('field.too_long')),
    port: z.enum(PORT_CODES, fieldIssue('field.required')),
    /** 重新添加: the failed application this one is added again from (checked at submission) */
    readdedFrom: z.uuid(fieldIssue('field.invalid')).optional(),
    remarks: z
      .string()
      .trim()
      .max(500, fieldIssue('field.too_long'))
      .refine((v) => !MARKUP_RE.test(v), fieldIssue('field.markup_not_allowed'))
      .optional()
      .transform((v) => v || undefined),
  })
  // the date rules run even while other fields are wrong, so every problem shows at once
  .refine((form) => form.validTo >= form.validFrom, {
    path: ['validTo'],
    message: 'cert-review.validity_end_before_start',
    when: (payload) => CERT_DATES.safeParse(payload.value).success,
  })
  .refine((form) => form.issueDate <= form.validTo, {
    path: ['issueDate'],
    message: 'cert-review.issued_after_validity',
    when: (payload) => CERT_DATES.safeParse(payload.value).success,
  });
export type CertForm = z.infer<typeof CertForm>;

/** Labels of every field, the only source of them (form, views, comparison). */
export const CERT_FIELDS: FieldMetaMap = {
  certType: { label: L('证书类型代码', '證書類型代碼', 'Certificate type code'), internal: true },
  certTypeName: { label: L('证书类型', '證書類型', 'Certificate type') },
  certNo: { label: L('证书编号', '證書編號', 'Certificate number') },
  issuingAuthority: { label: L('发证机关', '發證機關', 'Issuing authority') },
  issueDate: { label: L('发证日期', '發證日期', 'Date of issue') },
  validFrom: { label: L('有效期起', '有效期起', 'Valid from') },
  validTo: { label: L('有效期止', '有效期止', 'Valid until') },
  holderName: { label: L('持证单位名称', '持證單位名稱', 'Holder') },
  holderCreditCode: {
    label: L('持证单位统一社会信用代码', '持證單位統一社會信用代碼', 'Holder credit code'),
  },
  goods: { label: L('商品信息', '商品資料', 'Goods') },
  'goods.*.hsCode': { label: L('商品编码（HS）', '商品編碼（HS）', 'HS code') },
  'goods.*.name': { label: L('商品名称', '商品名稱', 'Goods') },
  'goods.*.quantity': { label: L('数量', '數量', 'Quantity') },
  'goods.*.unit': { label: L('计量单位', '計量單位', 'Unit'), values: GOODS_UNITS },
  port: { label: L('申报口岸', '申報口岸', 'Customs port'), values: CUSTOMS_PORTS },
  remarks: { label: L('备注', '備註', 'Remarks'), multiline: true },
  readdedFrom: { label: L('重新添加自', '重新添加自', 'Added again from'), internal: true },
};

export const CERT_ATTACHMENTS = [
  {
    slot: 'scan',
    name: L('证书扫描件', '證書掃描件', 'Certificate scan'),
    required: true,
    types: ['application/pdf', 'image/jpeg', 'image/png'],
    maxBytes: 10 * 1024 * 1024,
    maxCount: 3,
  },
] as const;

export const certReviewContract = defineServiceContract({
  code: CERT_REVIEW,
  catalogue: {
    name: L('智慧审证', '智慧審證', 'Smart certificate review'),
    description: L(
      '企业在线添加海关监管证件及扫描件，平台向发证机关联网核查，海关审核后通知结果。',
      '企業網上添加海關監管證件及掃描件，平台向發證機關聯網核查，海關審核後通知結果。',
      'Enterprises add customs regulatory certificates with their scans; the platform checks them with the issuing authority and customs review them.',
    ),
    category: 'customs',
    department: L('海关', '海關', 'Customs'),
    audience: ['enterprise_operator'],
    realNameLevel: 'none',
    regions: {
      cities: GUANGDONG_CITIES.map((city) => city.code),
      note: L('广东省内办理', '廣東省內辦理', 'Guangdong only'),
    },
    mode: 'online',
    localFeature: 'customs-enterprise',
    guide: {
      conditions: [
        L(
          '已在单一窗口注册的企业，由企业操作员账号办理（管理员账号不可进行业务操作）',
          '已在單一窗口註冊的企業，由企業操作員帳戶辦理（管理員帳戶不可進行業務操作）',
          'An enterprise registered with the Single Window, through an operator account (administrators do no business)',
        ),
        L(
          '持有发证机关签发、在有效期内的海关监管证件',
          '持有發證機關簽發、在有效期內的海關監管證件',
          'A customs regulatory certificate issued by its authority and still valid',
        ),
      ],
      materials: [
        {
          name: L('证书扫描件', '證書掃描件', 'Certificate scan'),
          note: L(
            '证书原件彩色扫描，PDF、JPG 或 PNG',
            '證書正本彩色掃描，PDF、JPG 或 PNG',
            'A colour scan of the original: PDF, JPG or PNG',
          ),
          slot: 'scan',
        },
      ],
      steps: [
        L(
          '登录单一窗口，进入「地方特色应用」—「关企互动」—「智慧审证」',
          '登入單一窗口，進入「地方特色應用」—「關企互動」—「智慧審證」',
          'Sign in and open Local services → Customs and enterprises → Smart certificate review',
        ),
        L(
          '添加证书，填写证书信息与商品信息，上传证书扫描件后提交',
          '添加證書，填寫證書資料與商品資料，上載證書掃描件後提交',
          'Add a certificate, fill in it and its goods, upload the scan and submit',
        ),
        L(
          '平台向发证机关联网核查证书数据',
          '平台向發證機關聯網核查證書數據',
          'The platform checks the certificate with the issuing authority',
        ),
        L(
          '海关审核：审核通过、审核不通过或数据有误，结果以站内信和短信通知',
          '海關審核：審核通過、審核不通過或數據有誤，結果以站內信和短訊通知',
          'Customs decide — approved, not approved or data error — and tell you by message and SMS',
        ),
        L(
          '审核通过后携带证书前往海关现场办理后续手续；未通过的可「重新添加」',
          '審核通過後攜帶證書前往海關現場辦理後續手續；未通過的可「重新添加」',
          'Once approved, bring the certificate to customs; otherwise add it again',
        ),
      ],
      fee: L('不收费', '不收費', 'Free of charge'),
      basis: [
        L('《中华人民共和国海关法》', '《中華人民共和國海關法》', 'Customs Law of the PRC'),
        L('《中华人民共和国对外贸易法》', '《中華人民共和國對外貿易法》', 'Foreign Trade Law of the PRC'),
      ],
      hotline: '12360',
    },
  },
  form: CertForm,
  fields: CERT_FIELDS,
  attachments: CERT_ATTACHMENTS,
  errors: {
    'cert-review.cert_type_unknown': L(
      '请选择有效的证书类型',
      '請選擇有效的證書類型',
      'Choose a certificate type from the list',
    ),
    'cert-review.cert_no_invalid': L(
      '证书编号只能包含字母、数字、“-”和“/”',
      '證書編號只可包含字母、數字、「-」和「/」',
      'A certificate number has letters, digits, “-” and “/” only',
    ),
    'cert-review.hs_code_invalid': L(
      '商品编码应为 8 至 10 位数字',
      '商品編碼應為 8 至 10 位數字',
      'An HS code is 8 to 10 digits',
    ),
    'cert-review.quantity_required': L('请填写数量', '請填寫數量', 'Enter the quantity'),
    'cert-review.quantity_invalid': L('数量应大于 0', '數量應大於 0', 'The quantity must be more than 0'),
    'cert-review.goods_required': L(
      '请至少填写一项商品',
      '請至少填寫一項商品',
      'Add at least one goods line',
    ),
    'cert-review.validity_end_before_start': L(
      '有效期止不能早于有效期起',
      '有效期止不能早於有效期起',
      'The validity cannot end before it starts',
    ),
    'cert-review.issued_after_validity': L(
      '发证日期不能晚于有效期止',
      '發證日期不能遲於有效期止',
      'The date of issue cannot be after the end of validity',
    ),
    'cert-review.cert_type_code_taken': L(
      '该证书类型代码已存在',
      '該證書類型代碼已存在',
      'A certificate type has this code already',
    ),
    'cert-review.cert_type_code_invalid': L(
      '代码只能包含小写字母、数字和连字符',
      '代碼只可包含小寫字母、數字和連字號',
      'A code has lower-case letters, digits and hyphens only',
    ),
  },
});

// ——————————————————————————————— its own routes' shapes ———————————————————————————————

export const CertTypeView = z
  .object({ code: z.string(), name: Localized, active: z.boolean(), sort: z.number().int() })
  .meta({ id: 'CertTypeView' });
export type CertTypeView = z.infer<typeof CertTypeView>;

/** A certificate type as a platform admin writes it (zh-CN name required, translations optional). */
export const CertTypeBody = z.strictObject({
  code: z
    .string(fieldIssue('field.required'))
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{0,38}$/, serviceIssue('cert-review.cert_type_code_invalid')),
  name: z.strictObject({
    'zh-CN': plain(100),
    'zh-HK': z.string().trim().max(100, fieldIssue('field.too_long')).optional(),
    en: z.string().trim().max(100, fieldIssue('field.too_long')).optional(),
  }),
  active: z.boolean().default(true),
  sort: z.number().int().min(0).max(9999).default(100),
});
export type CertTypeBody = z.infer<typeof CertTypeBody>;

/** What 添加证书 prefills: the holder is the operator's organization. */
export const CertPrefill = z
  .object({ holderName: z.string(), holderCreditCode: z.string() })
  .meta({ id: 'CertPrefill' });
export type CertPrefill = z.infer<typeof CertPrefill>;

export const CERT_STATES = ['pending', 'approved', 'rejected', 'data_error'] as const;
export type CertState = (typeof CERT_STATES)[number];

/** 查询 (002 §3.3): by 申请编号, 证书类型, 提交时间 and status. */
export const CertRecordQuery = z.strictObject({
  number: z.string().trim().max(40).optional(),
  certType: z.string().trim().max(40).optional(),
  from: CalendarDay.optional(),
  to: CalendarDay.optional(),
  status: z.enum(CERT_STATES).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type CertRecordQuery = z.infer<typeof CertRecordQuery>;

export const CertRecordView = z
  .object({
    applicationId: z.uuid(),
    number: z.string(),
    certType: z.string(),
    certTypeName: z.string(),
    certNo: z.string(),
    submittedAt: z.iso.datetime(),
    status: z.enum(CERT_STATES),
    statusName: Localized,
    statusTone: z.enum(STATE_TONES),
    /** the manual's explanation of the status to the enterprise (002 §3.3) */
    explanation: Localized,
    /** 重新添加 is offered (审核不通过, 数据有误) */
    canReAdd: z.boolean(),
    /** the application it was added again from */
    readdedFromNumber: z.string().nullable(),
  })
  .meta({ id: 'CertRecord' });
export type CertRecordView = z.infer<typeof CertRecordView>;

export const CertRecordPage = z.object({ items: z.array(CertRecordView), nextCursor: z.string().nullable() });
export type CertRecordPage = z.infer<typeof CertRecordPage>;

/** The check with the issuing authority (联网核查) and its comparison, for the customs reviewer. */
export const CHECK_STATUSES = ['pending', 'done', 'unavailable'] as const;
export const CHECK_OUTCOMES = ['match', 'mismatch', 'not_found'] as const;
export type CheckOutcome = (typeof CHECK_OUTCOMES)[number];

export const ComparisonRow = z.object({
  /** the form path (`certNo`, `goods.0.hsCode`) */
  path: z.string(),
  label: Localized,
  declared: z.string(),
  authority: z.string().nullable(),
  same: z.boolean(),
});
export type ComparisonRow = z.infer<typeof ComparisonRow>;

export const CertCheckView = z
  .object({
    /** 核查中 (waiting for the authority), 已核查, 未核查 (the authority did not answer; retried) */
    status: z.enum(CHECK_STATUSES),
    /** 一致 / 不一致 / 未找到 */
    outcome: z.enum(CHECK_OUTCOMES).nullable(),
    checkedAt: z.iso.datetime().nullable(),
    attempts: z.number().int(),
    nextAttemptAt: z.iso.datetime().nullable(),
    rows: z.array(ComparisonRow),
    /** what changed at the authority since an earlier check (field, before, after) */
    changes: z.array(z.object({ path: z.string(), label: Localized, before: z.string(), after: z.string() })),
    changedAt: z.iso.datetime().nullable(),
    /** the adapter is the simulator (labelled in the UI) */
    simulated: z.boolean(),
  })
  .meta({ id: 'CertCheck' });
export type CertCheckView = z.infer<typeof CertCheckView>;

/** A sample certificate of the issuing authority simulator (local and test mode only). */
export const SimCertificateBody = z.strictObject({
  certType: z.string().max(40),
  certNo: z.string().max(50),
  issuingAuthority: z.string().max(100),
  issueDate: CalendarDay,
  validFrom: CalendarDay,
  validTo: CalendarDay,
  holderName: z.string().max(200),
  holderCreditCode: z.string().max(18),
  port: z.string().max(4),
  goods: z.array(
    z.object({
      hsCode: z.string().max(10),
      name: z.string().max(100),
      quantity: z.number(),
      unit: z.string().max(10),
    }),
  ),
});
export type SimCertificateBody = z.infer<typeof SimCertificateBody>;
