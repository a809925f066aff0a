import type { ConsultationThread } from '@sw/contracts';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { apiClient } from '../../lib/api-client';

/** How often an open conversation asks for new messages (both sides). */
export const POLL_MS = 2500;

/**
 * One conversation as it grows: the first load brings every message, then every POLL_MS only
 * those after the last one seen (`?after=<seq>`), merged by sequence number; answers to the
 * viewer's own actions (send, take, close) merge in at once. A closed conversation stops polling.
 * `base` is `/api/consultations` (the applicant) or `/api/console/consultations` (a seat).
 */
export function useThread(base: string, id: string | null) {
  const [thread, setThread] = useState<ConsultationThread | null>(null);
  const last = useRef(0);

  const merge = useCallback((next: ConsultationThread) => {
    setThread((previous) => {
      const same = previous?.consultation.id === next.consultation.id;
      const known = new Set(same ? previous.messages.map((m) => m.seq) : []);
      const messages = [
        ...(same ? previous.messages : []),
        ...next.messages.filter((m) => !known.has(m.seq)),
      ];
      messages.sort((a, b) => a.seq - b.seq);
      last.current = messages.at(-1)?.seq ?? 0;
      return { consultation: next.consultation, messages };
    });
  }, []);

  // another conversation: start again from its first message
  // biome-ignore lint/correctness/useExhaustiveDependencies: `id` is the trigger
  useEffect(() => {
    last.current = 0;
    setThread(null);
  }, [id]);

  const closed = thread?.consultation.status === 'closed';
  const poll = useQuery({
    queryKey: ['consultations', 'thread', base, id],
    queryFn: ({ signal }) =>
      apiClient.get<ConsultationThread>(`${base}/${id}/messages`, { query: { after: last.current }, signal }),
    enabled: id !== null,
    refetchInterval: closed ? false : POLL_MS,
    refetchOnWindowFocus: true,
    gcTime: 0,
    staleTime: 0,
  });

  useEffect(() => {
    if (poll.data) merge(poll.data);
  }, [poll.data, merge]);

  return { thread: thread?.consultation.id === id ? thread : null, merge, error: poll.error };
}
