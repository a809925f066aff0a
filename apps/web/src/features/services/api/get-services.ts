import type { CatalogueItem, Locale, ServiceDetailView } from '@sw/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

/** The catalogue's filters (GET /api/services): category, city, 地方特色应用 group, text. */
export type CatalogueFilters = { category?: string; city?: string; localFeature?: string; q?: string };

function query(filters: CatalogueFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function getServices(filters: CatalogueFilters = {}): Promise<CatalogueItem[]> {
  return apiClient.get<CatalogueItem[]>(`/api/services${query(filters)}`);
}

/** 办事服务: the listed services matching the filters (the previous list stays while typing). */
export function useServices(filters: CatalogueFilters = {}) {
  return useQuery({
    queryKey: ['services', filters],
    queryFn: () => getServices(filters),
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  });
}

/** 办事指南: one service with its guide. */
export function useServiceDetail(code: string | undefined) {
  return useQuery({
    queryKey: ['services', 'detail', code],
    queryFn: () => apiClient.get<ServiceDetailView>(`/api/services/${encodeURIComponent(code ?? '')}`),
    enabled: Boolean(code),
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/** A localized text, falling back to zh-CN and then to any locale present. */
export function localized(texts: Partial<Record<Locale, string>> | null | undefined, locale: Locale): string {
  if (!texts) return '';
  return texts[locale] || texts['zh-CN'] || Object.values(texts).find(Boolean) || '';
}
