/**
 * Working-day arithmetic for SLA clocks (issue 4 §3). Pure: no I/O, no server time zone.
 *
 * Every civil date is a day in China Standard Time (Asia/Shanghai, UTC+08:00 all year — China
 * has observed no daylight saving time since 1991), computed with explicit +08:00 arithmetic so
 * the result is the same whatever `TZ` the process runs under.
 *
 * A day is a working day when it is a Monday–Friday that the calendar does not mark as a
 * holiday, or a Saturday/Sunday the calendar marks as a make-up workday (调休上班).
 *
 * Counting follows 《民法典》 art. 201 for periods in days — the day of the triggering event is
 * not counted, the clock starts the next day — and 《行政许可法》 art. 82 — administrative
 * periods are in working days, public holidays excluded. So:
 *
 * - working day 1 of an application is the first working day strictly after the civil day on
 *   which it was submitted. A submission on Friday counts from Monday; one at 23:59 on a
 *   holiday counts from the first working day after the holiday, exactly as if it had come in
 *   on the last day off.
 * - **due** is the end of working day n: the last millisecond of that civil day,
 *   `YYYY-MM-DDT23:59:59.999+08:00`. An application decided at any moment of its n-th working
 *   day is on time; it is overdue from `due + 1 ms` (see {@link isOverdue}).
 * - n = 0 means "the same day": due at the end of the submission's own civil day, working or not.
 */

/** What the calendar says about a day; days it says nothing about follow the weekday rule. */
export type DayKind = 'holiday' | 'workday';

/**
 * The holidays and make-up workdays known for some years, by `YYYY-MM-DD` (Shanghai). A calendar
 * made by {@link calendarFromDays} also answers by day number and keeps the days that change the
 * weekday rule as prefix sums, so counting working days over a year costs a binary search, not a
 * walk (the queues show 「剩余 n 个工作日」 on every row).
 */
export type WorkingCalendar = {
  kindOf(day: string): DayKind | undefined;
  kindOfDay?(dayNumber: number): DayKind | undefined;
  /** sorted day numbers whose kind differs from the weekday rule, and the running sum of +1/−1 */
  exceptions?: { days: readonly number[]; sums: readonly number[] };
};

export function calendarFromDays(days: Iterable<{ date: string; kind: DayKind }>): WorkingCalendar {
  const byIso = new Map<string, DayKind>();
  const byNumber = new Map<number, DayKind>();
  for (const d of days) {
    byIso.set(d.date, d.kind);
    const n = parseIsoDay(d.date);
    if (n !== null) byNumber.set(n, d.kind);
  }
  // a holiday on a weekday takes one working day away; a make-up Saturday or Sunday adds one
  const changes = [...byNumber]
    .map(([day, kind]) => {
      const weekend = weekdayOf(day) === 0 || weekdayOf(day) === 6;
      return { day, delta: kind === 'holiday' && !weekend ? -1 : kind === 'workday' && weekend ? 1 : 0 };
    })
    .filter((c) => c.delta !== 0)
    .sort((a, b) => a.day - b.day);
  const sums: number[] = [];
  let running = 0;
  for (const c of changes) {
    running += c.delta;
    sums.push(running);
  }
  return {
    kindOf: (day) => byIso.get(day),
    kindOfDay: (n) => byNumber.get(n),
    exceptions: { days: changes.map((c) => c.day), sums },
  };
}

/** Index of the last entry ≤ `day` in a sorted array, or -1. */
function lastAtOrBefore(days: readonly number[], day: number): number {
  let lo = 0;
  let hi = days.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid]! <= day) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Monday–Friday days in [from, to] (inclusive), by whole weeks and the few days left over. */
function weekdaysIn(from: number, to: number): number {
  if (to < from) return 0;
  const length = to - from + 1;
  let count = Math.floor(length / 7) * 5;
  for (let d = from + Math.floor(length / 7) * 7; d <= to; d++) {
    const wd = weekdayOf(d);
    if (wd !== 0 && wd !== 6) count++;
  }
  return count;
}

const DAY_MS = 86_400_000;
const OFFSET_MS = 8 * 3_600_000;
/** Longest run of consecutive non-working days we accept before calling the calendar broken. */
const MAX_DAYS_OFF = 366;

