import type { Localized } from '@sw/contracts';

/** A place to book (a border port, an office), owned by a service. */
export type AppointmentResource = { service: string; code: string; name: Localized };

const resources = new Map<string, AppointmentResource>();

/** A service declares its resources once at start (its setup). */
export function registerResources(list: readonly AppointmentResource[]): void {
  for (const r of list) resources.set(`${r.service}/${r.code}`, r);
}

export function findResource(service: string, code: string): AppointmentResource | undefined {
  return resources.get(`${service}/${code}`);
}
