import type {
  ForgotPasswordCodeBody,
  ForgotPasswordCodeSent,
  ForgotPasswordDone,
  ForgotPasswordFlow,
  ForgotPasswordStartBody,
  ForgotPasswordVerified,
  ForgotPasswordVerifyBody,
  PasswordRecoveryAccepted,
  PasswordRecoveryEmailBody,
  PasswordResetBody,
  PasswordResetLinkCheck,
  UsernameRecoveryStep,
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

/** 忘记密码 (004 §2.4) step 1: POST /api/password-recovery/start. */
export function useStartForgotPassword() {
  return useMutation({
    mutationFn: (body: ForgotPasswordStartBody) =>
      apiClient.post<ForgotPasswordFlow>('/api/password-recovery/start', body),
  });
}

/** 获取验证码 for 手机验证 / 邮箱验证: to the account's bound mobile or e-mail. */
export function sendForgotPasswordCode(body: ForgotPasswordCodeBody) {
  return apiClient.post<ForgotPasswordCodeSent>('/api/password-recovery/code', body);
}

/** Step 2 安全验证: the method's answers → a reset token. */
export function useVerifyForgotPassword() {
  return useMutation({
    mutationFn: (body: ForgotPasswordVerifyBody) =>
      apiClient.post<ForgotPasswordVerified>('/api/password-recovery/verify', body),
  });
}

/** Step 3 重置密码: the new password with the token; every session of the account ends. */
export function useResetForgottenPassword() {
  return useMutation({
    mutationFn: (body: PasswordResetBody) =>
      apiClient.post<ForgotPasswordDone>('/api/password-recovery/reset', body),
  });
}

/** 找回用户名 (004 §2.3): the three steps, each answering the next step or the usernames. */
export function useUsernameRecoveryStep<B>(
  path: 'mobile' | 'identity' | 'enterprise' | 'bank-card' | 'enterprise-bank',
) {
  return useMutation({
    mutationFn: (body: B) => apiClient.post<UsernameRecoveryStep>(`/api/username-recovery/${path}`, body),
  });
}
