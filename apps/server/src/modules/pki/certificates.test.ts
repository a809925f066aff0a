import { sign, X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildPkcs12,
  createAuthorityCertificate,
  generateRsaKeyPair,
  isIssuedBy,
  issueCardCertificate,
  openPkcs12,
  Pkcs12Error,
  pemToDer,
  randomSerial,
  readCardAttributes,
  readCertificate,
  validityAt,
  verifyCardSignature,
} from './certificates.ts';

const NOW = new Date('2026-03-01T08:00:00Z');
let ca: { certificatePem: string; privateKeyPem: string };
let otherCa: { certificatePem: string; privateKeyPem: string };
let card: { privateKeyPem: string; certificatePem: string; serial: string };

async function makeCa() {
  const { privateKeyPem } = await generateRsaKeyPair(2048);
  return { privateKeyPem, certificatePem: createAuthorityCertificate({ privateKeyPem, now: NOW }) };
}

beforeAll(async () => {
  ca = await makeCa();
  otherCa = await makeCa();
  const keys = await generateRsaKeyPair(2048);
  const serial = randomSerial();
  const certificatePem = issueCardCertificate({
    authority: ca,
    subjectPublicKeyPem: keys.publicKeyPem,
    attributes: {
      cardNo: '8900000000000001',
      role: 'legal_person',
      holderName: '张三',
      orgCode: 'MA1TEST0X',
      creditCode: null,
      orgName: '测试贸易有限公司（深圳）',
    },
    serial,
    notBefore: NOW,
    notAfter: new Date('2028-03-01T08:00:00Z'),
  });
  card = { privateKeyPem: keys.privateKeyPem, certificatePem, serial };
});

describe('card certificates', () => {
  it('chain to the platform CA and not to another', () => {
    const cert = readCertificate(card.certificatePem)!;
    expect(isIssuedBy(cert, new X509Certificate(ca.certificatePem))).toBe(true);
    expect(isIssuedBy(cert, new X509Certificate(otherCa.certificatePem))).toBe(false);
    expect(new X509Certificate(ca.certificatePem).ca).toBe(true);
    expect(cert.ca).toBe(false);
  });

  it('carry the serial, the subject and the card attributes extension', () => {
    const cert = readCertificate(card.certificatePem)!;
    expect(cert.serialNumber.toUpperCase()).toBe(card.serial);
    expect(cert.subject).toContain('CN=张三');
    expect(cert.subject).toContain('测试贸易有限公司（深圳）');
    expect(readCardAttributes(card.certificatePem)).toEqual({
      cardNo: '8900000000000001',
      role: 'legal_person',
      organizationIdentifier: 'NTRCN-MA1TEST0X',
    });
  });

  it('have a validity window in whole seconds', () => {
    const cert = readCertificate(card.certificatePem)!;
    expect(validityAt(cert, new Date('2026-02-28T00:00:00Z'))).toBe('not_yet_valid');
    expect(validityAt(cert, new Date('2027-01-01T00:00:00Z'))).toBe('valid');
    expect(validityAt(cert, new Date('2028-03-01T08:00:01Z'))).toBe('expired');
  });

  it('verify RSA-SHA256 signatures by the card key only', () => {
    const cert = readCertificate(card.certificatePem)!;
    const signature = sign('sha256', Buffer.from('challenge 挑战'), card.privateKeyPem).toString('base64');
    expect(verifyCardSignature(cert, 'challenge 挑战', signature)).toBe(true);
    expect(verifyCardSignature(cert, 'challenge 挑战!', signature)).toBe(false);
    expect(verifyCardSignature(cert, 'challenge 挑战', 'AAAA')).toBe(false);
    const wrongKey = sign('sha256', Buffer.from('challenge 挑战'), otherCa.privateKeyPem).toString('base64');
    expect(verifyCardSignature(cert, 'challenge 挑战', wrongKey)).toBe(false);
  });

  it('read PEM or base64 DER and refuse anything else', () => {
    expect(readCertificate(pemToDer(card.certificatePem).toString('base64'))?.serialNumber).toBeTruthy();
    expect(readCertificate('not a certificate')).toBeNull();
    expect(readCertificate('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----')).toBeNull();
    expect(readCertificate('')).toBeNull();
  });
});

describe('PKCS#12 card files', () => {
  it('open with the PIN and give back the key and the card certificate', () => {
    const file = buildPkcs12({
      privateKeyPem: card.privateKeyPem,
      certificatePem: card.certificatePem,
      caCertificatePem: ca.certificatePem,
      pin: 'Pin#2026',
      friendlyName: '8900000000000001',
    });
    const opened = openPkcs12(file, 'Pin#2026');
    expect(pemToDer(opened.certificatePem).equals(pemToDer(card.certificatePem))).toBe(true);
    const signature = sign('sha256', Buffer.from('x'), opened.privateKeyPem).toString('base64');
    expect(verifyCardSignature(readCertificate(card.certificatePem)!, 'x', signature)).toBe(true);
  });

  it('tell a wrong PIN from a file that is not a card', () => {
    const file = buildPkcs12({
      privateKeyPem: card.privateKeyPem,
      certificatePem: card.certificatePem,
      caCertificatePem: ca.certificatePem,
      pin: 'Pin#2026',
      friendlyName: 'x',
    });
    expect(() => openPkcs12(file, 'wrong-pin')).toThrow(expect.objectContaining({ reason: 'wrong_pin' }));
    expect(() => openPkcs12(Buffer.from('hello'), 'Pin#2026')).toThrow(Pkcs12Error);
    expect(() => openPkcs12(Buffer.from('hello'), 'Pin#2026')).toThrow(
      expect.objectContaining({ reason: 'malformed' }),
    );
  });
});
