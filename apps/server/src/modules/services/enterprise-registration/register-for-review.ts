import { isErrorCode, maskEmail } from '@sw/contracts';
import type { AppContext } from '../../../context.ts';
import type { Db } from '../../../db/client.ts';
import { AppError, type AppFieldError, fieldError } from '../../../http/app-error.ts';
import { isUniqueViolation } from '../../../lib/pg-errors.ts';
import {
  type ApplicationRow,
  applicantIdOf,
  createDraft,
  decide,
  definitionOf,
  detachAll,
  findApplicationById,
  findAttachedFiles,
  findLatestReason,
  insertAttachment,
  readForm,
  submitInTransaction,
} from '../../casework/index.ts';
import { claimUploads } from '../../files/index.ts';
import type { RequestMeta } from '../../identity/index.ts';
import {
  type AccountRow,
  consumeActionToken,
  findAccountByUsername,
  findLiveActionToken,
  findOrganizationByCreditCode,
  findOrganizationByOrgCode,
  getAccountById,
  hashPassword,
  insertAccount,
  insertOrganization,
  verifyCaptcha,
} from '../../identity/index.ts';
import { isRegistrationReviewOn } from '../../platform/index.ts';
import {
  type CorrectEnterpriseRegistrationBody,
  ENTERPRISE_REGISTRATION,
  type EnterpriseRegistrationCorrectionView,
  type EnterpriseRegistrationRecord,
  type EnterpriseRegistrationSubmitted,
  REGISTRATION_ATTACHMENT_MAX_BYTES,
  REGISTRATION_ATTACHMENT_TYPES,
  type RegistrationAttachmentSlot,
  registrationOrgCode,
  type SubmitEnterpriseRegistrationBody,
} from './contract.ts';
import {
  administratorValues,
  attachmentListErrors,
  organizationTaken,
  organizationValues,
} from './registration-data.ts';

const CORRECTION = 'registration_correction';

function validationFailed(errors: AppFieldError[]): AppError {
  return new AppError('request.validation_failed', { fieldErrors: errors });
}

/** The code conflicts of a form with organizations other than `ownId`: 「组织机构代码已存在」. */
async function organizationConflict(
  db: Db,
  form: EnterpriseRegistrationRecord,
  ownId: string | null,
): Promise<AppError | null> {
  const orgCode = registrationOrgCode(form);
  const byOrg = orgCode ? await findOrganizationByOrgCode(db, orgCode) : undefined;
  if (byOrg && byOrg.id !== ownId) return organizationTaken(form);
  const byCredit = form.creditCode ? await findOrganizationByCreditCode(db, form.creditCode) : undefined;
  if (byCredit && byCredit.id !== ownId)
    return fieldError('form.creditCode', 'account.credit_code_taken', 409);
  return null;
}

/** A unique index decided a race: the same answers as the checks before it. */
function mapUniqueViolation(err: unknown, form: EnterpriseRegistrationRecord): never {
  const constraint = isUniqueViolation(err);
  if (constraint === 'organizations_org_code_uq') throw organizationTaken(form);
  if (constraint === 'organizations_credit_code_uq')
    throw fieldError('form.creditCode', 'account.credit_code_taken', 409);
  if (constraint === 'accounts_username_lower_uq')
    throw fieldError('form.admin.username', 'account.username_taken', 409);
  throw err;
}

/** Each claimed file must be of a type and size its slot accepts (it may have been uploaded for another). */
function checkClaimedFiles(files: readonly { mime: string; size: number }[], paths: readonly string[]): void {
  const errors: AppFieldError[] = [];
  files.forEach((file, i) => {
    if (!(REGISTRATION_ATTACHMENT_TYPES as readonly string[]).includes(file.mime))
      errors.push({ path: paths[i]!, code: 'file.type_not_allowed' });
    else if (file.size > REGISTRATION_ATTACHMENT_MAX_BYTES)
      errors.push({ path: paths[i]!, code: 'file.too_large' });
  });
  if (errors.length > 0) throw validationFailed(errors);
}

/** The registration as stored: the form without the password. */
function recordOf(form: SubmitEnterpriseRegistrationBody['form']): EnterpriseRegistrationRecord {
  const { password: _password, confirmPassword: _confirm, ...admin } = form.admin;
  return { ...form, admin };
}

