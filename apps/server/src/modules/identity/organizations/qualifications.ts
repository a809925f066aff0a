import { QualificationsBody, type QualificationsView } from '@sw/contracts';
import { eq } from 'drizzle-orm';
import type { AppContext } from '../../../context.ts';
import { organizationQualifications, organizations } from '../../../db/schema/identity.ts';
import { AppError } from '../../../http/app-error.ts';
import { withAgencyTimeout } from '../../../integrations/identity-check.ts';
import { recordAudit } from '../../audit/index.ts';
import type { Auth } from '../auth.ts';
import type { RequestMeta } from '../sessions.ts';
import { getOrganizationById } from './organization.repo.ts';

/*
 * 我的资质 (seed 004 §3.4): the administrator views and edits the organization's filings (no
 * approval); the market regulator's and the commerce ministry's data are pulled on request through
 * the registries adapter, each call timed out and audited with its outcome.
 */

const EMPTY: QualificationsBody = { customs: {}, inspection: {}, foreignTrade: {}, origin: {} };

function administratorOrg(auth: Auth): string {
  const kind = auth.account.kind;
  if ((kind !== 'enterprise_admin' && kind !== 'institution_admin') || !auth.account.organizationId) {
    throw new AppError('account.not_operator_admin', { status: 403 });
  }
  return auth.account.organizationId;
}

export async function qualificationsView(ctx: AppContext, auth: Auth): Promise<QualificationsView> {
  const organizationId = administratorOrg(auth);
  const organization = await getOrganizationById(ctx.db, organizationId);
  if (!organization) throw new AppError('account.not_operator_admin', { status: 403 });
  const [row] = await ctx.db
    .select()
    .from(organizationQualifications)
    .where(eq(organizationQualifications.organizationId, organizationId))
    .limit(1);
  // stored as validated when saved; parsed again so an older shape never reaches the page
  const parsed = QualificationsBody.safeParse(row?.data ?? EMPTY);
  return {
    creditCode: organization.creditCode,
    orgCode: organization.orgCode,
    name: organization.name,
    legalRepName: organization.legalRepName,
    address: organization.address,
    qualifications: parsed.success ? parsed.data : EMPTY,
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
  const organizationId = administratorOrg(auth);
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
  const organizationId = administratorOrg(auth);
  const organization = await getOrganizationById(ctx.db, organizationId);
  if (!organization?.creditCode) throw new AppError('qualification.not_found', { status: 422 });
  const started = performance.now();
  let outcome = 'error';
  try {
    const now = ctx.clock.now();
    if (agency === 'market') {
      const record = await withAgencyTimeout(ctx.registries.market(organization.creditCode));
      outcome = record ? 'found' : 'not_found';
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
      const record = await withAgencyTimeout(ctx.registries.commerce(organization.creditCode));
      outcome = record ? 'found' : 'not_found';
      if (!record) throw new AppError('qualification.not_found', { status: 422 });
      const current = (await qualificationsView(ctx, auth)).qualifications;
      const data: QualificationsBody = { ...current, foreignTrade: { ...record } };
      await ctx.db
        .insert(organizationQualifications)
        .values({ organizationId, data, commerceSyncedAt: now })
        .onConflictDoUpdate({
          target: organizationQualifications.organizationId,
          set: { data, commerceSyncedAt: now },
        });
    }
  } catch (error) {
    if (error instanceof AppError && outcome === 'error') outcome = error.code;
    throw error;
  } finally {
    await recordAudit(ctx.db, {
      actorId: auth.account.id,
      action: 'agency.call',
      targetType: 'organization',
      targetId: organizationId,
      detail: {
        adapter: ctx.registries.name,
        operation: agency,
        outcome,
        ms: Math.round(performance.now() - started),
      },
      ip: meta.ip,
      at: ctx.clock.now(),
    });
  }
  return qualificationsView(ctx, auth);
}
