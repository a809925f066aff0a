import { describe, expect, it } from 'vitest';
import { CALENDAR_SEED } from './holidays.ts';
import {
  addWorkingDays,
  calendarFromDays,
  isOverdue,
  isWorkingDay,
  remindAt,
  shanghaiDay,
  workingDaysBetween,
} from './working-days.ts';

const calendar = calendarFromDays(CALENDAR_SEED.flatMap((y) => y.days));
const weekendsOnly = calendarFromDays([]);

/** An instant written in China time. */
const cst = (local: string) => new Date(`${local}+08:00`);
/** The due instant for a due day: its last millisecond in China time. */
const endOf = (day: string) => cst(`${day}T23:59:59.999`);
const due = (local: string, n: number) => addWorkingDays(cst(local), n, calendar);

describe('isWorkingDay', () => {
  it('follows the weekday rule where the calendar says nothing', () => {
    expect(isWorkingDay('2025-03-14', weekendsOnly)).toBe(true); // Friday
    expect(isWorkingDay('2025-03-15', weekendsOnly)).toBe(false); // Saturday
    expect(isWorkingDay('2025-03-16', weekendsOnly)).toBe(false); // Sunday
  });

  it('takes holidays off and works the 调休 weekend days of 春节 2026', () => {
    expect(isWorkingDay('2026-02-13', calendar)).toBe(true); // Friday before
    expect(isWorkingDay('2026-02-14', calendar)).toBe(true); // Saturday, 调休上班
    for (const d of ['2026-02-15', '2026-02-16', '2026-02-17', '2026-02-20', '2026-02-23']) {
      expect(isWorkingDay(d, calendar), d).toBe(false);
    }
    expect(isWorkingDay('2026-02-24', calendar)).toBe(true);
    expect(isWorkingDay('2026-02-28', calendar)).toBe(true); // Saturday, 调休上班
    expect(isWorkingDay('2026-03-01', calendar)).toBe(false); // an ordinary Sunday
  });

  it('reads an instant as its day in China whatever the instant is in UTC', () => {
    // 00:30 on 2025-10-09 in China is still 2025-10-08 (a holiday) in UTC
    expect(isWorkingDay(cst('2025-10-09T00:30'), calendar)).toBe(true);
    expect(isWorkingDay(cst('2025-10-08T23:30'), calendar)).toBe(false);
    expect(shanghaiDay(new Date('2025-10-08T16:30:00Z'))).toBe('2025-10-09');
  });

  it('refuses a day that does not exist', () => {
    expect(() => isWorkingDay('2026-02-30', calendar)).toThrow(RangeError);
    expect(() => isWorkingDay('2026-2-3', calendar)).toThrow(RangeError);
  });
});

