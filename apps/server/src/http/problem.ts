import {
  type ErrorCode,
  type FieldError,
  type FieldErrorCode,
  fieldErrorMessage,
  formatProblemDay,
  isErrorCode,
  isServiceErrorCode,
  type Locale,
  type Problem,
  type ProblemExtensions,
  problemText,
  resolveLocale,
} from '@sw/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { type AnyFieldError, AppError } from './app-error.ts';

export function requestLocale(request: FastifyRequest): Locale {
  return resolveLocale(request.headers['accept-language']);
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  431: 'Request Header Fields Too Large',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** The problem+json body for a code in a language (no request needed: see clientErrorHandler). */
export function buildProblemBody(
  locale: Locale,
  status: number,
  code: ErrorCode,
  requestId: string,
  fieldErrors: AnyFieldError[] = [],
  extensions: ProblemExtensions = {},
): Problem {
  const problem: Problem = {
    ...extensions,
    type: `https://singlewindow.dev/problems/${code.replace('.', '/')}`,
    title: TITLES[status] ?? 'Error',
    status,
    code,
    detail: problemText(code, locale, {
      ...(extensions.dueAt ? { dueDate: formatProblemDay(extensions.dueAt, locale) } : {}),
      ...(extensions.remainingAttempts !== undefined
        ? { remainingAttempts: extensions.remainingAttempts }
        : {}),
      ...(extensions.retryAfterSeconds !== undefined
        ? { retryAfterSeconds: extensions.retryAfterSeconds }
        : {}),
    }),
    requestId,
  };
  if (fieldErrors.length > 0) {
    problem.errors = fieldErrors.map<FieldError>((f) => ({
      path: f.path,
      code: f.code,
      message: fieldErrorMessage(f.code, locale) ?? f.code,
    }));
  }
  return problem;
}

export function buildProblem(
  request: FastifyRequest,
  status: number,
  code: ErrorCode,
  fieldErrors: AnyFieldError[] = [],
  extensions: ProblemExtensions = {},
): Problem {
  return buildProblemBody(requestLocale(request), status, code, String(request.id), fieldErrors, extensions);
}

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: ErrorCode,
  fieldErrors: AnyFieldError[] = [],
  extensions: ProblemExtensions = {},
) {
  return reply
    .code(status)
    .type('application/problem+json; charset=utf-8')
    .send(buildProblem(request, status, code, fieldErrors, extensions));
}

type ValidationItem = {
  keyword: string;
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
};

/** Maps a zod issue to a stable field error code. Schemas put a code in `message` where they know better. */
function fieldCodeOf(item: ValidationItem): FieldErrorCode {
  if (item.message && (isErrorCode(item.message) || isServiceErrorCode(item.message))) return item.message;
  switch (item.keyword) {
    case 'invalid_type':
      return item.params.input === undefined || /received undefined/.test(item.message ?? '')
        ? 'field.required'
        : 'field.invalid';
    case 'too_big':
      return 'field.too_long';
    case 'too_small':
      return item.params.minimum === 1 ? 'field.required' : 'field.too_short';
    default:
      return 'field.invalid';
  }
}

export function validationFieldErrors(items: ValidationItem[]): AnyFieldError[] {
  const out: AnyFieldError[] = [];
  for (const item of items) {
    const base = item.instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
    if (item.keyword === 'unrecognized_keys' && Array.isArray(item.params.keys)) {
      for (const key of item.params.keys as string[]) {
        out.push({ path: base ? `${base}.${key}` : key, code: 'field.unknown' });
      }
      continue;
    }
    out.push({ path: base, code: fieldCodeOf(item) });
  }
  // one error per field is what a form shows; keep the first
  const seen = new Set<string>();
  return out.filter((e) => {
    if (seen.has(e.path)) return false;
    seen.add(e.path);
    return true;
  });
}

export function registerProblemHandlers(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      for (const [k, v] of Object.entries(error.headers)) reply.header(k, v);
      if (error.status >= 500) request.log.error({ err: error }, 'app error');
      return sendProblem(request, reply, error.status, error.code, error.fieldErrors, error.extensions);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const items = error.validation as unknown as ValidationItem[];
      const fieldErrors = validationFieldErrors(items);
      const context = (error as { validationContext?: string }).validationContext;
      const prefixed =
        context && context !== 'body'
          ? fieldErrors.map((e) => ({ ...e, path: e.path ? `${context}.${e.path}` : context }))
          : fieldErrors;
      return sendProblem(request, reply, 400, 'request.validation_failed', prefixed);
    }
    switch (error.code) {
      case 'FST_ERR_BAD_URL':
        return sendProblem(request, reply, 400, 'request.malformed_url');
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return sendProblem(request, reply, 400, 'request.malformed_json');
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendProblem(request, reply, 413, 'request.body_too_large');
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return sendProblem(request, reply, 415, 'request.unsupported_media_type');
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return sendProblem(request, reply, 400, 'request.malformed_json');
    }
    if (error instanceof SyntaxError && (error as FastifyError).statusCode === 400) {
      return sendProblem(request, reply, 400, 'request.malformed_json');
    }
    if (typeof error.statusCode === 'number' && error.statusCode === 429) {
      return sendProblem(request, reply, 429, 'request.rate_limited');
    }
    if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      request.log.info({ code: error.code, statusCode: error.statusCode }, 'client error');
      const status = error.statusCode;
      const code: ErrorCode =
        status === 404
          ? 'request.not_found'
          : status === 405
            ? 'request.method_not_allowed'
            : status === 413
              ? 'request.body_too_large'
              : status === 415
                ? 'request.unsupported_media_type'
                : 'request.validation_failed';
      return sendProblem(request, reply, status, code);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(request, reply, 500, 'server.internal');
  });
}
