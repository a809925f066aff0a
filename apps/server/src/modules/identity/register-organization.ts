import type { Locale } from '@sw/contracts';
import { maskIdNumber, type OrganizationStep, type RegisterOrganizationBody } from '@sw/contracts';
import type { AppContext } from '../../context.ts';
import { AppError, type AppFieldError, fieldError } from '../../http/app-error.ts';
import { isUniqueViolation } from '../../lib/pg-errors.ts';
import { findAccountByUsername, insertAccount } from './identity.repo.ts';
import {
  findOrganizationByCreditCode,
  findOrganizationByOrgCode,
  insertOrganization,
} from './organizations/organization.repo.ts';
import { checkOneTimeCode, consumeCheckedCode } from './otp.service.ts';
import { hashPassword } from './passwords.ts';

const ORG = 'organization';
const ADMIN = 'administrator';

/** The manual's answer to an organization that exists: 「组织机构代码已存在」 (seed 002 tip: recover the username or reset the password). */
function organizationTaken(which: 'orgCode' | 'creditCode') {
  return which === 'orgCode'
    ? fieldError(`${ORG}.orgCode`, 'account.org_code_taken', 409)
    : fieldError(`${ORG}.creditCode`, 'account.credit_code_taken', 409);
}

/** Step 1 alone: is this organization free to register? (so the form can say so before step 2) */
export async function checkOrganizationAvailable(
  ctx: AppContext,
  org: OrganizationStep,
  browserKey: string | null,
) {
  if (await findOrganizationByOrgCode(ctx.db, org.orgCode)) throw organizationTaken('orgCode');
  if (await findOrganizationByCreditCode(ctx.db, org.creditCode)) throw organizationTaken('creditCode');
  if (org.eLicenseSessionId) await checkAgainstLicence(ctx, org, browserKey);
}

/**
 * Data that claims to come from the e-business licence must equal what the licence service
 * returned to this browser. The form holds the legal representative's ID number masked (the
 * polling route never sends it whole), so the licence's own number is the one registered.
 * Returns that number.
 */
async function checkAgainstLicence(
  ctx: AppContext,
  org: OrganizationStep,
  browserKey: string | null,
): Promise<string> {
  const auth = browserKey
    ? await ctx.eLicense.get(org.eLicenseSessionId!, browserKey, ctx.clock.now())
    : null;
  if (!auth) throw fieldError(`${ORG}.eLicenseSessionId`, 'e_license.session_unknown', 409);
  if (auth.status !== 'authorized' || !auth.enterprise) {
    throw fieldError(`${ORG}.eLicenseSessionId`, 'e_license.pending', 409);
  }
  const e = auth.enterprise;
  const typed = org.legalRepIdNumber.replace(/[()（）\s-]/g, '');
  const differs =
    e.creditCode !== org.creditCode ||
    e.name !== org.name ||
    e.legalRepName !== org.legalRepName ||
    org.legalRepIdType !== e.legalRepIdType ||
    (typed !== e.legalRepIdNumber && typed !== maskIdNumber(e.legalRepIdNumber));
  if (differs) throw fieldError(`${ORG}.eLicenseSessionId`, 'e_license.mismatch', 409);
  return e.legalRepIdNumber;
}

/**
 * 无卡用户注册 (seed 004 §1.2.2) and 事业单位注册 (§1.4): the organization and its one administrator,
 * written together in one transaction — never an organization without its administrator.
 * Checks run first so the form gets every conflict at once; the unique indexes settle races.
 */
export async function registerOrganization(
  ctx: AppContext,
  body: RegisterOrganizationBody,
  browserKey: string | null,
  locale?: Locale,
) {
  const { organization: org, administrator: admin } = body;
  const conflicts: AppFieldError[] = [];
  if (await findOrganizationByOrgCode(ctx.db, org.orgCode)) {
    conflicts.push({ path: `${ORG}.orgCode`, code: 'account.org_code_taken' });
  } else if (await findOrganizationByCreditCode(ctx.db, org.creditCode)) {
    conflicts.push({ path: `${ORG}.creditCode`, code: 'account.credit_code_taken' });
  }
  if (await findAccountByUsername(ctx.db, admin.username)) {
    conflicts.push({ path: `${ADMIN}.username`, code: 'account.username_taken' });
  }
  if (conflicts.length > 0) throw new AppError(conflicts[0]!.code, { status: 409, fieldErrors: conflicts });
  const licensedIdNumber = org.eLicenseSessionId ? await checkAgainstLicence(ctx, org, browserKey) : null;

  const codeId = await checkOneTimeCode(
    ctx,
    { channel: 'sms', target: admin.mobile, purpose: 'register' },
    admin.smsCode,
    `${ADMIN}.smsCode`,
  );
  const passwordHash = await hashPassword(admin.password);
  const now = ctx.clock.now();
  const email = admin.email.trim().toLowerCase();
  const legalRepIdNumber = licensedIdNumber ?? org.legalRepIdNumber.replace(/[()（）\s-]/g, '');
  const adminIdNumber = admin.idNumber.replace(/[()（）\s-]/g, '');
  try {
    return await ctx.db.transaction(async (tx) => {
      await consumeCheckedCode(ctx, tx, codeId, `${ADMIN}.smsCode`);
      const created = await insertOrganization(tx, {
        kind: org.kind,
        creditCode: org.creditCode,
        orgCode: org.orgCode,
        name: org.name,
        legalRepName: org.legalRepName,
        legalRepIdType: org.legalRepIdType,
        legalRepIdNumberEnc: ctx.crypto.encrypt(legalRepIdNumber),
        legalRepIdNumberBidx: ctx.crypto.blindIndex(`id:${org.legalRepIdType}`, legalRepIdNumber),
        legalRepIdValidFrom: org.legalRepIdValidFrom,
        legalRepIdValidTo: org.legalRepIdValidTo,
        source: org.eLicenseSessionId ? 'e_license' : 'registration',
        createdAt: now,
        updatedAt: now,
      });
      const account = await insertAccount(tx, {
        locale: locale ?? null,
        username: admin.username,
        kind: org.kind === 'institution' ? 'institution_admin' : 'enterprise_admin',
        status: 'active',
        organizationId: created.id,
        name: admin.name,
        idType: admin.idType,
        idNumberEnc: ctx.crypto.encrypt(adminIdNumber),
        idNumberBidx: ctx.crypto.blindIndex(`id:${admin.idType}`, adminIdNumber),
        idValidFrom: admin.idType === 'resident_id' ? (admin.idValidFrom ?? null) : null,
        idValidTo: admin.idType === 'resident_id' ? (admin.idValidTo ?? null) : null,
        mobileEnc: ctx.crypto.encrypt(admin.mobile),
        mobileBidx: ctx.crypto.blindIndex('mobile', admin.mobile),
        mobileVerifiedAt: now,
        emailEnc: ctx.crypto.encrypt(email),
        emailBidx: ctx.crypto.blindIndex('email', email),
        passwordHash,
        createdAt: now,
        updatedAt: now,
      });
      return { id: account.id, username: account.username, organizationId: created.id };
    });
  } catch (err) {
    // a concurrent registration won the race on a unique index
    const constraint = isUniqueViolation(err);
    if (constraint === 'organizations_org_code_uq') throw organizationTaken('orgCode');
    if (constraint === 'organizations_credit_code_uq') throw organizationTaken('creditCode');
    if (constraint === 'accounts_username_lower_uq')
      throw fieldError(`${ADMIN}.username`, 'account.username_taken', 409);
    throw err;
  }
}
