import type { FastifyBaseLogger } from 'fastify';
import { AppError } from '../http/app-error.ts';
import type { Adapter } from './types.ts';

/*
 * Public security's household services behind 办理进度查询 (seed 003 三、常见疑问): 身份证办理查询 (an
 * identity card applied for in Guangdong in the last six months, whatever the person's 户籍) and
 * 户政审批查询 (出生审批、市外迁入、市内移居、非原址恢复户口、户口注销、恢复户口、项目变更、所内非转农).
 * It cannot be reached from here. The simulator holds the demo person's records (张三) and knows
 * nobody else; it asserts nothing in production (503).
 */

export type AgencyStep = { name: string; at: string };
export type AgencyCase = {
  source: 'id_card' | 'household';
  reference: string;
  /** the business, as the agency names it (zh-CN) */
  business: string;
  /** the current status, as the agency names it */
  status: string;
  finished: boolean;
  /** the office that handles it */
  office: string;
  steps: AgencyStep[];
};

export type HouseholdAgency = Adapter & { casesOf(idNumber: string, now: Date): Promise<AgencyCase[]> };

const DAY = 86_400_000;
const at = (now: Date, daysAgo: number) => new Date(now.getTime() - daysAgo * DAY).toISOString();

/** The demo person's cases, dated relative to now so that they stay within the agency's six months. */
function sampleCases(idNumber: string, now: Date): AgencyCase[] {
  if (idNumber !== '11010519491231002X') return [];
  const cases: AgencyCase[] = [
    {
      source: 'id_card',
      reference: 'SFZ4401062026110800123',
      business: '居民身份证换领（有效期满）',
      status: '制证中',
      finished: false,
      office: '广州市公安局天河区分局出入境与户政办证大厅',
      steps: [
        { name: '受理', at: at(now, 26) },
        { name: '审核通过', at: at(now, 24) },
        { name: '制证中', at: at(now, 20) },
      ],
    },
    {
      source: 'household',
      reference: 'HZSP4401042026100900456',
      business: '市内移居',
      status: '审批通过，待办理迁入手续',
      finished: false,
      office: '广州市公安局越秀区分局户政科',
      steps: [
        { name: '申请', at: at(now, 55) },
        { name: '派出所审核', at: at(now, 50) },
        { name: '分局审批通过', at: at(now, 43) },
      ],
    },
    {
      source: 'id_card',
      reference: 'SFZ4401062025090100077',
      business: '居民身份证补领',
      status: '已领取',
      finished: true,
      office: '广州市公安局天河区分局出入境与户政办证大厅',
      // older than six months: the agency does not return it
      steps: [{ name: '已领取', at: at(now, 200) }],
    },
  ];
  return cases.filter((c) => now.getTime() - Date.parse(c.steps[0]!.at) <= 183 * DAY);
}

export function createHouseholdAgencySimulator(opts: {
  log: FastifyBaseLogger;
  production: boolean;
}): HouseholdAgency {
  return {
    name: 'household-agency-simulator',
    isSimulator: true,
    async casesOf(idNumber, now) {
      if (opts.production) throw new AppError('simulator.unavailable_in_production', { status: 503 });
      const cases = sampleCases(idNumber, now);
      opts.log.info(
        { adapter: 'household-agency-simulator', cases: cases.length },
        '[SIMULATOR] household cases',
      );
      return cases;
    },
  };
}
