import { jsonb, pgTable, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

/** Platform settings changed in the console, e.g. `registration.review` (「注册需审核」). */
export const platformSettings = pgTable('platform_settings', {
  key: varchar('key', { length: 60 }).primaryKey(),
  value: jsonb('value').$type<unknown>().notNull(),
  updatedBy: uuid('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
