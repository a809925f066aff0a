import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

/**
 * Field encryption (AES-256-GCM) and blind indexes (HMAC-SHA256) for personal numbers,
 * both keyed from the platform secret through HKDF so that one secret yields
 * independent keys. Format of a ciphertext: `v1.<iv>.<tag>.<data>` (base64url).
 */
export type FieldCrypto = {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
  /** Deterministic index for lookups and uniqueness: same kind + value → same index. */
  blindIndex(kind: string, value: string): string;
  /** Keyed hash for short secrets (captcha answers, one-time codes). */
  hashSecret(purpose: string, value: string): string;
};

function deriveKey(secret: string, label: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'single-window', label, 32));
}

export function createFieldCrypto(secret: string): FieldCrypto {
  const encKey = deriveKey(secret, 'field-encryption-v1');
  const indexKey = deriveKey(secret, 'blind-index-v1');
  const secretKey = deriveKey(secret, 'short-secret-v1');
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [
        'v1',
        iv.toString('base64url'),
        cipher.getAuthTag().toString('base64url'),
        data.toString('base64url'),
      ].join('.');
    },
    decrypt(sealed) {
      const [version, iv, tag, data] = sealed.split('.');
      if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('unknown ciphertext format');
      const decipher = createDecipheriv('aes-256-gcm', encKey, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    },
    blindIndex(kind, value) {
      return createHmac('sha256', indexKey).update(`${kind}\u0000${value}`).digest('hex');
    },
    hashSecret(purpose, value) {
      return createHmac('sha256', secretKey).update(`${purpose}\u0000${value}`).digest('hex');
    },
  };
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** 256 random bits, base64url. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
