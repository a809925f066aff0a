// `npm run audit:verify [-- --json]`: walks the tamper-evident audit chains (audit_seals) of the
// configured database and names the first broken row of each. Read-only: the connection is
// opened with default_transaction_read_only, and nothing is sealed or migrated.
// Exit code 0 when every chain verifies, 1 when one is broken, 2 when it could not check.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../config.ts';
import { type Database, openPglite, openPostgres } from '../db/client.ts';
import { type AuditVerification, type ChainReport, verifyAuditChains } from '../modules/audit/index.ts';

const USAGE = `Usage: npm run audit:verify [-- --json]
  Checks every audit row sealed so far against its seal, in chain order, for the database in
  DATABASE_URL (or the embedded one under DATA_DIR: stop the server first, it cannot be shared).
  --json    print the report as JSON
Exit code: 0 intact, 1 a chain is broken, 2 the check could not run.`;

const { values } = parseArgs({
  options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

/** A PostgreSQL URL whose sessions refuse writes. */
function readOnlyUrl(url: string): string {
  const u = new URL(url);
  if (!u.searchParams.has('options')) u.searchParams.set('options', '-c default_transaction_read_only=on');
  return u.toString();
}

async function open(): Promise<Database> {
  const config = loadConfig();
  if (config.databaseUrl) return openPostgres(readOnlyUrl(config.databaseUrl), 2);
  if (!existsSync(path.join(config.dataDir, 'pglite')))
    throw new Error(`no database: DATABASE_URL is not set and ${config.dataDir}/pglite does not exist`);
  const database = await openPglite(config.dataDir);
  await database.db.execute(sql`set default_transaction_read_only = on`);
  return database;
}

const count = (n: number) => n.toLocaleString('en-US');

function describe(report: ChainReport): string[] {
  const lines: string[] = [];
  const { broken, pending } = report;
  if (broken) {
    const row = broken.rowSeq ? `, row seq ${broken.rowSeq}, id ${broken.rowId ?? '-'}` : '';
    lines.push(`${report.chain}: BROKEN at position ${broken.position} (${broken.reason})${row}`);
    lines.push(`  ${broken.message}`);
    lines.push(`  ${count(report.verified)} of ${count(report.sealed)} seals verified before it`);
  } else {
    const head = report.head ? `, head #${report.head.position} ${report.head.hash}` : '';
    lines.push(`${report.chain}: intact, ${count(report.sealed)} rows sealed${head}`);
  }
  if (pending.count > 0) {
    lines.push(
      `  ${count(pending.count)} pending (not sealed yet; oldest seq ${pending.oldestSeq}, at ${pending.oldestAt})`,
    );
  }
  if (pending.stranded > 0) {
    lines.push(
      `  warning: ${count(pending.stranded)} of them are too far behind the chain for the sealer to pick up`,
    );
  }
  return lines;
}

let database: Database | undefined;
let result: AuditVerification;
try {
  database = await open();
  result = await verifyAuditChains(database.db);
} catch (err) {
  console.error(`audit:verify could not run: ${err instanceof Error ? err.message : String(err)}`);
  await database?.close().catch(() => {});
  process.exit(2);
}
await database.close();
if (values.json) console.log(JSON.stringify(result, null, 2));
else console.log(result.chains.flatMap(describe).join('\n'));
process.exitCode = result.ok ? 0 : 1;
