import type { InboxMessageView, InboxPage, InboxReadAllResult, InboxUnreadCount } from '@sw/contracts';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

const KEY = ['inbox'] as const;
const UNREAD_KEY = [...KEY, 'unread-count'] as const;

export type InboxFilters = { unread: boolean; category?: string };

/**
 * GET /api/inbox/unread-count — the header badge: every 60 s while the page is open, and again
 * when the window gets the focus back.
 */
export function useUnreadCount(enabled = true) {
  return useQuery({
    queryKey: UNREAD_KEY,
    queryFn: ({ signal }) => apiClient.get<InboxUnreadCount>('/api/inbox/unread-count', { signal }),
    enabled,
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
    staleTime: 10_000,
  });
}

/** GET /api/inbox — 我的消息, newest first, 20 at a time (「加载更多」). */
export function useInbox(filters: InboxFilters) {
  return useInfiniteQuery({
    queryKey: [...KEY, 'list', filters],
    queryFn: ({ pageParam, signal }) =>
      apiClient.get<InboxPage>('/api/inbox', {
        query: {
          cursor: pageParam,
          limit: 20,
          unread: filters.unread ? 'true' : undefined,
          category: filters.category,
        },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: true,
  });
}

/** GET /api/inbox/:id — one message in full. */
export function useInboxMessage(id: string | null) {
  return useQuery({
    queryKey: [...KEY, 'message', id],
    queryFn: ({ signal }) => apiClient.get<InboxMessageView>(`/api/inbox/${id}`, { signal }),
    enabled: id !== null,
  });
}

/** POST /api/inbox/:id/read; the badge and the lists follow. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiClient.post<InboxMessageView>(`/api/inbox/${id}/read`),
    onSuccess: (message) => {
      queryClient.setQueryData([...KEY, 'message', message.id], message);
      return queryClient.invalidateQueries({
        queryKey: KEY,
        predicate: (q) => q.queryKey[1] !== 'message',
      });
    },
  });
}

/** POST /api/inbox/read-all — 全部标为已读. */
export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiClient.post<InboxReadAllResult>('/api/inbox/read-all'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}
