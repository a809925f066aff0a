import type { IdType } from '@sw/contracts';
import type { FastifyBaseLogger } from 'fastify';
import { AppError } from '../http/app-error.ts';
import type { Adapter } from './types.ts';

/*
 * The market regulator (市场监管局: the enterprise's registered name, legal representative and
 * address) and the commerce ministry (商务部: the 对外贸易经营者备案), asked by 我的资质's
 * 「市场局同步更新」 / 「商务部同步更新」 (seed 004 §3.4). Neither can be reached from here: the
 * simulator holds the demo enterprise's records (below) and knows no other credit code; it asserts
 * nothing in production (503 `simulator.unavailable_in_production`).
 */

export type MarketRecord = {
  name: string;
  legalRepName: string;
  /** the legal representative's document as filed (法人身份认证 checks it, seed 004 §3.6.1) */
  legalRepIdType: IdType;
  legalRepIdNumber: string;
  address: string;
};
export type CommerceRecord = {
  filingNo: string;
  filedOn: string;
  operatorType: 'state_owned' | 'collective' | 'private' | 'foreign_invested' | 'individual' | 'other';
  importExportCode: string;
};

export type Registries = Adapter & {
  market(creditCode: string): Promise<MarketRecord | null>;
  commerce(creditCode: string): Promise<CommerceRecord | null>;
};

export const SAMPLE_REGISTRY: Record<string, { market: MarketRecord; commerce: CommerceRecord }> = {
  '91440101MA59UQXX9Q': {
    market: {
      name: '广州示例进出口贸易有限公司',
      legalRepName: '陈建国',
      legalRepIdType: 'resident_id',
      legalRepIdNumber: '44010619750505001X',
      address: '广东省广州市天河区珠江新城示例路 1 号',
    },
    commerce: {
      filingNo: '04412345',
      filedOn: '2019-03-15',
      operatorType: 'private',
      importExportCode: '4401MA59UQXX9',
    },
  },
};

export function createRegistriesSimulator(opts: { log: FastifyBaseLogger; production: boolean }): Registries {
  const answer = <T>(what: string, value: T | undefined): T | null => {
    if (opts.production) throw new AppError('simulator.unavailable_in_production', { status: 503 });
    opts.log.info({ adapter: 'registries-simulator', what, found: !!value }, '[SIMULATOR] registry lookup');
    return value ?? null;
  };
  return {
    name: 'registries-simulator',
    isSimulator: true,
    async market(creditCode) {
      return answer('market', SAMPLE_REGISTRY[creditCode]?.market);
    },
    async commerce(creditCode) {
      return answer('commerce', SAMPLE_REGISTRY[creditCode]?.commerce);
    },
  };
}
