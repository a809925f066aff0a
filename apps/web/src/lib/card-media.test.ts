import { generateKeyPairSync, verify } from 'node:crypto';
import forge from 'node-forge';
import { beforeAll, describe, expect, it } from 'vitest';
import { CardFileError, openCardFile } from './card-media';

/** A small card file built the way the platform builds them (the key size does not matter here). */
function cardFile(pin: string) {
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 1024,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const key = forge.pki.privateKeyFromPem(privateKey) as forge.pki.rsa.PrivateKey;
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  cert.serialNumber = '4a01';
  cert.validity.notBefore = new Date();
  cert.validity.notAfter = new Date(Date.now() + 86_400_000);
  const attrs = [{ type: '2.5.4.3', value: '张三', valueTagClass: forge.asn1.Type.UTF8 as number }];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  const attribute = (oid: string, value: string) =>
    forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SEQUENCE, true, [
      forge.asn1.create(
        forge.asn1.Class.UNIVERSAL,
        forge.asn1.Type.OID,
        false,
        forge.asn1.oidToDer(oid).getBytes(),
      ),
      forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SET, true, [
        forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.UTF8, false, value),
      ]),
    ]);
  cert.setExtensions([
    {
      id: '2.5.29.9',
      value: forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SEQUENCE, true, [
        attribute('2.5.4.5', '8900000000000001'),
        attribute('2.5.4.72', 'legal_person'),
      ]),
    },
  ]);
  cert.sign(key, forge.md.sha256.create());
  const p12 = forge.pkcs12.toPkcs12Asn1(key, [cert], pin, { algorithm: 'aes256', count: 1000 });
  const bytes = forge.asn1.toDer(p12).getBytes();
  return {
    data: Uint8Array.from(bytes, (c) => c.charCodeAt(0)).buffer,
    certPem: forge.pki.certificateToPem(cert),
  };
}

let file: ReturnType<typeof cardFile>;
beforeAll(() => {
  file = cardFile('Pin#2026');
});

describe('openCardFile', () => {
  it('opens with the PIN, reads the card number and holder, and signs RSA-SHA256', async () => {
    const card = await openCardFile(file.data, 'Pin#2026');
    expect(card.cardNo).toBe('8900000000000001');
    expect(card.holderName).toBe('张三');
    expect(card.certificatePem.replace(/\s/g, '')).toBe(file.certPem.replace(/\s/g, ''));
    const signature = card.sign('挑战 challenge');
    const publicKey = forge.pki.certificateFromPem(card.certificatePem).publicKey as forge.pki.rsa.PublicKey;
    expect(
      verify(
        'sha256',
        Buffer.from('挑战 challenge'),
        forge.pki.publicKeyToPem(publicKey),
        Buffer.from(signature, 'base64'),
      ),
    ).toBe(true);
  });

  it('says a wrong PIN is a wrong PIN', async () => {
    await expect(openCardFile(file.data, 'wrong-pin')).rejects.toMatchObject({ reason: 'wrong_pin' });
  });

  it('says a file that is not a card is not a card', async () => {
    await expect(openCardFile(new TextEncoder().encode('hello').buffer, 'x')).rejects.toBeInstanceOf(
      CardFileError,
    );
    await expect(openCardFile(new ArrayBuffer(0), 'x')).rejects.toMatchObject({ reason: 'malformed' });
    const certOnly = forge.asn1
      .toDer(forge.pki.certificateToAsn1(forge.pki.certificateFromPem(file.certPem)))
      .getBytes();
    await expect(
      openCardFile(Uint8Array.from(certOnly, (c) => c.charCodeAt(0)).buffer, 'Pin#2026'),
    ).rejects.toMatchObject({ reason: 'malformed' });
  });
});
