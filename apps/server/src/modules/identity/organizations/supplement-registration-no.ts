import type { AppContext } from '../../../context.ts';
import { AppError, fieldError } from '../../../http/app-error.ts';
import { recordAudit } from '../../audit/index.ts';
import type { AccountRow } from '../identity.repo.ts';
import { authorize } from './organization.policy.ts';
import { getOrganizationById, setRegistrationNoIfEmpty } from './organization.repo.ts';

/**
 * 补充所在国家(地区)注册编号 (seed 004 §3.1): an overseas enterprise that left the number empty at
 * registration may give it once; afterwards it cannot change (409). Audited in the same transaction.
 */
export async function supplementRegistrationNo(
  ctx: AppContext,
  actor: AccountRow,
  registrationNo: string,
  meta: { ip?: string | null } = {},
) {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const org = actor.organizationId ? await getOrganizationById(tx, actor.organizationId) : undefined;
    if (!org) throw new AppError('auth.forbidden', { status: 403 });
    authorize(actor, 'supplement_registration_no', org);
    const updated = await setRegistrationNoIfEmpty(tx, org.id, registrationNo, now);
    if (!updated) throw fieldError('registrationNo', 'organization.registration_no_immutable', 409);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'organization.registration_no_set',
      targetType: 'organization',
      targetId: org.id,
      // an enterprise's register number, not a personal one
      detail: { countryCode: org.countryCode, registrationNo },
      ip: meta.ip ?? null,
      at: now,
    });
    return updated;
  });
}
