import { Decoder, Encoder, Tag } from 'cbor-x';
import { decodeBase45, encodeBase45 } from './base45.ts';
import { LICENCE_TYPES, type LicenceType } from './licence-types.ts';

/*
 * 亮证's code (seed 003, issue 13 §2): a COSE_Sign1 (RFC 9052) over a CWT-style CBOR claims map,
 * Base45-encoded behind a prefix — the shape of the EU digital COVID certificate, so any COSE
 * library can check it, and it fits a QR code of version ≤ 15 at level Q in alphanumeric mode.
 *
 *   SWL1:<Base45( COSE_Sign1 = tag 18 [ protected, {}, payload, signature ] )>
 *   protected = bstr .cbor { 1 (alg): -7 (ES256), 4 (kid): bstr (the JWK's kid, UTF-8) }
 *   payload   = bstr .cbor { 1 (iss): tstr, 6 (iat): int, 4 (exp): int, 7 (cti): bstr(8),
 *                            "lic": { "t": licence type, "h": holder (masked), "m": number (masked),
 *                                     "n": bstr(16) = SHA-256("<type>:<number>")[0..16],
 *                                     "f": valid from | null, "u": valid until | null } }
 *   signature = ECDSA P-256 / SHA-256 over Sig_structure ["Signature1", protected, h'', payload],
 *               r ‖ s (64 bytes)
 *
 * The public keys are a JWKS (GET /api/licences/verification-keys); `verifyLicenceCode` needs
 * nothing else — no network, no database — so a verifier works offline with a cached JWKS.
 */

export const LICENCE_CODE_PREFIX = 'SWL1:';
/** a code lives this long from its issue (亮证 refreshes before it runs out) */
export const LICENCE_CODE_TTL_SECONDS = 60;
export const LICENCE_CODE_ISSUER = 'single-window/licences';

const ALG_ES256 = -7;
const HEADER_ALG = 1;
const HEADER_KID = 4;
const CLAIM_ISS = 1;
const CLAIM_EXP = 4;
const CLAIM_IAT = 6;
const CLAIM_CTI = 7;
const COSE_SIGN1_TAG = 18;

export type LicenceCodeClaims = {
  iss: string;
  /** seconds since the epoch */
  iat: number;
  exp: number;
  /** the code's id, 8 random bytes (hex here) */
  cti: string;
  licence: {
    type: LicenceType;
    holderMasked: string;
    numberMasked: string;
    /** hex of the first 16 bytes of SHA-256("<type>:<number>") */
    numberHash: string;
    validFrom: string | null;
    validUntil: string | null;
  };
};

export type LicenceJwk = {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
  kid: string;
  alg: 'ES256';
  use: 'sig';
};
export type LicenceJwks = { keys: LicenceJwk[] };

export type LicenceVerification =
  | { status: 'valid'; kid: string; claims: LicenceCodeClaims }
  | { status: 'expired'; kid: string; claims: LicenceCodeClaims }
  | {
      status: 'forged';
      reason: 'malformed' | 'unknown_key' | 'bad_signature' | 'unsupported_algorithm' | 'not_yet_valid';
      kid?: string;
    };

const encoder = new Encoder({ useRecords: false, mapsAsObjects: false, tagUint8Array: false });
const decoder = new Decoder({ useRecords: false, mapsAsObjects: false });

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
const unhex = (s: string) => Uint8Array.from(s.match(/../g) ?? [], (h) => Number.parseInt(h, 16));
const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder('utf-8', { fatal: true });

function cbor(value: unknown): Uint8Array<ArrayBuffer> {
  return new Uint8Array(encoder.encode(value));
}

/** Sig_structure (RFC 9052 §4.4) for COSE_Sign1 with no external data: the bytes that are signed. */
export function licenceSigStructure(
  protectedBytes: Uint8Array,
  payload: Uint8Array,
): Uint8Array<ArrayBuffer> {
  return cbor(['Signature1', protectedBytes, new Uint8Array(0), payload]);
}

/**
 * Builds a code. `sign` gets the Sig_structure and returns the raw ECDSA signature (r ‖ s, 64 bytes);
 * the server signs with the active key (Node: `crypto.sign('sha256', data, { key, dsaEncoding:
 * 'ieee-p1363' })`).
 */
export function encodeLicenceCode(
  claims: LicenceCodeClaims,
  kid: string,
  sign: (data: Uint8Array) => Uint8Array,
): string {
  const protectedBytes = cbor(
    new Map<number, unknown>([
      [HEADER_ALG, ALG_ES256],
      [HEADER_KID, utf8.encode(kid)],
    ]),
  );
  const l = claims.licence;
  const payload = cbor(
    new Map<number | string, unknown>([
      [CLAIM_ISS, claims.iss],
      [CLAIM_IAT, claims.iat],
      [CLAIM_EXP, claims.exp],
      [CLAIM_CTI, unhex(claims.cti)],
      [
        'lic',
        new Map<string, unknown>([
          ['t', l.type],
          ['h', l.holderMasked],
          ['m', l.numberMasked],
          ['n', unhex(l.numberHash)],
          ['f', l.validFrom],
          ['u', l.validUntil],
        ]),
      ],
    ]),
  );
  const signature = sign(licenceSigStructure(protectedBytes, payload));
  const sign1 = new Tag([protectedBytes, new Map(), payload, signature], COSE_SIGN1_TAG);
  return LICENCE_CODE_PREFIX + encodeBase45(cbor(sign1));
}

