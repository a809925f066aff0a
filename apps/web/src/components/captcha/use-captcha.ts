import type { CaptchaResponse } from '@sw/contracts';
import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { apiClient } from '../../lib/api-client';

/** Refresh a little before the server would refuse the captcha as expired. */
const EXPIRY_MARGIN_MS = 5_000;

export type CaptchaState = {
  captcha: CaptchaResponse | undefined;
  isFetching: boolean;
  isError: boolean;
  /** Fetches a new image (each captcha is single-use). */
  refresh: () => void;
};

/**
 * An image captcha from `POST /api/captchas`. `scope` keeps the captchas of different forms on one
 * page apart (a captcha is consumed by the first request that carries it).
 */
export function useCaptcha(scope: string, enabled = true): CaptchaState {
  const query = useQuery({
    queryKey: ['captcha', scope],
    queryFn: () => apiClient.post<CaptchaResponse>('/api/captchas'),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    retry: 1,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    refetchInterval: (q) => {
      const expiresAt = q.state.data ? Date.parse(q.state.data.expiresAt) : Number.NaN;
      if (Number.isNaN(expiresAt)) return false;
      return Math.max(expiresAt - Date.now() - EXPIRY_MARGIN_MS, EXPIRY_MARGIN_MS);
    },
  });
  const { refetch } = query;
  const refresh = useCallback(() => {
    void refetch();
  }, [refetch]);
  return { captcha: query.data, isFetching: query.isFetching, isError: query.isError, refresh };
}
