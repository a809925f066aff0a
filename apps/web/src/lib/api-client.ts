import {
  CSRF_COOKIE,
  CSRF_HEADER,
  type ErrorCode,
  errorMessage,
  fieldErrorMessage,
  HOST_PREFIX,
  isErrorCode,
  type Locale,
  type Problem,
  problemText,
} from '@sw/contracts';
import type { FormInstance } from 'antd';
import { formatChinaDate } from './format';
import { currentLocale, i18n } from './i18n';
import { noteSessionReplaced } from './session-ended';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type QueryValue = string | number | boolean | undefined | null;

export type RequestOptions = {
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  headers?: Record<string, string>;
};

/** A failed API call, carrying the server's problem+json body (or one made up for network failures). */
export class ApiError extends Error {
  readonly problem: Problem;
  readonly status: number;
  /** True when no HTTP response arrived at all (offline, DNS, connection refused). */
  readonly isNetworkError: boolean;

  constructor(problem: Problem, isNetworkError = false) {
    super(problem.detail || problem.title || problem.code);
    this.name = 'ApiError';
    this.problem = problem;
    this.status = problem.status;
    this.isNetworkError = isNetworkError;
  }

  get code(): ErrorCode {
    return this.problem.code;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

const UNSAFE_METHODS: ReadonlySet<Method> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

/**
 * The CSRF token as the page's own cookie holds it — `__Host-sw_csrf` where cookies are Secure,
 * `sw_csrf` over plain http. The server sets it with the page itself, so it is there before the
 * first request; it is read at every request, so all tabs agree on it.
 */
export function csrfCookie(): string | null {
  return readCookie(`${HOST_PREFIX}${CSRF_COOKIE}`) ?? readCookie(CSRF_COOKIE);
}

let pendingCsrf: Promise<string> | null = null;

/** Fetches a fresh CSRF token; the response also sets the `sw_csrf` cookie for later requests. */
function fetchCsrfToken(): Promise<string> {
  pendingCsrf ??= send<{ token: string }>('GET', '/api/csrf')
    .then((body) => body.token)
    .finally(() => {
      pendingCsrf = null;
    });
  return pendingCsrf;
}

async function csrfToken(): Promise<string> {
  return csrfCookie() ?? fetchCsrfToken();
}

function fallbackCode(status: number): ErrorCode {
  if (status === 401) return 'auth.unauthenticated';
  if (status === 403) return 'auth.forbidden';
  if (status === 404) return 'request.not_found';
  if (status === 405) return 'request.method_not_allowed';
  if (status === 413) return 'request.body_too_large';
  if (status === 415) return 'request.unsupported_media_type';
  if (status === 429) return 'request.rate_limited';
  if (status === 502 || status === 503 || status === 504) return 'server.unavailable';
  return status >= 500 ? 'server.internal' : 'request.validation_failed';
}

function isProblemLike(body: unknown): body is Problem {
  return typeof body === 'object' && body !== null && typeof (body as { code?: unknown }).code === 'string';
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy's HTML error page, an empty body): describe it from the status alone.
  }
  const requestId = response.headers.get('x-request-id') ?? '';
  if (isProblemLike(body)) {
    const code = isErrorCode(body.code) ? body.code : fallbackCode(response.status);
    return new ApiError({
      type: body.type ?? 'about:blank',
      title: body.title ?? response.statusText,
      status: body.status ?? response.status,
      code,
      detail: body.detail ?? '',
      errors: Array.isArray(body.errors) ? body.errors : undefined,
      requestId: body.requestId ?? requestId,
      // documented extensions (ProblemExtensions) travel on
      ...(body.current ? { current: body.current } : {}),
      ...(typeof body.dueAt === 'string' ? { dueAt: body.dueAt } : {}),
      ...(typeof body.remainingAttempts === 'number' ? { remainingAttempts: body.remainingAttempts } : {}),
      ...(typeof body.retryAfterSeconds === 'number' ? { retryAfterSeconds: body.retryAfterSeconds } : {}),
    });
  }
  return new ApiError({
    type: 'about:blank',
    title: response.statusText,
    status: response.status,
    code: fallbackCode(response.status),
    detail: `HTTP ${response.status}`,
    requestId,
  });
}

function buildUrl(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function send<T>(
  method: Method,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
  csrfRetried = false,
): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': currentLocale(),
    ...options.headers,
  };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (UNSAFE_METHODS.has(method)) headers[CSRF_HEADER] = await csrfToken();

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(
      {
        type: 'about:blank',
        title: 'Network error',
        status: 0,
        code: 'server.unavailable',
        detail: cause instanceof Error ? cause.message : 'network error',
        requestId: '',
      },
      true,
    );
  }

  if (!response.ok) {
    const error = await toApiError(response);
    if (error.code === 'auth.session_replaced') noteSessionReplaced();
    // A stale or rotated cookie: fetch a fresh token once and replay the request.
    if (error.code === 'request.csrf_failed' && UNSAFE_METHODS.has(method) && !csrfRetried) {
      const token = await fetchCsrfToken();
      return send<T>(
        method,
        path,
        body,
        { ...options, headers: { ...options.headers, [CSRF_HEADER]: token } },
        true,
      );
    }
    throw error;
  }
  if (response.status === 204 || response.headers.get('content-length') === '0') return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined as T;
  return (await response.json()) as T;
}

