import type { AppContext } from '../../../context.ts';
import type { Db } from '../../../db/client.ts';
import { findApplicationsOf, readForm } from '../../casework/index.ts';
import { RESIDENCE_REGISTRATION, type RegistrationForm } from './contract.ts';

/** An approved 居住登记, as 申领居住证 needs it. */
export type ApprovedRegistration = {
  applicationId: string;
  number: string;
  /** 居住地所在城市, GB/T 2260 */
  city: string;
  address: string;
  /** when the reviewer approved it (the application's decision) */
  approvedAt: Date;
};

/**
 * A person's approved residence registrations, newest first: what 申领居住证 may be applied for
 * with. The registration's form stays this service's business; others read it only through here.
 */
export async function approvedRegistrationsOf(
  ctx: AppContext,
  db: Db,
  accountId: string,
): Promise<ApprovedRegistration[]> {
  const rows = await findApplicationsOf(db, accountId, RESIDENCE_REGISTRATION);
  return rows.flatMap((row) => {
    if (row.status !== 'approved' || !row.number || !row.decidedAt) return [];
    const form = readForm(ctx, row) as RegistrationForm;
    return [
      {
        applicationId: row.id,
        number: row.number,
        city: form.city,
        address: form.address,
        approvedAt: row.decidedAt,
      },
    ];
  });
}
