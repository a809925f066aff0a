import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type SQL, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, rowsOf } from '../src/db/client.ts';
import { recordAudit } from '../src/modules/audit/audit.repo.ts';
import {
  AUDIT_CHAINS,
  type ChainName,
  type ChainReport,
  sealAuditChains,
  verifyAuditChains,
} from '../src/modules/audit/index.ts';
import { SEALER_LOCK_KEY } from '../src/modules/audit/seals.repo.ts';
import { Agent, createTestApp, registerIndividual, type TestApp } from './helpers.ts';

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

let t: TestApp;
/** the test database's own URL (PostgreSQL only) */
let databaseUrl = '';
beforeAll(async () => {
  t = await createTestApp();
  if (onPostgres) {
    const [{ name }] = await query<{ name: string }>(sql`select current_database() as name`);
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
  }
});
afterAll(async () => {
  await t?.close();
});

async function query<T>(statement: SQL): Promise<[T, ...T[]]> {
  return rowsOf<T>(await t.ctx.db.execute(statement)) as [T, ...T[]];
}

async function chainReport(chain: ChainName): Promise<ChainReport> {
  return (await verifyAuditChains(t.ctx.db)).chains.find((c) => c.chain === chain)!;
}

async function rowCount(chain: ChainName): Promise<number> {
  const [{ n }] = await query<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(chain)}`);
  return n;
}

/** The seal at `position` and the id of the row it names. */
async function sealAt(chain: ChainName, position: number) {
  const [row] = await query<{ seq: string; id: string; hash: string }>(sql`
    select s.row_seq::text as seq, t.id::text as id, s.hash
    from audit_seals s join ${sql.identifier(chain)} t on t.seq = s.row_seq
    where s.chain = ${chain} and s.position = ${position}`);
  return row;
}

/** Every seal of a chain, in position order. */
async function seals(chain: ChainName) {
  return query<{ position: number; seq: number }>(sql`
    select position::int as position, row_seq::int as seq from audit_seals
    where chain = ${chain} order by position`);
}

let eventNo = 0;
function audit(detail: Record<string, unknown> = {}) {
  eventNo++;
  return recordAudit(t.ctx.db, {
    actorId: null,
    action: 'test.event',
    targetType: 'test',
    targetId: String(eventNo),
    detail: { n: eventNo, ...detail },
    ip: eventNo % 2 ? '203.0.113.7' : null,
    at: new Date(),
  });
}

/** Sign-in rows as the application writes them: two wrong passwords and a right one. */
async function signIns() {
  const agent = new Agent(t.app);
  const { username, password } = await registerIndividual(agent);
  expect((await agent.signIn(username, 'Wr0ng!pass')).statusCode).toBe(401);
  expect((await agent.signIn(username, 'Wr0ng!pass')).statusCode).toBe(401);
  expect((await agent.signIn(username, password)).statusCode).toBe(200);
}

describe('tamper-evident audit chains', () => {
  it('seal every column of their tables', async () => {
    for (const chain of AUDIT_CHAINS) {
      const columns = await query<{ name: string }>(sql`
        select column_name::text as name from information_schema.columns
        where table_schema = 'public' and table_name = ${chain.name}`);
      expect(columns.map((c) => c.name).sort()).toEqual(chain.columns.map((c) => c.name).sort());
    }
  });

  it('seals every audit row once, in seq order, and the chains verify', async () => {
    await signIns();
    await audit({
      decision: { outcome: 'approved', by: { role: 'reviewer', name: '张三' } },
      list: [3, 1, 2],
    });
    await audit({ z: true, a: null });
    // microseconds, which a JS Date would lose, and keys stored out of order
    await t.ctx.db.execute(sql`
      insert into audit_events (action, target_type, detail, at)
      values ('test.micro', 'test', '{"z": 1, "a": {"c": 2, "b": 1}}', '2025-03-01 08:00:00.123456+00')`);
    await audit();
    await signIns();
    await audit();

    const before = await verifyAuditChains(t.ctx.db);
    expect(before.ok).toBe(true);
    for (const chain of before.chains) {
      expect(chain).toMatchObject({ sealed: 0, head: null, broken: null });
      expect(chain.pending.count).toBe(await rowCount(chain.chain));
    }

    const result = await sealAuditChains(t.ctx.db);
    expect(result.skipped).toBe(false);
    for (const chain of AUDIT_CHAINS) {
      const n = await rowCount(chain.name);
      expect(n).toBeGreaterThanOrEqual(5);
      expect(result.sealed[chain.name]).toBe(n);
      const all = await seals(chain.name);
      expect(all.map((s) => s.position)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
      expect(all.map((s) => s.seq)).toEqual(all.map((s) => s.seq).sort((a, b) => a - b));
      expect(new Set(all.map((s) => s.seq)).size).toBe(n);
    }

    const after = await verifyAuditChains(t.ctx.db);
    expect(after.ok).toBe(true);
    for (const chain of after.chains) {
      const n = await rowCount(chain.chain);
      expect(chain).toMatchObject({
        sealed: n,
        verified: n,
        broken: null,
        pending: { count: 0, stranded: 0 },
      });
      expect(chain.head?.position).toBe(n);
      expect(chain.head?.hash).toBe((await sealAt(chain.chain, n)).hash);
    }
    expect((await sealAuditChains(t.ctx.db)).sealed).toEqual({ audit_events: 0, sign_in_audit: 0 });
  });

  it('names the audit event whose detail was edited, and verifies again once it is put back', async () => {
    const target = await sealAt('audit_events', 2);
    const [{ detail }] = await query<{ detail: string }>(
      sql`select detail::text as detail from audit_events where seq = ${target.seq}`,
    );
    await t.ctx.db.execute(
      sql`update audit_events set detail = detail || '{"outcome": "rejected"}' where seq = ${target.seq}`,
    );

    const report = await verifyAuditChains(t.ctx.db);
    expect(report.ok).toBe(false);
    const events = report.chains.find((c) => c.chain === 'audit_events')!;
    expect(events.broken).toMatchObject({
      position: 2,
      rowSeq: target.seq,
      rowId: target.id,
      reason: 'content_changed',
    });
    expect(events.verified).toBe(1);
    expect(report.chains.find((c) => c.chain === 'sign_in_audit')!.broken).toBeNull();

    await t.ctx.db.execute(sql`update audit_events set detail = ${detail}::jsonb where seq = ${target.seq}`);
    expect((await verifyAuditChains(t.ctx.db)).ok).toBe(true);
  });

  it('names the sign-in whose identifier was edited', async () => {
    const target = await sealAt('sign_in_audit', 3);
    const [{ identifier }] = await query<{ identifier: string }>(
      sql`select identifier from sign_in_audit where seq = ${target.seq}`,
    );
    await t.ctx.db.execute(
      sql`update sign_in_audit set identifier = 'someone_else' where seq = ${target.seq}`,
    );

    expect((await chainReport('sign_in_audit')).broken).toMatchObject({
      position: 3,
      rowSeq: target.seq,
      rowId: target.id,
      reason: 'content_changed',
    });

    await t.ctx.db.execute(
      sql`update sign_in_audit set identifier = ${identifier} where seq = ${target.seq}`,
    );
    expect((await chainReport('sign_in_audit')).broken).toBeNull();
  });

  it('notices a timestamp moved by one microsecond', async () => {
    const [{ seq }] = await query<{ seq: string }>(
      sql`select seq::text as seq from audit_events where action = 'test.micro'`,
    );
    await t.ctx.db.execute(
      sql`update audit_events set at = at + interval '1 microsecond' where seq = ${seq}`,
    );
    expect((await chainReport('audit_events')).broken).toMatchObject({
      rowSeq: seq,
      reason: 'content_changed',
    });
    await t.ctx.db.execute(
      sql`update audit_events set at = at - interval '1 microsecond' where seq = ${seq}`,
    );
    expect((await chainReport('audit_events')).broken).toBeNull();
  });

  it('catches a deleted row', async () => {
    const target = await sealAt('sign_in_audit', 4);
    await t.ctx.db.execute(
      sql`create table tampered_row as select * from sign_in_audit where seq = ${target.seq}`,
    );
    await t.ctx.db.execute(sql`delete from sign_in_audit where seq = ${target.seq}`);

    expect((await chainReport('sign_in_audit')).broken).toMatchObject({
      position: 4,
      rowSeq: target.seq,
      rowId: null,
      reason: 'row_missing',
    });

    await t.ctx.db.execute(sql`insert into sign_in_audit overriding system value select * from tampered_row`);
    await t.ctx.db.execute(sql`drop table tampered_row`);
    expect((await chainReport('sign_in_audit')).broken).toBeNull();
  });

  it('catches a seal whose hash was rewritten', async () => {
    const target = await sealAt('audit_events', 3);
    await t.ctx.db.execute(sql`
      update audit_seals set hash = encode(sha256('forged'), 'hex')
      where chain = 'audit_events' and position = 3`);

    const report = await chainReport('audit_events');
    expect(report.broken).toMatchObject({
      position: 3,
      rowSeq: target.seq,
      rowId: target.id,
      reason: 'seal_mismatch',
    });
    expect(report.verified).toBe(2);

    await t.ctx.db.execute(sql`
      update audit_seals set hash = ${target.hash} where chain = 'audit_events' and position = 3`);
    expect((await chainReport('audit_events')).broken).toBeNull();
  });

  it('catches a deleted seal, even after its row is sealed again at the end', async () => {
    const target = await sealAt('audit_events', 2);
    const n = await rowCount('audit_events');
    await t.ctx.db.execute(sql`delete from audit_seals where chain = 'audit_events' and position = 2`);

    let report = await chainReport('audit_events');
    expect(report.broken).toMatchObject({ position: 2, reason: 'position_gap' });
    expect(report.pending).toMatchObject({ count: 1, oldestSeq: target.seq });

    // the sealer takes the row as a late one: a new seal at the end, and the gap stays
    expect((await sealAuditChains(t.ctx.db)).sealed.audit_events).toBe(1);
    report = await chainReport('audit_events');
    expect(report.broken).toMatchObject({ position: 2, reason: 'position_gap' });
    expect(report.pending.count).toBe(0);
    expect(report.sealed).toBe(n);

    await t.ctx.db.execute(sql`delete from audit_seals where chain = 'audit_events' and position = ${n + 1}`);
    await t.ctx.db.execute(sql`
      insert into audit_seals (chain, position, row_seq, hash)
      values ('audit_events', 2, ${target.seq}, ${target.hash})`);
    expect((await verifyAuditChains(t.ctx.db)).ok).toBe(true);
  });

  it('shows rows written after a pass as pending until the next one', async () => {
    const events = await rowCount('audit_events');
    const attempts = await rowCount('sign_in_audit');
    await audit();
    await audit();
    await signIns();
    const [{ first }] = await query<{ first: string }>(
      sql`select min(seq)::text as first from audit_events where seq > (select max(row_seq) from audit_seals where chain = 'audit_events')`,
    );

    let report = await verifyAuditChains(t.ctx.db);
    expect(report.ok).toBe(true);
    const pendingEvents = report.chains.find((c) => c.chain === 'audit_events')!;
    expect(pendingEvents).toMatchObject({
      sealed: events,
      pending: { count: 2, oldestSeq: first, stranded: 0 },
    });
    expect(pendingEvents.pending.oldestAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    expect(report.chains.find((c) => c.chain === 'sign_in_audit')!.pending.count).toBe(
      (await rowCount('sign_in_audit')) - attempts,
    );

    await sealAuditChains(t.ctx.db);
    report = await verifyAuditChains(t.ctx.db);
    expect(report.ok).toBe(true);
    for (const chain of report.chains) {
      expect(chain.pending.count).toBe(0);
      expect(chain.sealed).toBe(await rowCount(chain.chain));
    }
  });

  it('seals in batches, each linked to the last', async () => {
    // enough rows for the positions to pass from one digit to two (9, then 10: numbers, not text)
    for (let i = 0; i < 7; i++) await audit();
    const n = await rowCount('audit_events');
    expect(n).toBeGreaterThanOrEqual(10);
    const result = await sealAuditChains(t.ctx.db, { batchSize: 3 });
    expect(result.sealed.audit_events).toBe(7);
    expect((await seals('audit_events')).map((s) => s.position)).toEqual(
      Array.from({ length: n }, (_, i) => i + 1),
    );
    expect((await chainReport('audit_events')).sealed).toBe(n);
    expect((await verifyAuditChains(t.ctx.db)).ok).toBe(true);
  });
});

describe.skipIf(!onPostgres)('tamper-evident audit chains on PostgreSQL', () => {
  it('seals a row whose transaction commits late at a later position', async () => {
    const late = new pg.Client({ connectionString: databaseUrl });
    await late.connect();
    try {
      await late.query('begin');
      const inserted = await late.query<{ seq: string }>(
        `insert into audit_events (action, target_type) values ('test.late', 'test') returning seq::text as seq`,
      );
      const lateSeq = inserted.rows[0]!.seq;
      await audit(); // a higher seq, committed first
      expect((await sealAuditChains(t.ctx.db)).sealed.audit_events).toBe(1);
      await late.query('commit');

      let report = await chainReport('audit_events');
      expect(report).toMatchObject({ broken: null, pending: { count: 1, oldestSeq: lateSeq } });
      expect((await sealAuditChains(t.ctx.db)).sealed.audit_events).toBe(1);
      const all = await seals('audit_events');
      expect(all.at(-1)!.seq).toBe(Number(lateSeq));
      expect(all.at(-2)!.seq).toBeGreaterThan(Number(lateSeq));
      report = await chainReport('audit_events');
      expect(report).toMatchObject({ broken: null, pending: { count: 0 } });
    } finally {
      await late.end();
    }
  });

  it('skips a pass while another instance holds the sealer lock', async () => {
    const other = new pg.Client({ connectionString: databaseUrl });
    await other.connect();
    try {
      await other.query('begin');
      await other.query('select pg_advisory_xact_lock($1)', [SEALER_LOCK_KEY]);
      await audit();
      expect(await sealAuditChains(t.ctx.db)).toEqual({
        skipped: true,
        sealed: { audit_events: 0, sign_in_audit: 0 },
      });
      await other.query('rollback');
      expect(await sealAuditChains(t.ctx.db)).toMatchObject({ skipped: false, sealed: { audit_events: 1 } });
    } finally {
      await other.end();
    }
  });

  it('seals 200 concurrent inserts exactly once while two instances race to seal', async () => {
    const writers = new pg.Pool({ connectionString: databaseUrl, max: 8 });
    const instances = [await openPostgres(databaseUrl, 3), await openPostgres(databaseUrl, 3)];
    try {
      const startedAt = { audit_events: 0, sign_in_audit: 0 };
      for (const chain of AUDIT_CHAINS) startedAt[chain.name] = (await seals(chain.name)).length;
      let writing = true;
      let sealedDuringRace = 0;
      let skipped = 0;
      const sealers = instances.map(async (instance, i) => {
        while (writing) {
          // different batch sizes, so passes end at different points
          const result = await sealAuditChains(instance.db, { batchSize: i === 0 ? 5 : 1000 });
          if (result.skipped) skipped++;
          sealedDuringRace += result.sealed.audit_events + result.sealed.sign_in_audit;
        }
      });
      const inserts = Array.from({ length: 200 }, async (_, i) => {
        const client = await writers.connect();
        try {
          // each insert in a transaction that commits a little later: seqs become visible out of order
          await client.query('begin');
          if (i % 2 === 0) {
            await client.query(
              `insert into audit_events (action, target_type, target_id, detail) values ('test.race', 'test', $1, $2)`,
              [String(i), JSON.stringify({ i, b: 'x', a: [i] })],
            );
          } else {
            await client.query(
              `insert into sign_in_audit (identifier, method, outcome, ip) values ($1, 'password', 'wrong_password', '198.51.100.1')`,
              [`racer${i}`],
            );
          }
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 15));
          await client.query('commit');
        } finally {
          client.release();
        }
      });
      await Promise.all(inserts);
      writing = false;
      await Promise.all(sealers);
      expect(sealedDuringRace).toBeGreaterThan(0);
      await sealAuditChains(instances[1]!.db);

      let lateRows = 0;
      for (const chain of AUDIT_CHAINS) {
        const n = await rowCount(chain.name);
        const all = await seals(chain.name);
        expect(all.map((s) => s.position)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
        const raced = all.slice(startedAt[chain.name]);
        lateRows += raced.filter((s, i) => i > 0 && s.seq < raced[i - 1]!.seq).length;
        const [{ wrong }] = await query<{ wrong: number }>(sql`
          select count(*)::int as wrong from ${sql.identifier(chain.name)} t
          where (select count(*) from audit_seals s where s.chain = ${chain.name} and s.row_seq = t.seq) <> 1`);
        expect(wrong).toBe(0);
      }
      const report = await verifyAuditChains(t.ctx.db);
      expect(report.ok).toBe(true);
      expect(report.chains.map((c) => c.pending.count)).toEqual([0, 0]);
      // the race did happen: rows committed out of seq order (sealed at later positions), and
      // instances found the other one sealing (typically ~10 and ~100 of them here)
      expect(lateRows).toBeGreaterThan(0);
      expect(skipped).toBeGreaterThan(0);
    } finally {
      await writers.end();
      for (const instance of instances) await instance.close();
    }
  });

  it('roles.sql: the application role may add audit rows and seals but never change or remove one', async () => {
    const role = `sw_app_test_${randomBytes(4).toString('hex')}`;
    const script = readFileSync(new URL('../drizzle/roles.sql', import.meta.url), 'utf8').replace(
      /\bsw_app\b/g,
      role,
    );
    const owner = new pg.Client({ connectionString: databaseUrl });
    await owner.connect();
    const roleUrl = new URL(databaseUrl);
    roleUrl.username = role;
    const app = new pg.Client({ connectionString: roleUrl.toString() });
    try {
      await owner.query(script);
      await app.connect();
      const [{ user }] = (await app.query<{ user: string }>('select current_user as user')).rows as [
        { user: string },
      ];
      expect(user).toBe(role);

      await app.query(`insert into audit_events (action, target_type) values ('test.grant', 'test')`);
      await app.query(
        `insert into sign_in_audit (identifier, method, outcome) values ('granted', 'password', 'x')`,
      );
      // ordinary tables stay writable
      await app.query('delete from captchas where false');
      await app.query('update sign_in_throttle set failures = failures where false');

      const refused = async (statement: string) => {
        const err = await app.query(statement).then(
          () => null,
          (e: { code?: string }) => e,
        );
        return err?.code;
      };
      for (const table of ['audit_events', 'sign_in_audit', 'audit_seals']) {
        expect(await refused(`update ${table} set ${setter(table)} where false`), table).toBe('42501');
        expect(await refused(`delete from ${table}`), table).toBe('42501');
        expect(await refused(`truncate ${table}`), table).toBe('42501');
        expect(await refused(`alter table ${table} disable trigger all`), table).toBe('42501');
      }
      expect(await refused(`select setval('audit_events_seq_seq', 1)`)).toBe('42501');

      // the sealer and the check work with these rights alone
      const asApp = await openPostgres(roleUrl.toString(), 2);
      try {
        const result = await sealAuditChains(asApp.db);
        expect(result.sealed).toEqual({ audit_events: 1, sign_in_audit: 1 });
        expect((await verifyAuditChains(asApp.db)).ok).toBe(true);
        expect(await asApp.isReady()).toBe(true);
        // a server starts as this role: with nothing pending, migrate() touches nothing
        await asApp.migrate();
      } finally {
        await asApp.close();
      }
    } finally {
      await app.end().catch(() => {});
      await owner.query(`drop owned by ${role}`);
      await owner.query(`drop role ${role}`);
      await owner.end();
    }
  });

  it('npm run audit:verify exits 0 on intact chains and 1, naming the row, after tampering', async () => {
    await sealAuditChains(t.ctx.db);
    await audit(); // pending: the check must leave it unsealed (it only reads)
    const run = async (...args: string[]) => {
      const child = spawn(process.execPath, ['apps/server/src/cli/audit-verify.ts', ...args], {
        cwd: ROOT,
        env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: databaseUrl },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
      });
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      const [code] = await once(child, 'close');
      return { code: code as number, stdout, stderr };
    };

    const intact = await run();
    expect(intact.stderr).toBe('');
    expect(intact.code).toBe(0);
    expect(intact.stdout).toContain('audit_events: intact');
    expect(intact.stdout).toContain('sign_in_audit: intact');
    expect(intact.stdout).toContain('1 pending');

    const target = await sealAt('sign_in_audit', 2);
    await t.ctx.db.execute(sql`update sign_in_audit set outcome = 'success' where seq = ${target.seq}`);
    const broken = await run();
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(
      `sign_in_audit: BROKEN at position 2 (content_changed), row seq ${target.seq}, id ${target.id}`,
    );
    expect(broken.stdout).toContain('audit_events: intact');

    const json = await run('--json');
    expect(json.code).toBe(1);
    const parsed = JSON.parse(json.stdout) as { ok: boolean; chains: ChainReport[] };
    expect(parsed.ok).toBe(false);
    expect(parsed.chains.find((c) => c.chain === 'sign_in_audit')!.broken).toMatchObject({
      position: 2,
      rowSeq: target.seq,
      rowId: target.id,
      reason: 'content_changed',
    });
    expect((await chainReport('audit_events')).pending.count).toBe(1);
  });
});

/** A harmless SET clause for an UPDATE (privileges are checked before any row is looked at). */
function setter(table: string): string {
  return table === 'audit_seals' ? 'hash = hash' : 'ip = ip';
}
