import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  // the kernel's and modules' tables, and each service folder's own (modules/services/<code>/schema.ts)
  schema: ['./apps/server/src/db/schema/index.ts', './apps/server/src/modules/services/*/schema.ts'],
  out: './apps/server/drizzle',
});
