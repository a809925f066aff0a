import { guangdongCity } from '@sw/contracts';
import type { AppContext } from '../../../context.ts';
import type { Db } from '../../../db/client.ts';
import { fieldError } from '../../../http/app-error.ts';
import { shanghaiDay } from '../../casework/index.ts';
import { type ApprovedRegistration, approvedRegistrationsOf } from '../residence-registration/index.ts';
import type { PermitRegistration } from './contract.ts';
import { eligibleFrom } from './rules.ts';

/** My approved 居住登记 for the form's choice, each with the first day it may be used. */
export async function registrationsForPermit(
  ctx: AppContext,
  accountId: string,
): Promise<PermitRegistration[]> {
  const today = shanghaiDay(ctx.clock.now());
  const registrations = await approvedRegistrationsOf(ctx, ctx.db, accountId);
  return registrations.map((registration) => {
    const approvedOn = shanghaiDay(registration.approvedAt);
    const from = eligibleFrom(approvedOn, registration.city);
    return {
      number: registration.number,
      city: registration.city,
      cityName: guangdongCity(registration.city)?.name ?? {
        'zh-CN': registration.city,
        'zh-HK': registration.city,
        en: registration.city,
      },
      approvedOn,
      eligibleFrom: from,
      eligible: today >= from,
    };
  });
}

/**
 * The registration a permit is applied for with, or the refusal next to the field: it must be the
 * applicant's own, approved, and — but in 深圳 — approved at least six months ago (003, 常见疑问).
 */
export async function eligibleRegistration(
  ctx: AppContext,
  tx: Db,
  accountId: string,
  number: string,
): Promise<ApprovedRegistration & { approvedOn: string }> {
  const registrations = await approvedRegistrationsOf(ctx, tx, accountId);
  const registration = registrations.find((r) => r.number === number);
  if (!registration) throw fieldError('form.registrationNumber', 'residence-permit.no_registration', 422);
  const approvedOn = shanghaiDay(registration.approvedAt);
  if (shanghaiDay(ctx.clock.now()) < eligibleFrom(approvedOn, registration.city))
    throw fieldError('form.registrationNumber', 'residence-permit.registration_too_recent', 422);
  return { ...registration, approvedOn };
}
