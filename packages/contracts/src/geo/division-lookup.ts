import { DIVISION_DATA } from './divisions.ts';

/**
 * A GB/T 2260 administrative division: a province (2-digit code), a city (4 digits) or a county /
 * district (6 digits). The web shows them in a cascader (`fieldNames={{ value: 'code', label: 'name' }}`).
 */
export type Division = {
  code: string;
  name: string;
  /** cities of a province, districts of a city; absent on the last level (some cities have none) */
  children?: readonly Division[];
};

let tree: readonly Division[] | null = null;
let byCode: Map<string, Division> | null = null;

function parse(): readonly Division[] {
  const index = new Map<string, Division>();
  const provinces = DIVISION_DATA.map((line) => {
    const [head = '', ...cities] = line.split(';');
    const code = head.slice(0, 2);
    const province: Division = {
      code,
      name: head.slice(2),
      children: cities.map((segment) => {
        const [city = '', ...districts] = segment.split(',');
        const cityCode = code + city.slice(0, 2);
        const children = districts.map((d) => {
          const district = { code: cityCode + d.slice(0, 2), name: d.slice(2) };
          index.set(district.code, district);
          return district;
        });
        const node: Division = children.length
          ? { code: cityCode, name: city.slice(2), children }
          : { code: cityCode, name: city.slice(2) };
        index.set(cityCode, node);
        return node;
      }),
    };
    index.set(code, province);
    return province;
  });
  byCode = index;
  return provinces;
}

/** Provinces → cities → counties / districts, built on first use. */
export function divisions(): readonly Division[] {
  tree ??= parse();
  return tree;
}

/** The division with this code (2, 4 or 6 digits), if any. */
export function findDivision(code: string): Division | undefined {
  if (!byCode) divisions();
  return byCode!.get(code);
}

/**
 * Whether province → city → district is a real path: the city lies in the province and the
 * district in the city. A city without a county level (东莞市, 中山市…) takes no district; any
 * other city needs one.
 */
export function isValidDivisionPath(province: string, city: string, district?: string | null): boolean {
  const p = findDivision(province);
  const c = findDivision(city);
  if (!p || !c || province.length !== 2 || city.length !== 4 || !city.startsWith(province)) return false;
  if (!c.children?.length) return !district;
  if (district?.length !== 6 || !district.startsWith(city)) return false;
  return findDivision(district) !== undefined;
}

/** The names along a path, e.g. ['河北省', '石家庄市', '长安区'] (unknown codes are skipped). */
export function divisionNames(...codes: (string | null | undefined)[]): string[] {
  const out: string[] = [];
  for (const code of codes) {
    const found = code ? findDivision(code) : undefined;
    if (found) out.push(found.name);
  }
  return out;
}
