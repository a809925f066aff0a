import { type CardStatus, type CardView, maskIdNumber, type StaffCardView } from '@sw/contracts';
import type { FieldCrypto } from '../../lib/crypto.ts';
import type { CardRow, StaffCardRow } from './pki.repo.ts';

export function cardStatusAt(
  card: Pick<CardRow, 'revokedAt' | 'notBefore' | 'notAfter'>,
  now: Date,
): CardStatus {
  if (card.revokedAt) return 'revoked';
  if (now < card.notBefore) return 'not_yet_valid';
  if (now > card.notAfter) return 'expired';
  return 'valid';
}

/** A card as its holder sees it: the holder's ID number masked. */
export function presentCard(row: CardRow, crypto: FieldCrypto, now: Date): CardView {
  return {
    id: row.id,
    cardNo: row.cardNo,
    serial: row.serial,
    role: row.role,
    holderName: row.holderName,
    holderIdType: row.holderIdType,
    holderIdNumberMasked: maskIdNumber(crypto.decrypt(row.holderIdNumberEnc)),
    creditCode: row.creditCode,
    orgCode: row.orgCode,
    orgName: row.orgName,
    notBefore: row.notBefore.toISOString(),
    notAfter: row.notAfter.toISOString(),
    status: cardStatusAt(row, now),
    boundAt: row.boundAt ? row.boundAt.toISOString() : null,
    issuedAt: row.issuedAt.toISOString(),
  };
}

export function presentStaffCard(row: StaffCardRow, crypto: FieldCrypto, now: Date): StaffCardView {
  return {
    ...presentCard(row, crypto, now),
    boundUsername: row.boundUsername,
    revokedAt: row.revokedAt ? row.revokedAt.toISOString() : null,
    revokeReason: row.revokeReason,
  };
}
