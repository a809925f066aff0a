import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CertCheckView,
  CertPrefill,
  CertRecordPage,
  CertTypeBody,
  CertTypeView,
} from '../../../../server/src/modules/services/cert-review/contract.ts';
import { apiClient } from '../../lib/api-client';

export type RecordFilters = {
  number?: string;
  certType?: string;
  from?: string;
  to?: string;
  status?: string;
};

export function useCertTypes(all = false) {
  return useQuery({
    queryKey: ['cert-review', 'types', all],
    queryFn: () =>
      apiClient.get<CertTypeView[]>(`/api/services/cert-review/cert-types${all ? '?all=1' : ''}`),
    staleTime: 60_000,
  });
}

export function usePrefill(enabled: boolean) {
  return useQuery({
    queryKey: ['cert-review', 'prefill'],
    queryFn: () => apiClient.get<CertPrefill>('/api/services/cert-review/prefill'),
    enabled,
    retry: false,
  });
}

export function useRecords(filters: RecordFilters) {
  return useInfiniteQuery({
    queryKey: ['cert-review', 'records', filters],
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
      if (pageParam) params.set('cursor', pageParam);
      return apiClient.get<CertRecordPage>(`/api/services/cert-review/records?${params}`);
    },
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function reAdd(applicationId: string) {
  return apiClient.post<{ applicationId: string }>(
    `/api/services/cert-review/records/${applicationId}/re-add`,
  );
}

export function useCheck(applicationId: string) {
  return useQuery({
    queryKey: ['cert-review', 'check', applicationId],
    queryFn: () =>
      apiClient.get<CertCheckView>(`/api/console/services/cert-review/applications/${applicationId}/check`),
    // while the authority is being asked, look again shortly
    refetchInterval: (query) => (query.state.data?.status === 'done' ? false : 5_000),
  });
}

export function useRecheck(applicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiClient.post<CertCheckView>(`/api/console/services/cert-review/applications/${applicationId}/check`),
    onSuccess: (view) => queryClient.setQueryData(['cert-review', 'check', applicationId], view),
  });
}

export function useSaveCertType() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { body: CertTypeBody; isNew: boolean }) =>
      input.isNew
        ? apiClient.post<CertTypeView>('/api/console/services/cert-review/cert-types', input.body)
        : apiClient.put<CertTypeView>(
            `/api/console/services/cert-review/cert-types/${input.body.code}`,
            input.body,
          ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['cert-review', 'types'] }),
  });
}
