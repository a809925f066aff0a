import { describe, expect, it } from 'vitest';
import { divisionNames, divisions, findDivision, isValidDivisionPath } from './division-lookup.ts';

describe('GB/T 2260 divisions', () => {
  it('holds the 31 provinces with their cities and districts, codes nested by prefix', () => {
    const provinces = divisions();
    expect(provinces).toHaveLength(31);
    expect(provinces.find((p) => p.code === '13')?.name).toBe('河北省');
    let districts = 0;
    for (const p of provinces) {
      expect(p.code).toMatch(/^\d{2}$/);
      for (const c of p.children ?? []) {
        expect(c.code).toMatch(new RegExp(`^${p.code}\\d{2}$`));
        for (const d of c.children ?? []) {
          expect(d.code).toMatch(new RegExp(`^${c.code}\\d{2}$`));
          districts++;
        }
      }
    }
    expect(districts).toBeGreaterThan(2900);
  });

  it('finds a division by code and names a path', () => {
    expect(findDivision('130102')).toEqual({ code: '130102', name: '长安区' });
    expect(findDivision('1301')?.name).toBe('石家庄市');
    expect(findDivision('999999')).toBeUndefined();
    expect(divisionNames('13', '1301', '130102')).toEqual(['河北省', '石家庄市', '长安区']);
  });

  it('accepts only paths that belong together', () => {
    expect(isValidDivisionPath('13', '1301', '130102')).toBe(true);
    expect(isValidDivisionPath('13', '1302', '130102')).toBe(false); // district of another city
    expect(isValidDivisionPath('11', '1301', '130102')).toBe(false); // city of another province
    expect(isValidDivisionPath('13', '1301')).toBe(false); // the city has districts
    expect(isValidDivisionPath('13', '1301', '130199')).toBe(false);
    // 东莞市 has no county level: no district, and none accepted
    expect(isValidDivisionPath('44', '4419')).toBe(true);
    expect(isValidDivisionPath('44', '4419', '441901')).toBe(false);
  });
});
