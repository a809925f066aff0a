import { z } from 'zod';
import { ymdToDate } from '../validators/dates.ts';
import { fieldIssue, text } from './common.ts';

/** Years the working-day calendar accepts. */
export const CALENDAR_MIN_YEAR = 2000;
export const CALENDAR_MAX_YEAR = 2100;

/** holiday: a day off (法定节假日 and the days of its break); workday: a weekend day worked (调休上班). */
export const CALENDAR_DAY_KINDS = ['holiday', 'workday'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

/** A real calendar day `YYYY-MM-DD` within the calendar's years. */
export function isCalendarDay(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const year = Number(v.slice(0, 4));
  return year >= CALENDAR_MIN_YEAR && year <= CALENDAR_MAX_YEAR && ymdToDate(v.replaceAll('-', '')) !== null;
}

export const CalendarDay = z.string().refine(isCalendarDay, fieldIssue('field.calendar_date_invalid'));

/** GET /api/console/calendar/:year */
export const CalendarYearParams = z.strictObject({
  year: z.coerce
    .number(fieldIssue('field.calendar_year_invalid'))
    .int(fieldIssue('field.calendar_year_invalid'))
    .min(CALENDAR_MIN_YEAR, fieldIssue('field.calendar_year_invalid'))
    .max(CALENDAR_MAX_YEAR, fieldIssue('field.calendar_year_invalid')),
});

/** One day that differs from the weekday rule. */
export const CalendarDayView = z
  .object({
    date: z.iso.date(),
    kind: z.enum(CALENDAR_DAY_KINDS),
    /** the festival, e.g. 春节 */
    name: z.string().nullable(),
    /** entered ahead of the State Council's notice; an admin's edit confirms it */
    provisional: z.boolean(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'CalendarDay' });
export type CalendarDayView = z.infer<typeof CalendarDayView>;

export const CalendarYearView = z
  .object({
    year: z.number().int(),
    /** true while any day of the year is still provisional (no notice confirmed yet) */
    provisional: z.boolean(),
    /** holidays and make-up workdays, by date; every other day follows the weekday rule */
    days: z.array(CalendarDayView),
  })
  .meta({ id: 'CalendarYear' });
export type CalendarYearView = z.infer<typeof CalendarYearView>;

/** PUT /api/console/calendar/days/:date */
export const CalendarDayParams = z.strictObject({ date: CalendarDay });

/** `normal` removes the day's entry: it follows the weekday rule again. */
export const SetCalendarDayBody = z.strictObject({
  kind: z.enum([...CALENDAR_DAY_KINDS, 'normal'], fieldIssue('field.invalid')),
  name: text(20)
    .refine((v) => !/[<>]/.test(v), fieldIssue('field.markup_not_allowed'))
    .optional(),
});
export type SetCalendarDayBody = z.infer<typeof SetCalendarDayBody>;

/** The day after an edit; `kind: 'normal'` when it no longer has an entry. */
export const CalendarDayEdited = z
  .object({
    date: z.iso.date(),
    kind: z.enum([...CALENDAR_DAY_KINDS, 'normal']),
    name: z.string().nullable(),
    provisional: z.boolean(),
  })
  .meta({ id: 'CalendarDayEdited' });
export type CalendarDayEdited = z.infer<typeof CalendarDayEdited>;
