import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CALENDAR_SEED } from './holidays.ts';
import { calendarFromDays, isoWeekday, isWorkingDay } from './working-days.ts';

const calendar = calendarFromDays(CALENDAR_SEED.flatMap((y) => y.days));
const byYear = (year: number) => {
  const found = CALENDAR_SEED.find((y) => y.year === year);
  if (!found) throw new Error(`no seed for ${year}`);
  return found;
};

/** The run of consecutive days off that contains `day` (the notice's 「共N天」). */
function breakAround(day: string): { from: string; to: string; days: number } {
  const step = (d: string, by: number) =>
    new Date(Date.parse(`${d}T00:00:00Z`) + by * 86_400_000).toISOString().slice(0, 10);
  let from = day;
  let to = day;
  while (!isWorkingDay(step(from, -1), calendar)) from = step(from, -1);
  while (!isWorkingDay(step(to, 1), calendar)) to = step(to, 1);
  return { from, to, days: (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1 };
}

describe('preloaded calendar', () => {
  it('gives every break of 2025 the length the State Council notice states', () => {
    expect(breakAround('2025-01-01')).toEqual({ from: '2025-01-01', to: '2025-01-01', days: 1 });
    expect(breakAround('2025-01-29')).toEqual({ from: '2025-01-28', to: '2025-02-04', days: 8 });
    expect(breakAround('2025-04-04')).toEqual({ from: '2025-04-04', to: '2025-04-06', days: 3 });
    expect(breakAround('2025-05-01')).toEqual({ from: '2025-05-01', to: '2025-05-05', days: 5 });
    expect(breakAround('2025-05-31')).toEqual({ from: '2025-05-31', to: '2025-06-02', days: 3 });
    expect(breakAround('2025-10-06')).toEqual({ from: '2025-10-01', to: '2025-10-08', days: 8 });
  });

  it('gives every break of 2026 the length the State Council notice states', () => {
    expect(breakAround('2026-01-01')).toEqual({ from: '2026-01-01', to: '2026-01-03', days: 3 });
    expect(breakAround('2026-02-17')).toEqual({ from: '2026-02-15', to: '2026-02-23', days: 9 });
    expect(breakAround('2026-04-05')).toEqual({ from: '2026-04-04', to: '2026-04-06', days: 3 });
    expect(breakAround('2026-05-01')).toEqual({ from: '2026-05-01', to: '2026-05-05', days: 5 });
    expect(breakAround('2026-06-19')).toEqual({ from: '2026-06-19', to: '2026-06-21', days: 3 });
    expect(breakAround('2026-09-25')).toEqual({ from: '2026-09-25', to: '2026-09-27', days: 3 });
    expect(breakAround('2026-10-01')).toEqual({ from: '2026-10-01', to: '2026-10-07', days: 7 });
  });

  it('has the make-up workdays of the notices, all of them at weekends', () => {
    const workdays = (year: number) =>
      byYear(year)
        .days.filter((d) => d.kind === 'workday')
        .map((d) => d.date);
    expect(workdays(2025)).toEqual(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']);
    expect(workdays(2026)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    for (const d of [...workdays(2025), ...workdays(2026)])
      expect(isoWeekday(d), d).toBeGreaterThanOrEqual(6);
  });

  it('marks 2027 provisional: statutory days only, no make-up workdays', () => {
    const y2027 = byYear(2027);
    expect(y2027.provisional).toBe(true);
    expect(byYear(2025).provisional).toBe(false);
    expect(byYear(2026).provisional).toBe(false);
    expect(y2027.days.filter((d) => d.kind === 'workday')).toEqual([]);
    // 放假办法 (2024) art. 2: 13 statutory days
    expect(y2027.days.map((d) => `${d.date} ${d.name}`)).toEqual([
      '2027-01-01 元旦',
      '2027-02-05 春节',
      '2027-02-06 春节',
      '2027-02-07 春节',
      '2027-02-08 春节',
      '2027-04-05 清明节',
      '2027-05-01 劳动节',
      '2027-05-02 劳动节',
      '2027-06-09 端午节',
      '2027-09-15 中秋节',
      '2027-10-01 国庆节',
      '2027-10-02 国庆节',
      '2027-10-03 国庆节',
    ]);
  });

  it('lists each day once, inside its own year', () => {
    for (const y of CALENDAR_SEED) {
      const dates = y.days.map((d) => d.date);
      expect(new Set(dates).size).toBe(dates.length);
      for (const d of dates) expect(d.startsWith(`${y.year}-`), d).toBe(true);
    }
  });

  it('is exactly what the migration seeds', () => {
    const dir = fileURLToPath(new URL('../../../../drizzle/', import.meta.url));
    const seeded = readdirSync(dir)
      .filter((f) => f.endsWith('.sql'))
      .flatMap((f) => {
        const sql = readFileSync(`${dir}${f}`, 'utf8');
        if (!sql.includes('INSERT INTO "calendar_days"')) return [];
        return [
          ...sql.matchAll(
            /\('(\d{4}-\d{2}-\d{2})', '(holiday|workday)', '([^']+)', (\d{4}), (true|false)\)/g,
          ),
        ].map((m) => `${m[1]} ${m[2]} ${m[3]} ${m[4]} ${m[5]}`);
      });
    const expected = CALENDAR_SEED.flatMap((y) =>
      y.days.map((d) => `${d.date} ${d.kind} ${d.name} ${y.year} ${y.provisional}`),
    );
    expect(seeded).toEqual(expected);
  });
});
