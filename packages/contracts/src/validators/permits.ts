import { isValidResidentId } from './resident-id.ts';

/** 港澳居民来往内地通行证 (回乡证): H or M, 8 digits, optionally 2 more (9 or 11 characters). */
export function isValidHkMacaoPermit(v: string): boolean {
  return /^[HM]\d{8}(?:\d{2})?$/.test(v.toUpperCase());
}

/** 台湾居民来往大陆通行证 (台胞证): 8 digits, or 10 digits optionally followed by a bracketed letter or digit. */
export function isValidTaiwanPermit(v: string): boolean {
  return /^(?:\d{8}|\d{10}(?:[(（][0-9A-Z][)）])?)$/.test(v.toUpperCase());
}

/** Passport number: 5–17 characters of [A-Z0-9] with at least one digit (Chinese E/G/P + 8 digits fit). */
export function isValidPassport(v: string): boolean {
  const s = v.toUpperCase();
  return /^[A-Z0-9]{5,17}$/.test(s) && /\d/.test(s);
}

/**
 * 外国人永久居留身份证: the 2004 format (3 letters of the nationality code + 12 digits) or the 2023 format
 * (18 characters starting with 9, laid out and check-digited like a resident ID).
 */
export function isValidForeignPermanentResidentId(v: string): boolean {
  const s = v.toUpperCase();
  if (/^[A-Z]{3}\d{12}$/.test(s)) return true;
  return s.length === 18 && s.startsWith('9') && isValidResidentId(s);
}
