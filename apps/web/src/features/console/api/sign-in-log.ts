import type { SignInLogPage, SignInLogQuery } from '@sw/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

export type SignInLogFilters = Omit<SignInLogQuery, 'cursor' | 'limit'>;

/** GET /api/console/sign-ins — 登录日志, newest first, 50 at a time (「加载更多」). */
export function useSignInLog(filters: SignInLogFilters) {
  return useInfiniteQuery({
    queryKey: ['console', 'sign-ins', filters],
    queryFn: ({ pageParam, signal }) =>
      apiClient.get<SignInLogPage>('/api/console/sign-ins', {
        query: { ...filters, cursor: pageParam, limit: 50 },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
