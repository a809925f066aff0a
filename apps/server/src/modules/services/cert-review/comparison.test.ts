import { describe, expect, it } from 'vitest';
import type { AuthorityCertificate } from './authority.ts';
import { authorityChanges, compareCertificate } from './comparison.ts';
import type { CertForm } from './contract.ts';

const authority: AuthorityCertificate = {
  certType: 'import-licence',
  certNo: '26-AA-000123',
  issuingAuthority: '商务部配额许可证事务局',
  issueDate: '2026-01-05',
  validFrom: '2026-01-05',
  validTo: '2026-12-31',
  holderName: '广州示例进出口贸易有限公司',
  holderCreditCode: '91440101MA59UQXX9Q',
  port: '5100',
  goods: [{ hsCode: '8703231900', name: '小轿车', quantity: 10, unit: 'vehicle' }],
};

const declared: CertForm = {
  certType: 'import-licence',
  certNo: '26-AA-000123',
  issuingAuthority: '商务部配额许可证事务局',
  issueDate: '2026-01-05',
  validFrom: '2026-01-05',
  validTo: '2026-12-31',
  holderName: '广州示例进出口贸易有限公司',
  holderCreditCode: '91440101MA59UQXX9Q',
  port: '5100',
  goods: [{ hsCode: '8703231900', name: '小轿车', quantity: 10, unit: 'vehicle' }],
  remarks: undefined,
};

describe('compareCertificate', () => {
  it('says 一致 when every field agrees, full-width and spacing aside', () => {
    const typed = { ...declared, holderName: ' 广州示例进出口贸易有限公司 ', certNo: '２６-AA-000123' };
    const { outcome, rows } = compareCertificate(typed, authority);
    expect(outcome).toBe('match');
    expect(rows.every((row) => row.same)).toBe(true);
    expect(rows.find((row) => row.path === 'port')?.declared).toBe('广州海关（5100）');
  });

  it('says 不一致 and marks the fields that differ', () => {
    const { outcome, rows } = compareCertificate(
      { ...declared, validTo: '2027-06-30', goods: [{ ...declared.goods[0]!, quantity: 12 }] },
      authority,
    );
    expect(outcome).toBe('mismatch');
    expect(rows.filter((row) => !row.same).map((row) => row.path)).toEqual(['validTo', 'goods.0.quantity']);
    expect(rows.find((row) => row.path === 'goods.0.quantity')?.label['zh-CN']).toBe('商品1 数量');
  });

  it('counts a goods line missing on one side as a difference', () => {
    const extra = { hsCode: '8703239000', name: '越野车', quantity: 2, unit: 'vehicle' as const };
    const { outcome, rows } = compareCertificate(
      { ...declared, goods: [...declared.goods, extra] },
      authority,
    );
    expect(outcome).toBe('mismatch');
    expect(rows.find((row) => row.path === 'goods.1.hsCode')).toMatchObject({
      declared: '8703239000',
      authority: null,
      same: false,
    });
  });

  it('says 未找到 when the authority has no such certificate', () => {
    const { outcome, rows } = compareCertificate(declared, null);
    expect(outcome).toBe('not_found');
    expect(rows.every((row) => row.authority === null && !row.same)).toBe(true);
  });
});

describe('authorityChanges', () => {
  it('lists the fields the authority changed', () => {
    const changed = { ...authority, validTo: '2026-06-30' };
    expect(authorityChanges(authority, changed)).toEqual([
      expect.objectContaining({ path: 'validTo', before: '2026-12-31', after: '2026-06-30' }),
    ]);
    expect(authorityChanges(authority, authority)).toEqual([]);
  });
});
