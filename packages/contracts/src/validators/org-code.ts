/** GB 11714-1997 weights for the 8 body characters. */
const WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;
const BODY_RE = /^[0-9A-Z]{8}$/;
const CODE_RE = /^[0-9A-Z]{8}[0-9X]$/;

/** Digits 0–9 keep their value; letters A–Z are 10–35. */
function charValue(c: string): number {
  return Number.parseInt(c, 36);
}

/** Strips the hyphen before the check character and upper-cases (`12345678-9` → `123456789`). */
export function normalizeOrgCode(v: string): string {
  return v.replace(/^([0-9A-Za-z]{8})-(?=[0-9A-Za-z]$)/, '$1').toUpperCase();
}

/** The GB 11714 check character for the 8-character body; throws if `first8` is malformed. */
export function orgCodeCheckChar(first8: string): string {
  const body = first8.toUpperCase();
  if (!BODY_RE.test(body)) throw new RangeError('orgCodeCheckChar expects 8 characters of [0-9A-Z]');
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += charValue(body[i]!) * WEIGHTS[i]!;
  const check = 11 - (sum % 11);
  if (check === 10) return 'X';
  if (check === 11) return '0';
  return String(check);
}

/** Organization code (组织机构代码, GB 11714): 8 characters + check, with or without `-` before the check. */
export function isValidOrgCode(v: string): boolean {
  const code = normalizeOrgCode(v);
  if (!CODE_RE.test(code)) return false;
  return orgCodeCheckChar(code.slice(0, 8)) === code[8];
}