function receipt(application: ApplicationRow, account: Pick<AccountRow, 'username'>, email: string) {
  return {
    number: application.number!,
    dueAt: application.dueAt!.toISOString(),
    slaWorkingDays: definitionOf(ENTERPRISE_REGISTRATION).slaWorkingDays,
    username: account.username,
    emailMasked: maskEmail(email.trim().toLowerCase()),
  } satisfies EnterpriseRegistrationSubmitted;
}

/**
 * 企业注册审核 — submission (seed 001 §2.3): in one transaction the organization and its
 * administrator (both pending review), the anonymous uploads claimed for the administrator,
 * the application with its attachments, submitted (number QYZC…, due in 2 working days) with
 * the receipt by in-site message and e-mail. Checks run first so a form gets its errors at once;
 * the unique indexes settle races with the same answers.
 */
export async function registerForReview(
  ctx: AppContext,
  body: SubmitEnterpriseRegistrationBody,
  meta: RequestMeta,
): Promise<EnterpriseRegistrationSubmitted> {
  if (!(await isRegistrationReviewOn(ctx.db)))
    throw new AppError('registration.review_mode_off', { status: 409 });
  const form = recordOf(body.form);
  const listErrors = attachmentListErrors(form.registrationType, body.attachments);
  if (listErrors.length > 0) throw validationFailed(listErrors);
  await verifyCaptcha(ctx, body.captchaId, body.captchaAnswer);

  const conflicts: AppFieldError[] = [];
  const taken = await organizationConflict(ctx.db, form, null);
  if (taken) conflicts.push(...taken.fieldErrors.filter((f): f is AppFieldError => isErrorCode(f.code)));
  if (await findAccountByUsername(ctx.db, form.admin.username))
    conflicts.push({ path: 'form.admin.username', code: 'account.username_taken' });
  if (conflicts.length > 0) throw new AppError(conflicts[0]!.code, { status: 409, fieldErrors: conflicts });

  const passwordHash = await hashPassword(body.form.admin.password);
  const now = ctx.clock.now();
  try {
    return await ctx.db.transaction(async (tx) => {
      const organization = await insertOrganization(tx, {
        ...organizationValues(ctx, form),
        source: 'registration',
        status: 'pending_review',
        createdAt: now,
        updatedAt: now,
      });
      const account = await insertAccount(tx, {
        locale: meta.locale ?? null,
        username: form.admin.username,
        status: 'pending_review',
        organizationId: organization.id,
        ...administratorValues(ctx, form),
        passwordHash,
        createdAt: now,
        updatedAt: now,
      });
      const paths = body.attachments.map((_a, i) => `attachments.${i}`);
      const claimed = await claimUploads(tx, {
        files: body.attachments.map((a, i) => ({
          fileId: a.fileId,
          uploadToken: a.uploadToken,
          path: paths[i],
        })),
        ownerAccountId: account.id,
      });
      checkClaimedFiles(claimed, paths);
      const draft = await createDraft(ctx, {
        serviceCode: ENTERPRISE_REGISTRATION,
        applicant: account,
        form,
        tx,
        at: now,
      });
      for (const a of body.attachments)
        await insertAttachment(tx, { applicationId: draft.id, fileId: a.fileId, slot: a.slot, addedAt: now });
      const { application } = await submitInTransaction(ctx, tx, {
        row: draft,
        definition: definitionOf(ENTERPRISE_REGISTRATION),
        actorId: account.id,
        ip: meta.ip,
        now,
      });
      return receipt(application, account, form.admin.email);
    });
  } catch (err) {
    mapUniqueViolation(err, form);
  }
}

// ——————————————————————————————— correction ———————————————————————————————

function linkInvalid(): AppError {
  return new AppError('registration.correction_link_invalid', { status: 410 });
}

/** The application a live correction token opens, or 410. */
async function openCorrection(ctx: AppContext, token: string) {
  const row = await findLiveActionToken(ctx.db, CORRECTION, token, ctx.clock.now());
  const application = row?.applicationId ? await findApplicationById(ctx.db, row.applicationId) : undefined;
  if (!row || !application || application.serviceCode !== ENTERPRISE_REGISTRATION) throw linkInvalid();
  return { token: row, application };
}

