import { randomBytes, randomUUID } from 'node:crypto';
import type { DaySlotsBody, DaySlotsView, SlotView } from '@sw/contracts';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { type Db, executePrepared } from '../../db/client.ts';
import { appointmentBookings, appointmentFreeDays, appointmentSlots } from '../../db/schema/appointments.ts';
import { AppError } from '../../http/app-error.ts';
import { isUniqueViolation } from '../../lib/pg-errors.ts';
import { auditInsertSql, recordAudit } from '../audit/index.ts';
import { shanghaiDay } from '../casework/index.ts';

/*
 * Booking places (issue 12 §7). The one rule that matters most — never more bookings than places,
 * on any number of instances — lives in a single statement: the place is taken by
 * `update … set booked = booked + 1 where id = … and booked < capacity`, which PostgreSQL
 * re-checks on the locked row after a concurrent writer commits. No count-then-insert, and no
 * check in a subquery (both read a snapshot and oversell). The booking row and its audit row go
 * in the same statement (data-modifying CTEs); if the booking cannot go in (the subject already
 * has a live booking that day), the statement fails whole and the place is never taken.
 */

export type SlotRow = typeof appointmentSlots.$inferSelect;
export type BookingRow = typeof appointmentBookings.$inferSelect;

/** A service's booking rules. */
export type BookingRules = {
  /** booking and cancelling close at this hour (Asia/Shanghai) on the day before */
  cutoffHourDayBefore: number;
  /** how many days ahead may be booked (1 = tomorrow only) */
  horizonDays: number;
};

const DAY_MS = 86_400_000;

/** A civil day (YYYY-MM-DD) `n` days on. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** The moment booking and cancelling for `day` close: the day before at the cut-off hour, Shanghai. */
export function cutoffOf(day: string, rules: BookingRules): Date {
  const hour = String(rules.cutoffHourDayBefore).padStart(2, '0');
  return new Date(`${addDays(day, -1)}T${hour}:00:00+08:00`);
}

/** Whether `day` may still be booked or cancelled at `now` (pure; unit-tested). */
export function bookingWindowError(
  day: string,
  now: Date,
  rules: BookingRules,
): 'appointments.cutoff_passed' | 'appointments.day_out_of_range' | null {
  const today = shanghaiDay(now);
  if (day <= today || day > addDays(today, rules.horizonDays)) return 'appointments.day_out_of_range';
  if (now.getTime() >= cutoffOf(day, rules).getTime()) return 'appointments.cutoff_passed';
  return null;
}

/** The days that may be booked at `now`, first to last (one run: the cut-off moves with the day). */
export function bookableDays(now: Date, rules: BookingRules): { first: string; last: string } | null {
  const today = shanghaiDay(now);
  const last = addDays(today, rules.horizonDays);
  for (let day = addDays(today, 1); day <= last; day = addDays(day, 1))
    if (bookingWindowError(day, now, rules) === null) return { first: day, last };
  return null;
}

export function presentSlot(row: SlotRow): SlotView {
  return {
    id: row.id,
    day: row.day,
    starts: row.starts,
    ends: row.ends,
    capacity: row.capacity,
    booked: row.booked,
    left: Math.max(0, row.capacity - row.booked),
  };
}

async function isFreeDay(db: Db, serviceCode: string, resource: string, day: string): Promise<boolean> {
  const [row] = await db
    .select({ free: appointmentFreeDays.freeOfBooking })
    .from(appointmentFreeDays)
    .where(
      and(
        eq(appointmentFreeDays.serviceCode, serviceCode),
        eq(appointmentFreeDays.resource, resource),
        eq(appointmentFreeDays.day, day),
      ),
    );
  return row?.free ?? false;
}

/** The slots of one day at one resource, in time order, and whether the day needs no booking. */
export async function daySlots(
  db: Db,
  serviceCode: string,
  resource: string,
  day: string,
): Promise<DaySlotsView> {
  const rows = await db
    .select()
    .from(appointmentSlots)
    .where(
      and(
        eq(appointmentSlots.serviceCode, serviceCode),
        eq(appointmentSlots.resource, resource),
        eq(appointmentSlots.day, day),
      ),
    )
    .orderBy(asc(appointmentSlots.starts));
  return {
    resource,
    day,
    freeOfBooking: await isFreeDay(db, serviceCode, resource, day),
    slots: rows.map(presentSlot),
  };
}

/**
 * Staff set a day's slots and quotas: slots are added or changed (never below what is booked);
 * a slot left out is removed only while nobody has booked it. Audited.
 */
