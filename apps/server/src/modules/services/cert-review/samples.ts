import type { AuthorityCertificate } from './authority.ts';

/**
 * The issuing authority simulator's sample certificates (local and test mode). The holder of the
 * first two is the demo enterprise (README: demo accounts), so a certificate typed from them is
 * 一致; the third belongs to another enterprise.
 */
export const DEMO_HOLDER = { name: '广州示例进出口贸易有限公司', creditCode: '91440101MA59UQXX9Q' } as const;

export const SAMPLE_CERTIFICATES: readonly AuthorityCertificate[] = [
  {
    certType: 'import-licence',
    certNo: '26-AA-000123',
    issuingAuthority: '商务部配额许可证事务局',
    issueDate: '2026-01-05',
    validFrom: '2026-01-05',
    validTo: '2026-12-31',
    holderName: DEMO_HOLDER.name,
    holderCreditCode: DEMO_HOLDER.creditCode,
    port: '5100',
    goods: [{ hsCode: '8703231900', name: '小轿车', quantity: 10, unit: 'vehicle' }],
  },
  {
    certType: 'auto-import-licence',
    certNo: '2026-AIL-000789',
    issuingAuthority: '广东省商务厅',
    issueDate: '2026-03-02',
    validFrom: '2026-03-02',
    validTo: '2027-03-01',
    holderName: DEMO_HOLDER.name,
    holderCreditCode: DEMO_HOLDER.creditCode,
    port: '5200',
    goods: [
      { hsCode: '2601111000', name: '铁矿砂', quantity: 50000, unit: 't' },
      { hsCode: '8471300000', name: '便携式计算机', quantity: 2000, unit: 'unit' },
    ],
  },
  {
    certType: 'export-licence',
    certNo: '26-BB-000456',
    issuingAuthority: '广东省商务厅',
    issueDate: '2026-02-10',
    validFrom: '2026-02-10',
    validTo: '2026-08-09',
    holderName: '深圳示例电子有限公司',
    holderCreditCode: '91440300MA5F0XYX6K',
    port: '5300',
    goods: [{ hsCode: '8542319000', name: '集成电路', quantity: 100000, unit: 'piece' }],
  },
];
