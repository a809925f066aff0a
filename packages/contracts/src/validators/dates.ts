import { LONG_TERM_DATE } from '../enums.ts';

const YMD_RE = /^(\d{4})(\d{2})(\d{2})$/;

/** Parses YYYYMMDD (years 1900–2199) into a UTC midnight Date; null if not a real calendar date. */
export function ymdToDate(v: string): Date | null {
  const m = YMD_RE.exec(v);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  return date;
}

/** YYYYMMDD real calendar date; '00000000' (长期, long-term) only when `allowLongTerm`. */
export function isValidYmd(v: string, opts: { allowLongTerm: boolean }): boolean {
  if (v === LONG_TERM_DATE) return opts.allowLongTerm;
  return ymdToDate(v) !== null;
}
