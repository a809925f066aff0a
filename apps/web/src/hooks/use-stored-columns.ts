import { useCallback, useState } from 'react';

function read<K extends string>(storageKey: string, all: readonly K[], defaults: readonly K[]): K[] {
  try {
    const stored = JSON.parse(window.localStorage.getItem(storageKey) ?? 'null') as unknown;
    if (Array.isArray(stored)) {
      const keys = all.filter((k) => stored.includes(k));
      if (keys.length > 0) return keys;
    }
  } catch {
    // unreadable or unavailable storage: the default columns
  }
  return [...defaults];
}

/** The columns a table shows (选择显示列), remembered in localStorage under `storageKey`. */
export function useStoredColumns<K extends string>(
  storageKey: string,
  all: readonly K[],
  defaults: readonly K[],
) {
  const [visible, setVisible] = useState<K[]>(() => read(storageKey, all, defaults));
  const choose = useCallback(
    (keys: string[]) => {
      const next = all.filter((k) => keys.includes(k));
      setVisible(next);
      try {
        window.localStorage.setItem(storageKey, JSON.stringify(next));
      } catch {
        // the choice simply does not outlive the page
      }
    },
    [all, storageKey],
  );
  return [visible, choose] as const;
}
