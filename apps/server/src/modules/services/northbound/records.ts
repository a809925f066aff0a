import { createHash } from 'node:crypto';
import { maskEmail, maskIdNumber, maskMobile, maskName, normalizeHkId } from '@sw/contracts';
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { AppContext } from '../../../context.ts';
import type { Db } from '../../../db/client.ts';
import { fieldError } from '../../../http/app-error.ts';
import { isUniqueViolation } from '../../../lib/pg-errors.ts';
import { recordAudit } from '../../audit/index.ts';
import {
  type ApplicationRow,
  createGuestDraft,
  definitionOf,
  findApplicationById,
  findApplicationsOf,
  findLatestReason,
  setApplicantAccount,
  shanghaiDay,
  submitInTransaction,
} from '../../casework/index.ts';
import type { HkTdFeed, InsurerData } from './adapters.ts';
import {
  type CenterView,
  type HkTdApplication,
  type InsuranceView,
  type NbState,
  NORTHBOUND,
  type NorthboundForm,
  stageOf,
  type VehicleDetail,
  type VehicleView,
} from './contract.ts';
import { SAMPLE_HKTD_APPLICATIONS } from './samples.ts';
import { northboundCrossings, northboundRecords } from './schema.ts';
import { type Crossing, stayTime } from './stay.ts';

export type RecordRow = typeof northboundRecords.$inferSelect;

/** The adapters, set once by the service's setup. */
export const adapters: { hktd: HkTdFeed | null; insurer: InsurerData | null } = { hktd: null, insurer: null };

export function insurerOf(): InsurerData {
  if (!adapters.insurer) throw new Error('northbound: the insurer adapter is not set up');
  return adapters.insurer;
}

export function hkidIndex(ctx: AppContext, hkid: string): string {
  return ctx.crypto.blindIndex('hkid', hkid);
}

export function readData(ctx: AppContext, row: RecordRow): HkTdApplication {
  return JSON.parse(ctx.crypto.decrypt(row.dataEnc)) as HkTdApplication;
}

export function readInsurance(ctx: AppContext, row: RecordRow): InsuranceView | null {
  return row.insuranceEnc ? (JSON.parse(ctx.crypto.decrypt(row.insuranceEnc)) as InsuranceView) : null;
}

function vehicleText(app: HkTdApplication): string {
  return `${app.vehicle.make} ${app.vehicle.model}（${app.vehicle.colour}）`;
}

function formOf(app: HkTdApplication): NorthboundForm {
  return {
    hktdRef: app.hktdRef,
    ownerName: app.owner.name,
    ownerHkid: normalizeHkId(app.owner.hkid),
    hkPlate: app.vehicle.hkPlate,
    vehicle: vehicleText(app),
    drivers: app.drivers.length,
    permittedFrom: app.permittedFrom,
    permittedUntil: app.permittedUntil,
  };
}

export async function findRecordByRef(db: Db, hktdRef: string): Promise<RecordRow | undefined> {
  const [row] = await db.select().from(northboundRecords).where(eq(northboundRecords.hktdRef, hktdRef));
  return row;
}

export async function findRecordByApplication(db: Db, applicationId: string): Promise<RecordRow | undefined> {
  const [row] = await db
    .select()
    .from(northboundRecords)
    .where(eq(northboundRecords.applicationId, applicationId));
  return row;
}

/** The owner's own record, or 404 (never another account's). */
export async function ownRecord(db: Db, accountId: string, recordId: string): Promise<RecordRow> {
  const [row] = await db
    .select()
    .from(northboundRecords)
    .where(and(eq(northboundRecords.id, recordId), eq(northboundRecords.accountId, accountId)));
  if (!row) throw fieldError('recordId', 'northbound.record_not_found', 404);
  return row;
}

/**
 * An application from HK TD (adapter, import or, later, its API): a new one becomes a casework
 * application in 初审通过 (number GCBS…) with its record, in one transaction; a known one has its
 * data replaced — what the owner sees follows — unless nothing changed. Bad data was refused by the
 * schema before this.
 */
export async function receiveHkTdApplication(
  ctx: AppContext,
  app: HkTdApplication,
  actorId: string | null,
): Promise<'created' | 'updated' | 'unchanged'> {
  try {
    return await receiveOnce(ctx, app, actorId);
  } catch (err) {
    // another instance received the same new reference at the same moment: it is known now
    if (isUniqueViolation(err) === 'northbound_records_hktd_ref_unique')
      return receiveOnce(ctx, app, actorId);
    throw err;
  }
}

