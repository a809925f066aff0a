import { type Locale, maskIdNumber, maskMobile, maskName } from '@sw/contracts';
import { eq } from 'drizzle-orm';
import type { AppContext } from '../../../context.ts';
import type { Db } from '../../../db/client.ts';
import { AppError, type AppFieldError } from '../../../http/app-error.ts';
import {
  type ApplicationRow,
  createGuestDraft,
  definitionOf,
  insertAttachment,
  isAttachmentRequired,
  readForm,
  shanghaiDay,
  submitInTransaction,
} from '../../casework/index.ts';
import { claimUploads } from '../../files/index.ts';
import {
  applyReviewedPassword,
  type ClaimCheck,
  checkOneTimeCode,
  consumeCheckedCode,
  countVerification,
  findAccountByUsername,
  findRecoveryCandidates,
  forgetReviewedAccountSessions,
  hashPassword,
  type RequestMeta,
} from '../../identity/index.ts';
import { notifyAddress } from '../../messaging/index.ts';
import {
  ACCOUNT_RECOVERY,
  type AccountRecoveryForm,
  type AccountRecoveryReview,
  type AccountRecoverySubmitted,
  RECOVERY_ATTACHMENT_MAX_BYTES,
  RECOVERY_ATTACHMENT_TYPES,
  type SubmitAccountRecoveryBody,
} from './contract.ts';
import { accountRecoveryRequests } from './schema.ts';

/** submissions per proven mobile per hour (besides the route's per-address limit) */
const SUBMISSIONS_PER_HOUR = 5;

function validationFailed(errors: AppFieldError[]): never {
  throw new AppError('request.validation_failed', { fieldErrors: errors });
}

/** What the queues show for a claim: the enterprise, else the person named. */
function applicantOf(form: AccountRecoveryForm) {
  if (form.enterpriseName)
    return { applicantName: form.enterpriseName, applicantCode: form.enterpriseCode ?? null };
  const who = form.person ?? form.legalRep;
  return { applicantName: who?.name ?? '', applicantCode: null };
}

/** Per slot: the count the contract allows and whether it must be filled (the engine checks again). */
function attachmentErrors(form: AccountRecoveryForm, body: SubmitAccountRecoveryBody): AppFieldError[] {
  const errors: AppFieldError[] = [];
  for (const rule of definitionOf(ACCOUNT_RECOVERY).attachments) {
    const count = body.attachments.filter((a) => a.slot === rule.slot).length;
    if (count === 0 && isAttachmentRequired(rule, form))
      errors.push({ path: `attachments.${rule.slot}`, code: 'casework.attachment_required' });
    if (count > rule.maxCount)
      errors.push({ path: `attachments.${rule.slot}`, code: 'casework.attachment_too_many' });
  }
  return errors;
}

/**
 * 完成 (submission): the mobile's code, the claim, the uploads and — for a password — the new
 * password, hashed now; in one transaction the uploads are claimed for the application, which is
 * submitted (number RGSH…, due in its working days) and acknowledged by SMS. The answer is the same
 * whether or not any account matches the claim.
 */
export async function submitRecovery(
  ctx: AppContext,
  body: SubmitAccountRecoveryBody,
  meta: RequestMeta,
): Promise<AccountRecoverySubmitted> {
  const { form } = body;
  const errors = attachmentErrors(form, body);
  if (form.purpose === 'password') {
    if (!body.newPassword) errors.push({ path: 'newPassword', code: 'field.required' });
    else if (body.confirmPassword !== body.newPassword)
      errors.push({ path: 'confirmPassword', code: 'field.password_mismatch' });
  }
  if (errors.length > 0) validationFailed(errors);
  await countVerification(
    ctx,
    `manual:${ctx.crypto.blindIndex('mobile', form.mobile)}`,
    SUBMISSIONS_PER_HOUR,
  );
  const codeId = await checkOneTimeCode(
    ctx,
    { channel: 'sms', target: form.mobile, purpose: 'recover' },
    body.smsCode,
    'smsCode',
  );
  const passwordHash =
    form.purpose === 'password' && body.newPassword ? await hashPassword(body.newPassword) : null;
  const now = ctx.clock.now();
  const locale: Locale = meta.locale ?? 'zh-CN';
  const definition = definitionOf(ACCOUNT_RECOVERY);
  return ctx.db.transaction(async (tx) => {
    await consumeCheckedCode(ctx, tx, codeId, 'smsCode');
    const paths = body.attachments.map((a) => `attachments.${a.slot}`);
    const claimed = await claimUploads(tx, {
      files: body.attachments.map((a, i) => ({
        fileId: a.fileId,
        uploadToken: a.uploadToken,
        path: paths[i],
      })),
      ownerAccountId: null,
    });
    const fileErrors: AppFieldError[] = [];
    claimed.forEach((file, i) => {
      if (!(RECOVERY_ATTACHMENT_TYPES as readonly string[]).includes(file.mime))
        fileErrors.push({ path: paths[i]!, code: 'file.type_not_allowed' });
      else if (file.size > RECOVERY_ATTACHMENT_MAX_BYTES)
        fileErrors.push({ path: paths[i]!, code: 'file.too_large' });
    });
    if (fileErrors.length > 0) validationFailed(fileErrors);
    const draft = await createGuestDraft(ctx, tx, {
      serviceCode: ACCOUNT_RECOVERY,
      ...applicantOf(form),
      form,
      at: now,
    });
    for (const a of body.attachments)
      await insertAttachment(tx, { applicationId: draft.id, fileId: a.fileId, slot: a.slot, addedAt: now });
    const { application } = await submitInTransaction(ctx, tx, {
      row: draft,
      definition,
      actorId: null,
      ip: meta.ip,
      now,
    });
    await tx
      .insert(accountRecoveryRequests)
      .values({ applicationId: application.id, locale, passwordHash, createdAt: now });
    await notifyAddress(ctx, tx, {
      to: form.mobile,
      template: 'account-recovery.submitted',
      params: { number: application.number ?? '', dueDate: shanghaiDay(application.dueAt!) },
      locale,
    });
    return {
      number: application.number!,
      dueAt: application.dueAt!.toISOString(),
      mobileMasked: maskMobile(form.mobile),
    };
  });
}

