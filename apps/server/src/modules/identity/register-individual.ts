import type { Locale } from '@sw/contracts';
import { EMAIL_VERIFIABLE_ID_TYPES, type RegisterIndividualBody } from '@sw/contracts';
import type { AppContext } from '../../context.ts';
import { AppError, type AppFieldError, fieldError } from '../../http/app-error.ts';
import { isUniqueViolation } from '../../lib/pg-errors.ts';
import { findAccountByUsername, findIndividualByIdNumber, insertAccount } from './identity.repo.ts';
import { checkOneTimeCode, consumeCheckedCode, spendCodeTry } from './otp.service.ts';
import { hashPassword } from './passwords.ts';

function normalizeIdNumber(v: string) {
  return v
    .trim()
    .toUpperCase()
    .replace(/[()（）\s-]/g, '');
}

/**
 * 个人用户注册 (seed 004 §1.3). The code is checked first (a wrong one counts even if the request
 * then fails), then the uniqueness rules; the account is written and the code consumed in one
 * transaction.
 */
/** The registration's facts; the e-mail is optional where a form does not ask it (港车北上, 000 §2.1). */
export type RegisterIndividualInput = Omit<RegisterIndividualBody, 'email'> & { email?: string };

export async function registerIndividual(ctx: AppContext, body: RegisterIndividualInput, locale?: Locale) {
  const idNumber = normalizeIdNumber(body.idNumber);
  const idBidx = ctx.crypto.blindIndex(`id:${body.idType}`, idNumber);
  const byEmail = EMAIL_VERIFIABLE_ID_TYPES.includes(body.idType) && !body.mobile;

  const email = body.email ? body.email.trim().toLowerCase() : null;
  // the proof comes first: whether an identity number is registered is told only to a caller who
  // has just proven the mobile number (or address) — never to anyone who types a citizen's number
  const codeField = byEmail ? 'emailCode' : 'smsCode';
  const codeId = byEmail
    ? await checkOneTimeCode(
        ctx,
        { channel: 'email', target: email ?? '', purpose: 'register' },
        body.emailCode!,
        codeField,
      )
    : await checkOneTimeCode(
        ctx,
        { channel: 'sms', target: body.mobile!, purpose: 'register' },
        body.smsCode!,
        codeField,
      );

  const conflicts: AppFieldError[] = [];
  if (await findAccountByUsername(ctx.db, body.username)) {
    conflicts.push({ path: 'username', code: 'account.username_taken' });
  }
  if (await findIndividualByIdNumber(ctx.db, body.idType, idBidx)) {
    conflicts.push({ path: 'idNumber', code: 'account.id_number_taken' });
    // each such answer spends one of the code's tries: one code cannot test many numbers
    await spendCodeTry(ctx, codeId);
  }
  if (conflicts.length > 0) throw new AppError(conflicts[0]!.code, { status: 409, fieldErrors: conflicts });

  const passwordHash = await hashPassword(body.password);
  const now = ctx.clock.now();
  try {
    return await ctx.db.transaction(async (tx) => {
      await consumeCheckedCode(ctx, tx, codeId, codeField);
      const account = await insertAccount(tx, {
        locale: locale ?? null,
        username: body.username,
        kind: 'individual',
        status: 'active',
        name: body.name,
        idType: body.idType,
        idNumberEnc: ctx.crypto.encrypt(idNumber),
        idNumberBidx: idBidx,
        idValidFrom: body.idType === 'resident_id' ? (body.idValidFrom ?? null) : null,
        idValidTo: body.idType === 'resident_id' ? (body.idValidTo ?? null) : null,
        mobileEnc: body.mobile ? ctx.crypto.encrypt(body.mobile) : null,
        mobileBidx: body.mobile ? ctx.crypto.blindIndex('mobile', body.mobile) : null,
        mobileVerifiedAt: byEmail ? null : now,
        emailEnc: email ? ctx.crypto.encrypt(email) : null,
        emailBidx: email ? ctx.crypto.blindIndex('email', email) : null,
        emailVerifiedAt: byEmail ? now : null,
        passwordHash,
        createdAt: now,
        updatedAt: now,
      });
      return { id: account.id, username: account.username };
    });
  } catch (err) {
    // a concurrent registration won the race on a unique index
    const constraint = isUniqueViolation(err);
    if (constraint === 'accounts_username_lower_uq')
      throw fieldError('username', 'account.username_taken', 409);
    if (constraint === 'accounts_individual_id_uq')
      throw fieldError('idNumber', 'account.id_number_taken', 409);
    throw err;
  }
}
