import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import { CSRF_HEADER, cookieNames } from '@sw/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Redis } from 'ioredis';
import type { Config } from '../config.ts';
import { randomToken, safeEqual } from '../lib/crypto.ts';
import { AppError } from './app-error.ts';
import { type Counters, databaseRateLimitStore } from './rate-limit.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Cookie names and flags for this deployment: `Secure` with the `__Host-` prefix when the
 * public address is https or in production (whatever a proxy says), else plain names — with
 * `Secure` still added to a request that arrived over https.
 */
export function cookiePolicy(config: Config) {
  const names = cookieNames(config.secureCookies);
  return {
    ...names,
    secure: (request: FastifyRequest) => config.secureCookies || request.protocol === 'https',
  };
}

/** Issues (or returns) the double-submit CSRF token for this browser. */
export function ensureCsrfToken(config: Config, request: FastifyRequest, reply: FastifyReply): string {
  const policy = cookiePolicy(config);
  const existing = request.cookies[policy.csrf];
  if (existing && /^[A-Za-z0-9_-]{43}$/.test(existing)) return existing;
  const token = randomToken();
  reply.setCookie(policy.csrf, token, {
    path: '/',
    sameSite: 'strict',
    httpOnly: false, // the web app reads it and echoes it in the x-csrf-token header
    secure: policy.secure(request),
  });
  return token;
}

/** The browser's CSRF cookie, if it has a well-formed one (anonymous flows bind to it). */
export function csrfCookieOf(config: Config, request: FastifyRequest): string | null {
  const value = request.cookies[cookieNames(config.secureCookies).csrf];
  return value && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
}

/** The headers helmet would send, with a CSP the built web app passes. */
export function securityHeaders(isProduction: boolean): Record<string, string> {
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'", // antd's CSS-in-JS writes <style> elements
    "img-src 'self' data: blob:",
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
 * The origin requests must come from: PUBLIC_URL's scheme, host and port when set; otherwise
 * the address this request was made to (through a trusted proxy's X-Forwarded-* when TRUST_PROXY).
 */
function expectedOrigin(config: Config, request: FastifyRequest): string {
  if (config.publicUrl) return new URL(config.publicUrl).origin;
  // request.host / request.protocol honour X-Forwarded-Host / -Proto only when trustProxy is on
  return `${request.protocol}://${request.host}`;
}

function sameOrigin(origin: string, expected: string): boolean {
  try {
    return new URL(origin).origin === expected;
  } catch {
    return false;
  }
}

/**
 * Security headers (CSP the built web app passes), cookies, CSRF defence and rate limiting.
 *
 * CSRF: double-submit token (a SameSite=Strict cookie echoed in a header, which a
 * cross-site page can neither read nor set) plus an Origin check — scheme, host and port —
 * when the browser sends one.
 *
 * Rate limits count in Redis (REDIS_URL) or in the database, shared by every instance.
 */
export const securityPlugin = fp(
  async (app: FastifyInstance, opts: { config: Config; counters: Counters; redis: Redis | null }) => {
    const { config } = opts;
    const policy = cookiePolicy(config);
    await app.register(cookie, { secret: config.secret });
    // computed once: @fastify/helmet rebuilt its policy on every request, a sixth of the CPU of a GET
    const headers = securityHeaders(config.mode === 'production');
    app.addHook('onRequest', async (_request, reply) => {
      reply.headers(headers);
    });
    await app.register(rateLimit, {
      global: false,
      ...(opts.redis
        ? { redis: opts.redis, nameSpace: 'sw:rl:' }
        : { store: databaseRateLimitStore(opts.counters) }),
      // a counter store that cannot answer lets the request through (logged), rather than
      // failing every rate-limited route: lockouts and code limits still hold in the database
      skipOnError: true,
      errorResponseBuilder: (_request, context) =>
        new AppError('request.rate_limited', {
          status: 429,
          headers: { 'retry-after': String(Math.ceil(context.ttl / 1000)) },
        }),
    });

    app.addHook('onRequest', async (request, reply) => {
      if (!request.url.startsWith('/api/')) return;
      if (!UNSAFE.has(request.method)) {
        ensureCsrfToken(config, request, reply);
        return;
      }
      const origin = request.headers.origin;
      if (origin && !sameOrigin(origin, expectedOrigin(config, request))) {
        throw new AppError('request.csrf_failed', { status: 403 });
      }
      const cookieToken = request.cookies[policy.csrf];
      const headerToken = request.headers[CSRF_HEADER];
      if (!cookieToken || typeof headerToken !== 'string' || !safeEqual(cookieToken, headerToken)) {
        throw new AppError('request.csrf_failed', { status: 403 });
      }
    });
  },
);
