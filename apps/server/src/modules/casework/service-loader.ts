import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { runPeriodically } from '../../lib/periodic.ts';
import { type AnyServiceDefinition, findCaseworkService } from './service-definition.ts';

/** Where the platform's own services live: one folder each, with its `service.ts`. */
export const SERVICES_DIR = fileURLToPath(new URL('../services/', import.meta.url));

/**
 * Finds the business services: every `<dir>/<code>/service.ts` is imported (its `defineService()`
 * registers it). Adding a service is adding its folder; no shared file lists the services.
 * Extra directories (a test's own services) are searched the same way.
 */
export async function discoverServices(
  dirs: readonly string[] = [SERVICES_DIR],
): Promise<AnyServiceDefinition[]> {
  const found: AnyServiceDefinition[] = [];
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const file = path.join(dir, entry.name, 'service.ts');
      if (!entry.isDirectory() || !existsSync(file)) continue;
      const module = (await import(pathToFileURL(file).href)) as { default?: AnyServiceDefinition };
      const definition = module.default;
      if (!definition || findCaseworkService(definition.code) !== definition)
        throw new Error(`${file}: its default export must be the defineService() result`);
      found.push(definition);
    }
  }
  return found;
}

/** Each service's setup (job handlers, adapters, hooks) and its own routes. */
export async function mountServices(
  app: FastifyInstance,
  ctx: AppContext,
  services: readonly AnyServiceDefinition[],
) {
  for (const service of services) {
    await service.setup?.(ctx);
    if (service.routes) await app.register(service.routes, { ctx });
  }
}

/** Each service's timers, on this instance; `stop()` waits for passes in progress. */
export function startServiceTimers(ctx: AppContext, services: readonly AnyServiceDefinition[]) {
  const running = services.flatMap((service) =>
    (service.timers ?? []).map((timer) =>
      runPeriodically(
        timer.everyMs,
        () => timer.run(ctx),
        (err) => ctx.log.error({ err, service: service.code, timer: timer.name }, 'service timer failed'),
      ),
    ),
  );
  return {
    async stop() {
      await Promise.all(running.map((r) => r.stop()));
    },
  };
}
