import type {
  ChangePasswordBody,
  CreateCardOperatorBody,
  CreateOperatorBody,
  OperatorQuery,
  OperatorView,
  OrganizationView,
  SendCodeResponse,
  UpdateOperatorBody,
} from '@sw/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

/** GET /api/account/organization — the signed-in account's organization. */
export function useOrganization(enabled: boolean) {
  return useQuery({
    queryKey: ['organization'],
    queryFn: () => apiClient.get<OrganizationView>('/api/account/organization'),
    enabled,
  });
}

/** PUT /api/account/settings/phone-login (手机号登录开关). */
export function useSetPhoneLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (enabled: boolean) =>
      apiClient.put<{ phoneLoginEnabled: boolean }>('/api/account/settings/phone-login', { enabled }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['me'] }),
  });
}

/** POST /api/account/password → `{signedOut}`: true after a forced change (sign in again). */
export function useChangePassword() {
  return useMutation({
    mutationFn: (body: ChangePasswordBody) =>
      apiClient.post<{ signedOut: boolean }>('/api/account/password', body),
  });
}

export const firstSignInApi = {
  sendCode: (body: { captchaId: string; captchaAnswer: string }) =>
    apiClient.post<SendCodeResponse & { mobileMasked: string }>('/api/account/first-sign-in/sms', body),
  verify: (code: string) => apiClient.post<null>('/api/account/first-sign-in/verify', { code }),
};

export function useOperators(query: OperatorQuery = {}) {
  return useQuery({
    queryKey: ['operators', query],
    queryFn: () =>
      apiClient.get<OperatorView[]>('/api/org/operators', {
        query: Object.fromEntries(Object.entries(query).filter(([, v]) => v)),
      }),
  });
}

function useOperatorMutation<V>(fn: (v: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['operators'] }),
  });
}

export const useUpdateOperator = () =>
  useOperatorMutation(({ id, body }: { id: string; body: UpdateOperatorBody }) =>
    apiClient.put<OperatorView>(`/api/org/operators/${id}`, body),
  );
export const useDeleteOperator = () =>
  useOperatorMutation((id: string) => apiClient.delete<null>(`/api/org/operators/${id}`));
export const useResetOperatorPassword = () =>
  useOperatorMutation((id: string) =>
    apiClient.post<OperatorView>(`/api/org/operators/${id}/reset-password`),
  );

export function useCreateOperator() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateOperatorBody) => apiClient.post<OperatorView>('/api/org/operators', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['operators'] }),
  });
}

/** 新增有卡操作员: the operator's card proof with the registration form */
export function useCreateCardOperator() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCardOperatorBody) =>
      apiClient.post<OperatorView>('/api/org/operators/card', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['operators'] }),
  });
}

/** 信息同步: the account's record to the national government service platform */
export function useSyncToGovPlatform() {
  return useMutation({
    mutationFn: () => apiClient.post<{ receipt: string; syncedAt: string }>('/api/account/settings/sync'),
  });
}
