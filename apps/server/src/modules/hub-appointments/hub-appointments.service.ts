import {
  type BookHubAppointmentBody,
  FIRST_WITHDRAWAL_CITIES,
  HUB_APPOINTMENT_KINDS,
  HUB_APPOINTMENTS,
  type HubAppointmentKind,
  type HubAppointmentView,
  type HubOfficeDays,
  hubOffices,
  maskIdNumber,
  maskName,
  parseResidentId,
} from '@sw/contracts';
import { and, eq } from 'drizzle-orm';
import QRCode from 'qrcode';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { hubAppointmentDetails } from '../../db/schema/hub-appointments.ts';
import { AppError, fieldError } from '../../http/app-error.ts';
import {
  addDays,
  type BookingRow,
  type BookingRules,
  book,
  bookableDays,
  cancelBooking,
  cutoffOf,
  ensureDefaultSlots,
  findSlot,
  listBookings,
  remindTomorrow,
  slotsBetween,
} from '../appointments/index.ts';
import type { Auth } from '../identity/index.ts';
import { notify } from '../messaging/index.ts';

/*
 * The citizen hub's 预约 (issue 13 §4): 婚姻登记预约, 出入境证件办理预约, 公积金提取预约 and 社会救助
 * 申请预约 (contracts' hub/appointments.ts). Places are the appointments module's — one statement
 * takes a place or nothing, so a hot slot is never oversold — under the service code `hub-<kind>`
 * with the office as the resource. This module checks what the manual asks first (the city's
 * offices, the businesses, both parties of a marriage, a first withdrawal in 广州/深圳), keeps what
 * the booking says beyond the place (hub_appointment_details), and sends the confirmation, the
 * cancellation and the day-before reminder.
 */

export const HUB_BOOKING_RULES: BookingRules = { cutoffHourDayBefore: 17, horizonDays: 7 };

/** The offices' standing quotas on a working day (staff may change a day in the console). */
const DEFAULT_SLOTS = [
  { starts: '09:00', ends: '10:00', capacity: 8 },
  { starts: '10:00', ends: '11:00', capacity: 8 },
  { starts: '11:00', ends: '12:00', capacity: 8 },
  { starts: '14:00', ends: '15:00', capacity: 8 },
  { starts: '15:00', ends: '16:00', capacity: 8 },
  { starts: '16:00', ends: '17:00', capacity: 8 },
] as const;

export const serviceCodeOf = (kind: HubAppointmentKind) => `hub-${kind.replaceAll('_', '-')}`;

const isWeekday = (day: string) => {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
};

function officeOf(kind: HubAppointmentKind, city: string, office: string) {
  return hubOffices(kind, city).find((o) => o.code === office);
}

/** The bookable days of an office with each slot's places left (a working day gets its quotas). */
export async function officeDays(
  ctx: AppContext,
  kind: HubAppointmentKind,
  office: string,
): Promise<HubOfficeDays> {
  const city = office.slice(0, 4);
  if (!officeOf(kind, city, office)) throw new AppError('hub.office_not_in_city', { status: 404 });
  const range = bookableDays(ctx.clock.now(), HUB_BOOKING_RULES);
  const serviceCode = serviceCodeOf(kind);
  const days: string[] = [];
  if (range) for (let d = range.first; d <= range.last; d = addDays(d, 1)) if (isWeekday(d)) days.push(d);
  for (const day of days) await ensureDefaultSlots(ctx.db, serviceCode, office, day, DEFAULT_SLOTS);
  const rows =
    days.length === 0 ? [] : await slotsBetween(ctx.db, serviceCode, office, days[0]!, days.at(-1)!);
  return {
    office,
    cutoffHour: HUB_BOOKING_RULES.cutoffHourDayBefore,
    days: days.map((day) => ({
      day,
      slots: rows
        .filter((r) => r.day === day)
        .map((r) => ({ id: r.id, starts: r.starts, ends: r.ends, left: Math.max(0, r.capacity - r.booked) })),
    })),
  };
}

/** 法定婚龄 on a day: men 22, women 20 (婚姻法 / 民法典 第1047条). */
function ofMarriageAge(idNumber: string, day: string): boolean {
  const info = parseResidentId(idNumber);
  if (!info) return false;
  const years = info.gender === 'male' ? 22 : 20;
  const birthday = `${Number(info.birthDate.slice(0, 4)) + years}-${info.birthDate.slice(4, 6)}-${info.birthDate.slice(6, 8)}`;
  return birthday <= day;
}

