import type { PlatformSettings, UpdatePlatformSettingsBody } from '@sw/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { PLATFORM_INFO_KEY } from '../../../hooks/use-platform-info';
import { apiClient } from '../../../lib/api-client';
import { caseworkKeys } from './keys';

/** GET /api/console/settings (platform admins). */
export function usePlatformSettings() {
  return useQuery({
    queryKey: caseworkKeys.settings(),
    queryFn: ({ signal }) => apiClient.get<PlatformSettings>('/api/console/settings', { signal }),
  });
}

/**
 * PUT /api/console/settings — the change is audited on the server. The public platform info
 * (「注册需审核」, the footer's site identity) is read again.
 */
export function useUpdatePlatformSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdatePlatformSettingsBody) =>
      apiClient.put<PlatformSettings>('/api/console/settings', body),
    onSuccess: (settings) => {
      queryClient.setQueryData(caseworkKeys.settings(), settings);
      return queryClient.invalidateQueries({ queryKey: PLATFORM_INFO_KEY });
    },
  });
}