type Decoded = {
  alg: unknown;
  kid: string;
  claims: LicenceCodeClaims;
  signed: Uint8Array<ArrayBuffer>;
  signature: Uint8Array<ArrayBuffer>;
};

const isBytes = (v: unknown): v is Uint8Array => v instanceof Uint8Array;
const optionalDay = (v: unknown) => v === null || (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v));

function claimsOf(payload: unknown): LicenceCodeClaims | null {
  if (!(payload instanceof Map)) return null;
  const lic = payload.get('lic');
  const [iss, iat, exp, cti] = [CLAIM_ISS, CLAIM_IAT, CLAIM_EXP, CLAIM_CTI].map((k) => payload.get(k));
  if (typeof iss !== 'string' || !Number.isInteger(iat) || !Number.isInteger(exp) || !isBytes(cti))
    return null;
  if (!(lic instanceof Map)) return null;
  const [t, h, m, n, f, u] = ['t', 'h', 'm', 'n', 'f', 'u'].map((k) => lic.get(k));
  if (!LICENCE_TYPES.includes(t as LicenceType) || typeof h !== 'string' || typeof m !== 'string')
    return null;
  if (!isBytes(n) || n.length !== 16 || !optionalDay(f) || !optionalDay(u)) return null;
  return {
    iss,
    iat: iat as number,
    exp: exp as number,
    cti: hex(cti),
    licence: {
      type: t as LicenceType,
      holderMasked: h,
      numberMasked: m,
      numberHash: hex(n),
      validFrom: f as string | null,
      validUntil: u as string | null,
    },
  };
}

/** Takes a code apart without checking it (null if it is not one). */
export function decodeLicenceCode(code: string): Decoded | null {
  const text = code.trim();
  if (!text.startsWith(LICENCE_CODE_PREFIX) || text.length > 2000) return null;
  const bytes = decodeBase45(text.slice(LICENCE_CODE_PREFIX.length));
  if (!bytes) return null;
  try {
    const sign1 = decoder.decode(bytes);
    if (!(sign1 instanceof Tag) || sign1.tag !== COSE_SIGN1_TAG || !Array.isArray(sign1.value)) return null;
    const [protectedBytes, , payload, signature] = sign1.value as unknown[];
    if (!isBytes(protectedBytes) || !isBytes(payload) || !isBytes(signature)) return null;
    const header = decoder.decode(protectedBytes);
    if (!(header instanceof Map)) return null;
    const kidBytes = header.get(HEADER_KID);
    if (!isBytes(kidBytes)) return null;
    const claims = claimsOf(decoder.decode(payload));
    if (!claims) return null;
    return {
      alg: header.get(HEADER_ALG),
      kid: fromUtf8.decode(kidBytes),
      claims,
      signed: licenceSigStructure(new Uint8Array(protectedBytes), new Uint8Array(payload)),
      signature: new Uint8Array(signature),
    };
  } catch {
    return null;
  }
}

type VerifyKey = Awaited<ReturnType<typeof globalThis.crypto.subtle.importKey>>;
const importedKeys = new Map<string, Promise<VerifyKey>>();

function publicKeyOf(jwk: LicenceJwk): Promise<VerifyKey> {
  const cacheKey = `${jwk.kid}.${jwk.x}.${jwk.y}`;
  let key = importedKeys.get(cacheKey);
  if (!key) {
    key = globalThis.crypto.subtle.importKey(
      'jwk',
      { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y, ext: true },
      { name: 'ECDSA', namedCurve: 'P-256' },
      false,
      ['verify'],
    );
    importedKeys.set(cacheKey, key);
  }
  return key;
}

/**
 * Checks a code offline against a JWKS: its form, the key id, the ES256 signature and the expiry
 * (with `leewaySeconds` for a verifier's clock). Works in browsers and in Node (Web Crypto).
 */
export async function verifyLicenceCode(
  code: string,
  jwks: LicenceJwks,
  now: Date = new Date(),
  { leewaySeconds = 0 }: { leewaySeconds?: number } = {},
): Promise<LicenceVerification> {
  const decoded = decodeLicenceCode(code);
  if (!decoded) return { status: 'forged', reason: 'malformed' };
  const { kid, claims } = decoded;
  if (decoded.alg !== ALG_ES256) return { status: 'forged', reason: 'unsupported_algorithm', kid };
  const jwk = jwks.keys.find((k) => k.kid === kid && k.kty === 'EC' && k.crv === 'P-256');
  if (!jwk) return { status: 'forged', reason: 'unknown_key', kid };
  if (decoded.signature.length !== 64) return { status: 'forged', reason: 'bad_signature', kid };
  let ok: boolean;
  try {
    ok = await globalThis.crypto.subtle.verify(
      { name: 'ECDSA', hash: 'SHA-256' },
      await publicKeyOf(jwk),
      decoded.signature,
      decoded.signed,
    );
  } catch {
    ok = false;
  }
  if (!ok) return { status: 'forged', reason: 'bad_signature', kid };
  const seconds = now.getTime() / 1000;
  if (claims.iat > seconds + leewaySeconds + LICENCE_CODE_TTL_SECONDS)
    return { status: 'forged', reason: 'not_yet_valid', kid };
  if (seconds >= claims.exp + leewaySeconds) return { status: 'expired', kid, claims };
  return { status: 'valid', kid, claims };
}

/** SHA-256("<type>:<number>") cut to 16 bytes, hex: compare a presented document with a code. */
export async function licenceNumberHash(type: LicenceType, number: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', utf8.encode(`${type}:${number}`));
  return hex(new Uint8Array(digest).slice(0, 16));
}
