import type { CreateStaffBody, StaffCreated, StaffGrant, StaffMemberView } from '@sw/contracts';
import { maskEmail, maskMobile } from '@sw/contracts';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../../context.ts';
import type { Db } from '../../../db/client.ts';
import { accounts, staffRoles } from '../../../db/schema/identity.ts';
import { AppError, fieldError } from '../../../http/app-error.ts';
import { isUniqueViolation } from '../../../lib/pg-errors.ts';
import { recordAudit } from '../../audit/index.ts';
import { generateInitialPassword } from '../administration/initial-password.ts';
import { type AccountRow, findAccountByUsername, insertAccount } from '../identity.repo.ts';
import { hashPassword } from '../passwords.ts';
import { type RequestMeta, refreshAccountSessions } from '../sessions.ts';
import { ALL_SERVICES, dutiesOfService, isRoleService } from '../staff-roles.ts';

/**
 * Grants checked against the registered services (platform_admin is global); a reviewer's duties
 * against the duties the service names (none listed, or all of them: every duty).
 */
function normalizeGrants(grants: readonly StaffGrant[]): StaffGrant[] {
  const out = new Map<string, StaffGrant>();
  grants.forEach((g, i) => {
    if (g.role === 'platform_admin') {
      out.set('platform_admin|*', { role: 'platform_admin', serviceCode: ALL_SERVICES });
      return;
    }
    if (!isRoleService(g.serviceCode))
      throw fieldError(`grants.${i}.serviceCode`, 'casework.service_unknown');
    const named = dutiesOfService(g.serviceCode);
    const duties = [...new Set(g.duties ?? [])];
    if (duties.length > 0 && (g.role !== 'reviewer' || duties.some((d) => !named.includes(d))))
      throw fieldError(`grants.${i}.duties`, 'staff.duty_unknown');
    const limited = duties.length > 0 && duties.length < named.length;
    out.set(`${g.role}|${g.serviceCode}`, {
      role: g.role,
      serviceCode: g.serviceCode,
      ...(limited ? { duties: named.filter((d) => duties.includes(d)) } : {}),
    });
  });
  return [...out.values()];
}

/** A grant as a staff_roles row. */
function grantRow(accountId: string, g: StaffGrant, grantedBy: string, grantedAt: Date) {
  return {
    accountId,
    role: g.role,
    serviceCode: g.serviceCode,
    duties: g.duties ?? null,
    grantedBy,
    grantedAt,
  };
}

async function grantsOf(db: Db, ids: string[]): Promise<Map<string, StaffGrant[]>> {
  const map = new Map<string, StaffGrant[]>();
  if (ids.length === 0) return map;
  const rows = await db
    .select({
      accountId: staffRoles.accountId,
      role: staffRoles.role,
      serviceCode: staffRoles.serviceCode,
      duties: staffRoles.duties,
    })
    .from(staffRoles)
    .where(inArray(staffRoles.accountId, ids))
    .orderBy(asc(staffRoles.role), asc(staffRoles.serviceCode));
  for (const r of rows) {
    const list = map.get(r.accountId) ?? [];
    list.push({ role: r.role, serviceCode: r.serviceCode, ...(r.duties ? { duties: r.duties } : {}) });
    map.set(r.accountId, list);
  }
  return map;
}

function present(ctx: AppContext, account: AccountRow, grants: StaffGrant[]): StaffMemberView {
  return {
    id: account.id,
    username: account.username,
    name: account.name,
    status: account.status,
    mobileMasked: account.mobileEnc ? maskMobile(ctx.crypto.decrypt(account.mobileEnc)) : null,
    emailMasked: account.emailEnc ? maskEmail(ctx.crypto.decrypt(account.emailEnc)) : null,
    grants,
    createdAt: account.createdAt.toISOString(),
    lastSignInAt: account.lastSignInAt?.toISOString() ?? null,
  };
}

export async function listStaff(ctx: AppContext): Promise<StaffMemberView[]> {
  const rows = await ctx.db
    .select()
    .from(accounts)
    .where(eq(accounts.kind, 'staff'))
    .orderBy(asc(accounts.username))
    .limit(1000);
  const grants = await grantsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => present(ctx, r, grants.get(r.id) ?? []));
}

/**
 * A staff account with its roles, in one transaction; the random initial password is returned
 * this once and must be changed at first sign-in.
 */
export async function createStaff(
  ctx: AppContext,
  actor: AccountRow,
  body: CreateStaffBody,
  meta: RequestMeta,
): Promise<StaffCreated> {
  const grants = normalizeGrants(body.grants);
  if (await findAccountByUsername(ctx.db, body.username))
    throw fieldError('username', 'account.username_taken', 409);
  const initialPassword = generateInitialPassword();
  const passwordHash = await hashPassword(initialPassword);
  const email = body.email.trim().toLowerCase();
  const now = ctx.clock.now();
  try {
    const account = await ctx.db.transaction(async (tx) => {
      const created = await insertAccount(tx, {
        username: body.username,
        kind: 'staff',
        status: 'active',
        name: body.name,
        mobileEnc: ctx.crypto.encrypt(body.mobile),
        mobileBidx: ctx.crypto.blindIndex('mobile', body.mobile),
        emailEnc: ctx.crypto.encrypt(email),
        emailBidx: ctx.crypto.blindIndex('email', email),
        passwordHash,
        mustChangePassword: true,
        createdBy: actor.id,
        createdAt: now,
        updatedAt: now,
      });
      if (grants.length)
        await tx.insert(staffRoles).values(grants.map((g) => grantRow(created.id, g, actor.id, now)));
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'staff.create',
        targetType: 'account',
        targetId: created.id,
        detail: { username: created.username, grants },
        ip: meta.ip,
        at: now,
      });
      return created;
    });
    return { staff: present(ctx, account, grants), initialPassword };
  } catch (err) {
    if (isUniqueViolation(err) === 'accounts_username_lower_uq')
      throw fieldError('username', 'account.username_taken', 409);
    throw err;
  }
}

/**
 * Replaces a staff member's roles (audited with before and after). A platform admin cannot take
 * the platform-admin role from themselves, so the platform is never left without one by mistake.
 */
export async function setStaffGrants(
  ctx: AppContext,
  actor: AccountRow,
  staffId: string,
  requested: readonly StaffGrant[],
  meta: RequestMeta,
): Promise<StaffMemberView> {
  const grants = normalizeGrants(requested);
  const [target] = await ctx.db
    .select()
    .from(accounts)
    .where(and(eq(accounts.id, staffId), eq(accounts.kind, 'staff')));
  if (!target) throw new AppError('staff.not_found', { status: 404 });
  if (target.id === actor.id && !grants.some((g) => g.role === 'platform_admin'))
    throw fieldError('grants', 'staff.cannot_remove_own_admin', 409);
  const now = ctx.clock.now();
  const before = (await grantsOf(ctx.db, [target.id])).get(target.id) ?? [];
  await ctx.db.transaction(async (tx) => {
    await tx.delete(staffRoles).where(eq(staffRoles.accountId, target.id));
    if (grants.length)
      await tx.insert(staffRoles).values(grants.map((g) => grantRow(target.id, g, actor.id, now)));
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'staff.set_grants',
      targetType: 'account',
      targetId: target.id,
      detail: { before, after: grants },
      ip: meta.ip,
      at: now,
    });
  });
  // the roles are cached with the sessions (every instance evicts on this broadcast)
  await refreshAccountSessions(ctx, target.id);
  return present(ctx, target, grants);
}
