import type { ApplicationAttachments } from '@sw/contracts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { AppError, fieldError } from '../../http/app-error.ts';
import { findFileById, presentFile, registerFileUsage } from '../files/index.ts';
import type { StaffGrants } from '../identity/index.ts';
import type { ApplicationRow } from './applications.repo.ts';
import { definitionOf, loadApplication, readForm } from './applications.service.ts';
import {
  deleteAttachment,
  filesInUse,
  findAttachedFiles,
  findServicesUsingFile,
  insertAttachment,
  lockApplication,
} from './attachments.repo.ts';
import { authorize, can } from './casework.policy.ts';
import {
  type AnyServiceDefinition,
  findCaseworkService,
  isAttachmentRequired,
  listCaseworkServices,
} from './service-definition.ts';

// The files module stores files; which of them an application holds, and what each service's
// attachment slots accept, the engine tells it.
registerFileUsage({
  uploadTarget(serviceCode, slot) {
    const definition = findCaseworkService(serviceCode);
    if (!definition) throw new AppError('casework.service_unknown', { status: 404 });
    const rule = definition.attachments.find((r) => r.slot === slot);
    if (!rule) return null;
    return {
      rule,
      anonymous: definition.anonymousUploads === true,
      applicantKinds: definition.applicantKinds,
    };
  },
  largestUpload: () =>
    Math.max(0, ...listCaseworkServices().flatMap((d) => d.attachments.map((a) => a.maxBytes))),
  inUse: filesInUse,
  servicesOf: findServicesUsingFile,
});

/**
 * Whether the applicant may change the attachments now: while a draft, and in a state where
 * they may act with a corrected form (退回补正) — the policy's `edit_attachments`.
 */
export function attachmentsEditable(definition: AnyServiceDefinition, row: ApplicationRow): boolean {
  if (!row.applicantAccountId) return false;
  return can({ id: row.applicantAccountId, roles: APPLICANT }, { kind: 'edit_attachments' }, row, definition);
}

const APPLICANT: ReadonlySet<'applicant'> = new Set(['applicant']);

/** Every slot of the application's service with its rule (for this form) and its files. */
export async function presentAttachments(
  ctx: AppContext,
  db: Db,
  row: ApplicationRow,
): Promise<ApplicationAttachments> {
  const definition = definitionOf(row.serviceCode);
  const attached = await findAttachedFiles(db, row.id);
  const form = readForm(ctx, row);
  return {
    editable: attachmentsEditable(definition, row),
    slots: definition.attachments.map((rule) => ({
      slot: rule.slot,
      name: rule.name,
      required: isAttachmentRequired(rule, form),
      types: [...rule.types],
      maxBytes: rule.maxBytes,
      maxCount: rule.maxCount,
      files: attached
        .filter((a) => a.slot === rule.slot)
        .map((a) => ({ ...presentFile(a.file), addedAt: a.addedAt.toISOString() })),
    })),
  };
}

/** Who lists an application's attachments: its applicant, or staff of its service. */
export type AttachmentsViewer = { applicantId: string } | { staffGrants: StaffGrants };

/**
 * The attachments of an application, for its applicant or for staff holding a role for its
 * service once it is submitted. Anyone else gets 404 `casework.application_not_found`.
 */
export async function listAttachments(
  ctx: AppContext,
  applicationId: string,
  viewer: AttachmentsViewer,
): Promise<ApplicationAttachments> {
  let row: ApplicationRow;
  if ('applicantId' in viewer) row = await loadApplication(ctx.db, applicationId, viewer.applicantId);
  else {
    row = await loadApplication(ctx.db, applicationId);
    const roles = viewer.staffGrants.services.get(row.serviceCode) ?? new Set();
    // staff of the service see a submitted application's files (casework.policy.ts, `see`)
    authorize({ id: '', roles }, { kind: 'see' }, row, definitionOf(row.serviceCode));
  }
  return presentAttachments(ctx, ctx.db, row);
}

/**
 * Puts one of the applicant's own files into a slot of their application: the slot must
 * exist, the file must fit its rule (type and size) and the slot must have room. The
 * application row is locked meanwhile, so two tabs cannot overfill a slot. Attaching a file
 * already in that slot changes nothing. Attachments do not change the application's version:
 * the version guards decisions on the form and the state, and a draft's second tab would
 * otherwise conflict with every upload.
 */
export async function attachFile(
  ctx: AppContext,
  input: { applicationId: string; applicantId: string; slot: string; fileId: string },
): Promise<ApplicationAttachments> {
  const row = await loadApplication(ctx.db, input.applicationId, input.applicantId);
  const definition = definitionOf(row.serviceCode);
  if (!attachmentsEditable(definition, row))
    throw new AppError('casework.attachment_not_editable', { status: 409 });
  const rule = definition.attachments.find((r) => r.slot === input.slot);
  if (!rule) throw fieldError('slot', 'casework.attachment_slot_unknown');
  const file = await findFileById(ctx.db, input.fileId);
  if (!file || file.ownerAccountId !== input.applicantId) throw fieldError('fileId', 'file.not_found', 404);
  if (!rule.types.includes(file.mime)) throw fieldError('fileId', 'file.type_not_allowed');
  if (file.size > rule.maxBytes) throw fieldError('fileId', 'file.too_large');

  return ctx.db.transaction(async (tx) => {
    await lockApplication(tx, row.id);
    const current = await loadApplication(tx, row.id);
    if (!attachmentsEditable(definition, current))
      throw new AppError('casework.attachment_not_editable', { status: 409 });
    const attached = await findAttachedFiles(tx, row.id);
    const same = attached.find((a) => a.file.id === file.id);
    if (same && same.slot !== rule.slot)
      throw fieldError('fileId', 'casework.attachment_already_attached', 409);
    if (!same) {
      if (attached.filter((a) => a.slot === rule.slot).length >= rule.maxCount)
        throw fieldError('slot', 'casework.attachment_too_many', 409);
      await insertAttachment(tx, {
        applicationId: row.id,
        fileId: file.id,
        slot: rule.slot,
        addedAt: ctx.clock.now(),
      });
    }
    return presentAttachments(ctx, tx, current);
  });
}

/** Takes a file out of the applicant's application (the file itself stays theirs). */
export async function detachFile(
  ctx: AppContext,
  input: { applicationId: string; applicantId: string; fileId: string },
): Promise<void> {
  const row = await loadApplication(ctx.db, input.applicationId, input.applicantId);
  const definition = definitionOf(row.serviceCode);
  await ctx.db.transaction(async (tx) => {
    await lockApplication(tx, row.id);
    const current = await loadApplication(tx, row.id);
    if (!attachmentsEditable(definition, current))
      throw new AppError('casework.attachment_not_editable', { status: 409 });
    if (!(await deleteAttachment(tx, row.id, input.fileId)))
      throw new AppError('casework.attachment_not_found', { status: 404 });
  });
}
