import { generateKeyPair, randomBytes, verify, X509Certificate } from 'node:crypto';
import { promisify } from 'node:util';
import { CARD_ATTRIBUTE_OIDS, CARD_ATTRIBUTES_EXTENSION_OID, type CardRole } from '@sw/contracts';
import forge from 'node-forge';

/**
 * X.509 and PKCS#12 for card media. node:crypto generates keys and verifies (native, fast:
 * this runs on every card sign-in); node-forge builds certificates and PKCS#12 files, which
 * node:crypto cannot. Nothing here touches the database.
 */

const generateKeyPairAsync = promisify(generateKeyPair);
const { asn1, pki } = forge;

/** An RSA key pair as PKCS#8 / SPKI PEM, generated off the event loop. */
export async function generateRsaKeyPair(
  bits: number,
): Promise<{ privateKeyPem: string; publicKeyPem: string }> {
  const { privateKey, publicKey } = await generateKeyPairAsync('rsa', {
    modulusLength: bits,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { privateKeyPem: privateKey, publicKeyPem: publicKey };
}

/** 128 random bits as a positive DER INTEGER (first byte 0x40–0x7F: no sign or leading-zero byte), upper-case hex. */
export function randomSerial(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0]! & 0x3f) | 0x40;
  return bytes.toString('hex').toUpperCase();
}

/** Certificates carry whole seconds. */
export function toCertificateTime(d: Date): Date {
  return new Date(Math.floor(d.getTime() / 1000) * 1000);
}

type DnAttribute = { type: string; value: string };

function dn(attributes: DnAttribute[]) {
  return attributes.map((a) => ({ type: a.type, value: a.value, valueTagClass: asn1.Type.UTF8 as number }));
}

const OID = {
  country: '2.5.4.6',
  organization: '2.5.4.10',
  organizationalUnit: '2.5.4.11',
  commonName: '2.5.4.3',
  ...CARD_ATTRIBUTE_OIDS,
};

export const AUTHORITY_SUBJECT = 'CN=单一窗口平台根证书, O=单一窗口, C=CN';

/** The platform CA's self-signed certificate: basicConstraints cA, keyCertSign, 20 years. */
export function createAuthorityCertificate(opts: { privateKeyPem: string; now: Date }): string {
  const key = pki.privateKeyFromPem(opts.privateKeyPem) as forge.pki.rsa.PrivateKey;
  const cert = pki.createCertificate();
  cert.publicKey = pki.setRsaPublicKey(key.n, key.e);
  cert.serialNumber = randomSerial();
  const from = toCertificateTime(new Date(opts.now.getTime() - 3_600_000));
  const to = new Date(from);
  to.setUTCFullYear(to.getUTCFullYear() + 20);
  cert.validity.notBefore = from;
  cert.validity.notAfter = to;
  const subject = dn([
    { type: OID.country, value: 'CN' },
    { type: OID.organization, value: '单一窗口' },
    { type: OID.commonName, value: '单一窗口平台根证书' },
  ]);
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(key, forge.md.sha256.create());
  return pki.certificateToPem(cert);
}

export type CardAttributes = {
  cardNo: string;
  role: CardRole;
  holderName: string;
  orgCode: string;
  creditCode: string | null;
  orgName: string;
};

const ROLE_LABEL: Record<CardRole, string> = { legal_person: '法人卡', operator: '操作员卡' };

function organizationIdentifier(attrs: Pick<CardAttributes, 'creditCode' | 'orgCode'>) {
  return `NTRCN-${attrs.creditCode ?? attrs.orgCode}`;
}

/** subjectDirectoryAttributes: SEQUENCE OF Attribute { type OID, values SET OF UTF8String }. */
function cardAttributesExtension(attrs: CardAttributes) {
  const attribute = (oid: string, value: string) =>
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
      asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(oid).getBytes()),
      asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, [
        asn1.create(asn1.Class.UNIVERSAL, asn1.Type.UTF8, false, forge.util.encodeUtf8(value)),
      ]),
    ]);
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
    attribute(OID.cardNo, attrs.cardNo),
    attribute(OID.role, attrs.role),
    attribute(OID.organizationIdentifier, organizationIdentifier(attrs)),
  ]);
}

