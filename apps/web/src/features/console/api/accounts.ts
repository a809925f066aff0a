import type {
  ConsoleAccountPage,
  ConsoleAccountsQuery,
  ConsoleAccountView,
  CreateDepartmentUserBody,
  DepartmentUserCreated,
} from '@sw/contracts';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

const KEY = ['console', 'accounts'] as const;

export type AccountFilters = Omit<ConsoleAccountsQuery, 'cursor' | 'limit'>;

/** GET /api/console/accounts — newest first, one page of 20 at a time (「加载更多」). */
export function useConsoleAccounts(filters: AccountFilters) {
  return useInfiniteQuery({
    queryKey: [...KEY, filters],
    queryFn: ({ pageParam, signal }) =>
      apiClient.get<ConsoleAccountPage>('/api/console/accounts', {
        query: { ...filters, cursor: pageParam, limit: 20 },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** POST /api/console/department-users — the answer carries the initial password, once. */
export function useCreateDepartmentUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateDepartmentUserBody) =>
      apiClient.post<DepartmentUserCreated>('/api/console/department-users', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

/** 停用 / 启用 an account. */
export function useSetAccountStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'disable' | 'enable' }) =>
      apiClient.post<ConsoleAccountView>(`/api/console/accounts/${id}/${action}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}
