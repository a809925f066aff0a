import { type AccountView, maskEmail, maskIdNumber, maskMobile } from '@sw/contracts';
import type { FieldCrypto } from '../../lib/crypto.ts';
import type { AccountRow } from './identity.repo.ts';

function reveal(crypto: FieldCrypto, sealed: string | null, mask: (v: string) => string): string | null {
  return sealed ? mask(crypto.decrypt(sealed)) : null;
}

/** The public shape of an account: personal numbers always masked. */
export function presentAccount(row: AccountRow, crypto: FieldCrypto): AccountView {
  return {
    id: row.id,
    username: row.username,
    kind: row.kind,
    status: row.status,
    name: row.name,
    idType: row.idType,
    idNumberMasked: reveal(crypto, row.idNumberEnc, maskIdNumber),
    idValidFrom: row.idValidFrom,
    idValidTo: row.idValidTo,
    mobileMasked: reveal(crypto, row.mobileEnc, maskMobile),
    emailMasked: reveal(crypto, row.emailEnc, maskEmail),
    realNameLevel: row.realNameLevel,
    isStaff: row.kind === 'staff',
    organizationId: row.organizationId,
    phoneLoginEnabled: row.phoneLoginEnabled,
    mustVerifyMobile: row.mustVerifyMobile,
    mustChangePassword: row.mustChangePassword,
    createdAt: row.createdAt.toISOString(),
    lastSignInAt: row.lastSignInAt ? row.lastSignInAt.toISOString() : null,
  };
}
