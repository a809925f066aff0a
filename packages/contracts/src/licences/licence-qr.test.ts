import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { decodeBase45, encodeBase45 } from './base45.ts';
import {
  decodeLicenceCode,
  encodeLicenceCode,
  LICENCE_CODE_ISSUER,
  LICENCE_CODE_PREFIX,
  type LicenceCodeClaims,
  type LicenceJwk,
  licenceNumberHash,
  verifyLicenceCode,
} from './licence-qr.ts';

function keyPair(kid: string) {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = {
    ...(publicKey.export({ format: 'jwk' }) as object),
    kid,
    alg: 'ES256',
    use: 'sig',
  } as LicenceJwk;
  const signer = (data: Uint8Array) =>
    new Uint8Array(sign('sha256', data, { key: privateKey, dsaEncoding: 'ieee-p1363' }));
  return { jwk, signer };
}

const now = new Date('2026-12-04T10:00:00Z');
const iat = Math.floor(now.getTime() / 1000);
const claims: LicenceCodeClaims = {
  iss: LICENCE_CODE_ISSUER,
  iat,
  exp: iat + 60,
  cti: '0123456789abcdef',
  licence: {
    type: 'driving_licence',
    holderMasked: '王**',
    numberMasked: '4401**********1234',
    numberHash: createHash('sha256').update('driving_licence:440103199003071234').digest('hex').slice(0, 32),
    validFrom: null,
    validUntil: '2032-05-01',
  },
};

describe('the licence code (COSE_Sign1, Base45)', () => {
  const a = keyPair('k-2026-12-a');
  const b = keyPair('k-2026-12-b');
  const code = encodeLicenceCode(claims, a.jwk.kid, a.signer);

  it('verifies offline against the JWKS, and carries the claims', async () => {
    expect(code.startsWith(LICENCE_CODE_PREFIX)).toBe(true);
    const result = await verifyLicenceCode(code, { keys: [b.jwk, a.jwk] }, now);
    expect(result).toEqual({ status: 'valid', kid: 'k-2026-12-a', claims });
    expect(claims.licence.numberHash).toBe(await licenceNumberHash('driving_licence', '440103199003071234'));
  });

  it('is expired from its 60th second', async () => {
    const later = new Date(now.getTime() + 60_000);
    expect((await verifyLicenceCode(code, { keys: [a.jwk] }, later)).status).toBe('expired');
    expect((await verifyLicenceCode(code, { keys: [a.jwk] }, later, { leewaySeconds: 5 })).status).toBe(
      'valid',
    );
  });

  it('is forged when a byte of the payload changes, signed by another key, or of an unknown key id', async () => {
    const bytes = decodeBase45(code.slice(LICENCE_CODE_PREFIX.length))!;
    // the masked holder sits in the payload: change one of its bytes
    const at = Buffer.from(bytes).indexOf(Buffer.from('王'));
    bytes[at + 2] = bytes[at + 2]! ^ 1;
    const tampered = LICENCE_CODE_PREFIX + encodeBase45(bytes);
    expect(await verifyLicenceCode(tampered, { keys: [a.jwk] }, now)).toMatchObject({
      status: 'forged',
      reason: expect.stringMatching(/bad_signature|malformed/),
    });
    const foreign = encodeLicenceCode(claims, a.jwk.kid, b.signer);
    expect(await verifyLicenceCode(foreign, { keys: [a.jwk] }, now)).toEqual({
      status: 'forged',
      reason: 'bad_signature',
      kid: 'k-2026-12-a',
    });
    const unknown = encodeLicenceCode(claims, 'k-other', a.signer);
    expect(await verifyLicenceCode(unknown, { keys: [a.jwk] }, now)).toMatchObject({ reason: 'unknown_key' });
    expect(await verifyLicenceCode('SWL1:NOT A CODE', { keys: [a.jwk] }, now)).toMatchObject({
      reason: 'malformed',
    });
    expect(await verifyLicenceCode('hello', { keys: [a.jwk] }, now)).toMatchObject({ reason: 'malformed' });
  });

  it('decodes to its parts without a key', () => {
    expect(decodeLicenceCode(code)).toMatchObject({ kid: 'k-2026-12-a', alg: -7, claims });
  });

  it('fits a QR code of version 15 or lower at error correction Q, in alphanumeric mode', () => {
    const long = encodeLicenceCode(
      {
        ...claims,
        licence: {
          ...claims.licence,
          holderMasked: '欧阳*******',
          numberMasked: '4401**********123X',
          validFrom: '2020-01-01',
        },
      },
      'k-2026-12-04-abcdefgh',
      a.signer,
    );
    const qr = QRCode.create([{ data: long, mode: 'alphanumeric' }], { errorCorrectionLevel: 'Q' });
    expect(qr.version).toBeLessThanOrEqual(15);
  });
});
