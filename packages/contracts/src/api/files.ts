import { z } from 'zod';
import { AttachmentRuleView } from './casework.ts';
import { fieldIssue } from './common.ts';

/** The header an anonymous uploader shows to fetch or delete their own unclaimed file. */
export const UPLOAD_TOKEN_HEADER = 'x-upload-token';

/** A service code or attachment slot as they appear in URLs and bodies. */
const Handle = z
  .string()
  .min(1, fieldIssue('field.required'))
  .max(40, fieldIssue('field.too_long'))
  .regex(/^[A-Za-z0-9_-]+$/, fieldIssue('field.invalid'));

export const FileId = z.uuid(fieldIssue('field.invalid'));

/** POST /api/files?service=&slot= — the attachment rule of that slot decides type and size. */
export const UploadFileQuery = z.strictObject({ service: Handle, slot: Handle });
export type UploadFileQuery = z.infer<typeof UploadFileQuery>;

/** GET /api/files/:id?inline=1 — images and PDF open in the browser instead of downloading. */
export const DownloadFileQuery = z.strictObject({ inline: z.enum(['0', '1']).optional() });

/** An uploaded file as its owner, their organization's administrator and the service's staff see it. */
export const FileView = z
  .object({
    id: z.uuid(),
    /** the name the uploader gave, with the extension of the recognised type */
    name: z.string(),
    /** recognised from the content, never from the name */
    mime: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    width: z.number().int().nullable(),
    height: z.number().int().nullable(),
    hasThumbnail: z.boolean(),
  })
  .meta({ id: 'File' });
export type FileView = z.infer<typeof FileView>;

/** The answer to an upload: for an anonymous upload, the one-time token that claims the file later. */
export const UploadedFile = FileView.extend({
  /** only for an upload without an account; shown once, only its SHA-256 is kept */
  uploadToken: z.string().optional(),
}).meta({ id: 'UploadedFile' });
export type UploadedFile = z.infer<typeof UploadedFile>;

/** POST /api/applications/:id/attachments */
export const AttachFileBody = z.strictObject({ slot: Handle, fileId: FileId });
export type AttachFileBody = z.infer<typeof AttachFileBody>;

/** One attachment slot of an application: its rule (for this form) and its files, oldest first. */
export const AttachmentSlotView = AttachmentRuleView.extend({
  files: z.array(FileView.extend({ addedAt: z.iso.datetime() })),
}).meta({ id: 'AttachmentSlot' });
export type AttachmentSlotView = z.infer<typeof AttachmentSlotView>;

/** GET /api/applications/:id/attachments — every slot of the service, filled or not. */
export const ApplicationAttachments = z
  .object({
    /** whether the applicant may add or remove files now (draft, or a correction step) */
    editable: z.boolean(),
    slots: z.array(AttachmentSlotView),
  })
  .meta({ id: 'ApplicationAttachments' });
export type ApplicationAttachments = z.infer<typeof ApplicationAttachments>;

/** File extensions per MIME type, for `accept` attributes and the browser's pre-check. */
export const MIME_EXTENSIONS: Readonly<Record<string, readonly string[]>> = {
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'image/avif': ['avif'],
  'image/tiff': ['tif', 'tiff'],
  'image/bmp': ['bmp'],
  'image/heic': ['heic'],
  'application/pdf': ['pdf'],
  'application/zip': ['zip'],
  'application/x-ofd': ['ofd'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
};

/** Whether a browser shows this type itself (the console previews these inline). */
export function isInlinePreviewable(mime: string): boolean {
  return mime === 'application/pdf' || /^image\/(jpeg|png|gif|webp|avif|bmp)$/.test(mime);
}
