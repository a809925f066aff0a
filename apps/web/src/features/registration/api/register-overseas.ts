import type { RegisterOverseasBody, RegisterResponse } from '@sw/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

/** POST /api/accounts/overseas → 201 `{id, username}` (seed 004 §1.5 国外及港澳台地区企业注册). */
export function registerOverseas(body: RegisterOverseasBody): Promise<RegisterResponse> {
  return apiClient.post<RegisterResponse>('/api/accounts/overseas', body);
}

export function useRegisterOverseas() {
  return useMutation({ mutationFn: registerOverseas });
}
