import type { PlatformInfo } from '@sw/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from '../lib/api-client';

export type { PlatformInfo } from '@sw/contracts';

/** The query key of GET /api/platform/info (a settings change refreshes it). */
export const PLATFORM_INFO_KEY = ['platform-info'] as const;

/** GET /api/platform/info: mode, simulators, 「注册需审核」, the site identity of the footer. */
export function usePlatformInfo() {
  return useQuery({
    queryKey: PLATFORM_INFO_KEY,
    queryFn: () => apiClient.get<PlatformInfo>('/api/platform/info'),
    staleTime: Number.POSITIVE_INFINITY,
    retry: 1,
  });
}
