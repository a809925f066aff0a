import type { IdType, LicenceType } from '@sw/contracts';
import type { FastifyBaseLogger } from 'fastify';
import { AppError } from '../http/app-error.ts';
import type { Adapter } from './types.ts';

/*
 * The issuing authorities behind 我的证照 (seed 003 「关联个人证照」): public security (居民身份电子
 * 凭证, 居住证), traffic police (驾驶证, 行驶证), exit-entry (护照, 通行证), human resources (社保卡),
 * the housing fund centres, the health commission (出生医学证明), the disabled persons' federation
 * and the youth league. None can be reached from here.
 *
 * The simulator answers by a documented rule and asserts nothing in production (503):
 * - 居民身份电子凭证: anyone with a resident ID — the record is the person's own identity;
 * - 驾驶证: anyone with a resident ID aged 18 or more — the number is the ID number (as on a real
 *   Chinese licence), class C1;
 * - everything else: only the sample people below (the demo person 张三 holds most of them; 李四
 *   shows the FAQ's refusals: a first-generation social security card, a fund in 东莞, a birth in
 *   广州 before 2018-05-01).
 */

export type LicenceRecord = {
  number: string;
  /** the holder's name as the authority has it */
  holder: string;
  validFrom: string | null;
  validUntil: string | null;
  /** the type's other fields (LICENCE_TYPE_INFO[type].fields), by key */
  fields: Record<string, string>;
  /** where it is held (社保卡, 公积金), GB/T 2260 */
  city?: string;
  /** 社保卡: 1 (no UnionPay logo) or 2 */
  generation?: 1 | 2;
  /** 出生医学证明: the child's birth day */
  born?: string;
};

export type LicenceQuery = {
  type: LicenceType;
  name: string;
  idType: IdType;
  idNumber: string;
  idValidFrom: string | null;
  idValidTo: string | null;
  now: Date;
};

export type LicenceAuthorities = Adapter & { lookup(query: LicenceQuery): Promise<LicenceRecord | null> };

const day = (yyyymmdd: string | null) =>
  yyyymmdd && /^\d{8}$/.test(yyyymmdd) && yyyymmdd !== '00000000'
    ? `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`
    : null;

/** Sample licences by resident ID number (the demo person and one who shows the FAQ's refusals). */
export const SAMPLE_LICENCES: Record<string, Partial<Record<LicenceType, Omit<LicenceRecord, 'holder'>>>> = {
  // 张三 (demo account zhangsan01)
  '11010519491231002X': {
    vehicle_licence: {
      number: '粤A·D12345',
      validFrom: null,
      validUntil: null,
      fields: { vehicleType: '小型普通客车', model: '比亚迪牌 BYD7003BEV', registered: '2022-03-15' },
    },
    passport: { number: 'E12345678', validFrom: '2019-05-20', validUntil: '2029-05-19', fields: {} },
    hk_macao_permit: {
      number: 'C12345678',
      validFrom: '2020-08-02',
      validUntil: '2030-08-01',
      fields: { endorsement: '个人旅游 一年多次（有效期至2027-06-30）' },
    },
    taiwan_permit: {
      number: 'L12345678',
      validFrom: '2018-03-02',
      validUntil: '2028-03-01',
      fields: { endorsement: '无有效签注' },
    },
    social_security_card: {
      number: '11010519491231002X',
      validFrom: '2019-01-10',
      validUntil: '2029-01-09',
      fields: { cardNumber: '6214830200123456', generation: '二代社保卡（金融社保卡）' },
      city: '4401',
      generation: 2,
    },
    housing_fund: {
      number: '440100123456789',
      validFrom: null,
      validUntil: null,
      fields: { employer: '广州示例进出口贸易有限公司', status: '正常缴存' },
      city: '4401',
    },
    birth_certificate: {
      number: 'Q440123456',
      validFrom: null,
      validUntil: null,
      fields: { childName: '张小明', born: '2019-06-18', hospital: '广州市妇女儿童医疗中心' },
      born: '2019-06-18',
    },
    volunteer: { number: 'GDV2019123456', validFrom: null, validUntil: null, fields: { hours: '128' } },
  },
  // 李四: the FAQ's refusals
  '440604198507150021': {
    social_security_card: {
      number: '440604198507150021',
      validFrom: '2010-05-01',
      validUntil: null,
      fields: { cardNumber: '440600112233', generation: '一代社保卡' },
      city: '4406',
      generation: 1,
    },
    housing_fund: {
      number: '441900987654321',
      validFrom: null,
      validUntil: null,
      fields: { employer: '东莞示例电子有限公司', status: '正常缴存' },
      city: '4419',
    },
    birth_certificate: {
      number: 'P440112233',
      validFrom: null,
      validUntil: null,
      fields: { childName: '李小红', born: '2016-09-01', hospital: '广州市第一人民医院' },
      born: '2016-09-01',
    },
    disability_card: {
      number: '44060419850715002143',
      validFrom: '2021-01-01',
      validUntil: '2031-01-01',
      fields: { category: '肢体残疾 四级' },
    },
  },
};

function adultOn(idNumber: string, now: Date): boolean {
  const birth = Date.parse(
    `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}T00:00:00+08:00`,
  );
  return Number.isFinite(birth) && now.getTime() - birth >= 18 * 365.25 * 86_400_000;
}

export function createLicenceAuthoritiesSimulator(opts: {
  log: FastifyBaseLogger;
  production: boolean;
}): LicenceAuthorities {
  return {
    name: 'licence-authorities-simulator',
    isSimulator: true,
    async lookup(q) {
      if (opts.production) throw new AppError('simulator.unavailable_in_production', { status: 503 });
      let record: LicenceRecord | null = null;
      if (q.idType === 'resident_id') {
        const sample = SAMPLE_LICENCES[q.idNumber]?.[q.type];
        if (sample) record = { ...sample, holder: q.name };
        else if (q.type === 'eid')
          record = {
            number: q.idNumber,
            holder: q.name,
            validFrom: day(q.idValidFrom),
            validUntil: day(q.idValidTo),
            fields: {},
          };
        else if (q.type === 'driving_licence' && adultOn(q.idNumber, q.now))
          record = {
            number: q.idNumber,
            holder: q.name,
            validFrom: null,
            validUntil: `${q.now.getUTCFullYear() + 6}-06-01`,
            fields: { class: 'C1', firstIssued: `${Number(q.idNumber.slice(6, 10)) + 20}-06-01` },
          };
      }
      // never the number or the name in the log: the type and whether a licence was found
      opts.log.info(
        { adapter: 'licence-authorities-simulator', type: q.type, found: record !== null },
        '[SIMULATOR] licence lookup',
      );
      return record;
    },
  };
}
