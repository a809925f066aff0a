import type { PlatformSettings } from '@sw/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { caseworkKeys } from './keys';

/** GET /api/console/settings (platform admins). */
export function usePlatformSettings() {
  return useQuery({
    queryKey: caseworkKeys.settings(),
    queryFn: ({ signal }) => apiClient.get<PlatformSettings>('/api/console/settings', { signal }),
  });
}

/** PUT /api/console/settings — the change is audited on the server. */
export function useUpdatePlatformSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<PlatformSettings>) =>
      apiClient.put<PlatformSettings>('/api/console/settings', body),
    onSuccess: (settings) => queryClient.setQueryData(caseworkKeys.settings(), settings),
  });
}
