import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { applicationNumberCounters } from '../../db/schema/casework.ts';
import { AppError } from '../../http/app-error.ts';
import { shanghaiDay } from './calendar/working-days.ts';

const MAX_SEQUENCE = 999_999;

/**
 * The next application number `<PREFIX><YYYYMMDD><6-digit sequence>`, the day in Asia/Shanghai.
 * One upsert takes the counter row's lock, so concurrent transactions get distinct, consecutive
 * numbers; call it inside the transaction that stores the number, so a rollback gives it back.
 */
export async function nextApplicationNumber(tx: Db, prefix: string, at: Date): Promise<string> {
  const day = shanghaiDay(at).replaceAll('-', '');
  const [row] = await tx
    .insert(applicationNumberCounters)
    .values({ prefix, day, last: 1 })
    .onConflictDoUpdate({
      target: [applicationNumberCounters.prefix, applicationNumberCounters.day],
      set: { last: sql`${applicationNumberCounters.last} + 1` },
    })
    .returning({ last: applicationNumberCounters.last });
  const last = row!.last;
  if (last > MAX_SEQUENCE) throw new AppError('casework.numbers_exhausted', { status: 503 });
  return `${prefix}${day}${String(last).padStart(6, '0')}`;
}
