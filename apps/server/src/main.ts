import { build } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { describeDemoAccounts, seedDemoData } from './modules/identity/demo-data.ts';
import { closePasswordHasher, usePasswordHasherProcess } from './modules/identity/passwords.ts';
import { simulatorNames } from './modules/platform/platform.routes.ts';

async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const started = performance.now();
  if (config.passwordHasher === 'process') usePasswordHasherProcess();
  const { app, ctx } = await build({ config });

  if (config.seedDemoData) {
    const created = await seedDemoData(ctx);
    // printed once, when created; the README lists them too
    if (created.length > 0) console.log(describeDemoAccounts(created));
  }
  const simulators = simulatorNames(ctx);
  if (simulators.length > 0) {
    app.log.warn({ simulators }, '[SIMULATOR] agency adapters are simulated; messages go to /dev/outbox');
  }
  ctx.messaging.start();

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => process.exit(1), 10_000);
    timer.unref();
    await app.close();
    closePasswordHasher();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  app.log.info(
    { mode: config.mode, database: ctx.database.kind, readyMs: Math.round(performance.now() - started) },
    `Single Window ready on http://localhost:${config.port}`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
