import type { CardSignInBody, SessionResponse } from '@sw/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

/** POST /api/auth/card/sign-in — 卡介质登录 with a signed challenge. */
export function cardSignIn(body: CardSignInBody): Promise<SessionResponse> {
  return apiClient.post<SessionResponse>('/api/auth/card/sign-in', body);
}

export function useCardSignIn() {
  return useMutation({ mutationFn: cardSignIn });
}
