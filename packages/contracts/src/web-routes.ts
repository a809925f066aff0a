/**
 * Every page of the web app, as path patterns (`:name` = one segment). The server answers these
 * with the app's shell and status 200, and any other path outside `/api` with the shell and 404
 * (the page still renders 「页面不存在」). The web router is checked against this list by a unit
 * test (apps/web/src/app/routes/web-routes.test.ts), so the two cannot drift apart.
 */
export const WEB_ROUTES = [
  '/',
  '/login',
  '/register',
  '/register/individual',
  '/register/overseas',
  '/register/enterprise',
  '/register/enterprise/correction',
  '/register/institution',
  '/dev/outbox',
  '/first-sign-in',
  '/recover/email',
  '/recover/password',
  '/recover/username',
  '/notices',
  '/policies',
  '/articles/:id',
  '/account',
  '/account/info',
  '/account/devices',
  '/account/passkeys',
  '/account/real-name',
  '/account/qualifications',
  '/account/operators',
  '/account/cards',
  '/account/messages',
  '/account/applications',
  '/account/applications/:id',
  '/account/local-apps',
  '/apps',
  '/apps/:service',
  '/apps/:service/*',
  '/m',
  '/m/services',
  '/m/me',
  '/m/me/security',
  '/m/login',
  '/m/licences',
  '/m/licences/add',
  '/m/licences/:id',
  '/m/verify',
  '/m/appointments',
  '/m/appointments/:kind',
  '/m/progress',
  '/m/feedback',
  '/console',
  '/console/dashboard',
  '/console/queue/:view',
  '/console/applications/:id',
  '/console/overview',
  '/console/department-users',
  '/console/accounts',
  '/console/lockouts',
  '/console/sign-in-log',
  '/console/cards',
  '/console/staff',
  '/console/calendar',
  '/console/settings',
  '/console/messages',
  '/console/consultations',
  '/console/content/:kind',
  '/console/services/:service/:page',
] as const;

const compiled = WEB_ROUTES.map((pattern) => pattern.split('/').filter(Boolean));

/**
 * Whether a path (no query string) is a page of the web app. A trailing slash is ignored; `*` is
 * one or more segments; a `:service` segment must be a service's code when `isService` is given
 * (the pages of `/apps/<code>/…` belong to the services the server has).
 */
export function isWebRoute(path: string, opts: { isService?: (code: string) => boolean } = {}): boolean {
  const segments = path.split('/').filter(Boolean);
  return compiled.some((pattern) => {
    const splat = pattern.at(-1) === '*';
    const fixed = splat ? pattern.slice(0, -1) : pattern;
    if (splat ? segments.length <= fixed.length : segments.length !== fixed.length) return false;
    return fixed.every((p, i) => {
      const segment = segments[i] ?? '';
      if (p === ':service')
        return opts.isService ? opts.isService(decodeURIComponent(segment)) : segment !== '';
      return p.startsWith(':') ? segment !== '' : p === segment;
    });
  });
}
