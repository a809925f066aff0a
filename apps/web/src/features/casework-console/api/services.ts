import type { ConsoleAccess, ConsoleServiceView, Locale, ServiceStaffMember } from '@sw/contracts';
import { useQuery } from '@tanstack/react-query';
import { ApiError, apiClient } from '../../../lib/api-client';
import { caseworkKeys } from './keys';

/** A member of GET /api/console/services/:code/staff. */
export type ServiceStaffMemberView = ServiceStaffMember;

/** A localized text of the API, falling back to zh-CN. */
export function localized(text: Partial<Record<Locale, string>> | null | undefined, locale: Locale): string {
  if (!text) return '';
  return text[locale] || text['zh-CN'] || Object.values(text)[0] || '';
}

const noRetryOnClientError = (count: number, error: unknown) =>
  !(error instanceof ApiError && error.status < 500) && count < 2;

/** GET /api/console/services — the services the viewer reviews or supervises, with states and actions. */
export function useConsoleServices() {
  return useQuery({
    queryKey: caseworkKeys.services(),
    queryFn: ({ signal }) => apiClient.get<ConsoleServiceView[]>('/api/console/services', { signal }),
    staleTime: 5 * 60_000,
    retry: noRetryOnClientError,
  });
}

/** GET /api/console/services/:code/staff — whom a supervisor may assign an application to. */
export function useServiceStaff(code: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: caseworkKeys.serviceStaff(code ?? ''),
    queryFn: ({ signal }) =>
      apiClient.get<ServiceStaffMemberView[]>(
        `/api/console/services/${encodeURIComponent(code ?? '')}/staff`,
        {
          signal,
        },
      ),
    enabled: enabled && Boolean(code),
    retry: noRetryOnClientError,
  });
}

/** One online service of the public registry (GET /api/services): every service staff may be granted. */
export type RegistryService = { code: string; name: Record<Locale, string> };

export function useServiceRegistry() {
  return useQuery({
    queryKey: caseworkKeys.registry(),
    queryFn: ({ signal }) => apiClient.get<RegistryService[]>('/api/services', { signal }),
    staleTime: 5 * 60_000,
  });
}

/**
 * What the console shows the viewer: the casework menus need a reviewer or supervisor role,
 * the administration menus the platform-admin role. The session does not say which roles a
 * staff member holds, so the platform-admin role is learnt from GET /api/console/settings
 * (403 for anyone else).
 */
export function useConsoleAccess() {
  const services = useConsoleServices();
  const admin = useQuery({
    queryKey: [...caseworkKeys.settings(), 'access'],
    queryFn: async ({ signal }) =>
      (await apiClient.get<ConsoleAccess>('/api/console/access', { signal })).platformAdmin,
    staleTime: 5 * 60_000,
    retry: noRetryOnClientError,
  });
  return {
    /** undefined while unknown */
    platformAdmin: admin.data,
    services: services.data ?? [],
    caseworker: (services.data?.length ?? 0) > 0,
    isPending: services.isPending || admin.isPending,
  };
}
