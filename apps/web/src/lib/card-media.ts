import { CARD_ATTRIBUTE_OIDS, CARD_ATTRIBUTES_EXTENSION_OID } from '@sw/contracts';
import type forgeType from 'node-forge';

/**
 * The card medium in the browser. A hardware IC card or IKey would sign through its driver; here
 * the card is its PKCS#12 file, opened with the PIN (介质密码) by node-forge, and the key never
 * leaves the page. node-forge is loaded on first use, so pages without a card do not carry it.
 */

type Forge = typeof forgeType;
let forgeModule: Promise<Forge> | null = null;
function loadForge(): Promise<Forge> {
  forgeModule ??= import('node-forge').then(
    (m) => (m as { default?: Forge }).default ?? (m as unknown as Forge),
  );
  return forgeModule;
}

export class CardFileError extends Error {
  /** `malformed`: not a card file; `wrong_pin`: the PIN does not open it */
  readonly reason: 'malformed' | 'wrong_pin';
  constructor(reason: 'malformed' | 'wrong_pin') {
    super(reason === 'wrong_pin' ? 'wrong PIN' : 'not a card file');
    this.name = 'CardFileError';
    this.reason = reason;
  }
}

export type OpenedCard = {
  certificatePem: string;
  /** from the certificate's card attributes, when present */
  cardNo: string | null;
  holderName: string | null;
  /** RSA-SHA256 (PKCS#1 v1.5) over the UTF-8 of `message`, base64 */
  sign(message: string): string;
};

function readCardAttributes(forge: Forge, cert: forgeType.pki.Certificate) {
  const out: Record<string, string> = {};
  const ext = cert.extensions.find((e: { id: string }) => e.id === CARD_ATTRIBUTES_EXTENSION_OID) as
    | { value: string }
    | undefined;
  if (!ext) return out;
  try {
    for (const attr of forge.asn1.fromDer(ext.value).value as forgeType.asn1.Asn1[]) {
      const [type, values] = attr.value as forgeType.asn1.Asn1[];
      const first = (values!.value as forgeType.asn1.Asn1[])[0];
      out[forge.asn1.derToOid(type!.value as string)] = forge.util.decodeUtf8(first!.value as string);
    }
  } catch {
    // an unreadable extension only means the card number is not shown before sign-in
  }
  return out;
}

/** Opens a card file with its PIN. Throws CardFileError('wrong_pin') or ('malformed'). */
export async function openCardFile(data: ArrayBuffer, pin: string): Promise<OpenedCard> {
  const forge = await loadForge();
  let asn1: forgeType.asn1.Asn1;
  try {
    asn1 = forge.asn1.fromDer(forge.util.binary.raw.encode(new Uint8Array(data)));
  } catch {
    throw new CardFileError('malformed');
  }
  let p12: forgeType.pkcs12.Pkcs12Pfx;
  try {
    p12 = forge.pkcs12.pkcs12FromAsn1(asn1, pin);
  } catch (err) {
    throw new CardFileError(
      /MAC could not be verified|Invalid password/i.test(String(err)) ? 'wrong_pin' : 'malformed',
    );
  }
  const shrouded = forge.pki.oids.pkcs8ShroudedKeyBag!;
  const keyBag = p12.getBags({ bagType: shrouded })[shrouded]?.[0];
  const certBags = p12.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!] ?? [];
  const certBag = certBags.find(
    (b) => b.cert && !(b.cert.getExtension('basicConstraints') as { cA?: boolean } | undefined)?.cA,
  );
  const key = keyBag?.key as forgeType.pki.rsa.PrivateKey | undefined;
  if (!key || !certBag?.cert) throw new CardFileError('malformed');
  const cert = certBag.cert;
  const attributes = readCardAttributes(forge, cert);
  const cn = cert.subject.getField('CN') as { value: string } | null;
  return {
    certificatePem: forge.pki.certificateToPem(cert),
    cardNo: attributes[CARD_ATTRIBUTE_OIDS.cardNo] ?? null,
    holderName: cn ? forge.util.decodeUtf8(cn.value) : null,
    sign(message) {
      const md = forge.md.sha256.create();
      md.update(message, 'utf8');
      return forge.util.encode64(key.sign(md));
    },
  };
}
