import type { Locale } from '@sw/contracts';
import { normalizePhone, type RegisterOverseasBody } from '@sw/contracts';
import type { AppContext } from '../../context.ts';
import { fieldError } from '../../http/app-error.ts';
import { isUniqueViolation } from '../../lib/pg-errors.ts';
import { findAccountByUsername, insertAccount } from './identity.repo.ts';
import { insertOrganization } from './organizations/organization.repo.ts';
import { checkOneTimeCode, consumeCheckedCode } from './otp.service.ts';
import { hashPassword } from './passwords.ts';

/**
 * 国外及港澳台地区企业注册 (seed 004 §1.5): the overseas enterprise and its one account, written
 * together in one transaction with the e-mail code consumed — never an organization without its
 * account. The code is checked first, so a wrong try counts even if the registration then fails;
 * the username's unique index settles a race.
 */
export async function registerOverseas(ctx: AppContext, body: RegisterOverseasBody, locale?: Locale) {
  if (await findAccountByUsername(ctx.db, body.username)) {
    throw fieldError('username', 'account.username_taken', 409);
  }
  const email = body.email.trim().toLowerCase();
  const codeId = await checkOneTimeCode(
    ctx,
    { channel: 'email', target: email, purpose: 'register' },
    body.emailCode,
    'emailCode',
  );

  const passwordHash = await hashPassword(body.password);
  const now = ctx.clock.now();
  const mobile = body.mobile ? normalizePhone(body.mobile) : null;
  try {
    return await ctx.db.transaction(async (tx) => {
      await consumeCheckedCode(ctx, tx, codeId, 'emailCode');
      const organization = await insertOrganization(tx, {
        kind: 'overseas',
        name: body.organizationName,
        countryCode: body.countryCode,
        registrationNo: body.registrationNo ?? null,
        address: body.address,
        source: 'registration',
        createdAt: now,
        updatedAt: now,
      });
      const account = await insertAccount(tx, {
        locale: locale ?? null,
        username: body.username,
        kind: 'overseas',
        status: 'active',
        organizationId: organization.id,
        name: body.contactName,
        department: body.department ?? null,
        jobTitle: body.jobTitle ?? null,
        // the contact number as written (it may carry an extension); encrypted like every personal number
        phoneEnc: ctx.crypto.encrypt(body.contactPhone),
        fax: body.fax ?? null,
        mobileEnc: mobile ? ctx.crypto.encrypt(mobile) : null,
        mobileBidx: mobile ? ctx.crypto.blindIndex('mobile', mobile) : null,
        emailEnc: ctx.crypto.encrypt(email),
        emailBidx: ctx.crypto.blindIndex('email', email),
        emailVerifiedAt: now,
        notes: body.notes ?? null,
        passwordHash,
        createdAt: now,
        updatedAt: now,
      });
      return { id: account.id, username: account.username };
    });
  } catch (err) {
    // a concurrent registration won the race on the username
    if (isUniqueViolation(err) === 'accounts_username_lower_uq') {
      throw fieldError('username', 'account.username_taken', 409);
    }
    throw err;
  }
}
