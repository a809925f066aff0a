import { divisionNames } from '@sw/contracts';
import type { AppContext } from '../../../context.ts';
import type { Db } from '../../../db/client.ts';
import { type AppFieldError, fieldError } from '../../../http/app-error.ts';
import { publicBaseUrl } from '../../../lib/public-url.ts';
import type { ApplicationRow } from '../../casework/index.ts';
import { applicantIdOf, readForm, setApplicantIdentity } from '../../casework/index.ts';
import type { NewAccountRow } from '../../identity/index.ts';
import {
  activatePendingRegistration,
  issueActionToken,
  updateAccount,
  updateOrganization,
} from '../../identity/index.ts';
import {
  type EnterpriseRegistrationRecord,
  REGISTRATION_ATTACHMENTS,
  type RegistrationAttachmentSlot,
  type RegistrationType,
  registrationOrgCode,
} from './contract.ts';

/** How long the correction link of a returned registration works. */
export const CORRECTION_LINK_DAYS = 7;

/** The organization kind and administrator kind a registration type stands for. */
export function kindsOf(type: RegistrationType) {
  return type === 'institution'
    ? ({ organization: 'institution', account: 'institution_admin' } as const)
    : ({ organization: 'enterprise', account: 'enterprise_admin' } as const);
}

function cleanIdNumber(v: string) {
  return v.replace(/[()（）\s-]/g, '').toUpperCase();
}

/** The full address: the division names, then the street address unless it already starts with them. */
function fullAddress(form: EnterpriseRegistrationRecord): string {
  const names = divisionNames(form.province, form.city, form.district);
  const typed = form.address;
  const prefix = names.filter((n) => n !== '市辖区' && n !== '县').join('');
  const address = typed.startsWith(names[0] ?? '\u0000') ? typed : `${prefix}${typed}`;
  return address.slice(0, 300);
}

/** The organization row's data from the form (the legal representative is the first contact row). */
export function organizationValues(ctx: AppContext, form: EnterpriseRegistrationRecord) {
  const legal = form.contacts[0];
  const idNumber = legal.idNumber && legal.idType ? cleanIdNumber(legal.idNumber) : null;
  return {
    kind: kindsOf(form.registrationType).organization,
    creditCode: form.registrationType === 'unified' ? (form.creditCode ?? null) : null,
    orgCode: registrationOrgCode(form) ?? null,
    name: form.nameZh,
    address: fullAddress(form),
    legalRepName: legal.name ?? null,
    legalRepIdType: idNumber ? (legal.idType ?? null) : null,
    legalRepIdNumberEnc: idNumber ? ctx.crypto.encrypt(idNumber) : null,
    legalRepIdNumberBidx: idNumber ? ctx.crypto.blindIndex(`id:${legal.idType}`, idNumber) : null,
  };
}

/** The administrator's contact data from the form: e-mail, mobile and phone encrypted. */
export function administratorValues(
  ctx: AppContext,
  form: EnterpriseRegistrationRecord,
): Pick<
  NewAccountRow,
  'kind' | 'name' | 'emailEnc' | 'emailBidx' | 'mobileEnc' | 'mobileBidx' | 'phoneEnc' | 'fax' | 'jobTitle'
> {
  const { admin } = form;
  const email = admin.email.trim().toLowerCase();
  return {
    kind: kindsOf(form.registrationType).account,
    name: admin.realName,
    emailEnc: ctx.crypto.encrypt(email),
    emailBidx: ctx.crypto.blindIndex('email', email),
    mobileEnc: ctx.crypto.encrypt(admin.mobile),
    mobileBidx: ctx.crypto.blindIndex('mobile', admin.mobile),
    phoneEnc: ctx.crypto.encrypt(admin.phone),
    fax: admin.fax,
    jobTitle: admin.jobTitle ?? null,
  };
}

/**
 * The attachment list against 001's rules for the registration type: the required slots filled,
 * no slot the type does not offer, no slot over its count. Errors under `attachments.<slot>`.
 */
export function attachmentListErrors(
  type: RegistrationType,
  list: readonly { slot: RegistrationAttachmentSlot }[],
): AppFieldError[] {
  const errors: AppFieldError[] = [];
  for (const rule of REGISTRATION_ATTACHMENTS) {
    const count = list.filter((a) => a.slot === rule.slot).length;
    const path = `attachments.${rule.slot}`;
    if (count > 0 && !rule.offeredFor.includes(type))
      errors.push({ path, code: 'casework.attachment_slot_unknown' });
    else if (count === 0 && rule.requiredFor.includes(type))
      errors.push({ path, code: 'casework.attachment_required' });
    else if (count > rule.maxCount) errors.push({ path, code: 'casework.attachment_too_many' });
  }
  return errors;
}

/** 「组织机构代码已存在」 at the field the applicant typed the code into. */
export function organizationTaken(form: Pick<EnterpriseRegistrationRecord, 'registrationType'>) {
  return fieldError(
    form.registrationType === 'unified' ? 'form.creditCode' : 'form.orgCode',
    'account.org_code_taken',
    409,
  );
}

// ————————————————————— workflow effects (ServiceDefinition.onDecided) —————————————————————

/** Approval: the organization and its administrator become active (in the decision's transaction). */
export async function activateRegistration(
  ctx: AppContext,
  tx: Db,
  application: ApplicationRow,
): Promise<Record<string, string>> {
  const now = ctx.clock.now();
  // staff checked the organization's certificates against the form: more than a self-declared
  // account, less than an identity check of the person
  const username = await activatePendingRegistration(tx, {
    organizationId: application.organizationId,
    accountId: applicantIdOf(application),
    realNameLevel: 'low',
    at: now,
  });
  return { username: username ?? '', signInLink: `${publicBaseUrl(ctx.config)}/login` };
}

/** Return for correction: a fresh single-use link (7 days) replaces any earlier one. */
export async function issueCorrectionLink(
  ctx: AppContext,
  tx: Db,
  application: ApplicationRow,
): Promise<Record<string, string>> {
  const { token } = await issueActionToken(tx, {
    purpose: 'registration_correction',
    accountId: applicantIdOf(application),
    applicationId: application.id,
    ttlMs: CORRECTION_LINK_DAYS * 24 * 3_600_000,
    now: ctx.clock.now(),
  });
  return {
    correctionLink: `${publicBaseUrl(ctx.config)}/apps/enterprise-registration/correction?token=${token}`,
    correctionDays: String(CORRECTION_LINK_DAYS),
  };
}

/**
 * Resubmission: the organization and the administrator take the corrected data (the username
 * stays). The unique indexes on the codes decide a clash with another organization.
 */
export async function syncRegistration(ctx: AppContext, tx: Db, application: ApplicationRow) {
  const form = readForm(ctx, application) as EnterpriseRegistrationRecord;
  const now = ctx.clock.now();
  if (application.organizationId) {
    await updateOrganization(tx, application.organizationId, {
      ...organizationValues(ctx, form),
      updatedAt: now,
    });
  }
  await updateAccount(tx, applicantIdOf(application), {
    ...administratorValues(ctx, form),
    updatedAt: now,
  });
  // the queues show the corrected name and code
  const org = organizationValues(ctx, form);
  await setApplicantIdentity(tx, application.id, org.name, org.creditCode ?? org.orgCode);
}
