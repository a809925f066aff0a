import { X509Certificate } from 'node:crypto';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import {
  AUTHORITY_SUBJECT,
  type Authority,
  createAuthorityCertificate,
  generateRsaKeyPair,
} from './certificates.ts';
import { getAuthority, insertAuthorityIfMissing } from './pki.repo.ts';

/** RSA 3072 for the authority (NIST SP 800-57: good beyond 2030); cards get 2048. */
const AUTHORITY_KEY_BITS = 3072;

export type LoadedAuthority = {
  certificatePem: string;
  x509: X509Certificate;
  /** decrypted on demand (issuance only), never kept */
  privateKeyPem(): string;
};

const loaded = new WeakMap<Db, Promise<LoadedAuthority>>();

/**
 * The platform CA, created on first start. Two instances starting together may both generate a
 * key; one insert wins (ON CONFLICT DO NOTHING) and both read back the winner. The private key
 * is stored encrypted with the platform secret.
 */
export async function ensureAuthority(ctx: AppContext): Promise<LoadedAuthority> {
  let row = await getAuthority(ctx.db);
  if (!row) {
    const { privateKeyPem } = await generateRsaKeyPair(AUTHORITY_KEY_BITS);
    const certificatePem = createAuthorityCertificate({ privateKeyPem, now: ctx.clock.now() });
    await insertAuthorityIfMissing(ctx.db, {
      subject: AUTHORITY_SUBJECT,
      certificatePem,
      privateKeyEnc: ctx.crypto.encrypt(privateKeyPem),
      createdAt: ctx.clock.now(),
    });
    row = await getAuthority(ctx.db);
    if (!row) throw new Error('the platform CA could not be created');
  }
  const { certificatePem, privateKeyEnc } = row;
  return {
    certificatePem,
    x509: new X509Certificate(certificatePem),
    privateKeyPem: () => ctx.crypto.decrypt(privateKeyEnc),
  };
}

/** The authority of this database, loaded once per process (it never changes once created). */
export function loadAuthority(ctx: AppContext): Promise<LoadedAuthority> {
  let pending = loaded.get(ctx.db);
  if (!pending) {
    pending = ensureAuthority(ctx);
    pending.catch(() => loaded.delete(ctx.db));
    loaded.set(ctx.db, pending);
  }
  return pending;
}

export function authorityForSigning(authority: LoadedAuthority): Authority {
  return { certificatePem: authority.certificatePem, privateKeyPem: authority.privateKeyPem() };
}
