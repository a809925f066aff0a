/** Hong Kong identity card: 1–2 letters, 6 digits, check digit or 'A'; brackets optional (full-width accepted). */
const HKID_RE = /^([A-Z]{1,2})(\d{6})(?:([0-9A])|[(（]([0-9A])[)）])$/;
const WEIGHTS = [9, 8, 7, 6, 5, 4, 3, 2] as const;
/** Value of the leading space that pads a one-letter prefix to two. */
const SPACE_VALUE = 36;

type HkIdParts = { prefix: string; digits: string; check: string };

function parse(v: string): HkIdParts | null {
  const m = HKID_RE.exec(v.toUpperCase());
  if (!m) return null;
  return { prefix: m[1]!, digits: m[2]!, check: (m[3] ?? m[4])! };
}

function checkChar(prefix: string, digits: string): string {
  const values = [
    ...(prefix.length === 1 ? [SPACE_VALUE] : []),
    ...[...prefix].map((c) => Number.parseInt(c, 36)),
    ...[...digits].map(Number),
  ];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += values[i]! * WEIGHTS[i]!;
  const check = 11 - (sum % 11);
  if (check === 10) return 'A';
  if (check === 11) return '0';
  return String(check);
}

/** HKID check character for a prefix of 1–2 letters plus 6 digits (e.g. `A123456` → `3`). */
export function hkIdCheckChar(body: string): string {
  const m = /^([A-Z]{1,2})(\d{6})$/.exec(body.toUpperCase());
  if (!m) throw new RangeError('hkIdCheckChar expects 1–2 letters and 6 digits');
  return checkChar(m[1]!, m[2]!);
}

/** Hong Kong identity card number, e.g. `A123456(3)`, `A1234563`, `AB987654(3)`; case-insensitive. */
export function isValidHkId(v: string): boolean {
  const p = parse(v);
  return p !== null && checkChar(p.prefix, p.digits) === p.check;
}

/** Upper-cases and brackets the check character: `a1234563` → `A123456(3)`. Unparseable input is only upper-cased. */
export function normalizeHkId(v: string): string {
  const p = parse(v.trim());
  if (!p) return v.toUpperCase();
  return `${p.prefix}${p.digits}(${p.check})`;
}
