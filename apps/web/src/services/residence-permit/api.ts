import { useQuery } from '@tanstack/react-query';
import type { PermitRegistration } from '../../../../server/src/modules/services/residence-permit/contract.ts';
import { apiClient } from '../../lib/api-client';

/** My approved 居住登记, with the first day each may be used (满半年，深圳除外). */
export function usePermitRegistrations() {
  return useQuery({
    queryKey: ['residence-permit', 'registrations'],
    queryFn: () => apiClient.get<PermitRegistration[]>('/api/services/residence-permit/registrations'),
  });
}
