import type { Dashboard } from '@sw/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { caseworkKeys } from './keys';

/** China days, inclusive; the server's default is the last 30. */
export type DashboardFilters = { from?: string; to?: string; service?: string };

/** GET /api/console/dashboard */
export function useDashboard(filters: DashboardFilters) {
  return useQuery({
    queryKey: [...caseworkKeys.dashboard(), filters],
    queryFn: ({ signal }) => apiClient.get<Dashboard>('/api/console/dashboard', { query: filters, signal }),
    placeholderData: keepPreviousData,
    refetchInterval: 5 * 60_000,
  });
}
