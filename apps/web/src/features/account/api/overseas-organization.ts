import type { OrganizationView, SupplementRegistrationNoBody } from '@sw/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

const ORGANIZATION_KEY = ['account', 'organization'] as const;

/** GET /api/account/organization — the signed-in account's organization (seed 004 §3.1 查看). */
export function getMyOrganization(): Promise<OrganizationView> {
  return apiClient.get<OrganizationView>('/api/account/organization');
}

export function useMyOrganization(enabled: boolean) {
  return useQuery({ queryKey: ORGANIZATION_KEY, queryFn: getMyOrganization, enabled });
}

/** PUT /api/account/organization/registration-no — once, while empty (seed 004 §3.1). */
export function supplementRegistrationNo(body: SupplementRegistrationNoBody): Promise<OrganizationView> {
  return apiClient.put<OrganizationView>('/api/account/organization/registration-no', body);
}

export function useSupplementRegistrationNo() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: supplementRegistrationNo,
    onSuccess: (organization) => queryClient.setQueryData(ORGANIZATION_KEY, organization),
  });
}
