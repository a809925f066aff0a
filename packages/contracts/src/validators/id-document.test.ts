import { describe, expect, it } from 'vitest';
import { ID_TYPES, type IdType } from '../enums.ts';
import { isValidIdNumber } from './id-document.ts';

const SAMPLES: Record<IdType, { valid: string; invalid: string }> = {
  resident_id: { valid: '11010519491231002X', invalid: '110105194912310021' },
  passport: { valid: 'E12345678', invalid: 'ABCDEFGH' },
  hk_macao_permit: { valid: 'H12345678', invalid: 'A12345678' },
  taiwan_permit: { valid: '1234567890(B)', invalid: '123456789' },
  foreign_permanent_resident: { valid: 'USA110080101011', invalid: '910000201001010013' },
  hk_identity_card: { valid: 'A123456(3)', invalid: 'A123456(4)' },
};

describe('isValidIdNumber', () => {
  it.each(ID_TYPES)('dispatches %s', (idType) => {
    expect(isValidIdNumber(idType, SAMPLES[idType].valid)).toBe(true);
    expect(isValidIdNumber(idType, SAMPLES[idType].invalid)).toBe(false);
  });

  it('does not accept one type for another', () => {
    expect(isValidIdNumber('resident_id', 'A123456(3)')).toBe(false);
    expect(isValidIdNumber('hk_identity_card', '11010519491231002X')).toBe(false);
  });

  it('throws on an unknown type smuggled past the type checker', () => {
    expect(() => isValidIdNumber('driving_licence' as IdType, 'x')).toThrow();
  });
});
