import type { AccountView } from '@sw/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

/** GET /api/me — the signed-in account, personal numbers masked. */
export function getMe(): Promise<AccountView> {
  return apiClient.get<AccountView>('/api/me');
}

export function useMe() {
  return useQuery({ queryKey: ['me'], queryFn: getMe });
}
