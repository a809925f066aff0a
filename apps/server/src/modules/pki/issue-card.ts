import { randomInt } from 'node:crypto';
import type { IssueCardInput } from '@sw/contracts';
import type { AppContext } from '../../context.ts';
import { fieldError } from '../../http/app-error.ts';
import { isUniqueViolation } from '../../lib/pg-errors.ts';
import { recordAudit } from '../audit/index.ts';
import { authorityForSigning, loadAuthority } from './authority.ts';
import {
  buildPkcs12,
  generateRsaKeyPair,
  issueCardCertificate,
  randomSerial,
  toCertificateTime,
} from './certificates.ts';
import { findCardByCardNo, getStaffCard, insertCard } from './pki.repo.ts';

const CARD_KEY_BITS = 2048;
const MAX_VALIDITY_MS = 20 * 365.25 * 24 * 3_600_000;

/** 16 digits starting 89: card numbers the platform hands out when staff leave the field empty. */
export function generateCardNo(): string {
  let n = '89';
  while (n.length < 16) n += String(randomInt(10));
  return n;
}

/** The same normalisation registration uses, so blind indexes of one document always match. */
export function normalizeIdNumber(v: string): string {
  return v
    .trim()
    .toUpperCase()
    .replace(/[()（）\s-]/g, '');
}

export type Actor = { id: string | null; ip?: string | null };

/**
 * Issues a card (staff console or CLI): a fresh RSA key, a certificate from the platform CA with
 * the holder's and organization's attributes, and the PKCS#12 file under the PIN. The file is
 * kept encrypted so staff can hand it out again; the PIN is not kept. Audited in the same
 * transaction as the insert.
 */
export async function issueCard(ctx: AppContext, input: IssueCardInput, actor: Actor) {
  const now = ctx.clock.now();
  const notBefore = toCertificateTime(input.notBefore ? new Date(input.notBefore) : now);
  const notAfter = toCertificateTime(new Date(input.notAfter));
  if (
    notAfter <= now ||
    notAfter <= notBefore ||
    notAfter.getTime() - notBefore.getTime() > MAX_VALIDITY_MS
  ) {
    throw fieldError('notAfter', 'field.date_range_invalid');
  }
  if (input.cardNo && (await findCardByCardNo(ctx.db, input.cardNo))) {
    throw fieldError('cardNo', 'card.card_no_taken', 409);
  }

  const authority = authorityForSigning(await loadAuthority(ctx));
  const keys = await generateRsaKeyPair(CARD_KEY_BITS);
  const idNumber = normalizeIdNumber(input.holderIdNumber);
  const creditCode = input.creditCode ?? null;

  // a generated number that collides (unlikely with 14 random digits) simply gets another
  for (let attempt = 0; ; attempt++) {
    const cardNo = input.cardNo ?? generateCardNo();
    const serial = randomSerial();
    const certificatePem = issueCardCertificate({
      authority,
      subjectPublicKeyPem: keys.publicKeyPem,
      attributes: {
        cardNo,
        role: input.role,
        holderName: input.holderName,
        orgCode: input.orgCode,
        creditCode,
        orgName: input.orgName,
      },
      serial,
      notBefore,
      notAfter,
    });
    const pkcs12 = buildPkcs12({
      privateKeyPem: keys.privateKeyPem,
      certificatePem,
      caCertificatePem: authority.certificatePem,
      pin: input.pin,
      friendlyName: cardNo,
    });
    try {
      const id = await ctx.db.transaction(async (tx) => {
        const card = await insertCard(tx, {
          cardNo,
          serial,
          role: input.role,
          holderName: input.holderName,
          holderIdType: input.holderIdType,
          holderIdNumberEnc: ctx.crypto.encrypt(idNumber),
          holderIdNumberBidx: ctx.crypto.blindIndex(`id:${input.holderIdType}`, idNumber),
          creditCode,
          orgCode: input.orgCode,
          orgName: input.orgName,
          notBefore,
          notAfter,
          certificatePem,
          pkcs12Enc: ctx.crypto.encrypt(pkcs12.toString('base64')),
          issuedBy: actor.id,
          issuedAt: now,
        });
        await recordAudit(tx, {
          actorId: actor.id,
          action: 'card.issue',
          targetType: 'card',
          targetId: card.id,
          detail: { cardNo, role: input.role, orgCode: input.orgCode, serial },
          ip: actor.ip ?? null,
          at: now,
        });
        return card.id;
      });
      return { card: (await getStaffCard(ctx.db, id))!, pkcs12 };
    } catch (err) {
      const constraint = isUniqueViolation(err);
      if (constraint === 'cards_card_no_uq' && input.cardNo)
        throw fieldError('cardNo', 'card.card_no_taken', 409);
      if ((constraint === 'cards_card_no_uq' || constraint === 'cards_serial_uq') && attempt < 3) continue;
      throw err;
    }
  }
}