async function receiveOnce(
  ctx: AppContext,
  app: HkTdApplication,
  actorId: string | null,
): Promise<'created' | 'updated' | 'unchanged'> {
  const canonical = JSON.stringify(app);
  const hash = createHash('sha256').update(canonical).digest('hex');
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const existing = await tx
      .select()
      .from(northboundRecords)
      .where(eq(northboundRecords.hktdRef, app.hktdRef))
      .for('update');
    const current = existing[0];
    if (current) {
      if (current.dataHash === hash) return 'unchanged';
      await tx
        .update(northboundRecords)
        .set({
          dataEnc: ctx.crypto.encrypt(canonical),
          dataHash: hash,
          ownerHkidBidx: hkidIndex(ctx, app.owner.hkid),
          hkPlate: app.vehicle.hkPlate,
          permittedFrom: app.permittedFrom,
          permittedUntil: app.permittedUntil,
          updatedAt: now,
        })
        .where(eq(northboundRecords.id, current.id));
      await recordAudit(tx, {
        actorId,
        action: 'northbound.hktd_updated',
        targetType: 'application',
        targetId: current.applicationId,
        detail: { hktdRef: app.hktdRef },
        at: now,
      });
      return 'updated';
    }
    const draft = await createGuestDraft(ctx, tx, {
      serviceCode: NORTHBOUND,
      applicantName: app.owner.name,
      applicantCode: app.vehicle.hkPlate,
      form: formOf(app),
      at: now,
    });
    const { application } = await submitInTransaction(ctx, tx, {
      row: draft,
      definition: definitionOf(NORTHBOUND),
      actorId,
      now,
    });
    // an owner who bound this HKID before the application arrived gets it at once
    const [bound] = await tx
      .select({ accountId: northboundRecords.accountId })
      .from(northboundRecords)
      .where(
        and(
          eq(northboundRecords.ownerHkidBidx, hkidIndex(ctx, app.owner.hkid)),
          sql`${northboundRecords.accountId} is not null`,
        ),
      )
      .limit(1);
    await tx.insert(northboundRecords).values({
      hktdRef: app.hktdRef,
      applicationId: application.id,
      ownerHkidBidx: hkidIndex(ctx, app.owner.hkid),
      accountId: bound?.accountId ?? null,
      dataEnc: ctx.crypto.encrypt(canonical),
      dataHash: hash,
      hkPlate: app.vehicle.hkPlate,
      permittedFrom: app.permittedFrom,
      permittedUntil: app.permittedUntil,
      createdAt: now,
      updatedAt: now,
    });
    if (bound?.accountId) await setApplicantAccount(tx, application.id, bound.accountId);
    await recordAudit(tx, {
      actorId,
      action: 'northbound.hktd_received',
      targetType: 'application',
      targetId: application.id,
      detail: { hktdRef: app.hktdRef },
      at: now,
    });
    return 'created';
  });
}

/** Pulls what HK TD changed since the last pull (the feed's timer; the simulator sends its samples once). */
export async function pullHkTd(ctx: AppContext, since: Date | null): Promise<number> {
  if (!adapters.hktd) return 0;
  const changed = await adapters.hktd.changedSince(since);
  let n = 0;
  for (const app of changed) if ((await receiveHkTdApplication(ctx, app, null)) !== 'unchanged') n++;
  return n;
}

// ——————————————————————————————— 个人中心 ———————————————————————————————

export async function recordsOfAccount(db: Db, accountId: string): Promise<RecordRow[]> {
  return db
    .select()
    .from(northboundRecords)
    .where(eq(northboundRecords.accountId, accountId))
    .orderBy(asc(northboundRecords.createdAt));
}

/** The stay time counts this calendar year (China) and an open stay: the crossings from here on suffice. */
function stayWindowStart(now: Date): Date {
  return new Date(`${shanghaiDay(now).slice(0, 4)}-01-01T00:00:00+08:00`);
}

type StayCrossingCell = { direction: 'entry' | 'exit'; port: string; at: string; isBefore: boolean };

/**
 * The crossings a record's stay time needs, as a JSON array: this year's, and the last one before
 * the year (it counts only when it opened a stay — see toStayCrossings). One definition of the
 * window for the 个人中心 (every vehicle at once) and for a single record.
 */
function stayCrossingsSql(recordId: SQL, yearStart: SQL): SQL<StayCrossingCell[]> {
  return sql<StayCrossingCell[]>`(
    select coalesce(json_agg(json_build_object('direction', c.direction, 'port', c.port, 'at', c.at,
      'isBefore', c.is_before) order by c.is_before desc, c.at), '[]'::json)
    from (
      (select b.direction, b.port, b.at, true as is_before from ${northboundCrossings} b
        where b.record_id = ${recordId} and b.at < ${yearStart}
        order by b.at desc limit 1)
      union all
      (select y.direction, y.port, y.at, false as is_before from ${northboundCrossings} y
        where y.record_id = ${recordId} and y.at >= ${yearStart})
    ) c)`;
}

