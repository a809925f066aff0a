import type {
  BindHubDeviceBody,
  FaceCheckView,
  HubDeviceView,
  HubSignInMethod,
  HubStepUpView,
  LicenceCodeView,
  LicenceDetail,
  LicenceSummary,
  LinkLicenceBody,
  SessionResponse,
} from '@sw/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { SESSION_QUERY_KEY } from '../../../hooks/use-session';
import { apiClient } from '../../../lib/api-client';

/** The citizen hub's calls: the phone's binding and sign-in, the face step-up, 我的证照. */

export const DEVICE_KEY = ['hub', 'device'] as const;
export const LICENCES_KEY = ['hub', 'licences'] as const;

export function useHubDevice() {
  return useQuery({
    queryKey: DEVICE_KEY,
    queryFn: () => apiClient.get<HubDeviceView>('/api/hub/device'),
    staleTime: 30_000,
  });
}

/** After a sign-in, a binding or a step-up: the session and the device are read again. */
function useRefreshSession() {
  const queryClient = useQueryClient();
  return async (session?: SessionResponse) => {
    if (session) queryClient.setQueryData(SESSION_QUERY_KEY, session);
    await queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY });
    await queryClient.invalidateQueries({ queryKey: ['hub'] });
  };
}

export function useBindDevice() {
  const refresh = useRefreshSession();
  return useMutation({
    mutationFn: (body: BindHubDeviceBody) => apiClient.put<HubDeviceView>('/api/hub/device', body),
    onSuccess: () => refresh(),
  });
}

export function useDefaultMethod() {
  const refresh = useRefreshSession();
  return useMutation({
    mutationFn: (defaultMethod: HubSignInMethod) =>
      apiClient.patch<HubDeviceView>('/api/hub/device', { defaultMethod }),
    onSuccess: () => refresh(),
  });
}

export function useUnbindDevice() {
  const refresh = useRefreshSession();
  return useMutation({
    mutationFn: () => apiClient.delete<void>('/api/hub/device'),
    onSuccess: () => refresh(),
  });
}

export function usePinSignIn() {
  const refresh = useRefreshSession();
  return useMutation({
    mutationFn: (pin: string) => apiClient.post<SessionResponse>('/api/hub/sign-in/pin', { pin }),
    onSuccess: (session) => refresh(session),
  });
}

export const startFaceSignIn = () => apiClient.post<FaceCheckView>('/api/hub/sign-in/face');

export function useFaceSignIn() {
  const refresh = useRefreshSession();
  return useMutation({
    mutationFn: (faceCheckId: string) =>
      apiClient.post<SessionResponse>(`/api/hub/sign-in/face/${encodeURIComponent(faceCheckId)}`),
    onSuccess: (session) => refresh(session),
  });
}

export function useStepUp() {
  const refresh = useRefreshSession();
  return useMutation({
    mutationFn: (faceCheckId: string) => apiClient.post<HubStepUpView>('/api/hub/step-up', { faceCheckId }),
    onSuccess: () => refresh(),
  });
}

export function useLicences(enabled: boolean) {
  return useQuery({
    queryKey: LICENCES_KEY,
    queryFn: () => apiClient.get<LicenceSummary[]>('/api/licences'),
    enabled,
  });
}

export function useLicence(id: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: [...LICENCES_KEY, id],
    queryFn: () => apiClient.get<LicenceDetail>(`/api/licences/${encodeURIComponent(id ?? '')}`),
    enabled: enabled && Boolean(id),
    retry: false,
  });
}

export function useLinkLicence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LinkLicenceBody) => apiClient.post<LicenceDetail>('/api/licences', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: LICENCES_KEY }),
  });
}

export function useUnlinkLicence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiClient.delete<void>(`/api/licences/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: LICENCES_KEY }),
  });
}

export const fetchLicenceCode = (id: string) =>
  apiClient.post<LicenceCodeView>(`/api/licences/${encodeURIComponent(id)}/code`);
