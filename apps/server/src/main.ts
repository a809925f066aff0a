import { build } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { runPeriodically } from './lib/periodic.ts';
import { startAuditSealer } from './modules/audit/index.ts';
import { listCaseworkServices } from './modules/casework/index.ts';
import { startReminderScheduler } from './modules/casework/reminders.ts';
import { startServiceTimers } from './modules/casework/service-loader.ts';
import { seedDemoFaqs } from './modules/content/index.ts';
import { purgeUnclaimedFiles } from './modules/files/files.service.ts';
import { sendHubReminders } from './modules/hub-appointments/hub-appointments.service.ts';
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
    await seedDemoFaqs(ctx);
    // printed once, when created; the README lists them too
    if (created.length > 0) console.log(describeDemoAccounts(created));
  }
  const simulators = simulatorNames(ctx);
  if (simulators.length > 0) {
    app.log.warn({ simulators }, '[SIMULATOR] agency adapters are simulated; messages go to /dev/outbox');
  }
  ctx.messaging.start();
  ctx.jobs.start();
  // SLA reminders (one working day left) every minute; their messages go out through the outbox
  // worker. Stopped (its pass finished) when the app closes, before the database does.
  const reminders = startReminderScheduler(ctx, config.reminderIntervalMs);
  app.addHook('preClose', () => reminders.stop());
  // anonymous uploads (registration with review) that no submission claimed within a day
  const purge = runPeriodically(
    60 * 60_000,
    async () => {
      const n = await purgeUnclaimedFiles(ctx);
      if (n > 0) ctx.log.info({ purged: n }, 'unclaimed uploads removed');
    },
    (err) => ctx.log.error({ err }, 'purging unclaimed uploads failed'),
  );
  app.addHook('preClose', () => purge.stop());
  // the tamper-evident audit chains: seals appended every second, one instance at a time
  const sealer = startAuditSealer(ctx);
  app.addHook('preClose', () => sealer.stop());
  // delivered messages' payloads erased after OUTBOX_RETENTION_DAYS; expired rate-limit windows
  const sweep = runPeriodically(
    10 * 60_000,
    async () => {
      const erased = await ctx.messaging.sweep();
      const windows = await ctx.counters.sweep();
      if (erased + windows > 0) ctx.log.info({ erased, windows }, 'retention sweep');
    },
    (err) => ctx.log.error({ err }, 'retention sweep failed'),
  );
  app.addHook('preClose', () => sweep.stop());
  // each service's own periodic work (智慧审证 asks the issuing authority again)
  const serviceTimers = startServiceTimers(ctx, listCaseworkServices());
  app.addHook('preClose', () => serviceTimers.stop());
  // the citizen hub's day-before booking reminders (claimed rows: safe on every instance)
  const hubReminders = runPeriodically(
    10 * 60_000,
    () => sendHubReminders(ctx).then(() => undefined),
    (err) => ctx.log.error({ err }, 'hub booking reminders failed'),
  );
  app.addHook('preClose', () => hubReminders.stop());

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