export async function setDaySlots(
  ctx: AppContext,
  input: { serviceCode: string; resource: string; day: string; body: DaySlotsBody; staffId: string | null },
): Promise<DaySlotsView> {
  const { serviceCode, resource, day, body } = input;
  body.slots.forEach((slot, i) => {
    if (slot.ends <= slot.starts)
      throw new AppError('appointments.slot_invalid', {
        status: 422,
        fieldErrors: [{ path: `slots.${i}.ends`, code: 'appointments.slot_invalid' }],
      });
  });
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const existing = await tx
      .select()
      .from(appointmentSlots)
      .where(
        and(
          eq(appointmentSlots.serviceCode, serviceCode),
          eq(appointmentSlots.resource, resource),
          eq(appointmentSlots.day, day),
        ),
      )
      .for('update');
    const kept = new Set(body.slots.map((s) => s.starts));
    const dropped = existing.filter((row) => !kept.has(row.starts));
    if (dropped.some((row) => row.booked > 0))
      throw new AppError('appointments.capacity_below_booked', { status: 409 });
    if (dropped.length > 0)
      await tx.delete(appointmentSlots).where(
        inArray(
          appointmentSlots.id,
          dropped.map((row) => row.id),
        ),
      );
    for (const [i, slot] of body.slots.entries()) {
      const before = existing.find((row) => row.starts === slot.starts);
      if (before && before.booked > slot.capacity)
        throw new AppError('appointments.capacity_below_booked', {
          status: 409,
          fieldErrors: [{ path: `slots.${i}.capacity`, code: 'appointments.capacity_below_booked' }],
        });
      await tx
        .insert(appointmentSlots)
        .values({ serviceCode, resource, day, ...slot, updatedAt: now, updatedBy: input.staffId })
        .onConflictDoUpdate({
          target: [
            appointmentSlots.serviceCode,
            appointmentSlots.resource,
            appointmentSlots.day,
            appointmentSlots.starts,
          ],
          set: { ends: slot.ends, capacity: slot.capacity, updatedAt: now, updatedBy: input.staffId },
        });
    }
    await tx
      .insert(appointmentFreeDays)
      .values({ serviceCode, resource, day, freeOfBooking: body.freeOfBooking })
      .onConflictDoUpdate({
        target: [appointmentFreeDays.serviceCode, appointmentFreeDays.resource, appointmentFreeDays.day],
        set: { freeOfBooking: body.freeOfBooking },
      });
    await recordAudit(tx, {
      actorId: input.staffId,
      action: 'appointments.slots_set',
      targetType: 'appointment_day',
      targetId: null,
      detail: { serviceCode, resource, day, freeOfBooking: body.freeOfBooking, slots: body.slots },
      at: now,
    });
  });
  return daySlots(ctx.db, serviceCode, resource, day);
}

/**
 * A resource's standing quotas: the day gets these slots unless staff have set it (a slot already
 * there, booked or changed, is left as it is). Idempotent and safe on several instances at once.
 */
export async function ensureDefaultSlots(
  db: Db,
  serviceCode: string,
  resource: string,
  day: string,
  slots: readonly { starts: string; ends: string; capacity: number }[],
): Promise<void> {
  const [any] = await db
    .select({ id: appointmentSlots.id })
    .from(appointmentSlots)
    .where(
      and(
        eq(appointmentSlots.serviceCode, serviceCode),
        eq(appointmentSlots.resource, resource),
        eq(appointmentSlots.day, day),
      ),
    )
    .limit(1);
  if (any) return;
  await db
    .insert(appointmentSlots)
    .values(slots.map((slot) => ({ serviceCode, resource, day, ...slot })))
    .onConflictDoNothing();
}

/** A resource's slots from one day to another, in day and time order. */
export async function slotsBetween(
  db: Db,
  serviceCode: string,
  resource: string,
  first: string,
  last: string,
): Promise<SlotRow[]> {
  return db
    .select()
    .from(appointmentSlots)
    .where(
      and(
        eq(appointmentSlots.serviceCode, serviceCode),
        eq(appointmentSlots.resource, resource),
        sql`${appointmentSlots.day} between ${first}::date and ${last}::date`,
      ),
    )
    .orderBy(asc(appointmentSlots.day), asc(appointmentSlots.starts));
}

/** The slot of a service, or 404. */
export async function findSlot(db: Db, serviceCode: string, slotId: string): Promise<SlotRow> {
  const [row] = await db
    .select()
    .from(appointmentSlots)
    .where(and(eq(appointmentSlots.id, slotId), eq(appointmentSlots.serviceCode, serviceCode)));
  if (!row)
    throw new AppError('appointments.slot_not_found', {
      status: 404,
      fieldErrors: [{ path: 'slotId', code: 'appointments.slot_not_found' }],
    });
  return row;
}

