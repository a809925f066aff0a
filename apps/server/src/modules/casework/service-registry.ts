import type { AccountKind, Locale } from '@sw/contracts';

/**
 * Online services (事项) are defined in code, one folder each under modules/services/;
 * each registers its definition here. The casework issue adds forms, workflows and SLAs.
 */
export type ServiceDefinition = {
  code: string;
  name: Record<Locale, string>;
  description: Record<Locale, string>;
  /** where its applicant front end lives, e.g. /apps/cert-review */
  path: string;
  applicantKinds: readonly AccountKind[];
};

const services = new Map<string, ServiceDefinition>();

export function registerService(definition: ServiceDefinition) {
  if (services.has(definition.code)) throw new Error(`service ${definition.code} registered twice`);
  services.set(definition.code, definition);
}

export function listServices(): ServiceDefinition[] {
  return [...services.values()];
}
