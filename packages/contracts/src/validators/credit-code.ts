import { isValidOrgCode } from './org-code.ts';

/** GB 32100-2015 character set; a character's index is its value (no I, O, S, V, Z). */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const CODE_RE = /^[0-9ABCDEFGHJKLMNPQRTUWXY]{18}$/;
const BODY_RE = /^[0-9ABCDEFGHJKLMNPQRTUWXY]{17}$/;

/** The GB 32100 check character for the first 17 characters; throws if `first17` is malformed. */
export function creditCodeCheckChar(first17: string): string {
  const body = first17.toUpperCase();
  if (!BODY_RE.test(body))
    throw new RangeError('creditCodeCheckChar expects 17 characters of the GB 32100 set');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(body[i]!) * WEIGHTS[i]!;
  const check = 31 - (sum % 31);
  return ALPHABET[check === 31 ? 0 : check]!;
}

/** Characters 9–17 of a credit code: the embedded GB 11714 organization code (9 characters). */
export function orgCodeOfCreditCode(code: string): string {
  return code.toUpperCase().slice(8, 17);
}

/**
 * Unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters, GB 32100 check character,
 * and an embedded organization code that passes GB 11714. Lowercase input is accepted.
 */
export function isValidCreditCode(v: string): boolean {
  const code = v.toUpperCase();
  if (!CODE_RE.test(code)) return false;
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) return false;
  return isValidOrgCode(orgCodeOfCreditCode(code));
}