/**
 * Takes one place of a slot for a subject (e.g. a vehicle). The caller has checked that the subject
 * may book (the service's own rules); here: the day's window, the free days, the place and the one
 * live booking per subject and day.
 */
export async function book(
  ctx: AppContext,
  input: {
    serviceCode: string;
    slotId: string;
    subject: string;
    accountId: string;
    rules: BookingRules;
    ip?: string | null;
  },
): Promise<{ booking: BookingRow; slot: SlotRow }> {
  const now = ctx.clock.now();
  const days = bookableDays(now, input.rules);
  const id = randomUUID();
  const voucher = randomBytes(12).toString('base64url').slice(0, 16).toUpperCase();
  const audit = auditInsertSql(
    {
      actorId: input.accountId,
      action: 'appointments.booked',
      targetType: 'appointment_booking',
      targetId: id,
      detail: { serviceCode: input.serviceCode, slotId: input.slotId },
      ip: input.ip ?? null,
      at: now,
    },
    sql`select 1 from booking`,
  );
  let taken: SlotRow | undefined;
  if (days)
    try {
      // One statement: the slot's row lock is held for one round trip. The day's window and the
      // free days are conditions of the same update; when it takes nothing, `whyNotTaken` says why.
      const [row] = await executePrepared<Record<string, unknown>>(
        ctx.db,
        'appointments_book',
        sql`
        with taken as (
          update ${appointmentSlots} s set booked = s.booked + 1
          where s.id = ${input.slotId}::uuid and s.service_code = ${input.serviceCode}
            and s.booked < s.capacity
            and s.day between ${days.first}::date and ${days.last}::date
            and not exists (
              select 1 from ${appointmentFreeDays} f
              where f.service_code = s.service_code and f.resource = s.resource and f.day = s.day
                and f.free_of_booking)
          returning s.*
        ), booking as (
          insert into ${appointmentBookings}
            (id, slot_id, service_code, resource, day, subject, account_id, status, voucher, created_at)
          select ${id}::uuid, taken.id, taken.service_code, taken.resource, taken.day, ${input.subject},
                 ${input.accountId}::uuid, 'booked', ${voucher}, ${now.toISOString()}::timestamptz
          from taken
          returning id
        ), audit as (${audit})
        select taken.id, taken.resource, taken.day::text as day, taken.starts, taken.ends,
               taken.capacity, taken.booked, taken.updated_at, taken.updated_by
        from taken, booking`,
      );
      if (row)
        taken = {
          id: String(row.id),
          serviceCode: input.serviceCode,
          resource: String(row.resource),
          day: String(row.day),
          starts: String(row.starts),
          ends: String(row.ends),
          capacity: Number(row.capacity),
          booked: Number(row.booked),
          updatedAt: new Date(row.updated_at as string | Date),
          updatedBy: (row.updated_by as string | null) ?? null,
        };
    } catch (err) {
      if (isUniqueViolation(err) === 'appointment_bookings_live_uq')
        throw new AppError('appointments.already_booked', { status: 409 });
      throw err;
    }
  if (!taken) throw await whyNotTaken(ctx.db, input.serviceCode, input.slotId, now, input.rules);
  return {
    booking: {
      id,
      slotId: taken.id,
      serviceCode: input.serviceCode,
      resource: taken.resource,
      day: taken.day,
      subject: input.subject,
      accountId: input.accountId,
      status: 'booked',
      voucher,
      createdAt: now,
      cancelledAt: null,
      remindedAt: null,
    },
    slot: taken,
  };
}

/** The error for a booking that took no place: unknown slot, closed day, free day, or full. */
async function whyNotTaken(
  db: Db,
  serviceCode: string,
  slotId: string,
  now: Date,
  rules: BookingRules,
): Promise<AppError> {
  const slot = await findSlot(db, serviceCode, slotId).catch((err: AppError) => err);
  if (slot instanceof AppError) return slot;
  const windowError = bookingWindowError(slot.day, now, rules);
  if (windowError)
    return new AppError(windowError, { status: 409, fieldErrors: [{ path: 'slotId', code: windowError }] });
  if (await isFreeDay(db, serviceCode, slot.resource, slot.day))
    return new AppError('appointments.no_booking_needed', { status: 409 });
  return new AppError('appointments.slot_full', {
    status: 409,
    fieldErrors: [{ path: 'slotId', code: 'appointments.slot_full' }],
  });
}

