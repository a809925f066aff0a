import type { Adapter } from '../../../integrations/types.ts';
import type { HkTdApplication, InsuranceType } from './contract.ts';
import { SAMPLE_HKTD_APPLICATIONS, SAMPLE_POLICIES } from './samples.ts';

/*
 * The agencies 港车北上 depends on and we cannot reach from here, each behind an adapter with a
 * simulator (labelled as such in the UI and the log, refused in production unless
 * ALLOW_SIMULATORS): the Hong Kong Transport Department's application feed and the Guangdong–Hong
 * Kong insurers' shared policy data. The border ports' crossing records arrive through the
 * simulator's control route (routes.ts) into the same function a real feed would call.
 */

/** HK TD's applications that passed its preliminary check, changed since a moment. */
export type HkTdFeed = Adapter & {
  changedSince(since: Date | null): Promise<HkTdApplication[]>;
};

/** A policy as the insurers share it. */
export type SharedPolicy = {
  policyNo: string;
  type: InsuranceType;
  insurer: string;
  /** the HK registration mark the policy covers */
  hkPlate: string;
  startDate: string;
  endDate: string;
};

/** 查询保险: the insurers' shared data; null when they have none for that number. */
export type InsurerData = Adapter & { lookup(policyNo: string): Promise<SharedPolicy | null> };

/**
 * The HK TD simulator: the sample applications of samples.ts (in production, with ALLOW_SIMULATORS,
 * it sends nothing — it asserts nothing about real people).
 */
export function createHkTdSimulator(production: boolean): HkTdFeed {
  return {
    name: 'hktd-simulator',
    isSimulator: true,
    async changedSince(since) {
      if (production || since) return [];
      return SAMPLE_HKTD_APPLICATIONS.map((a) => structuredClone(a));
    },
  };
}

/** The insurers' simulator: the sample policies of samples.ts; in production it knows none. */
export function createInsurerSimulator(production: boolean): InsurerData {
  return {
    name: 'insurer-simulator',
    isSimulator: true,
    async lookup(policyNo) {
      if (production) return null;
      return SAMPLE_POLICIES.find((p) => p.policyNo === policyNo) ?? null;
    },
  };
}
