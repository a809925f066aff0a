import { createHash } from 'node:crypto';

/**
 * The tamper-evident audit chains (issue 9 §7), pure part: which columns of which table are
 * sealed, the canonical text of a row, and the hash that links it to the previous seal.
 * The sealer (sealer.ts) appends seals, verify.ts recomputes them; both read rows through
 * seals.repo.ts, which selects every column below as text in a form that round-trips exactly.
 */

/**
 * How a column is read for sealing: `text` as PostgreSQL's own text form (uuid, bigint and
 * varchar alike), `timestamp` as UTC ISO 8601 with microseconds (a JS Date would drop them),
 * `json` as jsonb parsed and re-serialised with its keys sorted.
 */
export type ColumnKind = 'text' | 'timestamp' | 'json';

export type ChainColumn = { readonly name: string; readonly kind: ColumnKind };

export type ChainName = 'audit_events' | 'sign_in_audit';

export type AuditChain = {
  /** the chain's name in `audit_seals.chain`; also the table it seals */
  readonly name: ChainName;
  /**
   * Every column of the table, in the canonical order. A column added to the table must be
   * added here (at the end) too, or edits to it go unnoticed: a test compares this list with
   * the table. Changing the list changes every hash from then on — old seals then verify only
   * with the old list, so treat it as append-only and re-seal deliberately if ever needed.
   */
  readonly columns: readonly ChainColumn[];
};

export const AUDIT_CHAINS: readonly AuditChain[] = [
  {
    name: 'audit_events',
    columns: [
      { name: 'id', kind: 'text' },
      { name: 'seq', kind: 'text' },
      { name: 'actor_id', kind: 'text' },
      { name: 'action', kind: 'text' },
      { name: 'target_type', kind: 'text' },
      { name: 'target_id', kind: 'text' },
      { name: 'detail', kind: 'json' },
      { name: 'ip', kind: 'text' },
      { name: 'at', kind: 'timestamp' },
    ],
  },
  {
    name: 'sign_in_audit',
    columns: [
      { name: 'id', kind: 'text' },
      { name: 'seq', kind: 'text' },
      { name: 'account_id', kind: 'text' },
      { name: 'identifier', kind: 'text' },
      { name: 'method', kind: 'text' },
      { name: 'outcome', kind: 'text' },
      { name: 'ip', kind: 'text' },
      { name: 'user_agent', kind: 'text' },
      { name: 'at', kind: 'timestamp' },
    ],
  },
];

/** The hash before the first seal of every chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** A row as seals.repo.ts reads it: each column as text (or null), keyed by column name. */
export type RawAuditRow = Readonly<Record<string, string | null>>;

/**
 * JSON with object keys sorted (by UTF-16 code units, recursively) and no whitespace, so that
 * equal values always give equal text whatever order the keys were written or stored in.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonicalJson: non-finite number');
      return JSON.stringify(value);
    case 'object': {
      const entries = Object.keys(value as object)
        .sort()
        .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
      return `{${entries.join(',')}}`;
    }
    default:
      throw new TypeError(`canonicalJson: cannot encode a ${typeof value}`);
  }
}

/**
 * The canonical text of one audit row: a JSON object with every column of the chain, in the
 * chain's order, nulls explicit. Throws when the row lacks a column (a query that forgot one
 * must not seal a row partially).
 */
export function canonicalRow(chain: AuditChain, row: RawAuditRow): string {
  const fields = chain.columns.map(({ name, kind }) => {
    const value = row[name];
    if (value === undefined) throw new Error(`${chain.name}: row has no column ${name}`);
    const encoded =
      value === null ? 'null' : kind === 'json' ? canonicalJson(JSON.parse(value)) : JSON.stringify(value);
    return `${JSON.stringify(name)}:${encoded}`;
  });
  return `{${fields.join(',')}}`;
}

/** `hex(SHA-256(prevHash ‖ "\n" ‖ canonical row))`: the link from one seal to the next. */
export function chainHash(prevHash: string, canonical: string): string {
  return createHash('sha256').update(`${prevHash}\n${canonical}`, 'utf8').digest('hex');
}