/** Reads the card attributes extension back (unit tests, CLI); null when absent or malformed. */
export function readCardAttributes(
  certificatePem: string,
): { cardNo: string; role: string; organizationIdentifier: string } | null {
  try {
    const cert = pki.certificateFromPem(certificatePem);
    const ext = cert.extensions.find((e: { id: string }) => e.id === CARD_ATTRIBUTES_EXTENSION_OID) as
      | { value: string }
      | undefined;
    if (!ext) return null;
    const seq = asn1.fromDer(ext.value);
    const out: Record<string, string> = {};
    for (const attr of seq.value as forge.asn1.Asn1[]) {
      const [type, values] = attr.value as forge.asn1.Asn1[];
      const oid = asn1.derToOid(type!.value as string);
      const first = (values!.value as forge.asn1.Asn1[])[0];
      out[oid] = forge.util.decodeUtf8(first!.value as string);
    }
    const cardNo = out[OID.cardNo];
    const role = out[OID.role];
    const orgId = out[OID.organizationIdentifier];
    return cardNo && role && orgId ? { cardNo, role, organizationIdentifier: orgId } : null;
  } catch {
    return null;
  }
}

export type Authority = { certificatePem: string; privateKeyPem: string };

/**
 * A card certificate signed by the authority: subject CN = holder, serialNumber = card number,
 * O = organization, organizationIdentifier, OU = role; the same attributes for machines in
 * subjectDirectoryAttributes. Key usage fits signing in and signing documents and seals.
 */
export function issueCardCertificate(opts: {
  authority: Authority;
  subjectPublicKeyPem: string;
  attributes: CardAttributes;
  serial: string;
  notBefore: Date;
  notAfter: Date;
}): string {
  const caKey = pki.privateKeyFromPem(opts.authority.privateKeyPem);
  const caCert = pki.certificateFromPem(opts.authority.certificatePem);
  const a = opts.attributes;
  const cert = pki.createCertificate();
  cert.publicKey = pki.publicKeyFromPem(opts.subjectPublicKeyPem);
  cert.serialNumber = opts.serial;
  cert.validity.notBefore = toCertificateTime(opts.notBefore);
  cert.validity.notAfter = toCertificateTime(opts.notAfter);
  cert.setSubject(
    dn([
      { type: OID.country, value: 'CN' },
      { type: OID.organization, value: a.orgName },
      { type: OID.organizationIdentifier, value: organizationIdentifier(a) },
      { type: OID.organizationalUnit, value: ROLE_LABEL[a.role] },
      { type: OID.cardNo, value: a.cardNo },
      { type: OID.commonName, value: a.holderName },
    ]),
  );
  // parsed attribute values are raw UTF-8 bytes, and setIssuer would encode them again
  cert.setIssuer(
    caCert.subject.attributes.map((a) => ({
      type: a.type,
      valueTagClass: a.valueTagClass,
      value:
        (a.valueTagClass as number) === asn1.Type.UTF8 ? forge.util.decodeUtf8(String(a.value)) : a.value,
    })),
  );
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'extKeyUsage', clientAuth: true, emailProtection: true },
    { name: 'subjectKeyIdentifier' },
    {
      name: 'authorityKeyIdentifier',
      keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes(),
    },
    { id: CARD_ATTRIBUTES_EXTENSION_OID, critical: false, value: cardAttributesExtension(a) },
  ]);
  cert.sign(caKey, forge.md.sha256.create());
  return pki.certificateToPem(cert);
}

/**
 * The card file: a PKCS#12 with the key (PBES2, AES-256-CBC, PBKDF2-HMAC-SHA256), the card
 * certificate and the CA certificate, MAC-protected, all under the PIN.
 */
