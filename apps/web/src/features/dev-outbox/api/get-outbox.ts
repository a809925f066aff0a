import { useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

/** One message caught by the SMS or e-mail simulator (GET /api/dev/outbox). */
export type OutboxMessage = {
  id: string;
  channel: 'sms' | 'email';
  to: string;
  subject: string | null;
  text: string;
  createdAt: string;
};

export function getOutbox(): Promise<OutboxMessage[]> {
  return apiClient.get<OutboxMessage[]>('/api/dev/outbox');
}

/** Newest first, whatever order the server sends. */
export function useOutbox() {
  return useQuery({
    queryKey: ['dev-outbox'],
    queryFn: getOutbox,
    select: (messages) => [...messages].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt)),
    refetchOnWindowFocus: true,
  });
}
