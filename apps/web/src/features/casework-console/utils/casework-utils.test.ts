import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import {
  addReasonTemplate,
  monthWeeks,
  toGrants,
  toQueueFilters,
  toQueueFilterValues,
  weekdayOf,
} from './casework-utils';

describe('addReasonTemplate', () => {
  it('fills an empty reason, appends once with 「；」, and keeps within the limit', () => {
    expect(addReasonTemplate(undefined, '附件不清晰')).toBe('附件不清晰');
    expect(addReasonTemplate('  ', '附件不清晰')).toBe('附件不清晰');
    expect(addReasonTemplate('附件不清晰。', '联系方式不完整')).toBe('附件不清晰；联系方式不完整');
    expect(addReasonTemplate('附件不清晰；联系方式不完整', '联系方式不完整')).toBe(
      '附件不清晰；联系方式不完整',
    );
    expect(addReasonTemplate('a'.repeat(998), 'bcd', 1000)).toHaveLength(1000);
  });
});

describe('toGrants', () => {
  it('writes the platform-admin role for every service and drops incomplete rows and duplicates', () => {
    expect(
      toGrants([
        { role: 'platform_admin', serviceCode: 'enterprise-registration' },
        { role: 'reviewer', serviceCode: 'enterprise-registration' },
        { role: 'reviewer', serviceCode: 'enterprise-registration' },
        { role: 'supervisor' },
        { serviceCode: 'x' },
      ]),
    ).toEqual([
      { role: 'platform_admin', serviceCode: '*' },
      { role: 'reviewer', serviceCode: 'enterprise-registration' },
    ]);
    expect(toGrants(undefined)).toEqual([]);
  });
});

describe('queue filters', () => {
  it('trims, leaves blanks out, writes days, and reads back', () => {
    const filters = toQueueFilters({
      number: '  QYZC2026 ',
      applicant: ' ',
      status: 'pending',
      range: [dayjs('2026-01-05'), null],
    });
    expect(filters).toEqual({ number: 'QYZC2026', status: 'pending', from: '2026-01-05' });
    const values = toQueueFilterValues(filters);
    expect(values.number).toBe('QYZC2026');
    expect(values.range?.[0]?.format('YYYY-MM-DD')).toBe('2026-01-05');
    expect(values.range?.[1]).toBeNull();
    expect(toQueueFilterValues({}).range).toBeNull();
  });
});

describe('month grid', () => {
  it('starts weeks on Monday and pads the month to whole weeks', () => {
    expect(weekdayOf(2026, 0, 1)).toBe(3); // 2026-01-01 is a Thursday
    expect(weekdayOf(2026, 1, 1)).toBe(6); // 2026-02-01 is a Sunday
    const feb = monthWeeks(2026, 1);
    expect(feb.every((w) => w.cells.length === 7)).toBe(true);
    expect(feb[0]!.cells.slice(0, 6).every((c) => c.day === null)).toBe(true);
    expect(feb[0]!.cells[6]!.day).toBe(1);
    expect(feb.flatMap((w) => w.cells).filter((c) => c.day !== null)).toHaveLength(28);
    const keys = feb.flatMap((w) => w.cells.map((c) => c.key));
    expect(new Set(keys).size).toBe(keys.length);
  });
});
