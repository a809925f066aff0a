import type {
  PasswordRecoveryAccepted,
  PasswordRecoveryEmailBody,
  PasswordResetBody,
  PasswordResetLinkCheck,
} from '@sw/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

/** POST /api/password-recovery/email — the same answer whether or not an e-mail went out. */
export function useRequestRecoveryEmail() {
  return useMutation({
    mutationFn: (body: PasswordRecoveryEmailBody) =>
      apiClient.post<PasswordRecoveryAccepted>('/api/password-recovery/email', body),
  });
}

/** GET /api/password-recovery/email/check?token= — whether the e-mailed link still works. */
export function useResetLinkCheck(token: string) {
  return useQuery({
    queryKey: ['password-recovery', 'check', token],
    queryFn: ({ signal }) =>
      apiClient.get<PasswordResetLinkCheck>('/api/password-recovery/email/check', {
        query: { token },
        signal,
      }),
    enabled: token !== '',
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
}

/** POST /api/password-recovery/email/reset — spends the link; every session of the account ends. */
export function useResetPassword() {
  return useMutation({
    mutationFn: (body: PasswordResetBody) => apiClient.post<void>('/api/password-recovery/email/reset', body),
  });
}
