import type { Socket } from 'node:net';
import { findUnsafeText, type Locale, unsafeTextCode } from '@sw/contracts';
import type { ConnectionError, FastifyInstance } from 'fastify';
import { fieldError } from './app-error.ts';
import { buildProblemBody } from './problem.ts';

/**
 * The shared text rule of `packages/contracts` (no control characters but tab and line breaks,
 * well-formed Unicode) applied to everything a route can read, by construction: the JSON body
 * as it is parsed (see app.ts), and the query string and path parameters of every route before
 * validation. A breach is a 400 problem+json with the field's path and code — never a 500 from
 * the database, never a half-written row.
 */
export function assertCleanText(value: unknown, prefix?: string) {
  const bad = findUnsafeText(value);
  if (bad) {
    const path = prefix ? (bad.path ? `${prefix}.${bad.path}` : prefix) : bad.path;
    throw fieldError(path, bad.code);
  }
}

/** For single strings outside the parsed body (an uploaded file's name). */
export function assertCleanString(value: string, path: string) {
  const code = unsafeTextCode(value);
  if (code) throw fieldError(path, code);
}

export function registerInputGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    if (request.query && typeof request.query === 'object') assertCleanText(request.query, 'query');
    if (request.params && typeof request.params === 'object') assertCleanText(request.params, 'params');
  });
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
};

/**
 * Errors Node's HTTP parser meets before Fastify has a request (oversized headers, a broken
 * request line, a timeout) answered as problem+json like every other error, not Node's bare
 * status line. No request was parsed, so the language is the default one.
 */
export function clientErrorHandler(err: ConnectionError, socket: Socket) {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const status =
    err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const code =
    status === 431
      ? 'request.header_too_large'
      : err.code === 'HPE_INVALID_URL'
        ? 'request.malformed_url'
        : 'request.validation_failed';
  const locale: Locale = 'zh-CN';
  const body = JSON.stringify(buildProblemBody(locale, status, code, ''));
  socket.end(
    `HTTP/1.1 ${status} ${REASONS[status]}\r\n` +
      'Content-Type: application/problem+json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}
