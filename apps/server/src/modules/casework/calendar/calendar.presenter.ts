import type { CalendarDayEdited, CalendarDayView, CalendarYearView } from '@sw/contracts';
import type { CalendarDayRow } from './calendar.repo.ts';

export function presentCalendarDay(row: CalendarDayRow): CalendarDayView {
  return {
    date: row.date,
    kind: row.kind,
    name: row.name,
    provisional: row.provisional,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentCalendarYear(year: number, rows: readonly CalendarDayRow[]): CalendarYearView {
  return { year, provisional: rows.some((r) => r.provisional), days: rows.map(presentCalendarDay) };
}

/** A day after an edit: `normal` when its entry was removed. */
export function presentEditedDay(date: string, row: CalendarDayRow | null): CalendarDayEdited {
  return row
    ? { date, kind: row.kind, name: row.name, provisional: row.provisional }
    : { date, kind: 'normal', name: null, provisional: false };
}
