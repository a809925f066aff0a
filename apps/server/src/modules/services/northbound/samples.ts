import type { SharedPolicy } from './adapters.ts';
import type { HkTdApplication } from './contract.ts';

/*
 * The simulators' sample data (local and test modes only; printed on the simulator's label in the
 * UI so a tester can use it). HKIDs carry valid check digits; the mobiles are mainland numbers.
 */

export const SAMPLE_HKTD_APPLICATIONS: readonly HkTdApplication[] = [
  {
    hktdRef: 'HKTD-2026-000101',
    owner: {
      name: '陳大文',
      nameEn: 'CHAN Tai Man',
      hkid: 'A1234563',
      mobile: '13912345678',
      email: 'taiman.chan@example.hk',
    },
    vehicle: {
      hkPlate: 'AB1234',
      make: 'TOYOTA',
      model: 'ALPHARD',
      colour: '白色',
      chassisNo: 'JTEGH3FH0AB123456',
    },
    drivers: [{ name: '陳小明', hkid: 'C6686689', licenceNo: 'DL2018001' }],
    permittedFrom: '2026-11-01',
    permittedUntil: '2027-10-31',
  },
  {
    hktdRef: 'HKTD-2026-000102',
    owner: { name: '李嘉欣', nameEn: 'LEE Ka Yan', hkid: 'K1234560', mobile: '13712345678' },
    vehicle: {
      hkPlate: 'XY888',
      make: 'TESLA',
      model: 'MODEL Y',
      colour: '黑色',
      chassisNo: 'LRWYGCEK1NC000888',
    },
    drivers: [],
    permittedFrom: '2026-10-01',
    permittedUntil: '2027-09-30',
  },
];

export const SAMPLE_POLICIES: readonly SharedPolicy[] = [
  {
    policyNo: 'PDZA202644000001',
    type: 'ctpl',
    insurer: '中国人民财产保险股份有限公司珠海市分公司',
    hkPlate: 'AB1234',
    startDate: '2026-11-01',
    endDate: '2027-11-30',
  },
  {
    policyNo: 'PDZA202644000002',
    type: 'ctpl',
    insurer: '中国人民财产保险股份有限公司珠海市分公司',
    hkPlate: 'AB1234',
    startDate: '2026-11-01',
    endDate: '2027-06-30',
  },
  {
    policyNo: 'EQ-HK-2026-0088',
    type: 'equivalent',
    insurer: '中國太平保險（香港）有限公司',
    hkPlate: 'XY888',
    startDate: '2026-10-01',
    endDate: '2027-12-31',
  },
];
