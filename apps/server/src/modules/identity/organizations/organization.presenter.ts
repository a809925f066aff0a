import { maskIdNumber, type OrganizationView } from '@sw/contracts';
import type { organizations } from '../../../db/schema/identity.ts';
import type { FieldCrypto } from '../../../lib/crypto.ts';

export type OrganizationRow = typeof organizations.$inferSelect;

export function presentOrganization(row: OrganizationRow, crypto: FieldCrypto): OrganizationView {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    creditCode: row.creditCode,
    orgCode: row.orgCode,
    legalRepName: row.legalRepName,
    legalRepIdType: row.legalRepIdType,
    legalRepIdNumberMasked: row.legalRepIdNumberEnc
      ? maskIdNumber(crypto.decrypt(row.legalRepIdNumberEnc))
      : null,
    legalRepIdValidFrom: row.legalRepIdValidFrom,
    legalRepIdValidTo: row.legalRepIdValidTo,
    countryCode: row.countryCode,
    registrationNo: row.registrationNo,
    address: row.address,
    source: row.source,
    createdAt: row.createdAt.toISOString(),
  };
}
