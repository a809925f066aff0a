import { describe, expect, it } from 'vitest';
import { addMonths, eligibleFrom, permitNumber, permitValidity } from './rules.ts';

describe('addMonths', () => {
  it('keeps the day of the month', () => {
    expect(addMonths('2026-01-15', 6)).toBe('2026-07-15');
    expect(addMonths('2026-09-30', 6)).toBe('2027-03-30');
  });

  it('crosses the year', () => {
    expect(addMonths('2026-12-01', 1)).toBe('2027-01-01');
    expect(addMonths('2026-07-10', 18)).toBe('2028-01-10');
  });

  it('takes the last day of a shorter month', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-12-31', 6)).toBe('2027-06-30');
  });
});

describe('eligibleFrom (满半年，深圳除外)', () => {
  it('is six months after the approval, in every city but Shenzhen', () => {
    expect(eligibleFrom('2026-01-10', '4401')).toBe('2026-07-10');
    expect(eligibleFrom('2026-08-31', '4419')).toBe('2027-02-28');
  });

  it('is the day of approval in Shenzhen', () => {
    expect(eligibleFrom('2026-01-10', '4403')).toBe('2026-01-10');
  });
});

describe('permitValidity', () => {
  it('runs one year from the day of issue', () => {
    expect(permitValidity('2026-06-01')).toEqual({ validFrom: '2026-06-01', validUntil: '2027-05-31' });
    expect(permitValidity('2026-01-01')).toEqual({ validFrom: '2026-01-01', validUntil: '2026-12-31' });
    expect(permitValidity('2028-02-29')).toEqual({ validFrom: '2028-02-29', validUntil: '2029-02-28' });
    expect(permitValidity('2027-03-01')).toEqual({ validFrom: '2027-03-01', validUntil: '2028-02-29' });
  });
});

describe('permitNumber', () => {
  it('is the city code and the application number’s digits', () => {
    expect(permitNumber('4401', 'JZZ20260601000042')).toBe('440120260601000042');
  });

  it('refuses what would not be unique', () => {
    expect(() => permitNumber('4401', 'JZZ2026')).toThrow();
    expect(() => permitNumber('44', 'JZZ20260601000042')).toThrow();
  });
});
