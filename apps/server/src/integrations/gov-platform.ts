import type { FastifyBaseLogger } from 'fastify';
import { AppError } from '../http/app-error.ts';
import type { Adapter } from './types.ts';

/*
 * 信息同步 (seed 004 §3.1 账户设置: 「用户信息同步中华人民共和国国务院办公厅」): the account's identity
 * is pushed to the national government service platform, which keeps one user record across
 * platforms. It cannot be reached from here: the simulator accepts a well-formed record and answers
 * with a receipt number derived from it; in production it asserts nothing (503
 * `simulator.unavailable_in_production`).
 */

export type GovUserRecord = {
  username: string;
  kind: string;
  name: string;
  /** a keyed hash of the document, never the number itself (the platform matches on it) */
  identityHash: string | null;
  organization: { name: string; code: string | null } | null;
};

export type GovPlatform = Adapter & {
  syncUser(record: GovUserRecord): Promise<{ receipt: string }>;
};

export function createGovPlatformSimulator(opts: {
  log: FastifyBaseLogger;
  production: boolean;
}): GovPlatform {
  return {
    name: 'gov-platform-simulator',
    isSimulator: true,
    async syncUser(record) {
      if (opts.production) throw new AppError('simulator.unavailable_in_production', { status: 503 });
      const receipt = `GWY${Buffer.from(`${record.kind}:${record.username}`).toString('hex').slice(0, 16).toUpperCase()}`;
      opts.log.info(
        { adapter: 'gov-platform-simulator', kind: record.kind },
        '[SIMULATOR] user record synchronised',
      );
      return { receipt };
    },
  };
}
