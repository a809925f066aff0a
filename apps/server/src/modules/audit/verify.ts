import type { Db } from '../../db/client.ts';
import {
  AUDIT_CHAINS,
  type AuditChain,
  type ChainName,
  canonicalRow,
  chainHash,
  GENESIS_HASH,
} from './chain.ts';
import { SEAL_LOOKBACK } from './sealer.ts';
import {
  countSeals,
  findSealsWithRows,
  type PendingRows,
  type SealWithRow,
  summarisePendingRows,
} from './seals.repo.ts';

/**
 * - `content_changed`: the row's content is not what was sealed (the seal is intact: the next
 *   seal links to it)
 * - `row_missing`: the sealed row is gone (deleted, or its `seq` rewritten)
 * - `seal_mismatch`: the seal's hash matches neither its row nor the next seal — the seal itself
 *   was altered (or this row and the next one both were)
 * - `position_gap`: a seal is missing from the chain (deleted)
 */
export type BreakReason = 'content_changed' | 'row_missing' | 'seal_mismatch' | 'position_gap';

export type ChainBreak = {
  /** the first position of the chain that does not verify */
  position: number;
  /** the row that seal names (null for a missing seal) */
  rowSeq: string | null;
  /** its id, when the row still exists */
  rowId: string | null;
  reason: BreakReason;
  message: string;
};

export type ChainReport = {
  chain: ChainName;
  /** seals in the chain */
  sealed: number;
  /** seals verified from position 1 before the first break (all of them when intact) */
  verified: number;
  /** the last verified seal: record its hash elsewhere to notice a rewritten chain later */
  head: { position: number; hash: string } | null;
  /** the first break, or null when the chain verifies */
  broken: ChainBreak | null;
  /** rows not sealed yet — not a break */
  pending: PendingRows;
};

export type AuditVerification = { ok: boolean; chains: ChainReport[] };

const PAGE = 1000;

/**
 * Walks every chain from position 1, a page at a time, recomputing each hash from the row as
 * it is now, and reports the first break of each. Read-only: it writes nothing, and seals
 * appended while it runs are checked too or left for the next run.
 */
export async function verifyAuditChains(db: Db): Promise<AuditVerification> {
  const chains: ChainReport[] = [];
  for (const chain of AUDIT_CHAINS) chains.push(await verifyChain(db, chain));
  return { ok: chains.every((c) => c.broken === null), chains };
}

async function verifyChain(db: Db, chain: AuditChain): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let verified = 0;
  let broken: ChainBreak | null = null;
  walk: for (;;) {
    const page = await findSealsWithRows(db, chain, verified, PAGE);
    for (let i = 0; i < page.length; i++) {
      const seal = page[i]!;
      const expected = verified + 1;
      if (seal.position !== expected) {
        broken = {
          position: expected,
          rowSeq: null,
          rowId: null,
          reason: 'position_gap',
          message: `seal ${expected} is missing: the chain goes on at position ${seal.position}`,
        };
        break walk;
      }
      if (seal.row.seq === null) {
        broken = {
          position: seal.position,
          rowSeq: seal.rowSeq,
          rowId: null,
          reason: 'row_missing',
          message: `row seq ${seal.rowSeq}, sealed at position ${seal.position}, no longer exists (deleted, or its seq rewritten)`,
        };
        break walk;
      }
      if (chainHash(prevHash, canonicalRow(chain, seal.row)) !== seal.hash) {
        const next = page[i + 1] ?? (await findSealsWithRows(db, chain, seal.position, 1))[0];
        broken = classifyMismatch(chain, seal, next);
        break walk;
      }
      prevHash = seal.hash;
      verified = seal.position;
    }
    if (page.length < PAGE) break;
  }
  return {
    chain: chain.name,
    sealed: broken ? await countSeals(db, chain.name) : verified,
    verified,
    head: verified > 0 ? { position: verified, hash: prevHash } : null,
    broken,
    pending: await summarisePendingRows(db, chain.name, SEAL_LOOKBACK),
  };
}

/**
 * A seal whose hash does not follow from the previous seal and its row: either the row was
 * changed or the seal was. The next seal tells them apart — it was computed from this seal's
 * true hash, so if it still links to the stored one, the seal is intact and the row changed.
 */
function classifyMismatch(chain: AuditChain, seal: SealWithRow, next: SealWithRow | undefined): ChainBreak {
  const at = { position: seal.position, rowSeq: seal.rowSeq, rowId: seal.row.id ?? null };
  const row = `row seq ${seal.rowSeq} (id ${at.rowId})`;
  if (!next || next.position !== seal.position + 1 || next.row.seq === null) {
    return {
      ...at,
      reason: 'content_changed',
      message: `${row} does not match seal ${seal.position}: the row was changed, or the seal itself (no next seal to tell which)`,
    };
  }
  if (chainHash(seal.hash, canonicalRow(chain, next.row)) === next.hash) {
    return {
      ...at,
      reason: 'content_changed',
      message: `${row} was changed after it was sealed at position ${seal.position}`,
    };
  }
  return {
    ...at,
    reason: 'seal_mismatch',
    message: `the hash of seal ${seal.position} matches neither ${row} nor the next seal: the seal was altered (or this row and the next both were)`,
  };
}
