import { afterAll, describe, expect, it } from 'vitest';
import {
  closePasswordHasher,
  hashPassword,
  usePasswordHasherProcess,
  verifyPassword,
} from '../src/modules/identity/passwords.ts';

describe('password hasher in a child process (PASSWORD_HASHER=process)', () => {
  usePasswordHasherProcess();
  afterAll(() => closePasswordHasher());

  it('hashes and verifies, many at once, in the child', async () => {
    const hash = await hashPassword('Secret1!');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => verifyPassword(hash, i % 2 ? 'Secret1!' : 'wrong')),
    );
    expect(results.filter(Boolean)).toHaveLength(6);
    expect(await verifyPassword(null, 'anything')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'anything')).toBe(false);
  });

  it('starts a new child when the old one is gone, and its first request is not lost', async () => {
    closePasswordHasher();
    const hash = await hashPassword('Again1!');
    expect(await verifyPassword(hash, 'Again1!')).toBe(true);
  });
});
