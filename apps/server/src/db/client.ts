import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { type PgDatabase, PgDialect, type PgQueryResultHKT, type PgTransaction } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema>;

export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Applies pending migrations (under an advisory lock on PostgreSQL, so instances may start together). */
  migrate(): Promise<void>;
  /** True when the database answers and every migration in the journal is applied. */
  isReady(): Promise<boolean>;
  /**
   * Subscribes to a notification channel (PostgreSQL LISTEN; PGlite implements it too).
   * `onLost` runs if the subscription drops, so a cache relying on it can stop trusting itself.
   */
  listen(
    channel: string,
    onPayload: (payload: string) => void,
    onLost: () => void,
  ): Promise<() => Promise<void>>;
  close(): Promise<void>;
};

/** Sends a notification to every instance listening on `channel` (after the transaction commits). */
export async function notify(db: Db, channel: string, payload: string) {
  await db.execute(sql`select pg_notify(${channel}, ${payload})`);
}

const dialect = new PgDialect();

/**
 * Runs `query` as a named prepared statement on PostgreSQL: each connection parses and plans it
 * once, not on every call — for a hot statement whose row lock is held while it runs (a booking's).
 * The statement's text must not vary under one name. PGlite runs it as it is. Goes to the pool:
 * not for use inside a transaction.
 */
export async function executePrepared<T>(db: Db, name: string, query: SQL): Promise<T[]> {
  const { sql: text, params } = dialect.sqlToQuery(query);
  const client = (db as unknown as { $client: pg.Pool | PGlite }).$client;
  const result =
    client instanceof pg.Pool
      ? await client.query({ name, text, values: params })
      : await client.query(text, params);
  return result.rows as T[];
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));
const MIGRATION_LOCK_KEY = 727_001;

function journalLength(): number {
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8')) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

async function appliedCount(db: Db): Promise<number> {
  const result = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
  );
  const rows = (result as unknown as { rows: { n: number }[] }).rows;
  return rows[0]?.n ?? 0;
}

async function checkReady(db: Db): Promise<boolean> {
  try {
    return (await appliedCount(db)) >= journalLength();
  } catch {
    return false;
  }
}

/**
 * The embedded database serves one laptop: PostgreSQL's 128 MB of shared buffers would be most
 * of the process's memory for nothing (PGlite's own floor is about 300 MB resident).
 */
const PGLITE_CONF = 'shared_buffers=16MB';

/** PGlite under `dataDir/pglite` (file-backed), or in memory when `dataDir` is null. */
export async function openPglite(dataDir: string | null): Promise<Database> {
  // loaded here, not at the top: a server on PostgreSQL never holds PGlite's code
  const [{ PGlite }, { drizzle: drizzlePglite }, { migrate: migratePglite }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('drizzle-orm/pglite'),
    import('drizzle-orm/pglite/migrator'),
  ]);
  let client: PGlite;
  if (dataDir) {
    const dir = path.join(dataDir, 'pglite');
    mkdirSync(dir, { recursive: true });
    client = new PGlite(dir, { postgresqlconf: PGLITE_CONF });
  } else {
    client = new PGlite({ postgresqlconf: PGLITE_CONF });
  }
  await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    migrate: async () => {
      await migratePglite(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    },
    isReady: () => checkReady(db),
    listen: async (channel, onPayload) => client.listen(channel, onPayload),
    close: async () => {
      await client.close();
    },
  };
}

export async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // a dropped idle connection must not crash the process
  pool.on('error', () => {});
  const db = drizzleNodePg(pool, { schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    migrate: async () => {
      // nothing pending: touch nothing, so a least-privilege role (drizzle/roles.sql: no CREATE) can
      // start the server; migrations are then applied by a start or `npm run db:migrate` as the owner
      if (await checkReady(db)) return;
      const conn = await pool.connect();
      try {
        await conn.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        await migrateNodePg(drizzleNodePg(conn, { schema }) as never, {
          migrationsFolder: MIGRATIONS_FOLDER,
        });
      } finally {
        await conn.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
        conn.release();
      }
    },
    isReady: () => checkReady(db),
    listen: async (channel, onPayload, onLost) => {
      // a dedicated connection: pooled ones are shared and would drop the subscription
      const client = new pg.Client({ connectionString: url });
      let closing = false;
      const lost = () => {
        if (!closing) onLost();
      };
      client.on('error', lost);
      client.on('end', lost);
      client.on('notification', (message) => {
        if (message.channel === channel) onPayload(message.payload ?? '');
      });
      await client.connect();
      await client.query(`listen ${pg.escapeIdentifier(channel)}`);
      return async () => {
        closing = true;
        await client.end().catch(() => {});
      };
    },
    close: async () => {
      await pool.end();
    },
  };
}

export async function openDatabase(opts: {
  databaseUrl: string | undefined;
  dataDir: string | null;
  poolSize: number;
}): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl, opts.poolSize) : openPglite(opts.dataDir);
}

/** Rows of a raw `db.execute` on either driver. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
