import { createPrivateKey, generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto';
import { LICENCE_CODE_TTL_SECONDS, type LicenceJwk, type LicenceJwks } from '@sw/contracts/licences';
import { desc, isNull, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { licenceSigningKeys } from '../../db/schema/licences.ts';

/*
 * The keys that sign licence codes (ES256). Generated on first use and stored with the private key
 * encrypted (the platform's field key); the newest signs. After ROTATE_AFTER a new one is made —
 * under an advisory lock, so two instances make one — and the old one stays in the JWKS until
 * every code it signed has expired, with a margin for verifiers' clocks and for instances whose
 * cache still holds it (RETIRE_MARGIN). Each instance re-reads the keys once a minute.
 */

const ROTATE_AFTER_MS = 30 * 86_400_000;
const RETIRE_MARGIN_MS = LICENCE_CODE_TTL_SECONDS * 1000 + 10 * 60_000;
const RELOAD_MS = 60_000;

type Loaded = {
  active: { kid: string; key: KeyObject; createdAt: Date } | null;
  jwks: LicenceJwks;
  loadedAt: number;
};

const loaded = new WeakMap<AppContext, Loaded>();

async function load(ctx: AppContext): Promise<Loaded> {
  const now = ctx.clock.now();
  const rows = await ctx.db
    .select()
    .from(licenceSigningKeys)
    .where(sql`${licenceSigningKeys.retireAt} is null or ${licenceSigningKeys.retireAt} > ${now}`)
    .orderBy(desc(licenceSigningKeys.createdAt));
  const newest = rows.find((r) => r.retireAt === null) ?? null;
  const state: Loaded = {
    active: newest
      ? {
          kid: newest.kid,
          key: createPrivateKey(ctx.crypto.decrypt(newest.privateKeyEnc)),
          createdAt: newest.createdAt,
        }
      : null,
    jwks: {
      keys: rows.map(
        (r) =>
          ({ ...(JSON.parse(r.publicJwk) as object), kid: r.kid, alg: 'ES256', use: 'sig' }) as LicenceJwk,
      ),
    },
    loadedAt: now.getTime(),
  };
  loaded.set(ctx, state);
  return state;
}

async function rotate(ctx: AppContext): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('licence_signing_keys'))`);
    const [current] = await tx
      .select({ createdAt: licenceSigningKeys.createdAt })
      .from(licenceSigningKeys)
      .where(isNull(licenceSigningKeys.retireAt))
      .orderBy(desc(licenceSigningKeys.createdAt))
      .limit(1);
    if (current && now.getTime() - current.createdAt.getTime() < ROTATE_AFTER_MS) return; // another did it
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const { kty, crv, x, y } = publicKey.export({ format: 'jwk' });
    const day = now.toISOString().slice(0, 10).replaceAll('-', '');
    const kid = `lk-${day}-${randomBytes(3).toString('hex')}`;
    await tx
      .update(licenceSigningKeys)
      .set({ retireAt: new Date(now.getTime() + RETIRE_MARGIN_MS) })
      .where(isNull(licenceSigningKeys.retireAt));
    await tx.insert(licenceSigningKeys).values({
      kid,
      privateKeyEnc: ctx.crypto.encrypt(privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()),
      publicJwk: JSON.stringify({ kty, crv, x, y }),
      createdAt: now,
    });
  });
}

async function current(ctx: AppContext): Promise<Loaded> {
  const now = ctx.clock.now().getTime();
  let state = loaded.get(ctx);
  if (!state || now - state.loadedAt >= RELOAD_MS) state = await load(ctx);
  if (!state.active || now - state.active.createdAt.getTime() >= ROTATE_AFTER_MS) {
    await rotate(ctx);
    state = await load(ctx);
  }
  return state;
}

/** The active key: its id and a signer for COSE's Sig_structure (raw r ‖ s). */
export async function activeSigner(ctx: AppContext) {
  const { active } = await current(ctx);
  if (!active) throw new Error('no licence signing key after rotation');
  const key = active.key;
  return {
    kid: active.kid,
    sign: (data: Uint8Array) => new Uint8Array(sign('sha256', data, { key, dsaEncoding: 'ieee-p1363' })),
  };
}

/** The published keys: the active one and those whose codes may still be alive. */
export async function verificationKeys(ctx: AppContext): Promise<LicenceJwks> {
  return (await current(ctx)).jwks;
}
