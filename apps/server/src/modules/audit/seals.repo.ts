import { type SQL, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/client.ts';
import { auditSeals } from '../../db/schema/audit.ts';
import type { AuditChain, ChainColumn, ChainName, RawAuditRow } from './chain.ts';

/** The advisory lock that makes one instance at a time the sealer (taken per transaction). */
export const SEALER_LOCK_KEY = 727_002;

/**
 * A column as sealed: PostgreSQL's text form, which round-trips exactly — bigint and uuid as
 * text, timestamptz in UTC with its microseconds (a JS Date keeps milliseconds only), jsonb
 * as text (chain.ts sorts its keys).
 */
function columnAsText(alias: string, column: ChainColumn): SQL {
  const ref = sql`${sql.identifier(alias)}.${sql.identifier(column.name)}`;
  const text =
    column.kind === 'timestamp'
      ? sql`to_char(${ref} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`
      : sql`${ref}::text`;
  return sql`${text} as ${sql.identifier(column.name)}`;
}

function rowColumns(chain: AuditChain, alias: string): SQL {
  return sql.join(
    chain.columns.map((column) => columnAsText(alias, column)),
    sql`, `,
  );
}

/**
 * Takes the sealer lock for the rest of the transaction, unless another instance holds it
 * (then false at once: that instance is sealing, this one skips its turn).
 */
export async function tryTakeSealerLock(tx: Db): Promise<boolean> {
  const [row] = rowsOf<{ locked: boolean }>(
    await tx.execute(sql`select pg_try_advisory_xact_lock(${SEALER_LOCK_KEY}) as locked`),
  );
  return row?.locked === true;
}

/** The newest seal of a chain (the end the next seal links to), or null for an empty chain. */
export async function findLastSeal(
  db: Db,
  chain: ChainName,
): Promise<{ position: number; hash: string } | null> {
  const [row] = rowsOf<{ position: string; hash: string }>(
    await db.execute(sql`
      -- order by the bigint column, not by the text alias of the same name ('9' > '10')
      select s.position::text as position, s.hash from audit_seals s
      where s.chain = ${chain} order by s.position desc limit 1`),
  );
  return row ? { position: Number(row.position), hash: row.hash } : null;
}

/**
 * Rows of the chain's table with no seal yet, in `seq` order. Only `seq` above the highest
 * sealed one minus `lookback` is scanned: enough to catch a row whose transaction committed
 * after higher `seq`s were sealed, without walking the whole table each pass.
 */
export async function findUnsealedRows(
  db: Db,
  chain: AuditChain,
  lookback: number,
  limit: number,
): Promise<RawAuditRow[]> {
  return rowsOf<RawAuditRow>(
    await db.execute(sql`
      select ${rowColumns(chain, 't')}
      from ${sql.identifier(chain.name)} t
      where t.seq > coalesce((select max(row_seq) from audit_seals where chain = ${chain.name}), 0)
                    - ${lookback}::bigint
        and not exists (select 1 from audit_seals s where s.chain = ${chain.name} and s.row_seq = t.seq)
      order by t.seq
      limit ${limit}`),
  );
}

export type NewSeal = { chain: ChainName; position: number; rowSeq: string; hash: string };

export async function insertSeals(db: Db, seals: NewSeal[]) {
  // 4 parameters a row: stay well under PostgreSQL's 65,535 per statement
  for (let i = 0; i < seals.length; i += 1000) {
    await db.insert(auditSeals).values(
      seals.slice(i, i + 1000).map((s) => ({
        chain: s.chain,
        position: s.position,
        rowSeq: Number(s.rowSeq),
        hash: s.hash,
      })),
    );
  }
}

export type SealWithRow = {
  position: number;
  rowSeq: string;
  hash: string;
  /** the sealed row as it is now; every column null when the row is gone */
  row: RawAuditRow;
};

/** Seals of a chain after `afterPosition`, in order, each with its row's current content. */
export async function findSealsWithRows(
  db: Db,
  chain: AuditChain,
  afterPosition: number,
  limit: number,
): Promise<SealWithRow[]> {
  const rows = rowsOf<RawAuditRow & { seal_position: string; seal_row_seq: string; seal_hash: string }>(
    await db.execute(sql`
      select s.position::text as seal_position, s.row_seq::text as seal_row_seq, s.hash as seal_hash,
             ${rowColumns(chain, 't')}
      from audit_seals s
      left join ${sql.identifier(chain.name)} t on t.seq = s.row_seq
      where s.chain = ${chain.name} and s.position > ${afterPosition}::bigint
      order by s.position
      limit ${limit}`),
  );
  return rows.map(({ seal_position, seal_row_seq, seal_hash, ...row }) => ({
    position: Number(seal_position),
    rowSeq: seal_row_seq,
    hash: seal_hash,
    row,
  }));
}

export async function countSeals(db: Db, chain: ChainName): Promise<number> {
  const [row] = rowsOf<{ n: string }>(
    await db.execute(sql`select count(*)::text as n from audit_seals where chain = ${chain}`),
  );
  return Number(row?.n ?? 0);
}

export type PendingRows = {
  /** rows with no seal yet: normal for a few seconds after they are written */
  count: number;
  oldestSeq: string | null;
  /** the earliest `at` among them (UTC ISO) */
  oldestAt: string | null;
  /**
   * of those, rows more than `lookback` below the highest sealed `seq`: the sealer no longer
   * looks that far back, so they stay unsealed (a transaction held open very long, or a row
   * inserted with an explicit old `seq`) — worth a look
   */
  stranded: number;
};

export async function summarisePendingRows(db: Db, chain: ChainName, lookback: number): Promise<PendingRows> {
  const [row] = rowsOf<{ n: string; oldest_seq: string | null; oldest_at: string | null; stranded: string }>(
    await db.execute(sql`
      with m as (select coalesce(max(row_seq), 0) as max_seq from audit_seals where chain = ${chain})
      select count(*)::text as n,
             min(t.seq)::text as oldest_seq,
             to_char(min(t.at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as oldest_at,
             (count(*) filter (where t.seq <= m.max_seq - ${lookback}::bigint))::text as stranded
      from ${sql.identifier(chain)} t cross join m
      where not exists (select 1 from audit_seals s where s.chain = ${chain} and s.row_seq = t.seq)`),
  );
  return {
    count: Number(row?.n ?? 0),
    oldestSeq: row?.oldest_seq ?? null,
    oldestAt: row?.oldest_at ?? null,
    stranded: Number(row?.stranded ?? 0),
  };
}
