import type { SessionResponse } from '@sw/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, apiClient } from '../lib/api-client';

export const SESSION_QUERY_KEY = ['session'] as const;

async function getSession(): Promise<SessionResponse | null> {
  try {
    return await apiClient.get<SessionResponse>('/api/auth/session');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** `GET /api/auth/session` as a query: the session, or `null` when the server answers 401. */
export const sessionQueryOptions = queryOptions({
  queryKey: SESSION_QUERY_KEY,
  queryFn: getSession,
  staleTime: 60_000,
  retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
});

/** The signed-in session: `data` is the session, `null` when signed out, `undefined` while loading. */
export function useSession() {
  return useQuery(sessionQueryOptions);
}

/**
 * Signing out: ends the session on the server, leaves for `to`, then forgets the session and every
 * cached account query. The order matters: a session-gated page still on screen when the session
 * disappears from the cache would bounce to /login first.
 */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const mutation = useMutation({ mutationFn: () => apiClient.post<void>('/api/auth/sign-out') });
  const { mutateAsync } = mutation;
  const signOut = useCallback(
    async (to: string) => {
      try {
        await mutateAsync();
      } catch {
        // Already signed out, expired or offline: the local state is dropped all the same.
      }
      await navigate(to, { replace: true, flushSync: true });
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_QUERY_KEY[0] });
      queryClient.setQueryData(SESSION_QUERY_KEY, null);
    },
    [mutateAsync, navigate, queryClient],
  );
  return { signOut, isPending: mutation.isPending };
}
