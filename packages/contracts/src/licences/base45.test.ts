import { describe, expect, it } from 'vitest';
import { decodeBase45, encodeBase45 } from './base45.ts';

const text = (s: string) => new TextEncoder().encode(s);

describe('Base45 (RFC 9285)', () => {
  it('encodes and decodes the RFC’s examples', () => {
    expect(encodeBase45(text('AB'))).toBe('BB8');
    expect(encodeBase45(text('Hello!!'))).toBe('%69 VD92EX0');
    expect(encodeBase45(text('base-45'))).toBe('UJCLQE7W581');
    expect(new TextDecoder().decode(decodeBase45('QED8WEX0')!)).toBe('ietf!');
  });

  it('round-trips every byte value and odd lengths', () => {
    const all = Uint8Array.from({ length: 257 }, (_, i) => (i * 7) % 256);
    expect(decodeBase45(encodeBase45(all))).toEqual(all);
    expect(decodeBase45(encodeBase45(new Uint8Array([255])))).toEqual(new Uint8Array([255]));
  });

  it('refuses bad characters, lengths and values', () => {
    expect(decodeBase45('a')).toBeNull();
    expect(decodeBase45('ab!')).toBeNull();
    expect(decodeBase45('GGW')).toBeNull(); // 65535 + 1 … over two bytes
    expect(decodeBase45(':::')).toBeNull();
  });
});