/** The one way the web app talks to the API: JSON in and out, same-origin cookies, CSRF header. */
export const apiClient = {
  get: <T>(path: string, options?: RequestOptions) => send<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    send<T>('POST', path, body ?? {}, options),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    send<T>('PUT', path, body ?? {}, options),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    send<T>('PATCH', path, body ?? {}, options),
  delete: <T>(path: string, options?: RequestOptions) => send<T>('DELETE', path, undefined, options),
};

/** The user-facing text of a code, or `fallback` when the code is not one the contracts know. */
function messageOfCode(
  code: string,
  fallback: string,
  locale: Locale,
  params?: Record<string, string>,
): string {
  if (isErrorCode(code)) return errorMessage(code, locale, params);
  return fieldErrorMessage(code, locale) ?? fallback;
}

/** Translates a problem by its `code` (falling back to the server's `detail`), with its extensions filled in. */
export function problemMessage(problem: Problem, locale: Locale = currentLocale()): string {
  if (!isErrorCode(problem.code)) return problem.detail || problem.title;
  return problemText(problem.code, locale, {
    ...(problem.dueAt ? { dueDate: formatChinaDate(problem.dueAt) } : {}),
    ...(problem.remainingAttempts !== undefined ? { remainingAttempts: problem.remainingAttempts } : {}),
    ...(problem.retryAfterSeconds !== undefined ? { retryAfterSeconds: problem.retryAfterSeconds } : {}),
  });
}

/** A message for anything a request may throw. */
export function describeError(error: unknown, locale: Locale = currentLocale()): string {
  if (isApiError(error)) {
    if (error.isNetworkError) return i18n.t('common.networkError');
    return problemMessage(error.problem, locale);
  }
  return i18n.t('common.unexpectedError');
}

function toNamePath(path: string): (string | number)[] {
  return path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

export type ProblemFormOptions = {
  /** Maps an API field path to a form field when they differ (e.g. `captchaId` → `captchaAnswer`). */
  aliases?: Record<string, string>;
  /** Shows a problem without field errors next to a field, by its code (e.g. `captcha.invalid`). */
  codeFields?: Partial<Record<ErrorCode, string>>;
};

/**
 * Puts each `errors[].path` message of a problem next to the antd Form field of that name.
 * Returns whether any field matched; when none did, show the problem's own message instead.
 */
export function applyProblemToForm(
  // biome-ignore lint/suspicious/noExplicitAny: a form of any value shape; only field names are used.
  form: FormInstance<any>,
  problem: Problem,
  locale: Locale = currentLocale(),
  options: ProblemFormOptions = {},
): boolean {
  const { aliases = {}, codeFields = {} } = options;
  const registered = new Set(form.getFieldsError().map((field) => JSON.stringify(field.name)));
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const add = (path: string, text: string) => {
    const name = toNamePath(aliases[path] ?? path);
    const key = JSON.stringify(name);
    if (!registered.has(key)) return;
    const entry = byField.get(key) ?? { name, errors: [] };
    if (!entry.errors.includes(text)) entry.errors.push(text);
    byField.set(key, entry);
  };
  for (const fieldError of problem.errors ?? []) {
    add(fieldError.path, messageOfCode(fieldError.code, fieldError.message, locale));
  }
  const codeField = codeFields[problem.code];
  if (byField.size === 0 && codeField) add(codeField, problemMessage(problem, locale));
  form.setFields([...byField.values()]);
  return byField.size > 0;
}
