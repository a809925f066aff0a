import { maskEmail, maskIdNumber, maskMobile, normalizeHkId } from '@sw/contracts';
import { and, eq, isNull, or } from 'drizzle-orm';
import type { AppContext } from '../../../context.ts';
import { AppError, fieldError } from '../../../http/app-error.ts';
import {
  type BookingRow,
  type BookingRules,
  book,
  cancelBooking,
  cutoffOf,
  daySlots,
  listBookings,
} from '../../appointments/index.ts';
import { recordAudit } from '../../audit/index.ts';
import {
  findApplicationById,
  insertAttachment,
  setApplicantAccount,
  shanghaiDay,
} from '../../casework/index.ts';
import { findFileById } from '../../files/index.ts';
import {
  type Auth,
  checkOneTimeCode,
  consumeCheckedCode,
  countVerification,
  type RequestMeta,
  registerIndividual,
  sendOneTimeCode,
} from '../../identity/index.ts';
import {
  type BindBody,
  type BindCodeBody,
  type BindCodeSent,
  type BookingView,
  DEFAULT_PORT,
  type InsuranceBody,
  type InsuranceView,
  type NbState,
  NORTHBOUND,
  NORTHBOUND_PORTS,
  type NorthboundDaySlots,
  type NorthboundPort,
  type NorthboundRegisterBody,
  type PolicyLookup,
} from './contract.ts';
import { hkidIndex, insurerOf, ownRecord, type RecordRow, readData, recordsByIds } from './records.ts';
import { northboundProfiles, northboundRecords } from './schema.ts';

/** 通关预约's rules: book and cancel by noon the day before, up to 7 days ahead. */
export const BOOKING_RULES: BookingRules = { cutoffHourDayBefore: 12, horizonDays: 7 };

const BIND_TRIES_PER_HOUR = 10;

// ——————————————————————————————— 个人注册 (000 §2.1) ———————————————————————————————

/**
 * The account (identity's 个人用户注册, with the mainland mobile proven by its code) and what the
 * manual asks beyond it, in one go; the caller then signs the person in for 实名核验.
 */
export async function registerOwner(ctx: AppContext, body: NorthboundRegisterBody, meta: RequestMeta) {
  const today = shanghaiDay(ctx.clock.now());
  if (body.idValidTo < today) throw fieldError('idValidTo', 'northbound.permit_expired');
  if (body.birthDate >= today) throw fieldError('birthDate', 'field.invalid');
  const created = await registerIndividual(
    ctx,
    {
      name: body.name,
      idType: body.idType,
      idNumber: body.idNumber,
      username: body.username,
      password: body.password,
      confirmPassword: body.confirmPassword,
      mobile: body.mobile,
      smsCode: body.smsCode,
      agreement: true,
    },
    meta.locale,
  );
  await ctx.db.insert(northboundProfiles).values({
    accountId: created.id,
    gender: body.gender,
    birthDate: body.birthDate,
    idValidTo: body.idValidTo,
    addressEnc: ctx.crypto.encrypt(JSON.stringify({ region: body.region, address: body.address })),
    activateNational: body.activateNational,
    createdAt: ctx.clock.now(),
  });
  return created;
}

// ——————————————————————————————— 首次登录 (000 §3.1) ———————————————————————————————

function requireIndividual(auth: Auth) {
  if (auth.account.kind !== 'individual') throw new AppError('auth.forbidden', { status: 403 });
}

function requireFaceVerified(auth: Auth) {
  if (auth.account.realNameLevel !== 'high') throw fieldError('hkid', 'northbound.face_check_required', 403);
}

/** The HK TD records of an HKID, or the manual's 「无法查找申请资料」 next to the field. */
async function recordsOfHkid(ctx: AppContext, hkid: string): Promise<RecordRow[]> {
  const rows = await ctx.db
    .select()
    .from(northboundRecords)
    .where(eq(northboundRecords.ownerHkidBidx, hkidIndex(ctx, hkid)));
  if (rows.length === 0) throw fieldError('hkid', 'northbound.hkid_not_found', 404);
  return rows;
}

/** Where the code goes: the contact the applicant gave HK TD — never one typed here. */
function contactOf(ctx: AppContext, rows: RecordRow[], channel: 'sms' | 'email'): string {
  const owner = readData(ctx, rows[0]!).owner;
  const target = channel === 'sms' ? owner.mobile : owner.email;
  if (!target) throw fieldError('channel', 'northbound.contact_missing', 422);
  return target;
}

export async function sendBindCode(
  ctx: AppContext,
  auth: Auth,
  body: BindCodeBody,
  meta: RequestMeta,
): Promise<BindCodeSent> {
  requireIndividual(auth);
  requireFaceVerified(auth);
  await countVerification(ctx, `northbound-bind:${auth.account.id}`, BIND_TRIES_PER_HOUR);
  const rows = await recordsOfHkid(ctx, body.hkid);
  const target = contactOf(ctx, rows, body.channel);
  const sent = await sendOneTimeCode(ctx, {
    channel: body.channel,
    target,
    purpose: 'first_sign_in',
    locale: meta.locale ?? 'zh-HK',
  });
  return {
    channel: body.channel,
    targetMasked: body.channel === 'sms' ? maskMobile(target) : maskEmail(target),
    resendAfter: sent.resendAfter,
    ...(sent.simulator ? { simulator: sent.simulator } : {}),
  };
}

