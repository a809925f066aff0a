import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { runPeriodically } from '../../lib/periodic.ts';
import {
  AUDIT_CHAINS,
  type AuditChain,
  type ChainName,
  canonicalRow,
  chainHash,
  GENESIS_HASH,
} from './chain.ts';
import {
  findLastSeal,
  findUnsealedRows,
  insertSeals,
  type NewSeal,
  tryTakeSealerLock,
} from './seals.repo.ts';

/**
 * How far below the highest sealed `seq` the sealer still looks for unsealed rows. A `seq` is
 * taken when the row is inserted but becomes visible at commit, so a slow transaction's row
 * can appear after higher ones were sealed; it is sealed then, at a later position. 10,000
 * rows is half a minute or more at the busiest audit rates we have measured.
 */
export const SEAL_LOOKBACK = 10_000;

export type SealOptions = {
  /** rows sealed per chain per transaction (default 1,000) */
  batchSize?: number;
  /** transactions per call before giving the rest to the next call (default 50) */
  maxBatches?: number;
  lookback?: number;
};

export type SealResult = {
  /** rows sealed by this call, per chain */
  sealed: Record<ChainName, number>;
  /** true when another instance held the sealer lock, so this call left the work to it */
  skipped: boolean;
};

/**
 * Appends a seal for every audit row not sealed yet. Each batch is one transaction under the
 * sealer's advisory lock, so one instance seals at a time and the others skip (the unique
 * keys on position and row are the backstop); the audit inserts themselves never wait for it.
 */
export async function sealAuditChains(db: Db, opts: SealOptions = {}): Promise<SealResult> {
  const batchSize = opts.batchSize ?? 1000;
  const maxBatches = opts.maxBatches ?? 50;
  const lookback = opts.lookback ?? SEAL_LOOKBACK;
  const sealed: Record<ChainName, number> = { audit_events: 0, sign_in_audit: 0 };
  for (let batch = 0; batch < maxBatches; batch++) {
    const counts = await db.transaction(async (tx) => {
      if (!(await tryTakeSealerLock(tx))) return null;
      const out: Partial<Record<ChainName, number>> = {};
      for (const chain of AUDIT_CHAINS) out[chain.name] = await sealBatch(tx, chain, batchSize, lookback);
      return out;
    });
    if (counts === null) return { sealed, skipped: true };
    let full = false;
    for (const chain of AUDIT_CHAINS) {
      const n = counts[chain.name] ?? 0;
      sealed[chain.name] += n;
      if (n === batchSize) full = true;
    }
    if (!full) break;
  }
  return { sealed, skipped: false };
}

async function sealBatch(tx: Db, chain: AuditChain, limit: number, lookback: number): Promise<number> {
  const last = await findLastSeal(tx, chain.name);
  const rows = await findUnsealedRows(tx, chain, lookback, limit);
  let prev = last?.hash ?? GENESIS_HASH;
  let position = last?.position ?? 0;
  const seals: NewSeal[] = rows.map((row) => {
    prev = chainHash(prev, canonicalRow(chain, row));
    position++;
    return { chain: chain.name, position, rowSeq: row.seq!, hash: prev };
  });
  if (seals.length > 0) await insertSeals(tx, seals);
  return seals.length;
}

/**
 * Seals new audit rows every `everyMs` (1 s) until stopped; main.ts starts it on every
 * instance (only one seals at a time, see sealAuditChains). `stop` waits for a pass in progress.
 */
export function startAuditSealer(ctx: AppContext, everyMs = 1000): { stop(): Promise<void> } {
  return runPeriodically(
    everyMs,
    async () => {
      const { sealed } = await sealAuditChains(ctx.db);
      if (sealed.audit_events + sealed.sign_in_audit > 0) ctx.log.debug({ sealed }, 'audit rows sealed');
    },
    (err) => ctx.log.error({ err }, 'audit sealing pass failed'),
  );
}
