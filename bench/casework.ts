// Casework at scale (issue 4 targets): with 1,000,000 applications in PostgreSQL,
//  - the console queue filtered by service + status + submission date range: first page and
//    following (keyset) pages, p95 ≤ 50 ms;
//  - review decisions through the console API (optimistic locking, timeline, audit, in-site
//    message and e-mail outbox rows in the decision's transaction) ≥ 500/s sustained.
//
// `node bench/casework.ts` creates a fresh PostgreSQL database, starts the server on it (test mode,
// demo data: reviewer01 reviews enterprise registration), seeds the applications with SQL and
// measures. BENCH_APPLICATIONS changes the count, BENCH_SECONDS the decision run.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createFieldCrypto } from '../apps/server/src/lib/crypto.ts';
import { Client, percentile } from './card-sign-in.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const COUNT = Number(process.env.BENCH_APPLICATIONS ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CAPTCHA = 'B3NCH';
const SECRET = 'bench-secret-bench-secret-bench-secret-0123456789';
const SERVICE = 'enterprise-registration';
const ORGS = 10_000;
const PORT = 3931;

async function waitFor(url: string, timeoutMs = 60_000) {
  const start = performance.now();
  while (performance.now() - start < timeoutMs) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${url}`);
}

/**
 * 10,000 organizations with their administrators (pending review) and `COUNT` applications over
 * the last 365 days: 60% approved, 10% returned (rejected), 30% pending; numbers
 * QYZC<day><sequence>, due two days after submission.
 */
async function seed(db: pg.Client) {
  const crypto = createFieldCrypto(SECRET);
  const form = crypto.encrypt(JSON.stringify({ registrationType: 'unified', nameZh: '压测贸易有限公司' }));
  await db.query(`
    insert into organizations (id, kind, name, credit_code, org_code, status)
    select ('00000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, 'enterprise',
           '压测贸易有限公司' || i, 'B' || lpad(i::text, 17, '0'), 'B' || lpad(i::text, 8, '0'), 'pending_review'
    from generate_series(1, ${ORGS}) i`);
  // administrators with an e-mail address, so every decision also writes an e-mail to the outbox
  const emails = Array.from({ length: ORGS }, (_, i) => crypto.encrypt(`bench${i + 1}@example.com`));
  await db.query(
    `
    insert into accounts (id, username, kind, status, organization_id, name, email_enc)
    select ('00000000-0000-4000-9000-' || lpad(to_hex(i), 12, '0'))::uuid, 'benchorg' || i,
           'enterprise_admin', 'pending_review',
           ('00000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, '管理员' || i, ($1::text[])[i]
    from generate_series(1, ${ORGS}) i`,
    [emails],
  );
  const started = performance.now();
  const batch = 200_000;
  for (let from = 1; from <= COUNT; from += batch) {
    const to = Math.min(COUNT, from + batch - 1);
    await db.query(
      `
      insert into applications (number, service_code, applicant_account_id, organization_id, status, version,
        form_enc, applicant_name, applicant_code, submitted_at, due_at, remind_at, reminded_at, decided_at,
        created_at, updated_at)
      select 'QYZC' || to_char(s.at + interval '8 hours', 'YYYYMMDD') || lpad(i::text, 7, '0'),
             $1, ('00000000-0000-4000-9000-' || lpad(to_hex(1 + i % ${ORGS}), 12, '0'))::uuid,
             ('00000000-0000-4000-8000-' || lpad(to_hex(1 + i % ${ORGS}), 12, '0'))::uuid,
             s.status, 1, $2, '压测贸易有限公司' || (1 + i % ${ORGS}), 'B' || lpad((1 + i % ${ORGS})::text, 17, '0'),
             s.at, s.at + interval '2 days', s.at + interval '1 day', s.at + interval '1 day',
             case when s.status = 'approved' then s.at + interval '1 day' end, s.at, s.at
      from generate_series($3::int, $4::int) i
      cross join lateral (
        select now() - (i % 365) * interval '1 day' - (i % 86400) * interval '1 second' as at,
               case when i % 10 < 6 then 'approved' when i % 10 = 6 then 'rejected' else 'pending' end as status
      ) s`,
      [SERVICE, form, from, to],
    );
  }
  await db.query('analyze applications');
  return (performance.now() - started) / 1000;
}

type Timed = { ms: number; status: number };

async function timed(client: Client, url: string, method: 'GET' | 'POST' = 'GET', body?: unknown) {
  const t0 = performance.now();
  const res = await client.call(method, url, body);
  return { res, t: { ms: performance.now() - t0, status: res.status } as Timed };
}

/** First pages and four following pages of random 30-day windows, from 8 concurrent clients. */
async function benchQueue(clients: Client[]) {
  const first: number[] = [];
  const next: number[] = [];
  let errors = 0;
  const statuses = ['pending', 'approved', 'rejected'];
  let round = 0;
  const deadline = performance.now() + SECONDS * 1000;
  await Promise.all(
    clients.map(async (client) => {
      while (performance.now() < deadline) {
        round++;
        const end = new Date(Date.now() - (round % 300) * 86_400_000);
        const start = new Date(end.getTime() - 30 * 86_400_000);
        const q = `service=${SERVICE}&status=${statuses[round % 3]}&from=${start.toISOString().slice(0, 10)}&to=${end.toISOString().slice(0, 10)}&limit=20`;
        let { res, t } = await timed(client, `/api/console/queue?view=all&${q}`);
        if (t.status !== 200) errors++;
        first.push(t.ms);
        for (let page = 0; page < 4 && res.status === 200; page++) {
          const cursor = res.json<{ nextCursor: string | null }>().nextCursor;
          if (!cursor) break;
          ({ res, t } = await timed(client, `/api/console/queue?view=all&${q}&cursor=${cursor}`));
          if (t.status !== 200) errors++;
          next.push(t.ms);
        }
      }
    }),
  );
  first.sort((a, b) => a - b);
  next.sort((a, b) => a - b);
  return { first, next, errors };
}

/** Approvals of pending applications (version 1, unassigned) through POST …/decide. */
async function benchDecisions(db: pg.Client, clients: Client[]) {
  const { rows } = await db.query<{ id: string }>(
    `select id from applications where status = 'pending' order by submitted_at desc limit 60000`,
  );
  let nextIndex = 0;
  const latencies: number[] = [];
  let errors = 0;
  const run = async (ms: number, record: boolean) => {
    const deadline = performance.now() + ms;
    const t0 = performance.now();
    await Promise.all(
      clients.map(async (client) => {
        while (performance.now() < deadline && nextIndex < rows.length) {
          const id = rows[nextIndex++]!.id;
          const { res, t } = await timed(client, `/api/console/applications/${id}/decide`, 'POST', {
            version: 1,
            action: 'approve',
          });
          if (t.status !== 200 && errors === 0)
            console.error(`  first failed decision: ${t.status} ${res.text()}`);
          if (t.status !== 200) errors++;
          else if (record) latencies.push(t.ms);
        }
      }),
    );
    return performance.now() - t0;
  };
  await run(1000, false);
  const elapsed = await run(SECONDS * 1000, true);
  latencies.sort((a, b) => a - b);
  return { perSecond: latencies.length / (elapsed / 1000), latencies, errors };
}

async function signedInClients(base: string, n: number) {
  const clients: Client[] = [];
  for (let i = 0; i < n; i++) {
    const client = new Client(base);
    await client.call('GET', '/api/csrf');
    const captcha = await client.call('POST', '/api/captchas');
    const res = await client.call('POST', '/api/auth/sign-in', {
      username: 'reviewer01',
      password: 'Review@2026',
      captchaId: captcha.json<{ id: string }>().id,
      captchaAnswer: CAPTCHA,
    });
    if (res.status !== 200) throw new Error(`reviewer sign-in failed: ${res.status} ${res.text()}`);
    clients.push(client);
  }
  return clients;
}

export async function benchCasework(): Promise<string[]> {
  const name = `sw_bench_casework_${Date.now()}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  let child: ChildProcess | undefined;
  const db = new pg.Client({ connectionString: url.toString() });
  try {
    child = spawn(
      process.execPath,
      [...(process.env.BENCH_NODE_ARGS?.split(' ') ?? []), 'apps/server/src/main.ts'],
      {
        cwd: root,
        env: {
          ...process.env,
          NODE_ENV: 'test',
          APP_SECRET: SECRET,
          CAPTCHA_TEST_ANSWER: CAPTCHA,
          SEED_DEMO_DATA: 'true',
          DATABASE_URL: url.toString(),
          PORT: String(PORT),
          HOST: '127.0.0.1',
          LOG_LEVEL: 'warn',
          RATE_LIMIT_SIGN_IN: '1000000',
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    const base = `http://127.0.0.1:${PORT}`;
    await waitFor(`${base}/api/ready`);
    await db.connect();
    const seconds = await seed(db);
    console.log(`  seeded ${COUNT.toLocaleString('en')} applications in ${seconds.toFixed(0)} s`);

    const queueClients = await signedInClients(base, 8);
    const q = await benchQueue(queueClients);
    const decisionClients = await signedInClients(base, 32);
    const d = await benchDecisions(db, decisionClients);
    const { rows } = await db.query<{ n: string }>(
      `select count(*) n from outbox where created_at > now() - interval '10 minutes'`,
    );
    return [
      `Queue (${COUNT.toLocaleString('en')} applications, service + status + 30-day range, 8 clients): first page p50 ${percentile(q.first, 50).toFixed(1)} ms, p95 ${percentile(q.first, 95).toFixed(1)} ms (${q.first.length} requests); following pages p50 ${percentile(q.next, 50).toFixed(1)} ms, p95 ${percentile(q.next, 95).toFixed(1)} ms (${q.next.length}); errors ${q.errors} (target p95 ≤ 50 ms)`,
      `Decisions (approve, 32 clients): ${d.perSecond.toFixed(0)}/s, p50 ${percentile(d.latencies, 50).toFixed(1)} ms, p99 ${percentile(d.latencies, 99).toFixed(1)} ms, errors ${d.errors}; outbox rows written ${rows[0]!.n} (target ≥ 500/s)`,
    ];
  } finally {
    await db.end().catch(() => {});
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child!.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    if (process.env.BENCH_KEEP) console.log(`  kept database ${name}`);
    else await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const line of await benchCasework()) console.log(line);
}
