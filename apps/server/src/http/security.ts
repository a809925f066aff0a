import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import { CSRF_COOKIE, CSRF_HEADER } from '@sw/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config.ts';
import { randomToken, safeEqual } from '../lib/crypto.ts';
import { AppError } from './app-error.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function isSecureRequest(request: FastifyRequest) {
  return request.protocol === 'https';
}

function setCsrfCookie(request: FastifyRequest, reply: FastifyReply, token: string) {
  reply.setCookie(CSRF_COOKIE, token, {
    path: '/',
    sameSite: 'strict',
    httpOnly: false, // the web app reads it and echoes it in the x-csrf-token header
    secure: isSecureRequest(request),
  });
}

/** Issues (or returns) the double-submit CSRF token for this browser. */
export function ensureCsrfToken(request: FastifyRequest, reply: FastifyReply): string {
  const existing = request.cookies[CSRF_COOKIE];
  if (existing && /^[A-Za-z0-9_-]{43}$/.test(existing)) return existing;
  const token = randomToken();
  setCsrfCookie(request, reply, token);
  return token;
}

/** The headers helmet would send, with a CSP the built web app passes. */
export function securityHeaders(isProduction: boolean): Record<string, string> {
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'", // antd's CSS-in-JS writes <style> elements
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
  return {
    'content-security-policy': csp,
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'x-dns-prefetch-control': 'off',
    'x-download-options': 'noopen',
    'x-frame-options': 'DENY',
    'x-permitted-cross-domain-policies': 'none',
    'x-xss-protection': '0',
    ...(isProduction ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}

/**
 * Security headers (CSP the built web app passes), cookies, CSRF defence and rate limiting.
 *
 * CSRF: double-submit token (a SameSite=Strict cookie echoed in a header, which a
 * cross-site page can neither read nor set) plus an Origin check when the browser sends one.
 */
export const securityPlugin = fp(async (app: FastifyInstance, opts: { config: Config }) => {
  await app.register(cookie, { secret: opts.config.secret });
  // computed once: @fastify/helmet rebuilt its policy on every request, a sixth of the CPU of a GET
  const headers = securityHeaders(opts.config.mode === 'production');
  app.addHook('onRequest', async (_request, reply) => {
    reply.headers(headers);
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new AppError('request.rate_limited', {
        status: 429,
        headers: { 'retry-after': String(Math.ceil(context.ttl / 1000)) },
      }),
  });

  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    if (!UNSAFE.has(request.method)) {
      ensureCsrfToken(request, reply);
      return;
    }
    const origin = request.headers.origin;
    if (origin) {
      const expected = opts.config.publicUrl
        ? new URL(opts.config.publicUrl).host
        : request.headers['x-forwarded-host'] && opts.config.trustProxy
          ? String(request.headers['x-forwarded-host'])
          : request.headers.host;
      let originHost: string | null = null;
      try {
        originHost = new URL(origin).host;
      } catch {
        originHost = null;
      }
      if (originHost !== expected) throw new AppError('request.csrf_failed', { status: 403 });
    }
    const cookieToken = request.cookies[CSRF_COOKIE];
    const headerToken = request.headers[CSRF_HEADER];
    if (!cookieToken || typeof headerToken !== 'string' || !safeEqual(cookieToken, headerToken)) {
      throw new AppError('request.csrf_failed', { status: 403 });
    }
  });
});
