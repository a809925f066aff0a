import type { ReactNode } from 'react';

/** A function of a workspace: one left-menu entry that opens as one tab. */
export type WorkspacePage = {
  key: string;
  /** Absolute route path of the page, e.g. `/account/info`. */
  path: string;
  label: ReactNode;
  icon: ReactNode;
  /** the menu group the entry is shown under (e.g. 内容管理); entries of a group follow each other */
  group?: { key: string; label: ReactNode };
};

/**
 * Tabs that are not menu entries: one per opened record, e.g. an application's detail at
 * `/console/applications/<id>`. A tab's key is `<key>:<param>`; it stays open like any other.
 */
export type WorkspaceDetailTab = {
  key: string;
  /** Route of the records, e.g. `/console/applications`; a record's tab is `<basePath>/<param>`. */
  basePath: string;
  label: (param: string) => ReactNode;
  icon: ReactNode;
};