/** Cancels a live booking of the account's own before the cut-off; the place returns to the slot. */
export async function cancelBooking(
  ctx: AppContext,
  input: {
    serviceCode: string;
    bookingId: string;
    accountId: string;
    rules: BookingRules;
    ip?: string | null;
  },
): Promise<BookingRow> {
  const now = ctx.clock.now();
  const [current] = await ctx.db
    .select()
    .from(appointmentBookings)
    .where(
      and(
        eq(appointmentBookings.id, input.bookingId),
        eq(appointmentBookings.serviceCode, input.serviceCode),
        eq(appointmentBookings.accountId, input.accountId),
      ),
    );
  if (!current) throw new AppError('appointments.booking_not_found', { status: 404 });
  if (current.status !== 'booked') throw new AppError('appointments.not_cancellable', { status: 409 });
  if (now.getTime() >= cutoffOf(current.day, input.rules).getTime())
    throw new AppError('appointments.cutoff_passed', { status: 409 });
  return ctx.db.transaction(async (tx) => {
    const [cancelled] = await tx
      .update(appointmentBookings)
      .set({ status: 'cancelled', cancelledAt: now })
      .where(and(eq(appointmentBookings.id, current.id), eq(appointmentBookings.status, 'booked')))
      .returning();
    if (!cancelled) throw new AppError('appointments.not_cancellable', { status: 409 });
    await tx
      .update(appointmentSlots)
      .set({ booked: sql`${appointmentSlots.booked} - 1` })
      .where(eq(appointmentSlots.id, cancelled.slotId));
    await recordAudit(tx, {
      actorId: input.accountId,
      action: 'appointments.cancelled',
      targetType: 'appointment_booking',
      targetId: cancelled.id,
      detail: { serviceCode: input.serviceCode, day: cancelled.day },
      ip: input.ip ?? null,
      at: now,
    });
    return cancelled;
  });
}

/** An account's bookings of a service, newest day first, with their slots. */
export async function listBookings(db: Db, serviceCode: string, accountId: string, limit = 100) {
  return db
    .select({ booking: appointmentBookings, slot: appointmentSlots })
    .from(appointmentBookings)
    .innerJoin(appointmentSlots, eq(appointmentSlots.id, appointmentBookings.slotId))
    .where(
      and(eq(appointmentBookings.serviceCode, serviceCode), eq(appointmentBookings.accountId, accountId)),
    )
    .orderBy(sql`${appointmentBookings.day} desc, ${appointmentSlots.starts} desc`)
    .limit(limit);
}

/** Whether a subject had a live or used booking on a day (a crossing without one is a violation). */
export async function hadBooking(
  db: Db,
  serviceCode: string,
  subject: string,
  day: string,
): Promise<boolean> {
  const [row] = await db
    .select({ id: appointmentBookings.id })
    .from(appointmentBookings)
    .where(
      and(
        eq(appointmentBookings.serviceCode, serviceCode),
        eq(appointmentBookings.subject, subject),
        eq(appointmentBookings.day, day),
        inArray(appointmentBookings.status, ['booked', 'attended']),
      ),
    )
    .limit(1);
  if (row) return true;
  return false;
}

/**
 * The day-before reminders: claims up to `limit` live bookings of tomorrow not yet reminded (safe
 * on several instances: skip-locked, and marked in the same statement) and hands each to `send`,
 * in the claiming transaction — a failed send un-claims its batch.
 */
export async function remindTomorrow(
  ctx: AppContext,
  serviceCode: string,
  send: (tx: Db, claimed: BookingRow & { starts: string; ends: string }) => Promise<void>,
  limit = 200,
): Promise<number> {
  const now = ctx.clock.now();
  const tomorrow = addDays(shanghaiDay(now), 1);
  return ctx.db.transaction(async (tx) => {
    const result = await tx.execute(sql`
      with due as (
        select b.id from ${appointmentBookings} b
        where b.service_code = ${serviceCode} and b.day = ${tomorrow} and b.status = 'booked'
          and b.reminded_at is null
        order by b.created_at
        limit ${limit}
        for update skip locked
      )
      update ${appointmentBookings} b set reminded_at = ${now.toISOString()}::timestamptz
      from due, ${appointmentSlots} s
      where b.id = due.id and s.id = b.slot_id
      returning b.id, s.starts, s.ends`);
    const rows = (result as unknown as { rows: { id: string; starts: string; ends: string }[] }).rows;
    for (const row of rows) {
      const [booking] = await tx.select().from(appointmentBookings).where(eq(appointmentBookings.id, row.id));
      if (booking) await send(tx, { ...booking, starts: row.starts, ends: row.ends });
    }
    return rows.length;
  });
}