/** Days since 1970-01-01 of the Shanghai civil day that contains `at`. */
function dayNumberOf(at: Date): number {
  const ms = at.getTime();
  if (Number.isNaN(ms)) throw new RangeError('invalid date');
  return Math.floor((ms + OFFSET_MS) / DAY_MS);
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a `YYYY-MM-DD` civil day, or null if there is no such day. */
export function parseIsoDay(day: string): number | null {
  const m = ISO_DAY.exec(day);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Date.UTC rolls 02-30 over to 03-02; a real day round-trips
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms / DAY_MS;
}

function toDayNumber(day: Date | string): number {
  if (day instanceof Date) return dayNumberOf(day);
  const n = parseIsoDay(day);
  if (n === null) throw new RangeError(`not a YYYY-MM-DD day: ${day}`);
  return n;
}

function isoOf(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** `YYYY-MM-DD` of the Shanghai civil day containing `at`. */
export function shanghaiDay(at: Date): string {
  return isoOf(dayNumberOf(at));
}

/** Monday = 1 … Sunday = 7 of a `YYYY-MM-DD` day (ISO 8601). */
export function isoWeekday(day: string): number {
  return weekdayOf(toDayNumber(day)) || 7;
}

/** The instant a Shanghai civil day begins (00:00:00.000+08:00). */
export function startOfShanghaiDay(day: Date | string): Date {
  return new Date(toDayNumber(day) * DAY_MS - OFFSET_MS);
}

/** The last millisecond of a Shanghai civil day (23:59:59.999+08:00). */
export function endOfShanghaiDay(day: Date | string): Date {
  return new Date((toDayNumber(day) + 1) * DAY_MS - OFFSET_MS - 1);
}

function isWorking(dayNumber: number, calendar: WorkingCalendar): boolean {
  const kind = calendar.kindOfDay ? calendar.kindOfDay(dayNumber) : calendar.kindOf(isoOf(dayNumber));
  if (kind === 'holiday') return false;
  if (kind === 'workday') return true;
  const wd = weekdayOf(dayNumber);
  return wd !== 0 && wd !== 6;
}

/** The first working day strictly after `dayNumber`. */
function nextWorking(dayNumber: number, calendar: WorkingCalendar): number {
  for (let d = dayNumber + 1; d <= dayNumber + MAX_DAYS_OFF; d++) if (isWorking(d, calendar)) return d;
  throw new RangeError(`no working day within ${MAX_DAYS_OFF} days after ${isoOf(dayNumber)}`);
}

/** The last working day strictly before `dayNumber`. */
function previousWorking(dayNumber: number, calendar: WorkingCalendar): number {
  for (let d = dayNumber - 1; d >= dayNumber - MAX_DAYS_OFF; d--) if (isWorking(d, calendar)) return d;
  throw new RangeError(`no working day within ${MAX_DAYS_OFF} days before ${isoOf(dayNumber)}`);
}

/**
 * Whether the Shanghai civil day of `day` (an instant, or a `YYYY-MM-DD` day) is a working
 * day: Monday–Friday unless a holiday, Saturday/Sunday only when a make-up workday.
 */
export function isWorkingDay(day: Date | string, calendar: WorkingCalendar): boolean {
  return isWorking(toDayNumber(day), calendar);
}

/**
 * The due instant of an SLA of `n` working days for something submitted at `start`: the end
 * (23:59:59.999+08:00) of the n-th working day after the submission's civil day; for n = 0 the
 * end of the submission's own civil day. See the module comment for the counting rule.
 */
export function addWorkingDays(start: Date, n: number, calendar: WorkingCalendar): Date {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${n}`);
  let day = dayNumberOf(start);
  for (let i = 0; i < n; i++) day = nextWorking(day, calendar);
  return endOfShanghaiDay(isoOf(day));
}

/**
 * Working days in the civil days after `a`'s up to and including `b`'s — the count
 * {@link addWorkingDays} advances by, so `workingDaysBetween(s, addWorkingDays(s, n)) === n`.
 * Read with `a` = now and `b` = due it is the working days left (the due day included; 0 on
 * the due day itself). Negative when `b`'s day is before `a`'s.
 */
export function workingDaysBetween(a: Date | string, b: Date | string, calendar: WorkingCalendar): number {
  const from = toDayNumber(a);
  const to = toDayNumber(b);
  if (to < from) return -workingDaysBetween(b, a, calendar);
  const ex = calendar.exceptions;
  if (ex) {
    const sumAt = (day: number) => {
      const i = lastAtOrBefore(ex.days, day);
      return i < 0 ? 0 : ex.sums[i]!;
    };
    return weekdaysIn(from + 1, to) + sumAt(to) - sumAt(from);
  }
  let count = 0;
  for (let d = from + 1; d <= to; d++) if (isWorking(d, calendar)) count++;
  return count;
}

/** Overdue once `now` is past the due instant (due is the last millisecond that is on time). */
export function isOverdue(due: Date, now: Date): boolean {
  return now.getTime() > due.getTime();
}

/**
 * When to remind the assignee and the supervisor that one working day remains: the start
 * (00:00+08:00) of the last working day before the due day. For an SLA of 0 or 1 working
 * days this can precede the submission; the caller then sends the reminder at once.
 */
export function remindAt(due: Date, calendar: WorkingCalendar): Date {
  return startOfShanghaiDay(isoOf(previousWorking(dayNumberOf(due), calendar)));
}
