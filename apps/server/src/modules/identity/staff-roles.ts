import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { accounts, staffRoles } from '../../db/schema/identity.ts';

export type StaffRole = 'platform_admin' | 'reviewer' | 'supervisor';
/** Who takes a step of a workflow: the applicant, or staff holding a role for the service. */
export type WorkflowRole = 'applicant' | 'reviewer' | 'supervisor';

/** service code → the duties (岗位) its steps are divided into; empty when it names none */
const knownServices = new Map<string, readonly string[]>();

/**
 * The services staff may hold roles for, with the duties a reviewer may be limited to. The
 * casework engine names each service it registers, so this module needs no knowledge of casework
 * (which depends on it).
 */
export function registerRoleService(code: string, duties: readonly string[] = []) {
  knownServices.set(code, duties);
}

export function isRoleService(code: string): boolean {
  return knownServices.has(code);
}

/** The duties a service's steps are divided into (empty: none). */
export function dutiesOfService(code: string): readonly string[] {
  return knownServices.get(code) ?? [];
}
/** The service code a platform-admin grant carries (it is not tied to a service). */
export const ALL_SERVICES = '*';

/** What a staff account may do: platform administration, and per service review or supervision. */
export type StaffGrants = {
  platformAdmin: boolean;
  services: ReadonlyMap<string, ReadonlySet<'reviewer' | 'supervisor'>>;
  /** per service, the duties a reviewer is limited to (absent: every duty) */
  duties: ReadonlyMap<string, ReadonlySet<string>>;
};

export async function loadStaffGrants(db: Db, accountId: string): Promise<StaffGrants> {
  const rows = await db
    .select({ role: staffRoles.role, serviceCode: staffRoles.serviceCode, duties: staffRoles.duties })
    .from(staffRoles)
    .where(eq(staffRoles.accountId, accountId));
  const services = new Map<string, Set<'reviewer' | 'supervisor'>>();
  const duties = new Map<string, Set<string>>();
  let platformAdmin = false;
  for (const row of rows) {
    if (row.role === 'platform_admin') platformAdmin = true;
    else {
      const set = services.get(row.serviceCode) ?? new Set();
      set.add(row.role);
      services.set(row.serviceCode, set);
      if (row.role === 'reviewer' && row.duties?.length) duties.set(row.serviceCode, new Set(row.duties));
    }
  }
  return { platformAdmin, services, duties };
}

/**
 * The duties a staff member is limited to for a service, or undefined for every duty (a
 * supervisor, or a reviewer granted without limits).
 */
export function dutiesFor(grants: StaffGrants, serviceCode: string): ReadonlySet<string> | undefined {
  if (grants.services.get(serviceCode)?.has('supervisor')) return undefined;
  return grants.duties.get(serviceCode);
}

/** The workflow roles a staff member holds for one service (empty: none). */
export function workflowRolesFor(grants: StaffGrants, serviceCode: string): Set<WorkflowRole> {
  return new Set(grants.services.get(serviceCode) ?? []);
}

/** The services a staff member works on (reviewer or supervisor). */
export function servicesOf(grants: StaffGrants): string[] {
  return [...grants.services.keys()];
}

/**
 * Grants and revokes below write the table only; routes that change roles of an account that may
 * be signed in call refreshAccountSessions afterwards (roles are cached with the sessions).
 */
export async function grantStaffRole(
  db: Db,
  values: {
    accountId: string;
    role: StaffRole;
    serviceCode: string;
    /** a reviewer limited to these duties of the service */
    duties?: string[];
    grantedBy: string | null;
    at: Date;
  },
): Promise<boolean> {
  const rows = await db
    .insert(staffRoles)
    .values({
      accountId: values.accountId,
      role: values.role,
      serviceCode: values.role === 'platform_admin' ? ALL_SERVICES : values.serviceCode,
      duties: values.role === 'reviewer' && values.duties?.length ? values.duties : null,
      grantedBy: values.grantedBy,
      grantedAt: values.at,
    })
    .onConflictDoNothing()
    .returning({ accountId: staffRoles.accountId });
  return rows.length > 0;
}

export async function revokeStaffRole(
  db: Db,
  values: { accountId: string; role: StaffRole; serviceCode: string },
): Promise<boolean> {
  const rows = await db
    .delete(staffRoles)
    .where(
      and(
        eq(staffRoles.accountId, values.accountId),
        eq(staffRoles.role, values.role),
        eq(staffRoles.serviceCode, values.role === 'platform_admin' ? ALL_SERVICES : values.serviceCode),
      ),
    )
    .returning({ accountId: staffRoles.accountId });
  return rows.length > 0;
}

/** The accounts holding `role` for a service. */
export async function findServiceStaff(
  db: Db,
  serviceCode: string,
  role: 'reviewer' | 'supervisor',
): Promise<string[]> {
  const rows = await db
    .select({ accountId: staffRoles.accountId })
    .from(staffRoles)
    .where(and(eq(staffRoles.serviceCode, serviceCode), eq(staffRoles.role, role)));
  return rows.map((r) => r.accountId);
}

/** The reviewers and supervisors of a service, one row per role held. */
export async function findServiceStaffMembers(db: Db, serviceCode: string) {
  return db
    .select({ id: accounts.id, name: accounts.name, username: accounts.username, role: staffRoles.role })
    .from(staffRoles)
    .innerJoin(accounts, eq(accounts.id, staffRoles.accountId))
    .where(
      and(eq(staffRoles.serviceCode, serviceCode), inArray(staffRoles.role, ['reviewer', 'supervisor'])),
    );
}
