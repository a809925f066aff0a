import type { AccountView } from '@sw/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { requestLocale } from '../../http/problem.ts';
import { cookiePolicy, csrfCookieOf } from '../../http/security.ts';
import { wasReplaced } from './hub-devices.ts';
import type { AccountRow, SessionRow } from './identity.repo.ts';
import { type RequestMeta, resolveSession } from './sessions.ts';

export type Auth = { account: AccountRow; session: SessionRow; view: AccountView; token: string };

const resolved = new WeakMap<FastifyRequest, Promise<Auth | null>>();

/** Who is asking, as sessions and audits record it: client address and user agent. */
export function requestMeta(request: FastifyRequest): RequestMeta {
  return { ip: request.ip, userAgent: request.headers['user-agent'], locale: requestLocale(request) };
}

/**
 * What binds an anonymous flow (an e-licence authorization, a recovery in progress) to the
 * browser that started it: a keyed hash of its CSRF cookie, which another site can neither read
 * nor set. Null when the browser has none yet (it gets one with any page or API GET).
 */
export function browserKeyOf(ctx: AppContext, request: FastifyRequest): string | null {
  const cookie = csrfCookieOf(ctx.config, request);
  return cookie ? ctx.crypto.hashSecret('browser', cookie) : null;
}

/** The signed-in account behind the session cookie, resolved once per request. */
export function getAuth(ctx: AppContext, request: FastifyRequest): Promise<Auth | null> {
  let pending = resolved.get(request);
  if (!pending) {
    const token = request.cookies[cookiePolicy(ctx.config).session];
    pending =
      token && token.length <= 64
        ? resolveSession(ctx, token).then((s) =>
            s ? { account: s.account, session: s.session, view: s.view, token } : null,
          )
        : Promise.resolve(null);
    resolved.set(request, pending);
  }
  return pending;
}

/**
 * The signed-in account, or 401. An account that still owes its first-sign-in steps (an
 * operator's SMS check, an initial password to change — seed 004 §2.1) gets 403 everywhere
 * except the routes that carry those steps, which pass `{ firstSignIn: true }`.
 */
export async function requireAuth(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  opts: { firstSignIn?: boolean } = {},
): Promise<Auth> {
  const auth = await getAuth(ctx, request);
  if (!auth) {
    const token = request.cookies[cookiePolicy(ctx.config).session];
    if (token) {
      clearSessionCookie(ctx, request, reply);
      // one phone at a time (seed 003): the old phone is told why it was signed out
      if (token.length <= 64 && (await wasReplaced(ctx, token)))
        throw new AppError('auth.session_replaced', { status: 401 });
    }
    throw new AppError('auth.unauthenticated', { status: 401 });
  }
  // the manual's forced steps are for a first sign-in by username and password; a card does all
  const byPassword = auth.session.method === 'password' || auth.session.method === 'mobile';
  if (!opts.firstSignIn && byPassword) {
    if (auth.account.mustVerifyMobile) throw new AppError('auth.first_sign_in_required', { status: 403 });
    if (auth.account.mustChangePassword) throw new AppError('auth.password_change_required', { status: 403 });
  }
  return auth;
}

/**
 * A route that does business (applies, declares, signs): an organization's administrator
 * may not (seed 004 重要提醒 「管理员账号不可进行业务操作」).
 */
export async function requireBusinessAccount(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<Auth> {
  const auth = await requireAuth(ctx, request, reply);
  if (auth.account.kind === 'enterprise_admin' || auth.account.kind === 'institution_admin') {
    throw new AppError('account.admin_no_business', { status: 403 });
  }
  return auth;
}

/** The session token this browser sent, if any (whatever its state). */
export function sessionCookieOf(ctx: AppContext, request: FastifyRequest): string | undefined {
  return request.cookies[cookiePolicy(ctx.config).session];
}

/**
 * A browser-session cookie (no Expires): closing the browser on a shared computer ends it,
 * and the server enforces the idle and absolute limits whatever the browser keeps.
 */
export function setSessionCookie(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
) {
  const policy = cookiePolicy(ctx.config);
  reply.setCookie(policy.session, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: policy.secure(request),
  });
}

export function clearSessionCookie(ctx: AppContext, request: FastifyRequest, reply: FastifyReply) {
  const policy = cookiePolicy(ctx.config);
  reply.clearCookie(policy.session, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: policy.secure(request),
  });
}