/** The manual's and the law's conditions of a booking that depend on what it says (pure but for the slot's day). */
function refusal(
  kind: HubAppointmentKind,
  body: BookHubAppointmentBody,
  ownIdNumber: string,
  day: string,
): AppError | null {
  const info = HUB_APPOINTMENTS[kind];
  if (!info.businesses.some((b) => b.code === body.business))
    return fieldError('business', 'hub.business_unknown', 422);
  if (kind === 'marriage' && (body.business === 'marriage' || body.business === 'divorce')) {
    if (!body.partnerName) return fieldError('partnerName', 'hub.partner_required', 422);
    if (!body.partnerIdNumber) return fieldError('partnerIdNumber', 'hub.partner_required', 422);
    const partnerId = body.partnerIdNumber.trim().toUpperCase();
    if (partnerId === ownIdNumber.toUpperCase())
      return fieldError('partnerIdNumber', 'hub.partner_is_self', 422);
    if (body.business === 'marriage') {
      if (parseResidentId(partnerId)?.gender === parseResidentId(ownIdNumber)?.gender)
        return fieldError('partnerIdNumber', 'hub.partner_same_sex', 422);
      if (!ofMarriageAge(ownIdNumber, day)) return fieldError('slotId', 'hub.under_marriage_age', 422);
      if (!ofMarriageAge(partnerId, day)) return fieldError('partnerIdNumber', 'hub.under_marriage_age', 422);
    }
  }
  if (kind === 'housing_fund') {
    if (body.firstWithdrawal === undefined)
      return fieldError('firstWithdrawal', 'hub.first_withdrawal_required', 422);
    if (!body.firstWithdrawal && (FIRST_WITHDRAWAL_CITIES as readonly string[]).includes(body.city))
      return fieldError('firstWithdrawal', 'hub.withdrawal_online', 422);
  }
  return null;
}

type Detail = typeof hubAppointmentDetails.$inferSelect;

function present(
  ctx: AppContext,
  booking: BookingRow,
  slot: { starts: string; ends: string },
  detail: Detail,
  svg: string,
): HubAppointmentView {
  const partner = detail.partnerEnc
    ? (JSON.parse(ctx.crypto.decrypt(detail.partnerEnc)) as { name: string; idNumber: string })
    : null;
  return {
    id: booking.id,
    kind: detail.kind as HubAppointmentKind,
    business: detail.business,
    city: detail.city,
    office: booking.resource,
    day: booking.day,
    starts: slot.starts,
    ends: slot.ends,
    status: booking.status as HubAppointmentView['status'],
    voucher: booking.voucher,
    voucherSvg: svg,
    partner: partner ? `${maskName(partner.name)} ${maskIdNumber(partner.idNumber)}` : null,
    cancellableUntil: cutoffOf(booking.day, HUB_BOOKING_RULES).toISOString(),
    createdAt: booking.createdAt.toISOString(),
  };
}

const voucherSvg = (voucher: string) =>
  QRCode.toString(voucher, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });

function messageParams(
  kind: HubAppointmentKind,
  booking: BookingRow,
  slot: { starts: string; ends: string },
) {
  const office = officeOf(kind, booking.resource.slice(0, 4), booking.resource);
  return (locale: 'zh-CN' | 'zh-HK' | 'en') => ({
    service: HUB_APPOINTMENTS[kind].name[locale],
    office: office?.name[locale] ?? booking.resource,
    day: booking.day,
    starts: slot.starts,
    ends: slot.ends,
    voucher: booking.voucher,
  });
}

