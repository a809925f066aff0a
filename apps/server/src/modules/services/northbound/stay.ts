import { STAY_LIMITS, type StayView } from './contract.ts';

export type Crossing = { direction: 'entry' | 'exit'; port: string; at: Date };

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The civil day in China (UTC+8, no daylight saving) as a day number. */
function chinaDayNumber(at: Date): number {
  return Math.floor((at.getTime() + SHANGHAI_OFFSET_MS) / DAY_MS);
}

/** First day number of the calendar year `at` falls in, in China. */
function startOfChinaYear(at: Date): number {
  const year = new Date(at.getTime() + SHANGHAI_OFFSET_MS).getUTCFullYear();
  return Math.floor(Date.UTC(year, 0, 1) / DAY_MS);
}

/**
 * 停留时间 (000 §4.8): every stay runs from an entry to the next exit (or to now); a day counts
 * when the vehicle was in the mainland on it at all (the day of entry and the day of exit both
 * count, as the border authorities reckon it). The year is the calendar year in China.
 * `crossings` in time order; a stray exit without its entry is ignored. Pure: unit-tested.
 */
export function stayTime(crossings: readonly Crossing[], now: Date): StayView {
  const yearStart = startOfChinaYear(now);
  const today = chinaDayNumber(now);
  const counted = new Set<number>();
  let openEntry: Crossing | null = null;
  const countStay = (from: Date, to: Date) => {
    const first = Math.max(chinaDayNumber(from), yearStart);
    const last = Math.min(chinaDayNumber(to), today);
    for (let day = first; day <= last; day++) counted.add(day);
  };
  for (const c of crossings) {
    if (c.direction === 'entry') {
      if (!openEntry) openEntry = c;
    } else if (openEntry) {
      countStay(openEntry.at, c.at);
      openEntry = null;
    }
  }
  let currentStayDays = 0;
  if (openEntry) {
    countStay(openEntry.at, now);
    currentStayDays = today - chinaDayNumber(openEntry.at) + 1;
  }
  const yearDays = counted.size;
  const { perEntryDays, perYearDays, warnBeforeDays } = STAY_LIMITS;
  const warning =
    currentStayDays > perEntryDays
      ? 'over_entry'
      : yearDays > perYearDays
        ? 'over_year'
        : openEntry && currentStayDays > perEntryDays - warnBeforeDays
          ? 'near_entry'
          : yearDays > perYearDays - warnBeforeDays
            ? 'near_year'
            : 'none';
  const last = crossings.at(-1);
  return {
    inMainland: openEntry !== null,
    currentStayDays,
    yearDays,
    perEntryLimit: perEntryDays,
    perYearLimit: perYearDays,
    warning,
    lastCrossing: last ? { direction: last.direction, port: last.port, at: last.at.toISOString() } : null,
  };
}
