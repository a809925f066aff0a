import type { AccountKind } from '@sw/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

/** GET /api/console/overview (staff only). */
export type ConsoleOverview = {
  accounts: { total: number; byKind: Record<AccountKind, number> };
  signIns: { today: number; failedToday: number };
  database: 'pglite' | 'postgres';
  mode: 'local' | 'test' | 'production';
};

export function getOverview(): Promise<ConsoleOverview> {
  return apiClient.get<ConsoleOverview>('/api/console/overview');
}

export function useOverview() {
  return useQuery({ queryKey: ['console', 'overview'], queryFn: getOverview, refetchInterval: 60_000 });
}
