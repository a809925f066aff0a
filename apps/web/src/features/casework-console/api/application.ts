import type { ConsoleApplicationDetail, DecideBody, QueueItem } from '@sw/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiClient } from '../../../lib/api-client';
import { caseworkKeys } from './keys';

/** GET /api/console/applications/:id — the reviewer's view of one application. */
export function useConsoleApplication(id: string | undefined) {
  return useQuery({
    queryKey: caseworkKeys.application(id ?? ''),
    queryFn: ({ signal }) =>
      apiClient.get<ConsoleApplicationDetail>(`/api/console/applications/${encodeURIComponent(id ?? '')}`, {
        signal,
      }),
    enabled: Boolean(id),
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
}

/** A step in the console: 领取, 释放, 指派, or a decision; every one carries the version seen. */
export type ApplicationStep =
  | { kind: 'claim'; version: number }
  | { kind: 'release'; version: number }
  | { kind: 'assign'; version: number; assigneeId: string }
  | ({ kind: 'decide' } & DecideBody);

/**
 * POST /api/console/applications/:id/{claim,release,assign,decide}. Claim, release and assign
 * answer the detail as it is now; a decision only the new state, and the detail reloads. The
 * queues and the dashboard are refreshed. A 409 `casework.version_conflict` means someone else
 * changed it first: the caller tells the user and the detail reloads.
 */
export function useApplicationStep(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, ...body }: ApplicationStep) =>
      apiClient.post<ConsoleApplicationDetail | QueueItem>(
        `/api/console/applications/${encodeURIComponent(id)}/${kind}`,
        body,
      ),
    onSuccess: (answer, step) => {
      // a decision answers the application's new state only (it is the hot path); the detail reloads
      if (step.kind === 'decide')
        void queryClient.invalidateQueries({ queryKey: caseworkKeys.application(id) });
      else queryClient.setQueryData(caseworkKeys.application(id), answer);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'casework.version_conflict') {
        void queryClient.invalidateQueries({ queryKey: caseworkKeys.application(id) });
      }
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: caseworkKeys.queues() });
      void queryClient.invalidateQueries({ queryKey: caseworkKeys.dashboard() });
      void queryClient.invalidateQueries({ queryKey: [...caseworkKeys.all, 'service-staff'] });
    },
  });
}

/** 查看完整信息: one personal field whole, with the reason (the server audits it; nothing is cached). */
export function revealApplicationField(id: string, path: string, reason: string): Promise<string> {
  return apiClient
    .post<{ path: string; value: string }>(`/api/console/applications/${encodeURIComponent(id)}/reveal`, {
      path,
      reason,
    })
    .then((r) => r.value);
}
