/**
 * Stable error codes. Every problem+json response carries one of these in `code`;
 * the web app translates by code. Never rename a code: add a new one.
 */
export const ERROR_CODES = {
  // generic HTTP-level failures
  'request.malformed_json': 'The body is not valid JSON.',
  'request.body_too_large': 'The body exceeds the size limit.',
  'request.validation_failed': 'One or more fields are invalid; see `errors`.',
  'request.unsupported_media_type': 'The Content-Type is not accepted by this route.',
  'request.not_found': 'No such API route or resource.',
  'request.method_not_allowed': 'The method is not allowed on this route.',
  'request.rate_limited': 'Too many requests from this client; retry later.',
  'request.csrf_failed': 'The CSRF token is missing or does not match.',
  'server.internal': 'An unexpected error; the request id identifies it in the logs.',
  'server.unavailable': 'The service is not ready (database unreachable or migrating).',

  // field-level validation (used in `errors[].code`)
  'field.required': 'The field is required.',
  'field.invalid': 'The value is not valid for this field.',
  'field.too_long': 'The value is longer than allowed.',
  'field.too_short': 'The value is shorter than allowed.',
  'field.unknown': 'The field is not accepted by this route.',
  'field.id_number_invalid': 'The identity document number fails its format or check digit.',
  'field.credit_code_invalid': 'The unified social credit code fails GB 32100.',
  'field.org_code_invalid': 'The organization code fails GB 11714.',
  'field.mobile_invalid': 'Not a mainland mobile number.',
  'field.email_invalid': 'Not an e-mail address.',
  'field.username_invalid': 'Username must be 6–18 lowercase letters, or letters with digits.',
  'field.password_weak': 'Password must be 8–16 characters with three of: upper, lower, digit, symbol.',
  'field.password_mismatch': 'Password and confirmation differ.',
  'field.date_invalid': 'Not a valid date (YYYYMMDD; 00000000 means long-term).',
  'field.date_range_invalid': 'The end date is before the start date, or already past.',
  'field.agreement_required': 'The user agreement must be accepted.',

  // captcha and one-time codes
  'captcha.invalid': 'The image captcha is wrong, expired or already used.',
  'otp.invalid': 'The verification code is wrong.',
  'otp.expired': 'The verification code has expired or was already used; request a new one.',
  'otp.too_many_attempts': 'Too many wrong codes; request a new one.',
  'otp.resend_too_soon': 'A code was sent less than 60 seconds ago.',
  'otp.daily_limit': 'The daily number of codes for this number or address is reached.',

  // authentication and sessions
  'auth.invalid_credentials': 'Username or password is wrong (never says which).',
  'auth.account_locked': 'Too many failed sign-ins; the account is temporarily locked.',
  'auth.account_disabled': 'The account cannot sign in (disabled or not activated).',
  'auth.unauthenticated': 'Sign in first.',
  'auth.forbidden': 'The signed-in account may not do this.',

  // accounts
  'account.username_taken': 'The username is already registered (case-insensitive).',
  'account.id_number_taken': 'An account of this kind already exists for this identity document.',
  'account.mobile_required': 'A mainland mobile number with its SMS code is required for this ID type.',
  'account.email_required': 'A verified e-mail is required.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** One field error inside a problem+json body. `path` is dot-separated (`contacts.0.mobile`). */
export type FieldError = { path: string; code: ErrorCode; message: string };

/** RFC 9457 problem details as this platform emits them. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  errors?: FieldError[];
  requestId: string;
};

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(ERROR_CODES, value);
}
