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

/** The simulators' messages, or one recipient's (found by its full number or address: they are stored masked). */
export function getOutbox(to?: string): Promise<OutboxMessage[]> {
  return apiClient.get<OutboxMessage[]>('/api/dev/outbox', { query: { to: to || undefined } });
}

/** Newest first, whatever order the server sends. */
export function useOutbox(to?: string) {
  return useQuery({
    queryKey: ['dev-outbox', to ?? ''],
    queryFn: () => getOutbox(to),
    select: (messages) => [...messages].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt)),
    refetchOnWindowFocus: true,
  });
}
