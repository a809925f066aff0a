import { useQuery } from '@tanstack/react-query';
import type { ServiceManifest, ServiceUi } from './kit/define-service-ui';

// Each service folder's manifest.ts, bundled here (a few bytes each) …
const manifests = import.meta.glob<{ default: ServiceManifest }>('./*/manifest.ts', { eager: true });
// … and its index.ts, as a lazily loaded chunk of its own: the portal's first load carries no
// service's forms, contracts or translations.
const loaders = import.meta.glob<{ default: ServiceUi }>('./*/index.ts');

/** What generic pages need to know of a service without loading it; null: no pages here. */
export function serviceManifest(code: string): ServiceManifest | null {
  return manifests[`./${code}/manifest.ts`]?.default ?? null;
}

/** The console pages services add to the menu, with their service's code. */
export function serviceConsoleMenus() {
  return Object.values(manifests).flatMap(({ default: manifest }) =>
    (manifest.consoleMenu ?? []).map((entry) => ({ ...entry, code: manifest.code })),
  );
}

/** Where 「在线办理」 of a service leads. */
export function applyPathOf(manifest: ServiceManifest): string {
  return manifest.applyPath ?? `/apps/${manifest.code}/apply`;
}

export async function loadServiceUi(code: string): Promise<ServiceUi | null> {
  const load = loaders[`./${code}/index.ts`];
  return load ? (await load()).default : null;
}

/** A service's pages and sections, loaded on first use (null: the service has none here). */
export function useServiceUi(code: string | undefined) {
  return useQuery({
    queryKey: ['service-ui', code],
    queryFn: () => loadServiceUi(code ?? ''),
    enabled: Boolean(code),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
