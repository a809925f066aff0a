import { describe, expect, it } from 'vitest';
import { bookableDays, bookingWindowError, cutoffOf } from './appointments.service.ts';

const rules = { cutoffHourDayBefore: 12, horizonDays: 7 };

describe('the booking window', () => {
  it('closes at noon, Shanghai time, the day before', () => {
    expect(cutoffOf('2026-12-04', rules).toISOString()).toBe('2026-12-03T04:00:00.000Z');
    expect(bookingWindowError('2026-12-04', new Date('2026-12-03T03:59:59Z'), rules)).toBeNull();
    expect(bookingWindowError('2026-12-04', new Date('2026-12-03T04:00:00Z'), rules)).toBe(
      'appointments.cutoff_passed',
    );
  });

  it('opens tomorrow at the earliest and the horizon at the latest, by the day in China', () => {
    // 23:30 UTC on the 2nd is already the 3rd in Shanghai: the 3rd is today, not bookable
    const late = new Date('2026-12-02T23:30:00Z');
    expect(bookingWindowError('2026-12-03', late, rules)).toBe('appointments.day_out_of_range');
    expect(bookingWindowError('2026-12-10', late, rules)).toBeNull();
    expect(bookingWindowError('2026-12-11', late, rules)).toBe('appointments.day_out_of_range');
  });

  it('gives the run of bookable days the booking statement checks in SQL', () => {
    // before noon: tomorrow to the horizon; from noon: the day after tomorrow
    expect(bookableDays(new Date('2026-12-03T03:59:59Z'), rules)).toEqual({
      first: '2026-12-04',
      last: '2026-12-10',
    });
    expect(bookableDays(new Date('2026-12-03T04:00:00Z'), rules)).toEqual({
      first: '2026-12-05',
      last: '2026-12-10',
    });
    expect(
      bookableDays(new Date('2026-12-03T04:00:00Z'), { cutoffHourDayBefore: 12, horizonDays: 1 }),
    ).toBeNull();
  });
});
