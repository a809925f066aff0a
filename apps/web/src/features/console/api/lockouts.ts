import type { LockoutView } from '@sw/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

const KEY = ['console', 'lockouts'] as const;

/** GET /api/console/lockouts — identifiers locked now. */
export function useLockouts() {
  return useQuery({
    queryKey: KEY,
    queryFn: () => apiClient.get<LockoutView[]>('/api/console/lockouts'),
    refetchInterval: 30_000,
  });
}

export function useUnlock() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiClient.delete<null>(`/api/console/lockouts/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}
