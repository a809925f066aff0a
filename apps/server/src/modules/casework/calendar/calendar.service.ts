import type { CalendarDayEdited, CalendarYearView, SetCalendarDayBody } from '@sw/contracts';
import type { AppContext } from '../../../context.ts';
import type { Db } from '../../../db/client.ts';
import { fieldError } from '../../../http/app-error.ts';
import { recordAudit } from '../../audit/index.ts';
import type { AccountRow, RequestMeta } from '../../identity/index.ts';
import { authorize } from './calendar.policy.ts';
import { presentCalendarYear, presentEditedDay } from './calendar.presenter.ts';
import {
  type CalendarDayRow,
  deleteCalendarDay,
  findCalendarDays,
  lockCalendarDay,
  upsertCalendarDay,
} from './calendar.repo.ts';
import {
  addWorkingDays,
  calendarFromDays,
  isoWeekday,
  remindAt,
  shanghaiDay,
  type WorkingCalendar,
} from './working-days.ts';

/**
 * Years of the calendar held in memory, per database. An edit on this instance drops its year
 * at once; other instances reload within CACHE_TTL_MS. A generation per year keeps a load that
 * raced an edit from putting the old rows back.
 */
type CalendarCache = {
  years: Map<number, { rows: readonly CalendarDayRow[]; loadedAt: number }>;
  generations: Map<number, number>;
};
const CACHE_TTL_MS = 60_000;
const caches = new WeakMap<Db, CalendarCache>();

function cacheOf(db: Db): CalendarCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = { years: new Map(), generations: new Map() };
    caches.set(db, cache);
  }
  return cache;
}

function invalidateYear(db: Db, year: number) {
  const cache = cacheOf(db);
  cache.years.delete(year);
  cache.generations.set(year, (cache.generations.get(year) ?? 0) + 1);
}

/** The rows of each year asked for, from the cache or from one query for the years it lacks. */
async function loadYears(db: Db, years: number[]): Promise<Map<number, readonly CalendarDayRow[]>> {
  const cache = cacheOf(db);
  const now = performance.now();
  const out = new Map<number, readonly CalendarDayRow[]>();
  const missing: number[] = [];
  for (const year of new Set(years)) {
    const hit = cache.years.get(year);
    if (hit && now - hit.loadedAt < CACHE_TTL_MS) out.set(year, hit.rows);
    else missing.push(year);
  }
  if (missing.length === 0) return out;
  const before = new Map(missing.map((y) => [y, cache.generations.get(y) ?? 0]));
  const rows = await findCalendarDays(db, missing);
  for (const year of missing) {
    const ofYear = rows.filter((r) => r.year === year);
    out.set(year, ofYear);
    if ((cache.generations.get(year) ?? 0) === before.get(year)) {
      cache.years.set(year, { rows: ofYear, loadedAt: now });
    }
  }
  return out;
}

/** The working-day calendar covering `fromYear`…`toYear`; years without entries follow the weekday rule. */
export async function getWorkingCalendar(
  ctx: AppContext,
  fromYear: number,
  toYear: number,
  db: Db = ctx.db,
): Promise<WorkingCalendar> {
  const years: number[] = [];
  for (let y = fromYear; y <= toYear; y++) years.push(y);
  const loaded = await loadYears(db, years);
  const parts = [...loaded.values()];
  // the same cached years give the same calendar: built once, not on every request
  const key = years.join(',');
  const built = builtCalendars.get(key);
  if (built && built.parts.length === parts.length && built.parts.every((part, i) => part === parts[i]))
    return built.calendar;
  const calendar = calendarFromDays(parts.flat());
  builtCalendars.set(key, { parts, calendar });
  return calendar;
}

/** Calendars built from the cached years' rows, by the years they cover (the rows' identity decides). */
const builtCalendars = new Map<string, { parts: readonly unknown[]; calendar: WorkingCalendar }>();

/**
 * SLA dates of something submitted at `submittedAt` with `workingDays` to decide: due at the
 * end of the last working day, reminded at the start of the working day before (see
 * working-days.ts for the counting rule).
 */
export async function computeSlaDates(
  ctx: AppContext,
  submittedAt: Date,
  workingDays: number,
  /** the transaction in progress, if any (PGlite has one connection) */
  db: Db = ctx.db,
): Promise<{ dueAt: Date; remindAt: Date }> {
  const year = Number(shanghaiDay(submittedAt).slice(0, 4));
  // the year before for a reminder early in January; one more year ahead per 200 working days (a year has ~250)
  const calendar = await getWorkingCalendar(ctx, year - 1, year + 1 + Math.floor(workingDays / 200), db);
  const dueAt = addWorkingDays(submittedAt, workingDays, calendar);
  return { dueAt, remindAt: remindAt(dueAt, calendar) };
}

/** The holidays and make-up workdays of one year, for the console. */
export async function getCalendarYear(
  ctx: AppContext,
  actor: AccountRow,
  year: number,
): Promise<CalendarYearView> {
  authorize(actor, 'calendar.read');
  const rows = (await loadYears(ctx.db, [year])).get(year) ?? [];
  return presentCalendarYear(year, rows);
}

/**
 * Sets one day: a holiday, a make-up workday (a Saturday or Sunday only), or `normal` — no
 * entry, the weekday rule. A person's edit confirms a provisional day. Audited in the same
 * transaction; this instance's cache drops the year once it commits.
 */
export async function setCalendarDay(
  ctx: AppContext,
  actor: AccountRow,
  date: string,
  body: SetCalendarDayBody,
  meta: RequestMeta,
): Promise<CalendarDayEdited> {
  authorize(actor, 'calendar.edit');
  if (body.kind === 'workday' && isoWeekday(date) < 6)
    throw fieldError('kind', 'calendar.workday_not_weekend');
  const year = Number(date.slice(0, 4));
  const now = ctx.clock.now();
  const saved = await ctx.db.transaction(async (tx) => {
    const current = await lockCalendarDay(tx, date);
    let row: CalendarDayRow | null = null;
    if (body.kind === 'normal') {
      await deleteCalendarDay(tx, date);
    } else {
      row = await upsertCalendarDay(tx, {
        date,
        kind: body.kind,
        // confirming a day without naming it keeps its festival's name
        name: body.name ?? current?.name ?? null,
        year,
        updatedBy: actor.id,
        updatedAt: now,
      });
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'calendar.day_set',
      targetType: 'calendar_day',
      targetId: date,
      detail: {
        from: current
          ? { kind: current.kind, name: current.name, provisional: current.provisional }
          : { kind: 'normal' },
        to: row ? { kind: row.kind, name: row.name } : { kind: 'normal' },
      },
      ip: meta.ip,
      at: now,
    });
    return row;
  });
  invalidateYear(ctx.db, year);
  return presentEditedDay(date, saved);
}
