import { describe, expect, it } from 'vitest';
import type { AppContext } from '../../context.ts';
import { fixedClock } from '../../lib/clock.ts';
import { createFieldCrypto } from '../../lib/crypto.ts';
import { createCardChallenge, issuedAtOf, uuidV7 } from './card-proof.ts';
import { cardStatusAt } from './pki.presenter.ts';

describe('card challenges', () => {
  it('carry their issue time in a UUIDv7 id', () => {
    const ms = Date.UTC(2026, 2, 1, 8, 0, 0, 123);
    const id = uuidV7(ms);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(issuedAtOf(id)).toBe(ms);
    expect(uuidV7(ms)).not.toBe(id);
    expect(issuedAtOf(crypto.randomUUID())).toBeNull();
    expect(issuedAtOf('not-a-uuid')).toBeNull();
  });

  it('name the purpose and derive the nonce from the id with the platform secret', () => {
    const clock = fixedClock(new Date('2026-03-01T08:00:00Z'));
    const ctx = (secret: string) => ({ clock, crypto: createFieldCrypto(secret) }) as unknown as AppContext;
    const a = createCardChallenge(ctx('a'.repeat(40)));
    expect(a.message).toMatch(new RegExp(`^single-window:card-auth:v1:${a.id}:[0-9a-f]{64}$`));
    expect(a.expiresAt).toBe('2026-03-01T08:02:00.000Z');
    const b = createCardChallenge(ctx('a'.repeat(40)));
    expect(b.id).not.toBe(a.id);
    // another platform (secret) would ask for a different signature over the same id
    const other = createFieldCrypto('b'.repeat(40)).hashSecret('card-challenge', a.id);
    expect(a.message.endsWith(other)).toBe(false);
  });
});

describe('cardStatusAt', () => {
  const card = { notBefore: new Date('2026-01-01T00:00:00Z'), notAfter: new Date('2027-01-01T00:00:00Z') };
  it('is revoked before anything else, then by the validity window', () => {
    expect(cardStatusAt({ ...card, revokedAt: new Date('2026-02-01') }, new Date('2026-06-01'))).toBe(
      'revoked',
    );
    expect(cardStatusAt({ ...card, revokedAt: null }, new Date('2025-12-31'))).toBe('not_yet_valid');
    expect(cardStatusAt({ ...card, revokedAt: null }, new Date('2026-06-01'))).toBe('valid');
    expect(cardStatusAt({ ...card, revokedAt: null }, new Date('2027-01-02'))).toBe('expired');
  });
});
