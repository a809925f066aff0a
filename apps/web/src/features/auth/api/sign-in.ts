import type { SignInBody } from '@sw/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

/** POST /api/auth/sign-in — the body carries the single-use image captcha. */
export function signIn(body: SignInBody): Promise<unknown> {
  return apiClient.post<unknown>('/api/auth/sign-in', body);
}

export function useSignIn() {
  return useMutation({ mutationFn: signIn });
}
