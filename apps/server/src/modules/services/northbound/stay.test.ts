import { describe, expect, it } from 'vitest';
import { stayTime } from './stay.ts';

const at = (iso: string) => new Date(iso);
const entry = (iso: string) => ({ direction: 'entry' as const, port: 'hzmb-zhuhai', at: at(iso) });
const exit = (iso: string) => ({ direction: 'exit' as const, port: 'hzmb-zhuhai', at: at(iso) });

describe('stayTime', () => {
  it('counts nothing without crossings', () => {
    const v = stayTime([], at('2026-12-03T10:00:00+08:00'));
    expect(v).toMatchObject({
      inMainland: false,
      currentStayDays: 0,
      yearDays: 0,
      warning: 'none',
      lastCrossing: null,
    });
  });

  it('counts the day of entry and the day of exit, in China time', () => {
    // 23:30 on the 1st to 00:30 on the 3rd, China time: three days
    const v = stayTime(
      [entry('2026-03-01T23:30:00+08:00'), exit('2026-03-03T00:30:00+08:00')],
      at('2026-12-03T10:00:00+08:00'),
    );
    expect(v.yearDays).toBe(3);
    expect(v.inMainland).toBe(false);
  });

  it('counts an open stay up to today and warns before the 30-day limit', () => {
    const v = stayTime([entry('2026-11-08T09:00:00+08:00')], at('2026-12-03T10:00:00+08:00'));
    expect(v).toMatchObject({ inMainland: true, currentStayDays: 26, yearDays: 26, warning: 'near_entry' });
    const over = stayTime([entry('2026-11-01T09:00:00+08:00')], at('2026-12-03T10:00:00+08:00'));
    expect(over).toMatchObject({ currentStayDays: 33, warning: 'over_entry' });
  });

  it('counts only this calendar year and a day once when two stays share it', () => {
    const v = stayTime(
      [
        entry('2025-12-30T10:00:00+08:00'),
        exit('2026-01-02T10:00:00+08:00'),
        entry('2026-01-02T18:00:00+08:00'),
        exit('2026-01-03T08:00:00+08:00'),
      ],
      at('2026-06-01T10:00:00+08:00'),
    );
    expect(v.yearDays).toBe(3); // 1, 2 and 3 January
  });

  it('warns near and over the 180-day year', () => {
    const near = stayTime(
      [entry('2026-01-01T08:00:00+08:00'), exit('2026-06-28T08:00:00+08:00')],
      at('2026-12-01T00:00:00Z'),
    );
    expect(near.yearDays).toBe(179);
    expect(near.warning).toBe('near_year');
    const over = stayTime(
      [entry('2026-01-01T08:00:00+08:00'), exit('2026-07-05T08:00:00+08:00')],
      at('2026-12-01T00:00:00Z'),
    );
    expect(over.warning).toBe('over_year');
  });

  it('ignores an exit without its entry', () => {
    const v = stayTime([exit('2026-05-01T10:00:00+08:00')], at('2026-12-03T10:00:00+08:00'));
    expect(v.yearDays).toBe(0);
  });
});
