import {
  isErrorCode,
  type QueueExportQuery,
  type QueuePage,
  type QueueQuery,
  type QueueView,
} from '@sw/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import { ApiError, apiClient } from '../../../lib/api-client';
import { currentLocale } from '../../../lib/i18n';
import { caseworkKeys } from './keys';

/** The filters of a queue (QueueQuery without view, sort and paging); dates are China days. */
export type QueueFilters = {
  service?: string;
  status?: string;
  number?: string;
  applicant?: string;
  from?: string;
  to?: string;
};

export type QueueSort = { sort: QueueQuery['sort']; order: QueueQuery['order'] };

export const DEFAULT_SORT: QueueSort = { sort: 'submittedAt', order: 'desc' };

const PAGE_SIZE = 20;

/** GET /api/console/queue — one queue, 20 rows at a time (「加载更多」); a new sort starts afresh. */
export function useQueue(view: QueueView, filters: QueueFilters, sort: QueueSort) {
  return useInfiniteQuery({
    queryKey: [...caseworkKeys.queues(), view, filters, sort],
    queryFn: ({ pageParam, signal }) =>
      apiClient.get<QueuePage>('/api/console/queue', {
        query: { view, ...filters, ...sort, cursor: pageParam, limit: PAGE_SIZE },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // a malformed name: the plain one below, or the fallback
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? fallback;
}

/**
 * GET /api/console/queue/export — the queue with the same filters and order as a CSV or XLSX
 * file. Fetched (rather than followed as a link) so that a refusal shows as a message instead
 * of a page of JSON.
 */
export async function exportQueue(
  view: QueueView,
  filters: QueueFilters,
  sort: QueueSort,
  format: QueueExportQuery['format'],
): Promise<void> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ view, ...filters, ...sort, format })) {
    if (value) params.set(key, value);
  }
  let response: Response;
  try {
    response = await fetch(`/api/console/queue/export?${params}`, {
      credentials: 'same-origin',
      headers: { 'Accept-Language': currentLocale() },
    });
  } catch (cause) {
    throw new ApiError(
      {
        type: 'about:blank',
        title: 'Network error',
        status: 0,
        code: 'server.unavailable',
        detail: cause instanceof Error ? cause.message : 'network error',
        requestId: '',
      },
      true,
    );
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as {
      code?: string;
      title?: string;
      detail?: string;
    } | null;
    throw new ApiError({
      type: 'about:blank',
      title: body?.title ?? response.statusText,
      status: response.status,
      code:
        body?.code && isErrorCode(body.code)
          ? body.code
          : response.status === 403
            ? 'auth.forbidden'
            : 'server.internal',
      detail: body?.detail ?? `HTTP ${response.status}`,
      requestId: response.headers.get('x-request-id') ?? '',
    });
  }
  const blob = await response.blob();
  const name = fileNameOf(response.headers.get('content-disposition'), `queue-${view}.${format}`);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
