import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { organizations } from '../../../db/schema/identity.ts';
import type { OrganizationRow } from './organization.presenter.ts';

export async function getOrganizationById(db: Db, id: string): Promise<OrganizationRow | undefined> {
  const [row] = await db.select().from(organizations).where(eq(organizations.id, id)).limit(1);
  return row;
}

export async function findOrganizationByOrgCode(
  db: Db,
  orgCode: string,
): Promise<OrganizationRow | undefined> {
  const [row] = await db.select().from(organizations).where(eq(organizations.orgCode, orgCode)).limit(1);
  return row;
}

export async function insertOrganization(
  db: Db,
  values: typeof organizations.$inferInsert,
): Promise<OrganizationRow> {
  const [row] = await db.insert(organizations).values(values).returning();
  return row!;
}

export async function findOrganizationByCreditCode(
  db: Db,
  creditCode: string,
): Promise<OrganizationRow | undefined> {
  const [row] = await db
    .select()
    .from(organizations)
    .where(eq(organizations.creditCode, creditCode))
    .limit(1);
  return row;
}

/**
 * Sets an overseas organization's registration number only while it is empty (seed 004 §3.1: 补充后不可修改).
 * One conditional UPDATE, so two concurrent supplements cannot both succeed. Undefined when it was already set.
 */
export async function setRegistrationNoIfEmpty(
  db: Db,
  id: string,
  registrationNo: string,
  at: Date,
): Promise<OrganizationRow | undefined> {
  const [row] = await db
    .update(organizations)
    .set({ registrationNo, updatedAt: at })
    .where(and(eq(organizations.id, id), isNull(organizations.registrationNo)))
    .returning();
  return row;
}

/** Changes an organization's registration data (a corrected registration). */
export async function updateOrganization(
  db: Db,
  id: string,
  values: Partial<typeof organizations.$inferInsert>,
) {
  await db.update(organizations).set(values).where(eq(organizations.id, id));
}

/** Activates an organization waiting for review (registration approved). */
export async function activatePendingOrganization(db: Db, id: string, at: Date) {
  await db
    .update(organizations)
    .set({ status: 'active', updatedAt: at })
    .where(and(eq(organizations.id, id), eq(organizations.status, 'pending_review')));
}