export function buildPkcs12(opts: {
  privateKeyPem: string;
  certificatePem: string;
  caCertificatePem: string;
  pin: string;
  friendlyName: string;
}): Buffer {
  const key = pki.privateKeyFromPem(opts.privateKeyPem);
  const chain = [pki.certificateFromPem(opts.certificatePem), pki.certificateFromPem(opts.caCertificatePem)];
  // prfAlgorithm reaches encryptPrivateKeyInfo (the PBES2 PRF) but is missing from @types/node-forge
  const options = {
    algorithm: 'aes256',
    prfAlgorithm: 'sha256',
    count: 10_000,
    friendlyName: opts.friendlyName,
  };
  const p12 = forge.pkcs12.toPkcs12Asn1(key, chain, opts.pin, options as { algorithm: 'aes256' });
  return Buffer.from(asn1.toDer(p12).getBytes(), 'binary');
}

export class Pkcs12Error extends Error {
  readonly reason: 'malformed' | 'wrong_pin';
  constructor(reason: 'malformed' | 'wrong_pin') {
    super(reason === 'wrong_pin' ? 'wrong PIN' : 'not a PKCS#12 card file');
    this.reason = reason;
  }
}

/** Opens a card file with its PIN (CLI, tests, benchmark); the browser has its own copy in apps/web. */
export function openPkcs12(file: Buffer, pin: string): { privateKeyPem: string; certificatePem: string } {
  let der: forge.asn1.Asn1;
  try {
    der = asn1.fromDer(file.toString('binary'));
  } catch {
    throw new Pkcs12Error('malformed');
  }
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = forge.pkcs12.pkcs12FromAsn1(der, pin);
  } catch (err) {
    throw new Pkcs12Error(
      /MAC could not be verified|Invalid password/i.test(String(err)) ? 'wrong_pin' : 'malformed',
    );
  }
  const keyBag = p12.getBags({ bagType: pki.oids.pkcs8ShroudedKeyBag! })[pki.oids.pkcs8ShroudedKeyBag!]?.[0];
  const certBags = p12.getBags({ bagType: pki.oids.certBag! })[pki.oids.certBag!] ?? [];
  // the card's own certificate is the one that is not a CA
  const certBag = certBags.find(
    (b) => b.cert && !(b.cert.getExtension('basicConstraints') as { cA?: boolean } | undefined)?.cA,
  );
  if (!keyBag?.key || !certBag?.cert) throw new Pkcs12Error('malformed');
  return {
    privateKeyPem: pki.privateKeyToPem(keyBag.key),
    certificatePem: pki.certificateToPem(certBag.cert),
  };
}

// verification (node:crypto) ----------------------------------------------------------------

/** A presented certificate as PEM or base64 DER; null when it is not an X.509 certificate. */
export function readCertificate(text: string): X509Certificate | null {
  try {
    const trimmed = text.trim();
    if (trimmed.startsWith('-----BEGIN CERTIFICATE-----')) return new X509Certificate(trimmed);
    if (!/^[A-Za-z0-9+/=\s]+$/.test(trimmed)) return null;
    return new X509Certificate(Buffer.from(trimmed, 'base64'));
  } catch {
    return null;
  }
}

/** Issued by `authority`: names chain and the signature verifies with the authority's key. */
export function isIssuedBy(cert: X509Certificate, authority: X509Certificate): boolean {
  try {
    return cert.checkIssued(authority) && cert.verify(authority.publicKey);
  } catch {
    return false;
  }
}

/** RSA-SHA256 (PKCS#1 v1.5) signature over the UTF-8 of `message` by the certificate's key. */
export function verifyCardSignature(
  cert: X509Certificate,
  message: string,
  signatureBase64: string,
): boolean {
  try {
    return verify(
      'sha256',
      Buffer.from(message, 'utf8'),
      cert.publicKey,
      Buffer.from(signatureBase64, 'base64'),
    );
  } catch {
    return false;
  }
}

/** `card` for a certificate's validity at `now`: before, within or after. */
export function validityAt(cert: X509Certificate, now: Date): 'not_yet_valid' | 'valid' | 'expired' {
  if (now < cert.validFromDate) return 'not_yet_valid';
  if (now > cert.validToDate) return 'expired';
  return 'valid';
}

/** The DER of a PEM certificate (to compare a presented certificate with the issued one). */
export function pemToDer(pem: string): Buffer {
  return Buffer.from(pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, ''), 'base64');
}
