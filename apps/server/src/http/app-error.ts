import { type ErrorCode, type FieldErrorCode, isErrorCode, type ProblemExtensions } from '@sw/contracts';

export type AppFieldError = { path: string; code: ErrorCode };
/** A field error that may carry a service's own code (a form checked against its contract). */
export type AnyFieldError = { path: string; code: FieldErrorCode };

/**
 * The one error type business code throws. `code` is a stable string listed in
 * packages/contracts/src/errors.ts; the error handler renders it as problem+json with a
 * message in the caller's language.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fieldErrors: AnyFieldError[];
  readonly headers: Record<string, string>;
  /** typed extra members of the problem+json body (see ProblemExtensions) */
  readonly extensions: ProblemExtensions;

  constructor(
    code: ErrorCode,
    opts: {
      status?: number;
      fieldErrors?: AnyFieldError[];
      headers?: Record<string, string>;
      extensions?: ProblemExtensions;
      cause?: unknown;
    } = {},
  ) {
    super(code, { cause: opts.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = opts.status ?? 400;
    this.fieldErrors = opts.fieldErrors ?? [];
    this.headers = opts.headers ?? {};
    this.extensions = opts.extensions ?? {};
  }
}

/** Throws `AppError(code)` unless `condition` holds. */
export function assert(
  condition: unknown,
  code: ErrorCode,
  opts?: ConstructorParameters<typeof AppError>[1],
): asserts condition {
  if (!condition) throw new AppError(code, opts);
}

/** A failure tied to one field: top-level `code` and `errors: [{path, code}]` carry the same code. */
export function fieldError(path: string, code: FieldErrorCode, status = 400): AppError {
  // a service's own code is a field's: the problem itself is a validation failure
  const problem: ErrorCode = isErrorCode(code) ? code : 'request.validation_failed';
  return new AppError(problem, { status, fieldErrors: [{ path, code }] });
}