/**
 * Binds the HKID's HK TD records to the signed-in account: the code must be the one sent to HK TD's
 * contact. Records bound to another account stay theirs (409). Each application gets its applicant.
 */
export async function bindHkid(ctx: AppContext, auth: Auth, body: BindBody, meta: RequestMeta) {
  requireIndividual(auth);
  requireFaceVerified(auth);
  const rows = await recordsOfHkid(ctx, body.hkid);
  const target = contactOf(ctx, rows, body.channel);
  const codeId = await checkOneTimeCode(
    ctx,
    { channel: body.channel, target, purpose: 'first_sign_in' },
    body.code,
    'code',
  );
  if (rows.some((r) => r.accountId && r.accountId !== auth.account.id))
    throw fieldError('hkid', 'northbound.already_bound', 409);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await consumeCheckedCode(ctx, tx, codeId, 'code');
    const bound = await tx
      .update(northboundRecords)
      .set({ accountId: auth.account.id, updatedAt: now })
      .where(
        and(
          eq(northboundRecords.ownerHkidBidx, hkidIndex(ctx, body.hkid)),
          or(isNull(northboundRecords.accountId), eq(northboundRecords.accountId, auth.account.id)),
        ),
      )
      .returning();
    if (bound.length !== rows.length) throw fieldError('hkid', 'northbound.already_bound', 409);
    for (const row of bound) await setApplicantAccount(tx, row.applicationId, auth.account.id);
    await recordAudit(tx, {
      actorId: auth.account.id,
      action: 'northbound.hkid_bound',
      targetType: 'account',
      targetId: auth.account.id,
      detail: { records: bound.map((r) => r.hktdRef), channel: body.channel },
      ip: meta.ip,
      at: now,
    });
  });
}

/** The masked HKID the account bound, if any. */
export async function boundHkidOf(ctx: AppContext, accountId: string): Promise<string | null> {
  const [row] = await ctx.db
    .select()
    .from(northboundRecords)
    .where(eq(northboundRecords.accountId, accountId))
    .limit(1);
  return row ? maskIdNumber(normalizeHkId(readData(ctx, row).owner.hkid)) : null;
}

// ——————————————————————————————— 车辆保险 (000 §4.2) ———————————————————————————————

async function statusOf(ctx: AppContext, row: RecordRow): Promise<NbState> {
  const application = await findApplicationById(ctx.db, row.applicationId);
  return (application?.status ?? 'preliminary') as NbState;
}

export async function lookupPolicy(
  ctx: AppContext,
  auth: Auth,
  query: { recordId: string; policyNo: string },
): Promise<PolicyLookup> {
  const row = await ownRecord(ctx.db, auth.account.id, query.recordId);
  const insurer = insurerOf();
  const policy = await insurer.lookup(query.policyNo);
  if (policy && policy.hkPlate !== row.hkPlate)
    throw fieldError('policyNo', 'northbound.policy_other_vehicle', 422);
  return {
    found: policy !== null,
    policy: policy
      ? {
          policyNo: policy.policyNo,
          type: policy.type,
          insurer: policy.insurer,
          startDate: policy.startDate,
          endDate: policy.endDate,
        }
      : null,
    simulated: insurer.isSimulator,
  };
}

/** The manual's rules (000 §4.2 tips): the kind, in force today, covering the permitted period. */
function insuranceErrors(row: RecordRow, policy: { startDate: string; endDate: string }, today: string) {
  if (policy.endDate <= policy.startDate) return fieldError('endDate', 'northbound.insurance_dates', 422);
  if (policy.startDate > today || policy.endDate < today)
    return fieldError('startDate', 'northbound.insurance_not_in_force', 422);
  if (policy.endDate < row.permittedUntil)
    return fieldError('endDate', 'northbound.insurance_too_short', 422);
  return null;
}

/**
 * 提交 the insurance at the 验车、保险 stage: a shared policy is read again from the insurers (the
 * page's copy is not trusted); a paper one is typed and its photo attached to the application for
 * the officers. Replaces an earlier submission.
 */
