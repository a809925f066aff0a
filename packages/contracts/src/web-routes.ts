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
  '/account',
  '/account/info',
  '/account/devices',
  '/account/passkeys',
  '/account/operators',
  '/account/cards',
  '/account/messages',
  '/account/applications',
  '/account/applications/:id',
  '/apps',
  '/m',
  '/m/services',
  '/m/me',
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
] as const;

const compiled = WEB_ROUTES.map((pattern) => pattern.split('/').filter(Boolean));

/** Whether a path (no query string) is a page of the web app. A trailing slash is ignored. */
export function isWebRoute(path: string): boolean {
  const segments = path.split('/').filter(Boolean);
  return compiled.some(
    (pattern) =>
      pattern.length === segments.length &&
      pattern.every((p, i) => (p.startsWith(':') ? segments[i] !== '' : p === segments[i])),
  );
}