/** The cells as stay.ts takes them: the last crossing before the year only when it opened a stay. */
function toStayCrossings(cells: readonly StayCrossingCell[]): Crossing[] {
  return cells
    .filter((c, i) => !(i === 0 && c.isBefore && c.direction !== 'entry'))
    .map((c) => ({ direction: c.direction, port: c.port, at: new Date(c.at) }));
}

/** This year's crossings of a record and the last one before it (an open stay may start earlier). */
export async function crossingsForStay(db: Db, recordId: string, now: Date): Promise<Crossing[]> {
  const yearStart = sql`${stayWindowStart(now).toISOString()}::timestamptz`;
  const result = (await db.execute(
    sql`select ${stayCrossingsSql(sql`${recordId}::uuid`, yearStart)} as crossings`,
  )) as unknown as { rows: { crossings: StayCrossingCell[] }[] };
  return toStayCrossings(result.rows[0]?.crossings ?? []);
}

function buildRecordsWithStayCrossings(db: Db) {
  const recordId = sql`${northboundRecords}.${sql.identifier('id')}`;
  const yearStart = sql`${sql.placeholder('yearStart')}::timestamptz`;
  return db
    .select({ record: northboundRecords, crossings: stayCrossingsSql(recordId, yearStart) })
    .from(northboundRecords)
    .where(eq(northboundRecords.accountId, sql.placeholder('accountId')))
    .orderBy(asc(northboundRecords.createdAt))
    .prepare('northbound_records_with_stay_crossings');
}

// Every visit to the 个人中心 runs this: a named prepared statement, one per database handle.
const recordsWithStayCrossingsStatements = new WeakMap<
  Db,
  ReturnType<typeof buildRecordsWithStayCrossings>
>();

/**
 * The account's records, oldest first, each with the crossings its stay time needs (as
 * crossingsForStay reads them), in one query whatever the number of vehicles.
 */
async function recordsWithStayCrossings(
  db: Db,
  accountId: string,
  now: Date,
): Promise<{ record: RecordRow; crossings: Crossing[] }[]> {
  let statement = recordsWithStayCrossingsStatements.get(db);
  if (!statement) {
    statement = buildRecordsWithStayCrossings(db);
    recordsWithStayCrossingsStatements.set(db, statement);
  }
  const rows = await statement.execute({ accountId, yearStart: stayWindowStart(now).toISOString() });
  return rows.map(({ record, crossings }) => ({ record, crossings: toStayCrossings(crossings) }));
}

const STATES_WITH_PLATE: readonly NbState[] = ['active', 'suspended', 'revoked'];
const STATES_WITH_REASON: Partial<Record<NbState, string>> = {
  suspended: 'suspend',
  revoked: 'revoke',
  rejected: 'reject',
};

/** A vehicle as its owner sees it; `stay` brings the crossings already read (recordsWithStayCrossings). */
export async function presentVehicle(
  ctx: AppContext,
  row: RecordRow,
  application: ApplicationRow,
  stay?: { crossings: Crossing[]; now: Date },
): Promise<VehicleView> {
  const definition = definitionOf(NORTHBOUND);
  const status = application.status as NbState;
  const data = readData(ctx, row);
  const reasonAction = STATES_WITH_REASON[status];
  const now = stay?.now ?? ctx.clock.now();
  return {
    recordId: row.id,
    applicationId: application.id,
    number: application.number ?? '',
    hktdRef: row.hktdRef,
    hkPlate: row.hkPlate,
    vehicle: vehicleText(data),
    status,
    statusName: definition.stateNames[status]!,
    statusTone: definition.stateTones[status]!,
    stage: stageOf(status),
    reason: reasonAction ? await findLatestReason(ctx.db, application.id, reasonAction) : null,
    permittedFrom: row.permittedFrom,
    permittedUntil: row.permittedUntil,
    canFillInsurance: status === 'inspection',
    insurance: readInsurance(ctx, row),
    tempPlate: row.tempPlate,
    permitValidFrom: row.permitValidFrom,
    permitValidTo: row.permitValidTo,
    tagNo: row.tagNo,
    stay: STATES_WITH_PLATE.includes(status)
      ? stayTime(stay?.crossings ?? (await crossingsForStay(ctx.db, row.id, now)), now)
      : null,
  };
}

/**
 * 个人中心: the bound vehicles with their progress (none shown before HK TD's data arrives or
 * before the binding), plate and stay time.
 */
