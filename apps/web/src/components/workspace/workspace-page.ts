import type { ReactNode } from 'react';

/** A function of a workspace: one left-menu entry that opens as one tab. */
export type WorkspacePage = {
  key: string;
  /** Absolute route path of the page, e.g. `/account/info`. */
  path: string;
  label: ReactNode;
  icon: ReactNode;
};
