import { type PublicKeyCredentialCreationOptionsJSON, startRegistration } from '@simplewebauthn/browser';
import type { AddPasskeyBody, PasskeyOptionsResponse, PasskeyView, RenamePasskeyBody } from '@sw/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

const KEY = ['account', 'passkeys'] as const;

/** GET /api/account/passkeys — 通行密钥. */
export function usePasskeys() {
  return useQuery({ queryKey: KEY, queryFn: () => apiClient.get<PasskeyView[]>('/api/account/passkeys') });
}

/**
 * Adds a passkey: options from the server, `navigator.credentials.create()` (the browser asks for
 * the fingerprint, face or screen lock), then the server verifies and keeps the credential.
 */
async function addPasskey(name: string): Promise<PasskeyView> {
  const { challengeId, options } = await apiClient.post<PasskeyOptionsResponse>(
    '/api/account/passkeys/options',
  );
  const credential = await startRegistration({
    optionsJSON: options as unknown as PublicKeyCredentialCreationOptionsJSON,
  });
  return apiClient.post<PasskeyView>('/api/account/passkeys', {
    challengeId,
    name,
    credential: credential as unknown as AddPasskeyBody['credential'],
  } satisfies AddPasskeyBody);
}

export function useAddPasskey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addPasskey,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useRenamePasskey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, name }: { id: string; name: string }) =>
      apiClient.patch<PasskeyView>(`/api/account/passkeys/${encodeURIComponent(id)}`, {
        name,
      } satisfies RenamePasskeyBody),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useDeletePasskey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiClient.delete<null>(`/api/account/passkeys/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}
