/**
 * Telephone numbers as people outside the mainland write them (seed 004 §1.5: 联系电话, 联系传真,
 * 联系手机 of an overseas enterprise): an optional `+` or `00` and country code, digits grouped with
 * spaces, hyphens, dots or one pair of parentheses. E.164 allows at most 15 digits.
 */
const PHONE_MAX = 30;
const EXTENSION_RE = /\s*(?:ext\.?|x|#|转|轉)\s*(\d{1,6})$/i;
const BODY_RE = /^(?:\+|00)?[\d\s.\-()]+$/;
const GROUPING_RE = /^(?:\+|00)?\d(?:[\s.-]?\d|[\s.-]?\(\d{1,5}\)[\s.-]?\d)*$/;

function digitCount(v: string) {
  return v.replace(/\D/g, '').length;
}

/** A landline or fax number: 5–15 digits, optional `+`/`00` prefix, separators and an extension. */
export function isValidPhoneNumber(v: string): boolean {
  if (v.length === 0 || v.length > PHONE_MAX) return false;
  const body = v.replace(EXTENSION_RE, '');
  if (!BODY_RE.test(body) || !GROUPING_RE.test(body)) return false;
  const digits = digitCount(body) - (body.startsWith('00') ? 2 : 0);
  return digits >= 5 && digits <= 15;
}

/** A mobile number anywhere (a mainland 139…, or +852 9123 4567): 6–15 digits, no extension. */
export function isValidIntlMobile(v: string): boolean {
  if (v.length === 0 || v.length > PHONE_MAX) return false;
  if (!/^(?:\+|00)?\d(?:[\s-]?\d)*$/.test(v)) return false;
  const digits = digitCount(v) - (v.startsWith('00') ? 2 : 0);
  return digits >= 6 && digits <= 15;
}

/** One spelling per number, for storage and the blind index: `+` and digits (`00` becomes `+`). */
export function normalizePhone(v: string): string {
  const trimmed = v.trim();
  const international = trimmed.startsWith('+') || trimmed.startsWith('00');
  const digits = trimmed.replace(/\D/g, '');
  return international ? `+${trimmed.startsWith('00') ? digits.slice(2) : digits}` : digits;
}
