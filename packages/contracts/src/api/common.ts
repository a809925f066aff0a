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
  })
  .meta({ id: 'Problem' });

function hasControlCharacters(v: string): boolean {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
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
