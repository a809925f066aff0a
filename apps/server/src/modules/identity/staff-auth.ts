import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { type Auth, requireAuth } from './auth.ts';
import { loadStaffGrants, type StaffGrants } from './staff-roles.ts';

/** A signed-in staff account with its roles (cached with the session, evicted on every change). */
export async function requireStaff(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<StaffAuth> {
  const auth = await requireAuth(ctx, request, reply);
  if (auth.account.kind !== 'staff') throw new AppError('auth.forbidden', { status: 403 });
  let grants = staffGrants.get(request);
  if (!grants) {
    const nowMs = ctx.clock.now().getTime();
    const cached = ctx.sessionCache.getGrants(auth.account.id, nowMs);
    grants = cached
      ? Promise.resolve(cached)
      : loadStaffGrants(ctx.db, auth.account.id).then((loaded) => {
          ctx.sessionCache.setGrants(auth.account.id, loaded, nowMs);
          return loaded;
        });
    staffGrants.set(request, grants);
  }
  return { ...auth, grants: await grants };
}

export type StaffAuth = Auth & { grants: StaffGrants };
const staffGrants = new WeakMap<FastifyRequest, Promise<StaffGrants>>();

/** A staff member holding the platform-admin role (accounts, cards, calendar, settings, staff). */
export async function requirePlatformAdmin(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<StaffAuth> {
  const auth = await requireStaff(ctx, request, reply);
  if (!auth.grants.platformAdmin) throw new AppError('auth.forbidden', { status: 403 });
  return auth;
}
