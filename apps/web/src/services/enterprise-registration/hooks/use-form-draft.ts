import { useCallback, useEffect, useRef, useState } from 'react';

/** A draft as kept in localStorage: the values and when they were saved. */
export type StoredDraft<T> = { version: 1; savedAt: string; values: T };

function read<T>(key: string): StoredDraft<T> | null {
  try {
    const raw = window.localStorage.getItem(key);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<StoredDraft<T>>;
    if (parsed.version !== 1 || typeof parsed.savedAt !== 'string' || typeof parsed.values !== 'object')
      return null;
    return parsed as StoredDraft<T>;
  } catch {
    return null;
  }
}

/**
 * A form's draft in localStorage, written at most every `delayMs` while typing and once more when
 * the page is hidden or left, so nothing typed is lost when the 30 minutes of seed 001 run out or
 * the tab is closed. `strip` leaves out what must never be stored (passwords, the captcha).
 */
export function useFormDraft<T>(key: string, strip: (values: T) => T, delayMs = 800) {
  const [initial] = useState(() => read<T>(key));
  const [savedAt, setSavedAt] = useState<string | null>(initial?.savedAt ?? null);
  const pending = useRef<T | null>(null);
  const timer = useRef<number | undefined>(undefined);

  const flush = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
    const values = pending.current;
    if (values === null) return;
    pending.current = null;
    const draft: StoredDraft<T> = { version: 1, savedAt: new Date().toISOString(), values: strip(values) };
    try {
      window.localStorage.setItem(key, JSON.stringify(draft));
      setSavedAt(draft.savedAt);
    } catch {
      // Storage full or unavailable (private mode): the form still works, only without a draft.
    }
  }, [key, strip]);

  /** Call with the whole form on every change. */
  const save = useCallback(
    (values: T) => {
      pending.current = values;
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(flush, delayMs);
    },
    [flush, delayMs],
  );

  const clear = useCallback(() => {
    window.clearTimeout(timer.current);
    pending.current = null;
    try {
      window.localStorage.removeItem(key);
    } catch {
      // nothing stored
    }
    setSavedAt(null);
  }, [key]);

  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', flush);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);

  return { initial, savedAt, save, clear, flush };
}
