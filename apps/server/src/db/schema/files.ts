import { sql } from 'drizzle-orm';
import { bigint, index, integer, pgTable, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { accounts } from './identity.ts';

/**
 * Uploaded files (issue 4 §4). The bytes live in the file store (DATA_DIR or S3) under
 * `storage_key`; the type is the one recognised from the content, never the name's. A file
 * uploaded before its owner has an account (registration with review) carries the hash of an
 * upload token instead, and is claimed by the registration that names it.
 */
export const files = pgTable(
  'files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerAccountId: uuid('owner_account_id').references(() => accounts.id),
    /** SHA-256 of the token handed to an anonymous uploader; null once claimed */
    uploadTokenHash: varchar('upload_token_hash', { length: 64 }),
    /** the file name the uploader gave (shown, never used as a path) */
    name: varchar('name', { length: 255 }).notNull(),
    /** recognised from the content by file-type */
    mime: varchar('mime', { length: 100 }).notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: varchar('sha256', { length: 64 }).notNull(),
    storageKey: varchar('storage_key', { length: 200 }).notNull(),
    thumbnailKey: varchar('thumbnail_key', { length: 200 }),
    width: integer('width'),
    height: integer('height'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('files_owner_idx').on(t.ownerAccountId, t.createdAt),
    index('files_unclaimed_idx').on(t.createdAt).where(sql`${t.ownerAccountId} is null`),
  ],
);
