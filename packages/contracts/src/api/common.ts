import { z } from 'zod';
import { ERROR_CODES, type ErrorCode } from '../errors.ts';
import { isValidYmd } from '../validators/dates.ts';

/** A code-carrying zod issue: the server maps `params.code` to a stable field error code. */
export function fieldIssue(code: ErrorCode) {
  return { message: code } as const;
}

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]),
    detail: z.string(),
    errors: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })).optional(),
    requestId: z.string(),
    current: z.object({ status: z.string(), version: z.number().int() }).optional(),
    dueAt: z.iso.datetime().optional(),
    remainingAttempts: z.number().int().optional(),
    retryAfterSeconds: z.number().int().optional(),
  })
  .meta({ id: 'Problem' });

/** A control character (tab and line breaks pass where `allowLineBreaks`). */
export function hasControlCharacters(v: string, allowLineBreaks = false): boolean {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (allowLineBreaks && (c === 0x09 || c === 0x0a || c === 0x0d)) continue;
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

/** Trimmed single-line text with a maximum length; refuses control characters. */
export function text(max: number) {
  return z
    .string()
    .trim()
    .min(1, fieldIssue('field.required'))
    .max(max, fieldIssue('field.too_long'))
    .refine((v) => !hasControlCharacters(v), fieldIssue('field.invalid'));
}

const PERSON_NAME_RE = /^[\p{L}\p{M}][\p{L}\p{M} ·.'’-]*$/u;
const ORG_NAME_RE = /^[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N} ·.,'’&()（）、-]*$/u;

/**
 * A name: refuses markup (`field.markup_not_allowed`) and characters no person's or
 * organization's name has, such as `;`, `=` or quotes around SQL (`field.name_invalid`).
 */
export function nameText(max: number, kind: 'person' | 'organization' = 'person') {
  const re = kind === 'person' ? PERSON_NAME_RE : ORG_NAME_RE;
  return text(max)
    .refine((v) => !/[<>]/.test(v), fieldIssue('field.markup_not_allowed'))
    .refine((v) => /[<>]/.test(v) || (re.test(v) && !/--|\/\*/.test(v)), fieldIssue('field.name_invalid'));
}

/** YYYYMMDD, or 00000000 for long-term where `allowLongTerm`. */
export function ymd(allowLongTerm: boolean) {
  return z
    .string()
    .trim()
    .refine((v) => isValidYmd(v, { allowLongTerm }), fieldIssue('field.date_invalid'));
}

export const CaptchaAnswer = z.object({
  captchaId: z.uuid(fieldIssue('captcha.invalid')),
  captchaAnswer: z.string().trim().min(1, fieldIssue('field.required')).max(10, fieldIssue('field.too_long')),
});

/** `?token=` of a single-use link (password reset, registration correction). */
export const LinkTokenQuery = z.strictObject({
  token: z.string().min(1, fieldIssue('field.required')).max(100, fieldIssue('field.too_long')),
});