export async function centerOf(
  ctx: AppContext,
  account: { id: string; realNameLevel: string },
  hkidMasked: string | null,
): Promise<CenterView> {
  // two queries at once, whatever the number of vehicles: the records with their crossings, and
  // the owner's applications (each record's, bound to the account with it; read alone if not)
  const now = ctx.clock.now();
  const [rows, applications] = await Promise.all([
    recordsWithStayCrossings(ctx.db, account.id, now),
    findApplicationsOf(ctx.db, account.id, NORTHBOUND),
  ]);
  const applicationsById = new Map(applications.map((a) => [a.id, a]));
  const vehicles: VehicleView[] = [];
  for (const { record, crossings } of rows) {
    const application =
      applicationsById.get(record.applicationId) ?? (await findApplicationById(ctx.db, record.applicationId));
    if (application) vehicles.push(await presentVehicle(ctx, record, application, { crossings, now }));
  }
  const simulated = adapters.hktd?.isSimulator && ctx.config.mode !== 'production';
  return {
    bound: rows.length > 0 || hkidMasked !== null,
    faceVerified: account.realNameLevel === 'high',
    hkidMasked,
    vehicles,
    ...(simulated && rows.length === 0
      ? { simulatorSamples: SAMPLE_HKTD_APPLICATIONS.map((a) => normalizeHkId(a.owner.hkid)) }
      : {}),
  };
}

/** 我的资料 / 我的驾驶人: the HK TD record, personal numbers masked. */
export function presentDetail(ctx: AppContext, row: RecordRow): VehicleDetail {
  const data = readData(ctx, row);
  const tags = row.driverTags ? (JSON.parse(row.driverTags) as string[]) : [];
  return {
    recordId: row.id,
    owner: {
      name: maskName(data.owner.name),
      nameEn: data.owner.nameEn ?? null,
      hkidMasked: maskIdNumber(normalizeHkId(data.owner.hkid)),
      mobileMasked: maskMobile(data.owner.mobile),
      emailMasked: data.owner.email ? maskEmail(data.owner.email) : null,
    },
    vehicle: { ...data.vehicle },
    drivers: data.drivers.map((driver, i) => ({
      name: maskName(driver.name),
      hkidMasked: maskIdNumber(normalizeHkId(driver.hkid)),
      licenceNo: driver.licenceNo,
      driverTagNo: tags[i] ?? null,
    })),
  };
}

// ——————————————————————————————— 发牌 ———————————————————————————————

function addYears(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y + years, m - 1, d));
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

/**
 * 发牌, in the step's transaction: the temporary mainland plate (粤Z·____港, a sequence held by the
 * unique index), the e-plate/permit validity (today to the end of HK TD's permitted period, at most
 * a year), the vehicle tag (车卡) and one 驾驶人标识 per designated driver.
 */
export async function issuePlates(
  ctx: AppContext,
  tx: Db,
  applicationId: string,
): Promise<Record<string, string>> {
  const [row] = await tx
    .select()
    .from(northboundRecords)
    .where(eq(northboundRecords.applicationId, applicationId))
    .for('update');
  if (!row) throw fieldError('recordId', 'northbound.record_not_found', 404);
  const data = readData(ctx, row);
  const today = shanghaiDay(ctx.clock.now());
  const result = (await tx.execute(
    sql`select count(*)::int as n from ${northboundRecords} where ${northboundRecords.tempPlate} is not null`,
  )) as unknown as { rows: { n: number }[] };
  const seq = (result.rows[0]?.n ?? 0) + 1;
  const tempPlate = row.tempPlate ?? `粤Z·${String(seq).padStart(4, '0')}港`;
  const tagNo = row.tagNo ?? `GCBS${today.replaceAll('-', '')}${String(seq).padStart(6, '0')}`;
  const driverTags = data.drivers.map((_, i) => `${tagNo}-D${i + 1}`);
  const until = [row.permittedUntil, addYears(today, 1)].sort()[0]!;
  await tx
    .update(northboundRecords)
    .set({
      tempPlate,
      tagNo,
      driverTags: JSON.stringify(driverTags),
      permitValidFrom: today,
      permitValidTo: until,
      updatedAt: ctx.clock.now(),
    })
    .where(eq(northboundRecords.id, row.id));
  return { tempPlate, permitValidTo: until };
}

// ——————————————————————————————— crossings (border ports) ———————————————————————————————

export async function insertCrossing(
  tx: Db,
  values: { recordId: string; direction: 'entry' | 'exit'; port: string; at: Date; withoutBooking: boolean },
) {
  await tx.insert(northboundCrossings).values(values);
}

export async function countCrossingsWithoutBooking(db: Db, recordId: string): Promise<number> {
  const result = (await db.execute(
    sql`select count(*)::int as n from ${northboundCrossings}
        where ${northboundCrossings.recordId} = ${recordId} and ${northboundCrossings.withoutBooking}`,
  )) as unknown as { rows: { n: number }[] };
  return result.rows[0]?.n ?? 0;
}

export async function recordsByIds(db: Db, ids: readonly string[]): Promise<RecordRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(northboundRecords)
    .where(inArray(northboundRecords.id, [...ids]));
}