/** 预约: checks, takes the place (or nothing), records the details and confirms (站内信 and SMS). */
export async function bookHubAppointment(
  ctx: AppContext,
  auth: Auth,
  kind: HubAppointmentKind,
  body: BookHubAppointmentBody,
  ip: string,
): Promise<HubAppointmentView> {
  const account = auth.account;
  if (account.idType !== 'resident_id' || !account.idNumberEnc)
    throw new AppError('hub.resident_id_required', { status: 422 });
  if (hubOffices(kind, body.city).length === 0) throw fieldError('city', 'hub.appointment_unavailable', 422);
  if (!officeOf(kind, body.city, body.office)) throw fieldError('office', 'hub.office_not_in_city', 422);
  const serviceCode = serviceCodeOf(kind);
  const slot = await findSlot(ctx.db, serviceCode, body.slotId);
  if (slot.resource !== body.office) throw fieldError('slotId', 'hub.office_not_in_city', 422);
  const ownId = ctx.crypto.decrypt(account.idNumberEnc);
  const refused = refusal(kind, body, ownId, slot.day);
  if (refused) throw refused;
  const { booking, slot: taken } = await book(ctx, {
    serviceCode,
    slotId: body.slotId,
    subject: account.id,
    accountId: account.id,
    rules: HUB_BOOKING_RULES,
    ip,
  });
  const partner =
    body.partnerName && body.partnerIdNumber
      ? { name: body.partnerName.trim(), idNumber: body.partnerIdNumber.trim().toUpperCase() }
      : null;
  const detail: Detail = {
    bookingId: booking.id,
    accountId: account.id,
    kind,
    business: body.business,
    city: body.city,
    partnerEnc: kind === 'marriage' && partner ? ctx.crypto.encrypt(JSON.stringify(partner)) : null,
    firstWithdrawal: kind === 'housing_fund' ? (body.firstWithdrawal ?? null) : null,
    createdAt: booking.createdAt,
  };
  try {
    await ctx.db.transaction(async (tx) => {
      await tx.insert(hubAppointmentDetails).values(detail);
      await notify(ctx, tx, {
        accountId: account.id,
        category: 'reminder',
        template: 'hub.appointment_booked',
        channels: ['inbox', 'sms'],
        params: messageParams(kind, booking, taken),
      });
    });
  } catch (err) {
    // the place was taken by its own statement: give it back rather than keep a booking without details
    await cancelBooking(ctx, {
      serviceCode,
      bookingId: booking.id,
      accountId: account.id,
      rules: HUB_BOOKING_RULES,
    }).catch(() => undefined);
    throw err;
  }
  return present(ctx, booking, taken, detail, await voucherSvg(booking.voucher));
}

/** 我的预约: every hub booking of the person, the coming ones first. */
export async function myHubAppointments(ctx: AppContext, accountId: string): Promise<HubAppointmentView[]> {
  const details = await ctx.db
    .select()
    .from(hubAppointmentDetails)
    .where(eq(hubAppointmentDetails.accountId, accountId));
  if (details.length === 0) return [];
  const byId = new Map(details.map((d) => [d.bookingId, d]));
  const kinds = [...new Set(details.map((d) => d.kind as HubAppointmentKind))];
  const rows = (
    await Promise.all(kinds.map((k) => listBookings(ctx.db, serviceCodeOf(k), accountId)))
  ).flat();
  const views = await Promise.all(
    rows
      .filter((r) => byId.has(r.booking.id))
      .map(async (r) =>
        present(ctx, r.booking, r.slot, byId.get(r.booking.id)!, await voucherSvg(r.booking.voucher)),
      ),
  );
  return views.sort((a, b) => (b.day + b.starts).localeCompare(a.day + a.starts));
}

/** 取消预约 before the cut-off; the place goes back and the person is told. */
export async function cancelHubAppointment(ctx: AppContext, auth: Auth, id: string, ip: string) {
  const [detail] = await ctx.db
    .select()
    .from(hubAppointmentDetails)
    .where(
      and(eq(hubAppointmentDetails.bookingId, id), eq(hubAppointmentDetails.accountId, auth.account.id)),
    );
  if (!detail) throw new AppError('hub.appointment_not_found', { status: 404 });
  const kind = detail.kind as HubAppointmentKind;
  const serviceCode = serviceCodeOf(kind);
  const cancelled = await cancelBooking(ctx, {
    serviceCode,
    bookingId: id,
    accountId: auth.account.id,
    rules: HUB_BOOKING_RULES,
    ip,
  });
  const slot = await findSlot(ctx.db, serviceCode, cancelled.slotId);
  await notify(ctx, ctx.db, {
    accountId: auth.account.id,
    category: 'reminder',
    template: 'hub.appointment_cancelled',
    channels: ['inbox', 'sms'],
    params: messageParams(kind, cancelled, slot),
  });
  return present(ctx, cancelled, slot, detail, await voucherSvg(cancelled.voucher));
}

/** The day-before reminders of every kind (safe on several instances: remindTomorrow claims rows). */
export async function sendHubReminders(ctx: AppContext): Promise<number> {
  let sent = 0;
  for (const kind of HUB_APPOINTMENT_KINDS)
    sent += await remindTomorrow(ctx, serviceCodeOf(kind), async (tx: Db, booking) => {
      await notify(ctx, tx, {
        accountId: booking.accountId,
        category: 'reminder',
        template: 'hub.appointment_reminder',
        channels: ['inbox', 'sms'],
        params: messageParams(kind, booking, booking),
      });
    });
  return sent;
}
