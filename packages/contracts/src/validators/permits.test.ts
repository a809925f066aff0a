import { describe, expect, it } from 'vitest';
import {
  isValidForeignPermanentResidentId,
  isValidHkMacaoPermit,
  isValidPassport,
  isValidTaiwanPermit,
} from './permits.ts';
import { residentIdCheckChar } from './resident-id.ts';

describe('isValidHkMacaoPermit', () => {
  it('accepts H/M + 8 or 10 digits, any case', () => {
    for (const v of ['H12345678', 'M12345678', 'H1234567801', 'm8765432100', 'h12345678']) {
      expect(isValidHkMacaoPermit(v), v).toBe(true);
    }
  });

  it('rejects other shapes', () => {
    for (const v of ['A12345678', 'H1234567', 'H123456789', 'H123456789012', '12345678', 'H1234567A', '']) {
      expect(isValidHkMacaoPermit(v), v).toBe(false);
    }
  });
});

describe('isValidTaiwanPermit', () => {
  it('accepts 8 digits, 10 digits and 10 digits with a bracketed suffix', () => {
    for (const v of [
      '12345678',
      '1234567890',
      '1234567890(B)',
      '1234567890(b)',
      '1234567890(1)',
      '1234567890（B）',
    ]) {
      expect(isValidTaiwanPermit(v), v).toBe(true);
    }
  });

  it('rejects other shapes', () => {
    for (const v of [
      '1234567',
      '123456789',
      '12345678901',
      '12345678(B)',
      '1234567890B',
      '1234567890(BB)',
      'T1234567',
      '',
    ]) {
      expect(isValidTaiwanPermit(v), v).toBe(false);
    }
  });
});

describe('isValidPassport', () => {
  it('accepts Chinese and foreign passport numbers', () => {
    for (const v of [
      'E12345678',
      'G12345678',
      'EA1234567',
      'P1234567',
      'e12345678',
      '123456789',
      'C01X00T47',
      'K0123456',
      'AB12345',
    ]) {
      expect(isValidPassport(v), v).toBe(true);
    }
  });

  it('rejects short, long, letter-only and punctuated values', () => {
    for (const v of ['E123', 'ABCDEFGH', 'E1234567890123456X', 'E1234-5678', 'E 12345678', '']) {
      expect(isValidPassport(v), v).toBe(false);
    }
  });
});

describe('isValidForeignPermanentResidentId', () => {
  it('accepts the 2004 format', () => {
    expect(isValidForeignPermanentResidentId('USA110080101011')).toBe(true);
    expect(isValidForeignPermanentResidentId('gbr310075062801')).toBe(true);
  });

  it('accepts the 2023 format with a GB 11643 check digit', () => {
    expect(isValidForeignPermanentResidentId('910000201001010012')).toBe(true);
    const first17 = '93184019850315001';
    expect(isValidForeignPermanentResidentId(first17 + residentIdCheckChar(first17))).toBe(true);
  });

  it('rejects other values', () => {
    for (const v of [
      '910000201001010013', // wrong check digit
      '11010519491231002X', // a mainland resident ID
      'US1100801010112',
      'USA11008010101',
      'USA1100801010111',
      '',
    ]) {
      expect(isValidForeignPermanentResidentId(v), v).toBe(false);
    }
  });
});
