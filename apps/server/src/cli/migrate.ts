import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/client.ts';

// `npm run db:migrate`: applies pending migrations to the configured database and exits — run it as
// the tables' owner when the server itself connects with the least-privilege role (drizzle/roles.sql)
const config = loadConfig();
const database = await openDatabase({
  databaseUrl: config.databaseUrl,
  dataDir: config.dataDir,
  poolSize: 2,
});
try {
  await database.migrate();
  console.log(`Migrations applied (${database.kind}).`);
} finally {
  await database.close();
}
