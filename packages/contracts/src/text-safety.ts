import type { ErrorCode } from './errors.ts';

/**
 * The one rule for text that reaches the platform, applied by the server to every string of
 * every request — bodies, query strings, path parameters, multipart fields, object keys — before
 * any route sees it (so no route can forget it):
 *
 * - no C0 control character (U+0000–U+001F) other than tab, line feed and carriage return, and
 *   no DEL (U+007F): NUL cannot be stored in PostgreSQL text at all, and the others have no place
 *   in a form; single-line fields refuse tab and line breaks through their own schemas;
 * - well-formed UTF-16: a lone surrogate half (which JSON's `\ud800` escapes can produce) has no
 *   UTF-8 encoding and cannot be stored or compared.
 */
export type UnsafeText = {
  path: string;
  code: Extract<ErrorCode, 'field.control_character' | 'field.malformed_text'>;
};

// biome-ignore lint/suspicious/noControlCharactersInRegex: this rule is about control characters
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The code for one string that breaks the rule, or null when it is clean. */
export function unsafeTextCode(value: string): UnsafeText['code'] | null {
  if (CONTROL.test(value)) return 'field.control_character';
  if (LONE_SURROGATE.test(value)) return 'field.malformed_text';
  return null;
}

/** True for text with a tab or a line break: what a single-line field refuses. */
export function hasLineBreakOrTab(value: string): boolean {
  return /[\t\n\r]/.test(value);
}

/**
 * Walks a parsed value (JSON body, query, params) and returns the first string — value or key —
 * that breaks the rule, with its dot-separated path, or null. Depth-limited: deeper values are
 * refused as malformed rather than walked without end.
 */
export function findUnsafeText(value: unknown, path = '', depth = 0): UnsafeText | null {
  if (typeof value === 'string') {
    const code = unsafeTextCode(value);
    return code ? { path, code } : null;
  }
  if (value === null || typeof value !== 'object') return null;
  if (depth > 32) return { path, code: 'field.malformed_text' };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnsafeText(value[i], path ? `${path}.${i}` : String(i), depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [key, child] of Object.entries(value)) {
    // a bad key is reported at its parent: the key itself must not travel back in the answer
    const keyCode = unsafeTextCode(key);
    if (keyCode) return { path, code: keyCode };
    const found = findUnsafeText(child, path ? `${path}.${key}` : key, depth + 1);
    if (found) return found;
  }
  return null;
}
