import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto';
import { isoCBOR } from '@simplewebauthn/server/helpers';

/**
 * A software WebAuthn authenticator for tests: ES256 (P-256) keys from node:crypto, attestation
 * 'none', authenticator data and signatures built by hand as WebAuthn §6.1 and §6.5 lay them out.
 * It answers what a browser's `PublicKeyCredential.toJSON()` would send.
 */

const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_AT = 0x40;

const b64url = (bytes: Uint8Array | Buffer) => Buffer.from(bytes).toString('base64url');
const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest();

function u32(n: number) {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

export type SoftCredential = {
  id: string;
  privateKey: KeyObject;
  /** the COSE_Key of the public key, as CBOR */
  cosePublicKey: Uint8Array;
  /** what the authenticator stores beside a discoverable credential: the RP's user handle */
  userHandle: string | null;
  counter: number;
};

type ClientData = { type: 'webauthn.create' | 'webauthn.get'; challenge: string; origin: string };

function clientDataJSON(data: ClientData) {
  return Buffer.from(JSON.stringify({ ...data, crossOrigin: false }), 'utf8');
}

export function newCredential(): SoftCredential {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = publicKey.export({ format: 'jwk' });
  const cose = new Map<number, number | Uint8Array>([
    [1, 2], // kty: EC2
    [3, -7], // alg: ES256
    [-1, 1], // crv: P-256
    [-2, Buffer.from(jwk.x!, 'base64url')],
    [-3, Buffer.from(jwk.y!, 'base64url')],
  ]);
  return {
    id: b64url(randomBytes(32)),
    privateKey,
    cosePublicKey: isoCBOR.encode(cose),
    userHandle: null,
    counter: 0,
  };
}

export type CreateOptions = {
  challenge: string;
  rp: { id: string };
  user: { id: string };
};

/** `navigator.credentials.create()`: a registration response for the options the server gave. */
export function attest(
  credential: SoftCredential,
  options: CreateOptions,
  origin: string,
  opts: { flags?: number } = {},
) {
  credential.userHandle = options.user.id;
  const credentialId = Buffer.from(credential.id, 'base64url');
  const length = Buffer.alloc(2);
  length.writeUInt16BE(credentialId.length);
  const authData = Buffer.concat([
    sha256(options.rp.id),
    Buffer.from([opts.flags ?? FLAG_UP | FLAG_UV | FLAG_AT]),
    u32(credential.counter),
    Buffer.alloc(16), // AAGUID: none
    length,
    credentialId,
    credential.cosePublicKey,
  ]);
  const attestationObject = isoCBOR.encode(
    new Map<string, string | Uint8Array | Map<string, string>>([
      ['fmt', 'none'],
      ['attStmt', new Map<string, string>()],
      ['authData', authData],
    ]),
  );
  return {
    id: credential.id,
    rawId: credential.id,
    type: 'public-key' as const,
    response: {
      clientDataJSON: b64url(
        clientDataJSON({ type: 'webauthn.create', challenge: options.challenge, origin }),
      ),
      attestationObject: b64url(attestationObject),
      transports: ['internal'],
    },
    authenticatorAttachment: 'platform' as const,
    clientExtensionResults: {},
  };
}

/**
 * `navigator.credentials.get()`: an assertion over the challenge. The counter moves on by one
 * unless `counter` says otherwise; `signWith` signs with another key (a forgery).
 */
export function assert(
  credential: SoftCredential,
  options: { challenge: string; rpId: string },
  origin: string,
  opts: { counter?: number; signWith?: KeyObject; userHandle?: string | null; flags?: number } = {},
) {
  credential.counter = opts.counter ?? credential.counter + 1;
  const authData = Buffer.concat([
    sha256(options.rpId),
    Buffer.from([opts.flags ?? FLAG_UP | FLAG_UV]),
    u32(credential.counter),
  ]);
  const clientData = clientDataJSON({ type: 'webauthn.get', challenge: options.challenge, origin });
  const signature = sign(
    'sha256',
    Buffer.concat([authData, sha256(clientData)]),
    opts.signWith ?? credential.privateKey,
  );
  const userHandle = opts.userHandle === undefined ? credential.userHandle : opts.userHandle;
  return {
    id: credential.id,
    rawId: credential.id,
    type: 'public-key' as const,
    response: {
      clientDataJSON: b64url(clientData),
      authenticatorData: b64url(authData),
      signature: b64url(signature),
      ...(userHandle ? { userHandle } : {}),
    },
    authenticatorAttachment: 'platform' as const,
    clientExtensionResults: {},
  };
}
