import { ymdToDate } from './dates.ts';

/** GB 11643-1999 weights for the first 17 characters. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Check character indexed by (weighted sum mod 11). */
const CHECK_CHARS = '10X98765432';
const SHAPE_RE = /^\d{17}[\dXx]$/;
/** China Standard Time (UTC+8), used to decide what "today" is for a birth date. */
const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The GB 11643 check character for 17 digits; throws if `first17` is not 17 digits. */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('residentIdCheckChar expects 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** True if the birth date YYYYMMDD is a real date, not before 1900 and not after today (China time). */
function isPlausibleBirthDate(ymd: string, now: Date): boolean {
  const date = ymdToDate(ymd);
  if (!date) return false;
  const today = new Date(now.getTime() + CST_OFFSET_MS);
  const todayUtc = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return date.getTime() <= todayUtc;
}

/** Mainland resident identity card number (18 characters, GB 11643). Lowercase x is accepted. */
export function isValidResidentId(v: string, now?: Date): boolean {
  if (!SHAPE_RE.test(v)) return false;
  // guard: callbacks such as Array#filter pass an index as the second argument
  if (!isPlausibleBirthDate(v.slice(6, 14), now instanceof Date ? now : new Date())) return false;
  return residentIdCheckChar(v.slice(0, 17)) === v[17]!.toUpperCase();
}

export type ResidentIdInfo = {
  /** YYYYMMDD */
  birthDate: string;
  gender: 'male' | 'female';
  /** The six-digit administrative division code of the first registration. */
  regionCode: string;
};

/** Birth date, gender (17th digit odd = male) and region of a valid resident ID; null if invalid. */
export function parseResidentId(v: string, now?: Date): ResidentIdInfo | null {
  if (!isValidResidentId(v, now)) return null;
  return {
    birthDate: v.slice(6, 14),
    gender: Number(v[16]) % 2 === 1 ? 'male' : 'female',
    regionCode: v.slice(0, 6),
  };
}
