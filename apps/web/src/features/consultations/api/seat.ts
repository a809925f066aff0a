import type { CannedReply, CannedReplyList, ConsoleServiceView, ConsultationList } from '@sw/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

export const SEAT_BASE = '/api/console/consultations';
export type SeatQueue = 'waiting' | 'mine' | 'closed';

const keys = {
  services: ['consultations', 'seat', 'services'] as const,
  queue: (service: string, queue: SeatQueue) => ['consultations', 'seat', 'queue', service, queue] as const,
  queues: ['consultations', 'seat', 'queue'] as const,
  replies: (service: string) => ['consultations', 'seat', 'replies', service] as const,
};

/** The services the seat holds a role on (GET /api/console/services). */
export function useSeatServices() {
  return useQuery({
    queryKey: keys.services,
    queryFn: ({ signal }) => apiClient.get<ConsoleServiceView[]>('/api/console/services', { signal }),
    staleTime: 5 * 60_000,
  });
}

/** A queue, refreshed every 5 s (new questions arrive while the seat works). */
export function useSeatQueue(service: string | undefined, queue: SeatQueue) {
  return useQuery({
    queryKey: keys.queue(service ?? '', queue),
    queryFn: ({ signal }) =>
      apiClient.get<ConsultationList>(SEAT_BASE, { query: { serviceCode: service, queue }, signal }),
    enabled: Boolean(service),
    refetchInterval: queue === 'closed' ? false : 5000,
  });
}

export function useRefreshQueues() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: keys.queues });
}

export function useCannedReplies(service: string | undefined) {
  return useQuery({
    queryKey: keys.replies(service ?? ''),
    queryFn: ({ signal }) =>
      apiClient.get<CannedReplyList>(`${SEAT_BASE}/replies/${encodeURIComponent(service ?? '')}`, { signal }),
    enabled: Boolean(service),
  });
}

export function useAddCannedReply(service: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { title: string; body: string }) =>
      apiClient.post<CannedReply>(`${SEAT_BASE}/replies/${encodeURIComponent(service)}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.replies(service) }),
  });
}

export function useRemoveCannedReply(service: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiClient.delete<void>(`${SEAT_BASE}/replies/${encodeURIComponent(service)}/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.replies(service) }),
  });
}
