import { UPLOAD_TOKEN_HEADER } from '@sw/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import type {
  CorrectEnterpriseRegistrationInput,
  EnterpriseRegistrationCorrectionView,
  EnterpriseRegistrationSubmitted,
  SubmitEnterpriseRegistrationInput,
} from '../../../../../server/src/modules/services/enterprise-registration/contract.ts';
import { apiClient } from '../../../lib/api-client';

/** POST /api/register/enterprise-review — the registration goes to review (201 with the receipt). */
export function useSubmitEnterpriseRegistration() {
  return useMutation({
    mutationFn: (body: SubmitEnterpriseRegistrationInput) =>
      apiClient.post<EnterpriseRegistrationSubmitted>('/api/register/enterprise-review', body),
  });
}

/** GET /api/register/enterprise-review/correction?token= — what was returned, and why. */
export function useCorrection(token: string) {
  return useQuery({
    queryKey: ['enterprise-review', 'correction', token],
    queryFn: ({ signal }) =>
      apiClient.get<EnterpriseRegistrationCorrectionView>('/api/register/enterprise-review/correction', {
        query: { token },
        signal,
      }),
    enabled: token !== '',
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
}

/** POST /api/register/enterprise-review/correction — resubmits; the 2 working days start again. */
export function useSubmitCorrection() {
  return useMutation({
    mutationFn: (body: CorrectEnterpriseRegistrationInput) =>
      apiClient.post<EnterpriseRegistrationSubmitted>('/api/register/enterprise-review/correction', body),
  });
}

/** GET /api/accounts/username-available, remembered for the page's lifetime. */
const usernames = new Map<string, boolean>();
export async function isUsernameAvailable(username: string): Promise<boolean> {
  const key = username.toLowerCase();
  const known = usernames.get(key);
  if (known !== undefined) return known;
  const { available } = await apiClient.get<{ available: boolean }>('/api/accounts/username-available', {
    query: { username },
  });
  usernames.set(key, available);
  return available;
}

/**
 * DELETE /api/files/:id with the anonymous upload's token: a file removed from the form, or left
 * in a discarded draft, need not wait for the server's clean-up of unclaimed uploads.
 */
export async function discardUpload(fileId: string, uploadToken: string): Promise<void> {
  try {
    await apiClient.delete<void>(`/api/files/${fileId}`, { headers: { [UPLOAD_TOKEN_HEADER]: uploadToken } });
  } catch {
    // Already claimed, gone or offline: the server removes unclaimed uploads by itself.
  }
}