function latestReason(db: Db, applicationId: string): Promise<string | null> {
  return findLatestReason(db, applicationId, 'reject');
}

/** GET …/correction?token= — the returned registration as typed (no password), why, and its files. */
export async function loadCorrection(
  ctx: AppContext,
  token: string,
): Promise<EnterpriseRegistrationCorrectionView> {
  const { token: row, application } = await openCorrection(ctx, token);
  const attached = await findAttachedFiles(ctx.db, application.id);
  return {
    number: application.number ?? '',
    status: application.status,
    reasons: await latestReason(ctx.db, application.id),
    form: readForm(ctx, application) as EnterpriseRegistrationRecord,
    attachments: attached.map((a) => ({
      slot: a.slot as RegistrationAttachmentSlot,
      fileId: a.file.id,
      name: a.file.name,
      mime: a.file.mime,
      size: a.file.size,
    })),
    expiresAt: row.expiresAt.toISOString(),
  };
}

/**
 * POST …/correction — the corrected registration: the link is spent, new uploads are claimed,
 * the attachments become exactly the list sent, and the application is resubmitted (the
 * engine's `resubmit`: form checked, SLA restarted, receipt sent; the service's onDecided
 * copies the data onto the organization and the administrator) — all in one transaction.
 */
export async function correctRegistration(
  ctx: AppContext,
  body: CorrectEnterpriseRegistrationBody,
  meta: RequestMeta,
): Promise<EnterpriseRegistrationSubmitted> {
  const { application } = await openCorrection(ctx, body.token);
  const account = await getAccountById(ctx.db, applicantIdOf(application));
  if (!account) throw linkInvalid();
  // the account exists under its name: the username is not part of a correction
  const form: EnterpriseRegistrationRecord = {
    ...body.form,
    admin: { ...body.form.admin, username: account.username },
  };
  const listErrors = attachmentListErrors(form.registrationType, body.attachments);
  if (listErrors.length > 0) throw validationFailed(listErrors);
  const taken = await organizationConflict(ctx.db, form, application.organizationId);
  if (taken) throw taken;

  const now = ctx.clock.now();
  try {
    return await ctx.db.transaction(async (tx) => {
      if (!(await consumeActionToken(tx, CORRECTION, body.token, now))) throw linkInvalid();
      const attached = await findAttachedFiles(tx, application.id);
      const attachedIds = new Map(attached.map((a) => [a.file.id, a]));
      const uploads: { fileId: string; uploadToken: string; path: string }[] = [];
      const errors: AppFieldError[] = [];
      const named = new Set<string>();
      body.attachments.forEach((a, i) => {
        const path = `attachments.${i}`;
        if (named.has(a.fileId)) errors.push({ path, code: 'casework.attachment_already_attached' });
        else if ('uploadToken' in a) uploads.push({ fileId: a.fileId, uploadToken: a.uploadToken, path });
        else if (!attachedIds.has(a.fileId)) errors.push({ path, code: 'casework.attachment_not_found' });
        named.add(a.fileId);
      });
      if (errors.length > 0) throw validationFailed(errors);
      const claimed = await claimUploads(tx, { files: uploads, ownerAccountId: account.id });
      checkClaimedFiles(
        claimed,
        uploads.map((u) => u.path),
      );
      // the attachments become the list sent: kept files keep when they were added
      await detachAll(tx, application.id);
      for (const a of body.attachments) {
        await insertAttachment(tx, {
          applicationId: application.id,
          fileId: a.fileId,
          slot: a.slot,
          addedAt: attachedIds.get(a.fileId)?.addedAt ?? now,
        });
      }
      const { application: resubmitted } = await decide(ctx, {
        tx,
        applicationId: application.id,
        expectedVersion: application.version,
        action: 'resubmit',
        actor: { id: account.id, roles: new Set(['applicant']) },
        form,
        ip: meta.ip,
      });
      return receipt(resubmitted, account, form.admin.email);
    });
  } catch (err) {
    mapUniqueViolation(err, form);
  }
}