describe('addWorkingDays', () => {
  it('is due at the end of the n-th working day, counting from the day after submission', () => {
    // Tuesday → Wednesday is day 1, Thursday day 2
    expect(due('2025-03-11T10:00', 2)).toEqual(endOf('2025-03-13'));
    expect(due('2025-03-11T10:00', 2).toISOString()).toBe('2025-03-13T15:59:59.999Z');
  });

  it('counts a Friday submission from Monday', () => {
    expect(due('2025-03-14T17:30', 1)).toEqual(endOf('2025-03-17'));
    expect(due('2025-03-14T17:30', 2)).toEqual(endOf('2025-03-18'));
    expect(due('2025-03-14T17:30', 5)).toEqual(endOf('2025-03-21'));
  });

  it('runs across 春节 2026 and its 调休 Saturdays', () => {
    // Friday 2026-02-13: day 1 is Saturday the 14th (调休上班), then nine days off (15th–23rd)
    expect(due('2026-02-13T10:00', 1)).toEqual(endOf('2026-02-14'));
    expect(due('2026-02-13T10:00', 2)).toEqual(endOf('2026-02-24'));
    // from inside the break: Tue 24 … Fri 27 are days 1–4, Saturday the 28th (调休) day 5
    expect(due('2026-02-20T09:00', 5)).toEqual(endOf('2026-02-28'));
    expect(due('2026-02-20T09:00', 6)).toEqual(endOf('2026-03-02'));
    // submitted on the 调休 Saturday itself
    expect(due('2026-02-14T15:00', 1)).toEqual(endOf('2026-02-24'));
  });

  it('runs across the combined 国庆节、中秋节 break of 2025 and its 调休 Sunday and Saturday', () => {
    // Friday 2025-09-26: Sunday the 28th (调休) is day 1, Mon 29 and Tue 30 days 2–3,
    // then eight days off (Oct 1–8), Thu 9 and Fri 10 days 4–5, Saturday the 11th (调休) day 6
    expect(due('2025-09-26T16:00', 1)).toEqual(endOf('2025-09-28'));
    expect(due('2025-09-26T16:00', 3)).toEqual(endOf('2025-09-30'));
    expect(due('2025-09-26T16:00', 4)).toEqual(endOf('2025-10-09'));
    expect(due('2025-09-26T16:00', 6)).toEqual(endOf('2025-10-11'));
    expect(due('2025-09-26T16:00', 7)).toEqual(endOf('2025-10-13'));
  });

  it('counts a submission at 23:59 on a holiday from the first working day after it', () => {
    // 中秋节 2025-10-06 and the last day of the break, 2025-10-08
    expect(due('2025-10-06T23:59', 2)).toEqual(endOf('2025-10-10'));
    expect(due('2025-10-08T23:59', 1)).toEqual(endOf('2025-10-09'));
    // one minute later it is a submission on the working day 2025-10-09 (still Oct 8 in UTC)
    expect(due('2025-10-09T00:00', 1)).toEqual(endOf('2025-10-10'));
    // 除夕 2026 at 23:59
    expect(due('2026-02-16T23:59', 1)).toEqual(endOf('2026-02-24'));
  });

  it('n = 0 is the end of the submission day itself, working or not', () => {
    expect(due('2025-03-11T10:00', 0)).toEqual(endOf('2025-03-11'));
    expect(due('2026-02-16T10:00', 0)).toEqual(endOf('2026-02-16'));
    expect(due('2025-03-15T23:59', 0)).toEqual(endOf('2025-03-15'));
  });

  it('crosses the year boundary 2025 → 2026 (元旦 off, Sunday 2026-01-04 worked)', () => {
    expect(due('2025-12-30T09:00', 1)).toEqual(endOf('2025-12-31'));
    expect(due('2025-12-30T09:00', 2)).toEqual(endOf('2026-01-04'));
    expect(due('2025-12-30T09:00', 3)).toEqual(endOf('2026-01-05'));
    expect(due('2025-12-31T23:59:59', 1)).toEqual(endOf('2026-01-04'));
  });

  it('refuses a negative or fractional number of days', () => {
    expect(() => due('2025-03-11T10:00', -1)).toThrow(RangeError);
    expect(() => due('2025-03-11T10:00', 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays(new Date(Number.NaN), 1, calendar)).toThrow(RangeError);
  });

  it('stops on a calendar with no working day in sight instead of looping', () => {
    const allOff = { kindOf: () => 'holiday' as const };
    expect(() => addWorkingDays(cst('2025-03-11T10:00'), 1, allOff)).toThrow(RangeError);
  });

  it('does not depend on the time zone of the process', () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC']) {
        process.env.TZ = tz;
        expect(due('2025-10-08T23:59', 1), tz).toEqual(endOf('2025-10-09'));
        expect(due('2025-12-31T23:59:59', 1), tz).toEqual(endOf('2026-01-04'));
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('lands on a working day and counts back to n, for every start in 2025–2026', () => {
    for (let t = Date.parse('2025-01-01T00:00:00+08:00'); t < Date.parse('2027-01-01T00:00:00+08:00'); ) {
      for (const hour of [0, 9, 23]) {
        const start = new Date(t + hour * 3_600_000 + 59 * 60_000);
        for (const n of [0, 1, 2, 5, 10, 20]) {
          const d = addWorkingDays(start, n, calendar);
          expect(workingDaysBetween(start, d, calendar)).toBe(n);
          if (n > 0) expect(isWorkingDay(d, calendar)).toBe(true);
          expect(d.getTime() > start.getTime()).toBe(true);
        }
      }
      t += 86_400_000;
    }
  });
});

describe('workingDaysBetween', () => {
  it('counts the working days after the first day up to and including the second', () => {
    // 2026-02-14 (调休) and Feb 24–28 (Tue–Sat, the 28th 调休)
    expect(workingDaysBetween('2026-02-13', '2026-02-28', calendar)).toBe(6);
    expect(workingDaysBetween('2025-12-31', '2026-01-05', calendar)).toBe(2);
    expect(workingDaysBetween('2025-09-30', '2025-10-08', calendar)).toBe(0);
    expect(workingDaysBetween('2025-03-14', '2025-03-14', calendar)).toBe(0);
  });

  it('is negative when the second day comes first', () => {
    expect(workingDaysBetween('2026-02-28', '2026-02-13', calendar)).toBe(-6);
  });
});

describe('isOverdue', () => {
  it('is on time through the last millisecond of the due day', () => {
    const d = due('2025-03-14T17:30', 2);
    expect(isOverdue(d, cst('2025-03-18T23:59:59.999'))).toBe(false);
    expect(isOverdue(d, cst('2025-03-19T00:00'))).toBe(true);
  });
});

describe('remindAt', () => {
  it('is the start of the last working day before the due day', () => {
    // due 2025-10-09: the working day before is Tuesday 2025-09-30, across the break
    const d = due('2025-09-26T16:00', 4);
    expect(remindAt(d, calendar)).toEqual(cst('2025-09-30T00:00'));
    expect(workingDaysBetween(remindAt(d, calendar), d, calendar)).toBe(1);
    // due Tuesday 2026-02-24: the working day before is the 调休 Saturday 2026-02-14
    expect(remindAt(due('2026-02-13T10:00', 2), calendar)).toEqual(cst('2026-02-14T00:00'));
    // due Monday: the Friday before
    expect(remindAt(due('2025-03-14T17:30', 1), calendar)).toEqual(cst('2025-03-14T00:00'));
  });
});

describe('counting over long ranges', () => {
  it('counts with the prefix sums exactly as a day-by-day walk does', () => {
    const walk = { kindOf: calendar.kindOf };
    for (let i = 0; i < 400; i++) {
      const a = new Date(Date.UTC(2025, 0, 1) + ((i * 7919) % 1000) * 86_400_000 + (i % 24) * 3_600_000);
      const b = new Date(a.getTime() + (((i * 104729) % 700) - 200) * 86_400_000);
      expect(workingDaysBetween(a, b, calendar)).toBe(workingDaysBetween(a, b, walk));
    }
  });
});
