/*
 * 申领居住证's date and number rules, pure (unit-tested in rules.test.ts). Days are Shanghai
 * calendar days written YYYY-MM-DD.
 */

/** 「"申报居住登记"审批通过，满半年〔深圳除外〕后"申领居住证"」 (003, 常见疑问). */
export const WAIT_MONTHS = 6;
/** 深圳 (4403): no wait after the registration's approval. */
export const NO_WAIT_CITIES: readonly string[] = ['4403'];
/** A 居住证 is valid for one year from its issue. */
export const VALID_YEARS = 1;

function parts(day: string): [number, number, number] {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

function format(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * The same day `months` later; where that month is shorter, its last day (08-31 plus six months is
 * 02-28, or 02-29 in a leap year).
 */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = parts(day);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return format(year, month, Math.min(d, last));
}

/** The first day one may apply for a 居住证 with a registration approved on `approvedDay` in `city`. */
export function eligibleFrom(approvedDay: string, city: string): string {
  return NO_WAIT_CITIES.includes(city) ? approvedDay : addMonths(approvedDay, WAIT_MONTHS);
}

/**
 * A 居住证 issued on `issuedDay`: valid from that day through the day before its anniversary (one
 * issued on 02-29 runs through 02-28; one issued on 03-01 through 02-29 in a leap year).
 */
export function permitValidity(issuedDay: string): { validFrom: string; validUntil: string } {
  const [y, m, d] = parts(issuedDay);
  // Date.UTC rolls day 0 or 29-in-February over into the neighbouring month
  const until = new Date(Date.UTC(y + VALID_YEARS, m - 1, d - 1));
  return {
    validFrom: issuedDay,
    validUntil: format(until.getUTCFullYear(), until.getUTCMonth() + 1, until.getUTCDate()),
  };
}

/**
 * The 居住证's number: the city's code and the digits of its application number (the day of
 * application and that day's sequence), e.g. 4401 + JZZ20260601000042 → 440120260601000042. It is
 * unique because application numbers are, and a permit is issued once per application.
 */
export function permitNumber(city: string, applicationNumber: string): string {
  const digits = applicationNumber.replace(/\D/g, '');
  if (!/^\d{4}$/.test(city) || digits.length !== 14)
    throw new Error(`permit number from ${city} and ${applicationNumber}`);
  return `${city}${digits}`;
}
