import type { CreateStaffBody, StaffCreated, StaffGrant, StaffMemberView } from '@sw/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { caseworkKeys } from './keys';

/** GET /api/console/staff — every staff account with its grants (platform admins only). */
export function useStaffMembers() {
  return useQuery({
    queryKey: caseworkKeys.staff(),
    queryFn: ({ signal }) => apiClient.get<StaffMemberView[]>('/api/console/staff', { signal }),
  });
}

/** POST /api/console/staff — the answer carries the initial password, shown once. */
export function useCreateStaff() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateStaffBody) => apiClient.post<StaffCreated>('/api/console/staff', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseworkKeys.staff() }),
  });
}

/** PUT /api/console/staff/:id/grants — replaces the grants. */
export function useSetGrants() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, grants }: { id: string; grants: StaffGrant[] }) =>
      apiClient.put<StaffMemberView>(`/api/console/staff/${encodeURIComponent(id)}/grants`, { grants }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: caseworkKeys.staff() });
      void queryClient.invalidateQueries({ queryKey: [...caseworkKeys.all, 'service-staff'] });
    },
  });
}
