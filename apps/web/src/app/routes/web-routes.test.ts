import { isWebRoute, WEB_ROUTES } from '@sw/contracts';
import type { RouteObject } from 'react-router';
import { describe, expect, it } from 'vitest';
import { routes } from './routes';

/** Every page path of the route tree (layouts joined with their children; catch-alls left out). */
function pagePaths(tree: RouteObject[], base = ''): string[] {
  return tree.flatMap((route) => {
    if (route.path === '*' || route.path?.endsWith('.html')) return [];
    const here = route.path
      ? route.path.startsWith('/')
        ? route.path
        : `${base === '/' ? '' : base}/${route.path}`
      : base;
    const own = route.index || (route.element && !route.children) ? [here || '/'] : [];
    return [...own, ...(route.children ? pagePaths(route.children, here) : [])];
  });
}

describe('web routes', () => {
  it('the router and the server’s list of pages (contracts WEB_ROUTES) name the same pages', () => {
    expect([...new Set(pagePaths(routes))].sort()).toEqual([...WEB_ROUTES].sort());
  });

  it('matches patterns segment by segment', () => {
    expect(isWebRoute('/')).toBe(true);
    expect(isWebRoute('/account/applications/0b0c')).toBe(true);
    expect(isWebRoute('/account/applications/')).toBe(true); // the list, trailing slash
    expect(isWebRoute('/account/nope')).toBe(false);
    expect(isWebRoute('/console/queue/mine/extra')).toBe(false);
    expect(isWebRoute('/.well-known/openid-configuration')).toBe(false);
  });
});
