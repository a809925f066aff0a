import type { Locale } from '@sw/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

/** One online service (事项) of GET /api/services, with its texts in every locale. */
export type ServiceSummary = {
  code: string;
  name: Record<Locale, string>;
  description: Record<Locale, string>;
  /** Where the service is done, e.g. `/apps/cert-review`. */
  path: string;
};

export function getServices(): Promise<ServiceSummary[]> {
  return apiClient.get<ServiceSummary[]>('/api/services');
}

export function useServices() {
  return useQuery({ queryKey: ['services'], queryFn: getServices, staleTime: 5 * 60_000 });
}

/** A localized text, falling back to zh-CN and then to any locale present. */
export function localized(texts: Partial<Record<Locale, string>> | undefined, locale: Locale): string {
  if (!texts) return '';
  return texts[locale] ?? texts['zh-CN'] ?? Object.values(texts)[0] ?? '';
}
