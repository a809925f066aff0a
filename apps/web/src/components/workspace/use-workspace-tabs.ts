import { useCallback, useMemo } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { WorkspaceDetailTab, WorkspacePage } from './workspace-page';

/** What the workspace keeps in the history entry: the keys of the open tabs, in order. */
type WorkspaceRouteState = { workspaceTabs?: unknown };

function storedTabs(state: unknown): string[] | null {
  const tabs = (state as WorkspaceRouteState | null)?.workspaceTabs;
  return Array.isArray(tabs) ? tabs.filter((tab): tab is string => typeof tab === 'string') : null;
}

function isUnder(pathname: string, path: string): boolean {
  return pathname === path || pathname.startsWith(`${path}/`);
}

/**
 * The open tabs of a workspace. The active tab is the page the URL points at (so `/account/info`
 * opens 账号信息); the list of open tabs lives in the history entry's state, so back/forward and
 * reload restore it, and a fresh URL opens just its own tab.
 */
export function useWorkspaceTabs(pages: readonly WorkspacePage[], basePath: string) {
  const location = useLocation();
  const navigate = useNavigate();

  const active = pages.find((page) => isUnder(location.pathname, page.path));
  const stored = useMemo(() => storedTabs(location.state), [location.state]);

  const openKeys = useMemo(() => {
    const keys = (stored ?? []).filter(
      (key, i, all) => all.indexOf(key) === i && pages.some((p) => p.key === key),
    );
    if (active && !keys.includes(active.key)) keys.push(active.key);
    return keys;
  }, [stored, active, pages]);

  const pathOf = useCallback(
    (key: string) => pages.find((page) => page.key === key)?.path ?? basePath,
    [pages, basePath],
  );

  const go = useCallback(
    (path: string, tabs: string[], replace = false) => {
      void navigate(path, { state: { workspaceTabs: tabs }, replace });
    },
    [navigate],
  );

  const open = useCallback(
    (key: string) => go(pathOf(key), openKeys.includes(key) ? openKeys : [...openKeys, key]),
    [go, pathOf, openKeys],
  );

  /** Opens a record's tab (see WorkspaceDetailTab) beside the open ones. */
  const openPath = useCallback(
    (key: string, path: string) => go(path, openKeys.includes(key) ? openKeys : [...openKeys, key]),
    [go, openKeys],
  );

  const close = useCallback(
    (key: string) => {
      const index = openKeys.indexOf(key);
      const remaining = openKeys.filter((k) => k !== key);
      if (active?.key === key) {
        const next = remaining[index] ?? remaining[index - 1];
        go(next ? pathOf(next) : basePath, remaining);
      } else {
        go(location.pathname + location.search, remaining, true);
      }
    },
    [openKeys, active, go, pathOf, basePath, location.pathname, location.search],
  );

  const closeAll = useCallback(() => go(basePath, []), [go, basePath]);

  const closeOthers = useCallback(() => {
    go(location.pathname + location.search, active ? [active.key] : [], true);
  }, [go, active, location.pathname, location.search]);

  /** Moves to the neighbouring tab (§3.7.1 移动页签): -1 left, +1 right. */
  const move = useCallback(
    (delta: -1 | 1) => {
      if (openKeys.length === 0) return;
      const index = active ? openKeys.indexOf(active.key) : -1;
      const target = openKeys[Math.min(Math.max(index + delta, 0), openKeys.length - 1)];
      if (target && target !== active?.key) open(target);
    },
    [openKeys, active, open],
  );

  return { openKeys, activeKey: active?.key, open, openPath, close, closeAll, closeOthers, move };
}

/**
 * The tabs of records (an application's detail) open in the history entry, plus the one the URL
 * shows, as pages of the workspace: they behave as tabs but are no menu entries.
 */
export function useDetailPages(detailTabs: readonly WorkspaceDetailTab[] | undefined): WorkspacePage[] {
  const location = useLocation();
  return useMemo(() => {
    if (!detailTabs?.length) return [];
    const keys = [...(storedTabs(location.state) ?? [])];
    for (const tab of detailTabs) {
      const prefix = `${tab.basePath}/`;
      const param = location.pathname.startsWith(prefix)
        ? location.pathname.slice(prefix.length).split('/')[0]
        : undefined;
      if (param) keys.push(`${tab.key}:${decodeURIComponent(param)}`);
    }
    const pages: WorkspacePage[] = [];
    for (const key of new Set(keys)) {
      const colon = key.indexOf(':');
      const tab = colon > 0 ? detailTabs.find((d) => d.key === key.slice(0, colon)) : undefined;
      const param = key.slice(colon + 1);
      if (!tab || !param) continue;
      pages.push({
        key,
        path: `${tab.basePath}/${encodeURIComponent(param)}`,
        label: tab.label(param),
        icon: tab.icon,
      });
    }
    return pages;
  }, [detailTabs, location.pathname, location.state]);
}
