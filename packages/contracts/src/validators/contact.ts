/** Mainland China mobile number: 11 digits starting 13–19. */
export function isValidMobile(v: string): boolean {
  return /^1[3-9]\d{9}$/.test(v);
}

const EMAIL_MAX = 100;
const LOCAL_RE = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL_RE = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const TLD_RE = /^(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})$/;

/**
 * Pragmatic e-mail check (RFC 5321 dot-atom, ASCII only): `local@domain.tld`, at most 100 characters,
 * local part ≤ 64, no spaces or quoted strings, domain with at least one dot and an alphabetic TLD of ≥ 2.
 */
export function isValidEmail(v: string): boolean {
  if (v.length > EMAIL_MAX) return false;
  const at = v.lastIndexOf('@');
  if (at < 1) return false;
  const local = v.slice(0, at);
  const domain = v.slice(at + 1);
  if (local.length > 64 || !LOCAL_RE.test(local)) return false;
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  if (!labels.every((l) => LABEL_RE.test(l))) return false;
  return TLD_RE.test(labels.at(-1)!);
}

function luhnSum(digits: string, doubleFirstFromRight: boolean): number {
  let sum = 0;
  let double = doubleFirstFromRight;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = Number(digits[i]);
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum;
}

/** The Luhn (mod 10) check digit to append to `partial` (digits only; throws otherwise). */
export function luhnCheckDigit(partial: string): string {
  if (!/^\d+$/.test(partial)) throw new RangeError('luhnCheckDigit expects digits');
  return String((10 - (luhnSum(partial, true) % 10)) % 10);
}

/** Bank card number: 12–19 digits passing the Luhn check. */
export function isValidBankCard(v: string): boolean {
  return /^\d{12,19}$/.test(v) && luhnSum(v, false) % 10 === 0;
}
