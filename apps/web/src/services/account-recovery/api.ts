import { UPLOAD_TOKEN_HEADER } from '@sw/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import type {
  AccountRecoveryReview,
  AccountRecoverySubmitted,
  SubmitAccountRecoveryBody,
} from '../../../../server/src/modules/services/account-recovery/contract.ts';
import { apiClient } from '../../lib/api-client';

export function useSubmitRecovery() {
  return useMutation({
    mutationFn: (body: SubmitAccountRecoveryBody) =>
      apiClient.post<AccountRecoverySubmitted>('/api/services/account-recovery/requests', body),
  });
}

/** The reviewer's comparison of the claim with the accounts it may be about. */
export function useCandidates(applicationId: string) {
  return useQuery({
    queryKey: ['account-recovery', 'candidates', applicationId],
    queryFn: () =>
      apiClient.get<AccountRecoveryReview>(
        `/api/console/services/account-recovery/applications/${applicationId}/candidates`,
      ),
  });
}

/** Removing a file before submission: deleted with its upload token (best effort). */
export async function discardUpload(fileId: string, uploadToken: string | undefined): Promise<void> {
  if (!uploadToken) return;
  try {
    await apiClient.delete<void>(`/api/files/${fileId}`, { headers: { [UPLOAD_TOKEN_HEADER]: uploadToken } });
  } catch {
    // already gone or offline: unclaimed uploads are removed by the server
  }
}
