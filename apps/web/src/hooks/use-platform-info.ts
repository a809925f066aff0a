import { useQuery } from '@tanstack/react-query';
import { apiClient } from '../lib/api-client';

/** GET /api/platform/info */
export type PlatformInfo = {
  mode: 'local' | 'test' | 'production';
  /** Delivery adapters replaced by simulators (e.g. `sms`, `email`); empty in production. */
  simulators: string[];
  version: string;
  /** 「注册需审核」: enterprises register through the reviewed form of seed 001 instead of 004's */
  registrationReview?: boolean;
};

export function usePlatformInfo() {
  return useQuery({
    queryKey: ['platform-info'],
    queryFn: () => apiClient.get<PlatformInfo>('/api/platform/info'),
    staleTime: Number.POSITIVE_INFINITY,
    retry: 1,
  });
}
