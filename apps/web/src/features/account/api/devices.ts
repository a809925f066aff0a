import type { DeviceSession, SignOutDevicesBody } from '@sw/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

const KEY = ['account', 'sessions'] as const;

/** GET /api/account/sessions — 我的登录设备. */
export function useDevices() {
  return useQuery({ queryKey: KEY, queryFn: () => apiClient.get<DeviceSession[]>('/api/account/sessions') });
}

export function useSignOutDevice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiClient.delete<null>(`/api/account/sessions/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useSignOutOtherDevices() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiClient.post<{ signedOut: number }>('/api/account/sessions/sign-out', {
        keepCurrent: true,
      } satisfies SignOutDevicesBody),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}
