import type { CardChallengeResponse, CardProof } from '@sw/contracts';
import { apiClient } from './api-client';
import type { OpenedCard } from './card-media';

/** Asks the server for a challenge and answers it with the card: what card sign-in and 绑卡 post. */
export async function proveCard(card: OpenedCard): Promise<CardProof> {
  const challenge = await apiClient.post<CardChallengeResponse>('/api/auth/card/challenge');
  return {
    challengeId: challenge.id,
    certificate: card.certificatePem,
    signature: card.sign(challenge.message),
  };
}
