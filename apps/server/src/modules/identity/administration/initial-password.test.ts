import { isStrongPassword } from '@sw/contracts';
import { describe, expect, it } from 'vitest';
import { generateInitialPassword } from './initial-password.ts';

describe('generateInitialPassword', () => {
  it('always passes the password rule, and does not repeat', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const p = generateInitialPassword();
      expect(p).toHaveLength(12);
      expect(isStrongPassword(p)).toBe(true);
      expect(p).toMatch(/[A-Z]/);
      expect(p).toMatch(/[a-z]/);
      expect(p).toMatch(/\d/);
      expect(p).not.toMatch(/[Il1O0o]/);
      seen.add(p);
    }
    expect(seen.size).toBe(500);
  });
});
