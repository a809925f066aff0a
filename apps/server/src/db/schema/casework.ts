import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  pgTable,
  smallint,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';

/**
 * The working-day calendar (issue 4 §3): the days that differ from the weekday rule — public
 * holidays, and the Saturdays and Sundays worked in exchange (调休上班). A day without a row is
 * a working day from Monday to Friday and a day off at the weekend. Seeded for 2025–2027 by
 * the migration that creates the table; edited by platform admins in the console.
 */
export const calendarDays = pgTable(
  'calendar_days',
  {
    /** civil day in China (Asia/Shanghai) */
    date: date('date', { mode: 'string' }).primaryKey(),
    /** 'holiday' | 'workday' (调休上班) */
    kind: varchar('kind', { length: 10 }).$type<'holiday' | 'workday'>().notNull(),
    /** the festival it belongs to, e.g. 春节 */
    name: varchar('name', { length: 20 }),
    year: smallint('year').notNull(),
    /** entered ahead of the State Council's notice for its year; a person's edit confirms it */
    provisional: boolean('provisional').notNull().default(false),
    /** the staff account of the last edit; null for the seeded rows */
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('calendar_days_year_idx').on(t.year),
    check('calendar_days_kind_check', sql`${t.kind} in ('holiday', 'workday')`),
    check('calendar_days_year_check', sql`${t.year} = extract(year from ${t.date})`),
  ],
);
