import type { RegisterIndividualBody, RegisterResponse } from '@sw/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

/** POST /api/accounts/individual → 201 `{id, username}` (seed 004 §1.3). */
export function registerIndividual(body: RegisterIndividualBody): Promise<RegisterResponse> {
  return apiClient.post<RegisterResponse>('/api/accounts/individual', body);
}

export function useRegisterIndividual() {
  return useMutation({ mutationFn: registerIndividual });
}
