import type { ApplicationDetail } from '@sw/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '../../lib/api-client';
import { applications } from './api';

export type DraftSaveState = 'idle' | 'saving' | 'saved' | 'error';

/**
 * The apply kit's server-side draft (issue 10 §3): the form is saved on the server as it is typed
 * (a pause of `delayMs` after the last change), so another device or a reload finds it under
 * 「我的申请」. The draft is created on the first save; `onCreated` puts its id in the address.
 * Saves run one at a time with the version the last one returned; a version conflict (the same
 * draft saved in another tab) takes the server's version and saves this tab's form over it.
 */
export function useServerDraft(opts: {
  serviceCode: string;
  draftId: string | null;
  onCreated: (application: ApplicationDetail) => void;
  delayMs?: number;
}) {
  const { serviceCode, draftId, onCreated, delayMs = 1500 } = opts;
  const queryClient = useQueryClient();
  const loaded = useQuery({
    queryKey: ['applications', draftId],
    queryFn: () => applications.get(draftId ?? ''),
    enabled: Boolean(draftId),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  const [state, setState] = useState<DraftSaveState>('idle');
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const current = useRef<ApplicationDetail | null>(null);
  if (loaded.data && (!current.current || current.current.id !== loaded.data.id))
    current.current = loaded.data;
  const pending = useRef<Record<string, unknown> | null>(null);
  const timer = useRef<number | null>(null);
  const chain = useRef<Promise<unknown>>(Promise.resolve());

  const write = useCallback(
    async (form: Record<string, unknown>): Promise<ApplicationDetail> => {
      setState('saving');
      try {
        let saved: ApplicationDetail;
        const at = current.current;
        if (!at) {
          saved = await applications.create(serviceCode, form);
          current.current = saved;
          onCreated(saved);
        } else {
          try {
            saved = await applications.save(at.id, at.version, form);
          } catch (error) {
            if (!(isApiError(error) && error.code === 'casework.version_conflict' && error.problem.current))
              throw error;
            saved = await applications.save(at.id, error.problem.current.version, form);
          }
          current.current = saved;
        }
        queryClient.setQueryData(['applications', saved.id], saved);
        setState('saved');
        setSavedAt(new Date());
        return saved;
      } catch (error) {
        setState('error');
        throw error;
      }
    },
    [serviceCode, onCreated, queryClient],
  );

  /** Saves now whatever is waiting (after the saves already under way); the draft as saved. */
  const flush = useCallback(
    (form?: Record<string, unknown>): Promise<ApplicationDetail> => {
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = null;
      const next = form ?? pending.current;
      pending.current = null;
      const run = chain.current.then(() => {
        if (next) return write(next);
        if (current.current) return current.current;
        return write({});
      });
      chain.current = run.catch(() => undefined);
      return run;
    },
    [write],
  );

  /** The form changed: saved after a pause. */
  const schedule = useCallback(
    (form: Record<string, unknown>) => {
      pending.current = form;
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => {
        void flush().catch(() => undefined);
      }, delayMs);
    },
    [delayMs, flush],
  );

  // leaving the page saves what is waiting
  useEffect(
    () => () => {
      if (timer.current !== null && pending.current) {
        window.clearTimeout(timer.current);
        void flush().catch(() => undefined);
      }
    },
    [flush],
  );

  return {
    /** the draft as last loaded or saved (null until there is one) */
    application: current.current ?? loaded.data ?? null,
    loading: Boolean(draftId) && loaded.isPending,
    loadError: loaded.error,
    state,
    savedAt,
    schedule,
    flush,
    /** the draft now (created if need be), e.g. before attaching a file */
    ensure: () => flush(),
  };
}
