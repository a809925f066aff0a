import { describe, expect, it } from 'vitest';
import { createFieldCrypto } from './crypto.ts';

describe('field crypto', () => {
  const a = createFieldCrypto('secret-a-0123456789-0123456789-0123');
  const b = createFieldCrypto('secret-b-0123456789-0123456789-0123');

  it('round-trips and never repeats a ciphertext', () => {
    const one = a.encrypt('11010519491231002X');
    const two = a.encrypt('11010519491231002X');
    expect(one).not.toEqual(two);
    expect(one).not.toContain('1101');
    expect(a.decrypt(one)).toBe('11010519491231002X');
  });

  it('refuses a tampered ciphertext or another key', () => {
    const sealed = a.encrypt('13812341234');
    const parts = sealed.split('.');
    parts[3] = Buffer.from('13812341299').toString('base64url');
    expect(() => a.decrypt(parts.join('.'))).toThrow();
    expect(() => b.decrypt(sealed)).toThrow();
  });

  it('blind index is deterministic, kind-separated and key-dependent', () => {
    expect(a.blindIndex('mobile', '13812341234')).toBe(a.blindIndex('mobile', '13812341234'));
    expect(a.blindIndex('mobile', '13812341234')).not.toBe(a.blindIndex('email', '13812341234'));
    expect(a.blindIndex('mobile', '13812341234')).not.toBe(b.blindIndex('mobile', '13812341234'));
  });
});
