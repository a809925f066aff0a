import type {
  AccountChanged,
  ChangeEmailBody,
  ChangeIdentityBody,
  ChangeMobileBody,
  SendCodeResponse,
} from '@sw/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { SESSION_QUERY_KEY } from '../../../hooks/use-session';
import { apiClient } from '../../../lib/api-client';

function useChange<B>(path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => apiClient.put<AccountChanged>(path, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['me'] });
      void queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY });
      void queryClient.invalidateQueries({ queryKey: ['account', 'real-name'] });
    },
  });
}

/** POST /api/account/mobile/code — a code to the bound mobile (修改绑定手机). */
export const sendBoundMobileCode = () => apiClient.post<SendCodeResponse>('/api/account/mobile/code');

export const useChangeMobile = () => useChange<ChangeMobileBody>('/api/account/mobile');
export const useChangeEmail = () => useChange<ChangeEmailBody>('/api/account/email');
export const useChangeIdentity = () => useChange<ChangeIdentityBody>('/api/account/identity');
