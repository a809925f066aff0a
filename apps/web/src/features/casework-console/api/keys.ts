/** Query keys of the casework console; mutations invalidate by prefix. */
export const caseworkKeys = {
  all: ['casework-console'] as const,
  services: () => [...caseworkKeys.all, 'services'] as const,
  serviceStaff: (code: string) => [...caseworkKeys.all, 'service-staff', code] as const,
  queues: () => [...caseworkKeys.all, 'queue'] as const,
  application: (id: string) => [...caseworkKeys.all, 'application', id] as const,
  dashboard: () => [...caseworkKeys.all, 'dashboard'] as const,
  staff: () => [...caseworkKeys.all, 'staff'] as const,
  settings: () => [...caseworkKeys.all, 'settings'] as const,
  calendar: (year: number) => [...caseworkKeys.all, 'calendar', year] as const,
  registry: () => [...caseworkKeys.all, 'registry'] as const,
};
