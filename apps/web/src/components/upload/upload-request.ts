import {
  CSRF_HEADER,
  type ErrorCode,
  isErrorCode,
  MIME_EXTENSIONS,
  type Problem,
  UPLOAD_TOKEN_HEADER,
  type UploadedFile,
} from '@sw/contracts';
import { ApiError, apiClient, csrfCookie } from '../../lib/api-client';
import { currentLocale } from '../../lib/i18n';

/** The double-submit token, as api-client sends it: the cookie, or a fresh one from /api/csrf. */
async function csrfToken(fresh: boolean): Promise<string> {
  const cookie = fresh ? null : csrfCookie();
  if (cookie) return cookie;
  return (await apiClient.get<{ token: string }>('/api/csrf')).token;
}

function fallbackCode(status: number): ErrorCode {
  if (status === 413) return 'file.too_large'; // a proxy's own limit (client_max_body_size)
  if (status === 415) return 'file.type_not_allowed';
  if (status === 401) return 'auth.unauthenticated';
  if (status === 429) return 'request.rate_limited';
  if (status === 502 || status === 503 || status === 504) return 'server.unavailable';
  return status >= 500 ? 'server.internal' : 'request.validation_failed';
}

function toApiError(xhr: XMLHttpRequest): ApiError {
  let body: Partial<Problem> | null = null;
  try {
    body = JSON.parse(xhr.responseText) as Partial<Problem>;
  } catch {
    // a proxy's HTML page: described from the status alone
  }
  const code = body?.code && isErrorCode(body.code) ? body.code : fallbackCode(xhr.status);
  return new ApiError({
    type: body?.type ?? 'about:blank',
    title: body?.title ?? xhr.statusText,
    status: xhr.status,
    code,
    detail: body?.detail ?? `HTTP ${xhr.status}`,
    errors: Array.isArray(body?.errors) ? body.errors : undefined,
    requestId: body?.requestId ?? xhr.getResponseHeader('x-request-id') ?? '',
  });
}

function networkError(): ApiError {
  return new ApiError(
    {
      type: 'about:blank',
      title: 'Network error',
      status: 0,
      code: 'server.unavailable',
      detail: 'network error',
      requestId: '',
    },
    true,
  );
}

export type UploadRequest = {
  service: string;
  slot: string;
  file: File;
  /** 0…1 as the bytes leave the browser */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
};

function sendOnce(request: UploadRequest, token: string): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const query = new URLSearchParams({ service: request.service, slot: request.slot });
    xhr.open('POST', `/api/files?${query}`);
    xhr.setRequestHeader(CSRF_HEADER, token);
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.setRequestHeader('Accept-Language', currentLocale());
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) request.onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status === 201) {
        try {
          resolve(JSON.parse(xhr.responseText) as UploadedFile);
        } catch {
          reject(toApiError(xhr));
        }
      } else reject(toApiError(xhr));
    };
    xhr.onerror = () => reject(networkError());
    xhr.onabort = () => reject(new DOMException('upload cancelled', 'AbortError'));
    request.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append('file', request.file, request.file.name);
    xhr.send(form);
  });
}

/**
 * Uploads one file for an attachment slot with upload progress, which fetch cannot report.
 * Sends the CSRF header and the interface language as api-client does, and retries once with
 * a fresh CSRF token when the cookie was stale. Rejects with ApiError (the server's problem),
 * or an AbortError when cancelled.
 */
export async function uploadAttachment(request: UploadRequest): Promise<UploadedFile> {
  try {
    return await sendOnce(request, await csrfToken(false));
  } catch (error) {
    if (error instanceof ApiError && error.code === 'request.csrf_failed' && !request.signal?.aborted) {
      request.onProgress?.(0);
      return sendOnce(request, await csrfToken(true));
    }
    throw error;
  }
}

/** Deletes an upload no application holds yet; an anonymous uploader shows the token. */
export function deleteUpload(file: Pick<UploadedFile, 'id' | 'uploadToken'>): Promise<void> {
  return apiClient.delete<void>(`/api/files/${file.id}`, {
    headers: file.uploadToken ? { [UPLOAD_TOKEN_HEADER]: file.uploadToken } : undefined,
  });
}

/** The address of a file's bytes, its inline view, or its thumbnail. */
export function fileUrl(id: string, as: 'download' | 'inline' | 'thumbnail' = 'download'): string {
  if (as === 'thumbnail') return `/api/files/${id}/thumbnail`;
  return as === 'inline' ? `/api/files/${id}?inline=1` : `/api/files/${id}`;
}

/** The extensions of a MIME list, lower case without dots (`jpg`, `jpeg`, `png`). */
export function extensionsOf(types: readonly string[]): string[] {
  return types.flatMap((type) => MIME_EXTENSIONS[type] ?? []);
}
