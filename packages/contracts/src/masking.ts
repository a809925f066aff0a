/** Replaces the middle of `v` with one star per hidden character, keeping `head` and `tail` characters. */
function maskMiddle(v: string, head: number, tail: number): string {
  const chars = [...v];
  if (chars.length <= head + tail) return v;
  return (
    chars.slice(0, head).join('') +
    '*'.repeat(chars.length - head - tail) +
    chars.slice(chars.length - tail).join('')
  );
}

/** `13812341234` → `138****1234`. */
export function maskMobile(v: string): string {
  if (!v) return v;
  return maskMiddle(v, 3, 4);
}

/**
 * `loveyoung@126.com` → `lo*****ng@126.com`: keeps the first 2 and last 2 characters of the local part;
 * a local part of up to 4 characters keeps only its first. The domain is never masked.
 */
export function maskEmail(v: string): string {
  if (!v) return v;
  const at = v.lastIndexOf('@');
  const local = at < 0 ? v : v.slice(0, at);
  const domain = at < 0 ? '' : v.slice(at);
  const masked = [...local].length <= 4 ? maskMiddle(local, 1, 0) : maskMiddle(local, 2, 2);
  return masked + domain;
}

/** `11010519491231002X` → `1101**********002X`; values of up to 8 characters keep the first and last only. */
export function maskIdNumber(v: string): string {
  if (!v) return v;
  return [...v].length <= 8 ? maskMiddle(v, 1, 1) : maskMiddle(v, 4, 4);
}

/** `张三丰` → `张**`: keeps the first character. */
export function maskName(v: string): string {
  if (!v) return v;
  return maskMiddle(v, 1, 0);
}

/**
 * A document or account number (passport, permit, plate, bank card): long ones keep 4 + 4
 * (6222********1234), shorter ones 2 + 2 (E1*****78), very short ones their first character.
 */
export function maskNumber(v: string): string {
  if (!v) return v;
  const n = [...v].length;
  if (n >= 12) return maskMiddle(v, 4, 4);
  if (n >= 6) return maskMiddle(v, 2, 2);
  return maskMiddle(v, 1, 0);
}
