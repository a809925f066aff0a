import type { AccountKind } from '@sw/contracts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';

/**
 * What the files module needs to know about the things files are attached to, without knowing
 * them: the casework engine (which depends on this module) tells it at start-up. Files are
 * storage; attachments, their slots and their rules belong to casework.
 */
export type UploadRule = {
  /** MIME types as file-type reports them */
  types: readonly string[];
  maxBytes: number;
};

export type UploadTarget = {
  rule: UploadRule;
  /** an upload without an account is allowed (registration with review) */
  anonymous: boolean;
  /** the account kinds that may upload for it */
  applicantKinds: readonly AccountKind[];
};

export type FileUsage = {
  /** the slot of a service an upload is for, or null when there is no such slot */
  uploadTarget(serviceCode: string, slot: string): UploadTarget | null;
  /** the largest file any slot accepts (the multipart parser's ceiling) */
  largestUpload(): number;
  /** which of these files something holds (they may not be deleted or purged) */
  inUse(db: Db, fileIds: string[]): Promise<Set<string>>;
  /** the services whose staff may see the file (it is attached to a submitted application) */
  servicesOf(db: Db, fileId: string): Promise<string[]>;
};

const none: FileUsage = {
  uploadTarget: () => null,
  largestUpload: () => 1024 * 1024,
  inUse: async () => new Set(),
  servicesOf: async () => [],
};
let usage: FileUsage = none;

/** Called once by the casework engine. */
export function registerFileUsage(u: FileUsage) {
  usage = u;
}

export function fileUsage(): FileUsage {
  return usage;
}

export function requireUploadTarget(serviceCode: string, slot: string): UploadTarget {
  const target = usage.uploadTarget(serviceCode, slot);
  if (!target)
    throw new AppError('casework.attachment_slot_unknown', {
      status: 400,
      fieldErrors: [{ path: 'slot', code: 'casework.attachment_slot_unknown' }],
    });
  return target;
}