export async function submitInsurance(
  ctx: AppContext,
  auth: Auth,
  recordId: string,
  body: InsuranceBody,
  meta: RequestMeta,
): Promise<void> {
  const row = await ownRecord(ctx.db, auth.account.id, recordId);
  if ((await statusOf(ctx, row)) !== 'inspection')
    throw fieldError('policyNo', 'northbound.insurance_wrong_stage', 409);
  const now = ctx.clock.now();
  const today = shanghaiDay(now);
  let view: InsuranceView;
  if (body.source === 'lookup') {
    const policy = await insurerOf().lookup(body.policyNo);
    if (!policy) throw fieldError('policyNo', 'northbound.policy_not_found', 422);
    if (policy.hkPlate !== row.hkPlate) throw fieldError('policyNo', 'northbound.policy_other_vehicle', 422);
    const refused = insuranceErrors(row, policy, today);
    if (refused) throw refused;
    view = { ...policy, source: 'lookup', submittedAt: now.toISOString() };
    delete (view as { hkPlate?: string }).hkPlate;
  } else {
    const refused = insuranceErrors(row, body, today);
    if (refused) throw refused;
    const file = await findFileById(ctx.db, body.photoFileId);
    if (!file || file.ownerAccountId !== auth.account.id)
      throw fieldError('photoFileId', 'northbound.photo_required', 422);
    view = {
      policyNo: body.policyNo,
      type: body.type,
      insurer: body.insurer,
      startDate: body.startDate,
      endDate: body.endDate,
      source: 'manual',
      submittedAt: now.toISOString(),
    };
  }
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(northboundRecords)
      .set({ insuranceEnc: ctx.crypto.encrypt(JSON.stringify(view)), updatedAt: now })
      .where(eq(northboundRecords.id, row.id));
    if (body.source === 'manual')
      await insertAttachment(tx, {
        applicationId: row.applicationId,
        fileId: body.photoFileId,
        slot: 'insurance',
        addedAt: now,
      });
    await recordAudit(tx, {
      actorId: auth.account.id,
      action: 'northbound.insurance_submitted',
      targetType: 'application',
      targetId: row.applicationId,
      detail: { source: body.source, type: view.type },
      ip: meta.ip,
      at: now,
    });
  });
}

// ——————————————————————————————— 通关预约 (000 §4.4) ———————————————————————————————

export async function slotsOf(ctx: AppContext, day: string): Promise<NorthboundDaySlots> {
  const view = await daySlots(ctx.db, NORTHBOUND, DEFAULT_PORT, day);
  return {
    port: DEFAULT_PORT,
    portName: NORTHBOUND_PORTS[DEFAULT_PORT],
    day,
    freeOfBooking: view.freeOfBooking,
    closesAt: cutoffOf(day, BOOKING_RULES).toISOString(),
    slots: view.slots,
  };
}

function presentBooking(
  ctx: AppContext,
  booking: BookingRow,
  slot: { starts: string; ends: string },
  record: RecordRow | undefined,
): BookingView {
  const port = booking.resource as NorthboundPort;
  return {
    id: booking.id,
    recordId: booking.subject,
    hkPlate: record?.hkPlate ?? '',
    tempPlate: record?.tempPlate ?? null,
    port,
    portName: NORTHBOUND_PORTS[port] ?? { 'zh-CN': port, 'zh-HK': port, en: port },
    day: booking.day,
    starts: slot.starts,
    ends: slot.ends,
    status: booking.status as BookingView['status'],
    voucher: booking.voucher,
    canCancel:
      booking.status === 'booked' &&
      ctx.clock.now().getTime() < cutoffOf(booking.day, BOOKING_RULES).getTime(),
    createdAt: booking.createdAt.toISOString(),
  };
}

/** Only a vehicle cleared to travel (发牌 done, not suspended or revoked) may be booked. */
export async function bookCrossing(
  ctx: AppContext,
  auth: Auth,
  body: { recordId: string; slotId: string },
  meta: RequestMeta,
): Promise<BookingView> {
  const row = await ownRecord(ctx.db, auth.account.id, body.recordId);
  const status = await statusOf(ctx, row);
  if (status === 'suspended' || status === 'revoked')
    throw fieldError('recordId', 'northbound.vehicle_suspended', 409);
  if (status !== 'active') throw fieldError('recordId', 'northbound.vehicle_not_approved', 409);
  const { booking, slot } = await book(ctx, {
    serviceCode: NORTHBOUND,
    slotId: body.slotId,
    subject: row.id,
    accountId: auth.account.id,
    rules: BOOKING_RULES,
    ip: meta.ip,
  });
  return presentBooking(ctx, booking, slot, row);
}

export async function cancelCrossing(ctx: AppContext, auth: Auth, bookingId: string, meta: RequestMeta) {
  const booking = await cancelBooking(ctx, {
    serviceCode: NORTHBOUND,
    bookingId,
    accountId: auth.account.id,
    rules: BOOKING_RULES,
    ip: meta.ip,
  });
  const [slotView] = (await listBookings(ctx.db, NORTHBOUND, auth.account.id)).filter(
    (b) => b.booking.id === booking.id,
  );
  const [record] = await recordsByIds(ctx.db, [booking.subject]);
  return presentBooking(ctx, booking, slotView?.slot ?? { starts: '', ends: '' }, record);
}

/** 通关预约查询: the account's bookings and their states. */
export async function bookingsOf(ctx: AppContext, auth: Auth): Promise<BookingView[]> {
  const rows = await listBookings(ctx.db, NORTHBOUND, auth.account.id);
  const records = await recordsByIds(ctx.db, [...new Set(rows.map((r) => r.booking.subject))]);
  const byId = new Map(records.map((r) => [r.id, r]));
  return rows.map((r) => presentBooking(ctx, r.booking, r.slot, byId.get(r.booking.subject)));
}
