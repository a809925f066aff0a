import { build } from '../app.ts';
import { loadConfig } from '../config.ts';
import { seedDemoFaqs } from '../modules/content/index.ts';
import { describeDemoAccounts, seedDemoData } from '../modules/identity/demo-data.ts';

// `npm run seed`: creates the demo accounts if they are missing (never in production)
const { app, ctx } = await build({ config: loadConfig(), logger: false });
try {
  const created = await seedDemoData(ctx);
  await seedDemoFaqs(ctx);
  console.log(created.length > 0 ? describeDemoAccounts(created) : 'Demo accounts already exist.');
} finally {
  await app.close();
}
