import { describe, expect, it } from 'vitest';
import { nextTagNumber } from './tags.ts';

describe('a replacement tag’s number', () => {
  it('keeps the first number and counts the replacements', () => {
    expect(nextTagNumber('GCBS20261203000001')).toBe('GCBS20261203000001-R1');
    expect(nextTagNumber('GCBS20261203000001-R1')).toBe('GCBS20261203000001-R2');
    expect(nextTagNumber('GCBS20261203000001-D2-R9')).toBe('GCBS20261203000001-D2-R10');
    expect(nextTagNumber('GCBS20261203000001-D1')).toBe('GCBS20261203000001-D1-R1');
  });
});
