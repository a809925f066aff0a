import type { AccountKind } from '@sw/contracts';
import type { AppContext } from '../../context.ts';
import { safeEqual, sha256Hex } from '../../lib/crypto.ts';
import { type AccountRow, getAccountById, loadStaffGrants } from '../identity/index.ts';
import { fileUsage } from './file-usage.ts';
import type { FileRow } from './files.repo.ts';

/** Who asks for a file: a signed-in account, and/or the upload token of an anonymous upload. */
export type FileViewer = { account: AccountRow | null; uploadToken?: string | undefined };

/** On what grounds a file is shown (staff views are audited). */
export type ReadAccess = 'owner' | 'organization_admin' | 'service_staff' | 'upload_token';

/** The account kinds that administer an organization (and see its people's files). */
const ORGANIZATION_ADMIN_KINDS: ReadonlySet<AccountKind> = new Set([
  'enterprise_admin',
  'institution_admin',
  'overseas',
]);

/** Whether `token` is the upload token of this still-unclaimed file. */
export function holdsUploadToken(file: FileRow, token: string | undefined): boolean {
  if (file.ownerAccountId !== null || !file.uploadTokenHash || !token || token.length > 100) return false;
  return safeEqual(sha256Hex(token), file.uploadTokenHash);
}

/**
 * Who may download a file (issue 4 §4): its owner; the administrator of the owner's
 * organization; staff holding the reviewer or supervisor role for a service of a submitted
 * application it is attached to; and, while unclaimed, whoever holds its upload token.
 *
 * Platform administrators are not on the list: the issue says "staff of that service", and a
 * platform admin who needs to see a service's files grants themselves its role, which the
 * audit records.
 */
export async function mayReadFile(
  ctx: AppContext,
  viewer: FileViewer,
  file: FileRow,
): Promise<ReadAccess | null> {
  if (file.ownerAccountId === null && file.uploadTokenHash)
    return holdsUploadToken(file, viewer.uploadToken) ? 'upload_token' : null;
  // no owner and no token: a guest application's file (人工资料审核), for its service's staff only
  const { account } = viewer;
  if (!account) return null;
  if (file.ownerAccountId === account.id) return 'owner';
  if (file.ownerAccountId && ORGANIZATION_ADMIN_KINDS.has(account.kind) && account.organizationId) {
    const owner = await getAccountById(ctx.db, file.ownerAccountId);
    if (owner?.organizationId === account.organizationId) return 'organization_admin';
  }
  if (account.kind === 'staff') {
    const grants = await loadStaffGrants(ctx.db, account.id);
    if (grants.services.size === 0) return null;
    const services = await fileUsage().servicesOf(ctx.db, file.id);
    if (services.some((code) => (grants.services.get(code)?.size ?? 0) > 0)) return 'service_staff';
  }
  return null;
}

/** Who may delete a file that no application holds: its owner, or the anonymous uploader. */
export function mayDeleteFile(viewer: FileViewer, file: FileRow): boolean {
  if (file.ownerAccountId === null) return holdsUploadToken(file, viewer.uploadToken);
  return viewer.account !== null && viewer.account.id === file.ownerAccountId;
}
