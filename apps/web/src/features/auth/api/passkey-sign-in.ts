import { type PublicKeyCredentialRequestOptionsJSON, startAuthentication } from '@simplewebauthn/browser';
import type { PasskeyOptionsResponse, PasskeySignInBody, SessionResponse } from '@sw/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

/**
 * Sign-in with a passkey, no username: the browser lists the passkeys it holds for this site,
 * the person picks one and unlocks it; the server checks the signature and starts a session.
 */
export async function signInWithPasskey(): Promise<SessionResponse> {
  const { challengeId, options } = await apiClient.post<PasskeyOptionsResponse>('/api/auth/passkey/options');
  const credential = await startAuthentication({
    optionsJSON: options as unknown as PublicKeyCredentialRequestOptionsJSON,
  });
  return apiClient.post<SessionResponse>('/api/auth/passkey', {
    challengeId,
    credential: credential as unknown as PasskeySignInBody['credential'],
  } satisfies PasskeySignInBody);
}

export function usePasskeySignIn() {
  return useMutation({ mutationFn: signInWithPasskey });
}