async function requestOf(db: Db, applicationId: string) {
  const [row] = await db
    .select()
    .from(accountRecoveryRequests)
    .where(eq(accountRecoveryRequests.applicationId, applicationId));
  return row;
}

/** The claim's own value of a checked fact, masked as the console shows personal data. */
function claimedValue(form: AccountRecoveryForm, field: ClaimCheck['field']): string {
  switch (field) {
    case 'accountType':
      return form.accountType;
    case 'enterpriseName':
      return form.enterpriseName ?? '';
    case 'enterpriseCode':
      return form.enterpriseCode ?? '';
    case 'legalRep.name':
    case 'person.name': {
      const who = field === 'legalRep.name' ? form.legalRep : form.person;
      return who ? maskName(who.name) : '';
    }
    case 'legalRep.idNumber':
    case 'person.idNumber': {
      const who = field === 'legalRep.idNumber' ? form.legalRep : form.person;
      return who ? maskIdNumber(who.idNumber) : '';
    }
    case 'legalRep.validity':
    case 'person.validity': {
      const who = field === 'legalRep.validity' ? form.legalRep : form.person;
      return who ? `${who.idValidFrom}–${who.idValidTo}` : '';
    }
    case 'mobile':
      return maskMobile(form.mobile);
  }
}

/** The reviewer's side-by-side: every account the claim may be about, fact by fact. */
export async function reviewRecovery(
  ctx: AppContext,
  application: ApplicationRow,
): Promise<AccountRecoveryReview> {
  const form = readForm(ctx, application) as AccountRecoveryForm;
  const [candidates, request] = await Promise.all([
    findRecoveryCandidates(ctx, ctx.db, form),
    requestOf(ctx.db, application.id),
  ]);
  return {
    purpose: form.purpose,
    passwordChosen: !!request?.passwordHash,
    candidates: candidates.map((c) => ({
      accountId: c.accountId,
      username: c.username,
      kind: c.kind,
      status: c.status,
      allSame: c.allSame,
      checks: c.checks.map((check) => ({ ...check, claimed: claimedValue(form, check.field) })),
    })),
  };
}

/**
 * The decision's effects, in its transaction. Approval: a username claim sends the usernames of
 * every account that agrees with the whole claim; a password claim sets the chosen password on
 * the one account named. Refused (409 recovery.no_matching_account) when no account agrees — the
 * reviewer rejects with a reason instead. Either way the stored hash is erased and the person is
 * told by SMS.
 */
export async function decideRecovery(
  ctx: AppContext,
  tx: Db,
  decided: {
    application: ApplicationRow;
    action: 'approve' | 'reject';
    reviewerId: string | null;
    reason: string | null;
  },
): Promise<void> {
  const { application } = decided;
  const form = readForm(ctx, application) as AccountRecoveryForm;
  const request = await requestOf(tx, application.id);
  const locale = (request?.locale as Locale | undefined) ?? 'zh-CN';
  const number = application.number ?? '';
  await tx
    .update(accountRecoveryRequests)
    .set({ passwordHash: null })
    .where(eq(accountRecoveryRequests.applicationId, application.id));
  if (decided.action === 'reject') {
    await notifyAddress(ctx, tx, {
      to: form.mobile,
      template: 'account-recovery.rejected',
      params: { number, reason: decided.reason ?? '' },
      locale,
    });
    return;
  }
  const agreeing = (await findRecoveryCandidates(ctx, tx, form)).filter(
    // a password is set on an active account only; a username may be of one not yet activated
    (c) => c.allSame && (c.status === 'active' || (form.purpose === 'username' && c.status === 'inactive')),
  );
  if (agreeing.length === 0 || (form.purpose === 'password' && !request?.passwordHash))
    throw new AppError('recovery.no_matching_account', { status: 409 });
  if (form.purpose === 'username') {
    await notifyAddress(ctx, tx, {
      to: form.mobile,
      template: 'account-recovery.username-approved',
      params: { number, usernames: agreeing.map((c) => c.username).join('、') },
      locale,
    });
    return;
  }
  const account = await applyReviewedPassword(ctx, tx, {
    accountId: agreeing[0]!.accountId,
    passwordHash: request!.passwordHash!,
    reviewerId: decided.reviewerId,
    applicationNumber: number,
    at: ctx.clock.now(),
  });
  await notifyAddress(ctx, tx, {
    to: form.mobile,
    template: 'account-recovery.password-approved',
    params: { number, username: account.username },
    locale,
  });
}

/** After an approved password claim has committed: the account's cached sessions end everywhere. */
export async function afterRecoveryDecided(ctx: AppContext, application: ApplicationRow, action: string) {
  const form = readForm(ctx, application) as AccountRecoveryForm;
  if (action !== 'approve' || form.purpose !== 'password' || !form.username) return;
  const account = await findAccountByUsername(ctx.db, form.username);
  if (account) await forgetReviewedAccountSessions(ctx, account.id);
}
