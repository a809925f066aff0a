import { createContext, useCallback, useContext } from 'react';
import { useNavigate } from 'react-router';

/** What pages inside a workspace may ask of it. */
export type WorkspaceActions = {
  /** Opens `path` as the tab `key` beside the open tabs (e.g. `application:<id>`). */
  openTab: (key: string, path: string) => void;
};

export const WorkspaceContext = createContext<WorkspaceActions | null>(null);

/**
 * Opens a record in a tab of its own (see WorkspaceDetailTab). Outside a workspace it simply
 * navigates there.
 */
export function useOpenTab(): WorkspaceActions['openTab'] {
  const workspace = useContext(WorkspaceContext);
  const navigate = useNavigate();
  const fallback = useCallback((_key: string, path: string) => void navigate(path), [navigate]);
  return workspace?.openTab ?? fallback;
}
