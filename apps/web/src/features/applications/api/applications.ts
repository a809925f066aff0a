import type { ApplicationDetail, ApplicationPage, Localized, MyApplicationsQuery } from '@sw/contracts';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

const KEY = ['applications'] as const;

export type ApplicationFilters = Omit<MyApplicationsQuery, 'cursor' | 'limit'>;

/** GET /api/applications — 我的申请, newest first, 20 at a time (「加载更多」). */
export function useMyApplications(filters: ApplicationFilters) {
  return useInfiniteQuery({
    queryKey: [...KEY, 'list', filters],
    queryFn: ({ pageParam, signal }) =>
      apiClient.get<ApplicationPage>('/api/applications', {
        query: { ...filters, cursor: pageParam, limit: 20 },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** GET /api/applications/:id — progress, timeline, attachments, messages and what the applicant may do. */
export function useApplication(id: string) {
  return useQuery({
    queryKey: [...KEY, 'detail', id],
    queryFn: ({ signal }) => apiClient.get<ApplicationDetail>(`/api/applications/${id}`, { signal }),
  });
}

export type ApplicantActionInput = {
  id: string;
  version: number;
  action: string;
  reason?: string;
  form?: Record<string, unknown>;
};

/** POST /api/applications/:id/actions — an applicant's step, e.g. 重新提交 after 退回补正. */
export function useApplicantAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: ApplicantActionInput) =>
      apiClient.post<ApplicationDetail>(`/api/applications/${id}/actions`, body),
    onSuccess: (detail) => {
      queryClient.setQueryData([...KEY, 'detail', detail.id], detail);
      return queryClient.invalidateQueries({ queryKey: [...KEY, 'list'] });
    },
  });
}

/** One online service as the filter needs it (GET /api/services). */
export type ServiceOption = { code: string; name: Localized };

export function useServiceOptions() {
  return useQuery({
    queryKey: ['services'],
    queryFn: () => apiClient.get<ServiceOption[]>('/api/services'),
    staleTime: 5 * 60_000,
  });
}
