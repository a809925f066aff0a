import { QualificationsBody, type QualificationsView } from '@sw/contracts';
import { eq } from 'drizzle-orm';
import type { AppContext } from '../../../context.ts';
import { organizationQualifications, organizations } from '../../../db/schema/identity.ts';
import { AppError } from '../../../http/app-error.ts';
import { recordAudit } from '../../audit/index.ts';
import { requireAdministrator } from '../account-settings.ts';
import { callAgency } from '../agency-call.ts';
import type { Auth } from '../auth.ts';
import type { RequestMeta } from '../sessions.ts';
import { getOrganizationById } from './organization.repo.ts';

/*
 * 我的资质 (seed 004 §3.4): the administrator views and edits the organization's filings (no
 * approval); the market regulator's and the commerce ministry's data are pulled on request through
 * the registries adapter, each call timed out and audited with its outcome.
 */

const EMPTY: QualificationsBody = { customs: {}, inspection: {}, foreignTrade: {}, origin: {} };

async function qualificationsRow(ctx: AppContext, organizationId: string) {
  const [row] = await ctx.db
    .select()
    .from(organizationQualifications)
    .where(eq(organizationQualifications.organizationId, organizationId))
    .limit(1);
  return row;
}

/** Stored as validated when saved; parsed again so an older shape never reaches the page. */
function parsedQualifications(row: { data: unknown } | undefined): QualificationsBody {
  const parsed = QualificationsBody.safeParse(row?.data ?? EMPTY);
  return parsed.success ? parsed.data : EMPTY;
}

async function storedQualifications(ctx: AppContext, organizationId: string) {
  return parsedQualifications(await qualificationsRow(ctx, organizationId));
}

export async function qualificationsView(ctx: AppContext, auth: Auth): Promise<QualificationsView> {
  const organizationId = requireAdministrator(auth);
  const organization = await getOrganizationById(ctx.db, organizationId);
  if (!organization) throw new AppError('account.not_operator_admin', { status: 403 });
  const row = await qualificationsRow(ctx, organizationId);
  return {
    creditCode: organization.creditCode,
    orgCode: organization.orgCode,
    name: organization.name,
    legalRepName: organization.legalRepName,
    address: organization.address,
    qualifications: parsedQualifications(row),
    updatedAt: row?.updatedAt?.toISOString() ?? null,
    marketSyncedAt: row?.marketSyncedAt?.toISOString() ?? null,
    commerceSyncedAt: row?.commerceSyncedAt?.toISOString() ?? null,
    simulated: ctx.registries.isSimulator,
  };
}

export async function saveQualifications(
  ctx: AppContext,
  auth: Auth,
  body: QualificationsBody,
  meta: RequestMeta,
): Promise<QualificationsView> {
  const organizationId = requireAdministrator(auth);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(organizationQualifications)
      .values({ organizationId, data: body, updatedAt: now, updatedBy: auth.account.id })
      .onConflictDoUpdate({
        target: organizationQualifications.organizationId,
        set: { data: body, updatedAt: now, updatedBy: auth.account.id },
      });
    await recordAudit(tx, {
      actorId: auth.account.id,
      action: 'organization.qualifications_saved',
      targetType: 'organization',
      targetId: organizationId,
      ip: meta.ip,
      at: now,
    });
  });
  return qualificationsView(ctx, auth);
}

/** 「市场局同步更新」 / 「商务部同步更新」: the agency's record replaces what it holds. */
export async function syncQualifications(
  ctx: AppContext,
  auth: Auth,
  agency: 'market' | 'commerce',
  meta: RequestMeta,
): Promise<QualificationsView> {
  const organizationId = requireAdministrator(auth);
  const organization = await getOrganizationById(ctx.db, organizationId);
  const creditCode = organization?.creditCode;
  if (!creditCode) throw new AppError('qualification.not_found', { status: 422 });
  const call = {
    adapter: ctx.registries.name,
    operation: agency,
    actorId: auth.account.id,
    target: { type: 'organization', id: organizationId },
    meta,
    outcomeOf: (record: unknown) => (record ? 'found' : 'not_found'),
  };
  const now = ctx.clock.now();
  if (agency === 'market') {
    const record = await callAgency(ctx, call, () => ctx.registries.market(creditCode));
    if (!record) throw new AppError('qualification.not_found', { status: 422 });
    await ctx.db.transaction(async (tx) => {
      await tx
        .update(organizations)
        .set({
          name: record.name,
          legalRepName: record.legalRepName,
          address: record.address,
          updatedAt: now,
        })
        .where(eq(organizations.id, organizationId));
      await tx
        .insert(organizationQualifications)
        .values({ organizationId, data: EMPTY, marketSyncedAt: now })
        .onConflictDoUpdate({
          target: organizationQualifications.organizationId,
          set: { marketSyncedAt: now },
        });
    });
  } else {
    const record = await callAgency(ctx, call, () => ctx.registries.commerce(creditCode));
    if (!record) throw new AppError('qualification.not_found', { status: 422 });
    const data: QualificationsBody = {
      ...(await storedQualifications(ctx, organizationId)),
      foreignTrade: { ...record },
    };
    await ctx.db
      .insert(organizationQualifications)
      .values({ organizationId, data, commerceSyncedAt: now })
      .onConflictDoUpdate({
        target: organizationQualifications.organizationId,
        set: { data, commerceSyncedAt: now },
      });
  }
  return qualificationsView(ctx, auth);
}
