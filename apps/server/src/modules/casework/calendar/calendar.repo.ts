import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { calendarDays } from '../../../db/schema/casework.ts';

export type CalendarDayRow = typeof calendarDays.$inferSelect;

/** The holidays and make-up workdays of some years, by date. */
export async function findCalendarDays(db: Db, years: number[]): Promise<CalendarDayRow[]> {
  if (years.length === 0) return [];
  return db
    .select()
    .from(calendarDays)
    .where(inArray(calendarDays.year, years))
    .orderBy(asc(calendarDays.date));
}

/** One day's entry, locked until the transaction ends (two edits of a day queue up). */
export async function lockCalendarDay(db: Db, date: string): Promise<CalendarDayRow | undefined> {
  const [row] = await db.select().from(calendarDays).where(eq(calendarDays.date, date)).for('update');
  return row;
}

export async function upsertCalendarDay(
  db: Db,
  row: Pick<CalendarDayRow, 'date' | 'kind' | 'name' | 'year' | 'updatedBy' | 'updatedAt'>,
): Promise<CalendarDayRow> {
  const values = { ...row, provisional: false };
  const [saved] = await db
    .insert(calendarDays)
    .values(values)
    .onConflictDoUpdate({ target: calendarDays.date, set: values })
    .returning();
  if (!saved) throw new Error('calendar day upsert returned nothing');
  return saved;
}

export async function deleteCalendarDay(db: Db, date: string): Promise<void> {
  await db.delete(calendarDays).where(eq(calendarDays.date, date));
}
