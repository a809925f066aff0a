// 港车北上 个人中心 at scale (issue target): with 100,000 vehicles and 5,000,000 border crossing
// records in PostgreSQL, GET /api/services/northbound/center p95 ≤ 50 ms.
//
// `node bench/northbound-center.ts` creates a fresh database and builds the app on it (migrations,
// the services' setup). A few hundred owners go through the real routes: HK TD's data file is
// imported from the console, each owner registers on the 港车北上 page, passes the face check and
// binds the HKID, and an officer takes most vehicles through 粤港审批, insurance and 发牌 (some stay
// earlier, some are suspended). Set-based SQL then fills the rest: owners, applications and records
// up to 100,000 vehicles (encrypted payloads copied from a real row: those rows are never read
// through the API) and ~50 crossings per vehicle over the last two years, entry and exit
// alternating, in time order as the border ports would send them. Signed-in owners then ask for
// their 个人中心 at CLIENTS concurrent connections over HTTP (autocannon), beside GET /api/me in the
// same run as the baseline.
//
// BENCH_OWNERS (default 300) real owners, BENCH_MEASURED (200) of them signed in for the run,
// BENCH_VEHICLES (100,000), BENCH_CROSSINGS (5,000,000), BENCH_SECONDS (10) per run, BENCH_CLIENTS (16).
import type { AddressInfo } from 'node:net';
import { CSRF_COOKIE, CSRF_HEADER, hkIdCheckChar } from '@sw/contracts';
import autocannon from 'autocannon';
import pg from 'pg';
import { build } from '../apps/server/src/app.ts';
import { loadConfig } from '../apps/server/src/config.ts';
import { insertAccount } from '../apps/server/src/modules/identity/identity.repo.ts';
import { hashPassword } from '../apps/server/src/modules/identity/passwords.ts';
import { grantStaffRole } from '../apps/server/src/modules/identity/staff-roles.ts';
import { IMPORT_COLUMNS } from '../apps/server/src/modules/services/northbound/staff.ts';
import { percentile } from './card-sign-in.ts';

const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const OWNERS = Number(process.env.BENCH_OWNERS ?? 300);
const MEASURED = Math.min(OWNERS, Number(process.env.BENCH_MEASURED ?? 200));
const VEHICLES = Number(process.env.BENCH_VEHICLES ?? 100_000);
const CROSSINGS = Number(process.env.BENCH_CROSSINGS ?? 5_000_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 16);
const CAPTCHA = 'B3NCH';
const PASSWORD = 'Hk@2026pass';
/** the insurers' simulator shares this policy for plate AB1234, in force 2026-11-01 – 2027-11-30 */
const POLICY = { policyNo: 'PDZA202644000001', hkPlate: 'AB1234' };

const name = `sw_bench_northbound_${Date.now()}`;
const admin = new pg.Client({ connectionString: PG_URL });
await admin.connect();
await admin.query(`create database ${name}`);
const url = new URL(PG_URL);
url.pathname = `/${name}`;
const db = new pg.Client({ connectionString: url.toString() });

const { app, ctx } = await build({
  config: loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: url.toString(),
    DATABASE_POOL_SIZE: String(CLIENTS + 4),
    LOG_LEVEL: 'silent',
    SEED_DEMO_DATA: 'false',
    APP_SECRET: 'bench-secret-bench-secret-bench-secret-0123456789',
    CAPTCHA_TEST_ANSWER: CAPTCHA,
    RATE_LIMIT_SIGN_IN: '100000',
    RATE_LIMIT_REGISTER: '100000',
    RATE_LIMIT_SEND_CODE: '100000',
    OTP_DAILY_LIMIT: '1000',
  }),
  logger: false,
});

type Json = Record<string, unknown>;

/** A browser on its own address (the per-address rate limits see one person each), over app.inject. */
class Browser {
  readonly cookies = new Map<string, string>();
  readonly ip: string;
  constructor(ip: string) {
    this.ip = ip;
  }

  async call(method: 'GET' | 'POST' | 'PUT', url: string, body?: Json) {
    if (method !== 'GET' && !this.cookies.has(CSRF_COOKIE)) await this.call('GET', '/api/csrf');
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const res = await app.inject({
      method,
      url,
      payload,
      remoteAddress: this.ip,
      headers: {
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'accept-language': 'zh-HK',
        [CSRF_HEADER]: this.cookies.get(CSRF_COOKIE) ?? '',
        ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
      },
    });
    for (const c of res.cookies as { name: string; value: string }[])
      if (c.value) this.cookies.set(c.name, c.value);
      else this.cookies.delete(c.name);
    return res;
  }

  async ok(method: 'GET' | 'POST' | 'PUT', url: string, body?: Json, status = 200) {
    const res = await this.call(method, url, body);
    if (res.statusCode !== status) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return (res.body ? res.json() : {}) as Json;
  }

  async captcha() {
    const { id } = (await this.ok('POST', '/api/captchas', undefined, 201)) as { id: string };
    return { captchaId: id, captchaAnswer: CAPTCHA };
  }

  /** The latest code sent to a mobile, read from the dev outbox as a person reads their phone. */
  async code(to: string) {
    const res = await this.call('GET', `/api/dev/outbox?to=${to}&limit=1`);
    const code = (res.json() as { text: string }[])[0]?.text.match(/\d{6}/)?.[0];
    if (!code) throw new Error(`no code for ${to}`);
    return code;
  }

  async signIn(username: string, password: string) {
    await this.ok('POST', '/api/auth/sign-in', { username, password, ...(await this.captcha()) });
  }
}

const ip = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
const HKID_LETTERS = 'ABCDEGHKMPRSTVZ';
function hkid(i: number) {
  const body = `${HKID_LETTERS[i % HKID_LETTERS.length]}${String(200_000 + i)}`;
  return `${body}${hkIdCheckChar(body)}`;
}
const mobileOf = (i: number) => `1361${String(i).padStart(7, '0')}`;
/** every fifth owner has two vehicles */
const vehiclesOf = (i: number) => (i % 5 === 0 ? 2 : 1);
type Fate = 'preliminary' | 'inspection' | 'active' | 'suspended';
/** where the back office leaves a vehicle: 85% cleared to travel */
function fateOf(vehicle: number): Fate {
  const n = vehicle % 20;
  return n === 0 ? 'preliminary' : n === 1 ? 'inspection' : n === 2 ? 'suspended' : 'active';
}

/** 1. the owners through the real routes */
async function realOwners() {
  // the officer: reviewer of 港车北上, signed in at the console
  const staffRow = await insertAccount(ctx.db, {
    username: 'nbbenchofficer',
    kind: 'staff',
    name: '压测审批员',
    passwordHash: await hashPassword('Staff@2026x'),
  });
  for (const role of ['reviewer', 'supervisor'] as const)
    await grantStaffRole(ctx.db, {
      accountId: staffRow.id,
      role,
      serviceCode: 'northbound',
      grantedBy: null,
      at: new Date(),
    });
  const officer = new Browser('192.168.0.1');
  await officer.signIn('nbbenchofficer', 'Staff@2026x');

  // HK TD's data file, imported from the console: one row per vehicle
  const rows: string[][] = [];
  let vehicle = 0;
  for (let i = 0; i < OWNERS; i++)
    for (let v = 0; v < vehiclesOf(i); v++) {
      const fate = fateOf(vehicle);
      const cells: Record<string, string> = {
        hktdRef: `HKTD-2026-${String(500_000 + vehicle).padStart(6, '0')}`,
        ownerName: '陳大文',
        ownerNameEn: 'CHAN Tai Man',
        ownerHkid: hkid(i),
        ownerMobile: mobileOf(i),
        ownerEmail: '',
        hkPlate: fate === 'active' || fate === 'suspended' ? POLICY.hkPlate : `NB${vehicle}`,
        make: 'TOYOTA',
        model: 'ALPHARD',
        colour: '白色',
        chassisNo: `JTEGH3FH0AB${String(vehicle).padStart(6, '0')}`,
        permittedFrom: '2026-11-01',
        permittedUntil: '2027-10-31',
        driver1Name: '陳小明',
        driver1Hkid: hkid(100_000 + vehicle),
        driver1LicenceNo: `DL${String(vehicle).padStart(7, '0')}`,
      };
      rows.push(IMPORT_COLUMNS.map((c) => cells[c] ?? ''));
      vehicle++;
    }
  const csv = [IMPORT_COLUMNS.join(','), ...rows.map((r) => r.join(','))].join('\n');
  const report = await officer.ok('POST', '/api/console/services/northbound/import', {
    fileName: 'hktd.csv',
    contentBase64: Buffer.from(csv).toString('base64'),
  });
  if (report.created !== vehicle) throw new Error(`HK TD import: ${JSON.stringify(report)}`);

  // 发牌 counts the plates issued so far: one at a time, as one officer would
  let issuing = Promise.resolve();
  const decide = async (applicationId: string, action: string, reason?: string) => {
    const detail = (await officer.ok('GET', `/api/console/applications/${applicationId}`)) as {
      version: number;
    };
    await officer.ok('POST', `/api/console/applications/${applicationId}/decide`, {
      action,
      version: detail.version,
      ...(reason ? { reason } : {}),
    });
  };

  const owners: { username: string; ip: string }[] = [];
  let firstVehicle = 0;
  const work = Array.from({ length: OWNERS }, (_, i) => {
    const start = firstVehicle;
    firstVehicle += vehiclesOf(i);
    return { i, start };
  });
  const one = async ({ i, start }: { i: number; start: number }) => {
    const owner = new Browser(ip(1000 + i));
    const mobile = mobileOf(i);
    // 个人注册 on the 港车北上 page, with the mobile's code; the answer signs the owner in
    await owner.ok('POST', '/api/otp/sms', { mobile, purpose: 'register', ...(await owner.captcha()) }, 202);
    const username = `nbowner${i}`;
    await owner.ok(
      'POST',
      '/api/services/northbound/register',
      {
        username,
        password: PASSWORD,
        confirmPassword: PASSWORD,
        name: '陳大文',
        idType: 'hk_macao_permit',
        idNumber: `H${60_000_000 + i}`,
        gender: 'male',
        birthDate: '1980-05-01',
        idValidTo: '2030-01-01',
        region: ['HK', 'KLN', 'YT'],
        address: '彌敦道 1 號',
        mobile,
        smsCode: await owner.code(mobile),
        agreement: true,
        activateNational: false,
      },
      201,
    );
    // 实名核验 (face-check simulator), then the first sign-in binding with HK TD's mobile
    const face = (await owner.ok('POST', '/api/face-checks', { purpose: 'real_name' }, 201)) as {
      id: string;
    };
    await owner.ok('POST', `/api/dev/face-checks/${face.id}/decide`, { outcome: 'passed' }, 204);
    await owner.ok('POST', '/api/account/real-name/face', { faceCheckId: face.id });
    await owner.ok('POST', '/api/services/northbound/binding/code', { hkid: hkid(i), channel: 'sms' });
    const center = (await owner.ok('POST', '/api/services/northbound/binding', {
      hkid: hkid(i),
      channel: 'sms',
      code: await owner.code(mobile),
    })) as { vehicles: { recordId: string; applicationId: string }[] };
    if (center.vehicles.length !== vehiclesOf(i)) throw new Error(`owner ${i}: ${JSON.stringify(center)}`);
    // the back office
    for (const [v, { recordId, applicationId }] of center.vehicles.entries()) {
      const fate = fateOf(start + v);
      if (fate === 'preliminary') continue;
      await decide(applicationId, 'approve');
      if (fate === 'inspection') continue;
      await owner.ok('POST', `/api/services/northbound/records/${recordId}/insurance`, {
        source: 'lookup',
        policyNo: POLICY.policyNo,
      });
      await decide(applicationId, 'pass_inspection');
      const issued = issuing.then(() => decide(applicationId, 'issue'));
      issuing = issued.catch(() => {});
      await issued;
      if (fate === 'suspended') await decide(applicationId, 'suspend', '多次未预约通关');
    }
    owners.push({ username, ip: owner.ip });
  };
  // four owners at a time: argon2 runs on the thread pool, the database on the other core
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < work.length) await one(work[next++]!);
    }),
  );
  return { owners, vehicles: vehicle };
}

/** 2. the rest of the population, set-based */
async function fill() {
  await db.connect();
  const { rows: counts } = await db.query<{ n: number }>('select count(*)::int n from northbound_records');
  const fillers = VEHICLES - counts[0]!.n;
  const fillerOwners = Math.ceil(fillers * 0.85);
  // a real vehicle cleared to travel lends its encrypted payloads (never read for filler rows)
  const { rows: templates } = await db.query<{ record_id: string; application_id: string }>(
    `select r.id record_id, a.id application_id from northbound_records r
     join applications a on a.id = r.application_id where a.status = 'active' limit 1`,
  );
  const template = templates[0]!;
  // owners: 85% of the vehicles' count (some have two); every twentieth vehicle not bound yet
  await db.query(
    `insert into accounts (id, username, kind, name, id_type, id_number_bidx, mobile_bidx, real_name_level,
       locale, created_at, updated_at)
     select ('00000000-0000-4000-a000-' || lpad(to_hex(o), 12, '0'))::uuid, 'nbfill' || o, 'individual',
            '車主' || o, 'hk_macao_permit', md5('id' || o), md5('m' || o), 'high', 'zh-HK',
            now() - (o % 700) * interval '1 day', now() - (o % 700) * interval '1 day'
     from generate_series(1, $1::int) o`,
    [fillerOwners],
  );
  // applications: 80% cleared to travel, the rest along the way or closed
  await db.query(
    `insert into applications (id, number, service_code, applicant_account_id, status, version, form_enc,
       applicant_name, applicant_code, submitted_at, due_at, decided_at, created_at, updated_at)
     select ('00000000-0000-4000-b000-' || lpad(to_hex(k), 12, '0'))::uuid,
            'GCBS' || to_char(s.at, 'YYYYMMDD') || lpad(k::text, 7, '0'), 'northbound',
            case when k % 20 <> 7 then ('00000000-0000-4000-a000-' || lpad(to_hex(1 + (k - 1) * 17 / 20), 12, '0'))::uuid end,
            s.status, 4, t.form_enc, t.applicant_name, 'HK' || k, s.at, s.at + interval '14 days',
            case when s.status in ('revoked', 'rejected') then s.at + interval '7 days' end, s.at, s.at
     from generate_series(1, $1::int) k
     cross join (select * from applications where id = $2) t
     cross join lateral (
       select now() - interval '1 day' - (k % 700) * interval '1 day' - (k % 86400) * interval '1 second' as at,
              case when k % 100 < 80 then 'active' when k % 100 < 85 then 'preliminary'
                   when k % 100 < 90 then 'inspection' when k % 100 < 92 then 'issuing'
                   when k % 100 < 95 then 'suspended' when k % 100 < 98 then 'revoked' else 'rejected' end as status
     ) s`,
    [fillers, template.application_id],
  );
  await db.query(
    `insert into northbound_records (id, hktd_ref, application_id, owner_hkid_bidx, account_id, data_enc, data_hash,
       hk_plate, permitted_from, permitted_until, insurance_enc, temp_plate, tag_no, driver_tags,
       permit_valid_from, permit_valid_to, created_at, updated_at)
     select ('00000000-0000-4000-b000-' || lpad(to_hex(k), 12, '0'))::uuid, 'HKTD-F-' || k,
            a.id, md5('hkid' || (1 + (k - 1) * 17 / 20)), a.applicant_account_id, t.data_enc, md5('d' || k),
            'F' || k, t.permitted_from, t.permitted_until,
            case when a.status in ('active', 'issuing', 'suspended', 'revoked') then t.insurance_enc end,
            case when a.status in ('active', 'suspended', 'revoked') then '粤Z·F' || k || '港' end,
            case when a.status in ('active', 'suspended', 'revoked') then 'GCBSF' || k end,
            case when a.status in ('active', 'suspended', 'revoked') then t.driver_tags end,
            case when a.status in ('active', 'suspended', 'revoked') then to_char(a.submitted_at + interval '7 days', 'YYYY-MM-DD') end,
            case when a.status in ('active', 'suspended', 'revoked') then to_char(a.submitted_at + interval '372 days', 'YYYY-MM-DD') end,
            a.created_at, a.updated_at
     from generate_series(1, $1::int) k
     join applications a on a.id = ('00000000-0000-4000-b000-' || lpad(to_hex(k), 12, '0'))::uuid
     cross join (select * from northbound_records where id = $2) t`,
    [fillers, template.record_id],
  );
  // crossings: every vehicle 48–52 (an odd count ends on an entry: in the mainland now), one trip
  // every 28 days back from now with a few days' jitter, each stay 2 hours to 3 days; inserted
  // round by round across the vehicles, as the ports would send them over time
  const perVehicle = CROSSINGS / VEHICLES; // 50 by default
  await db.query(`create temporary table bench_vehicles as
    select id, (row_number() over (order by created_at, id))::int n from northbound_records`);
  await db.query(
    `insert into northbound_crossings (id, record_id, direction, port, at, without_booking)
     select ('00000000-0000-4000-c000-' || lpad(to_hex(k * 1000000 + v.n), 12, '0'))::uuid, v.id,
            case when k % 2 = 0 then 'entry' else 'exit' end,
            'hzmb-zhuhai',
            now() - (c.trips - k / 2) * interval '28 days'
              + ((v.n * 7919 + (k / 2) * 104729) % 480) * interval '1 hour'
              + (k % 2) * (2 + (v.n * 31 + k * 17) % 70) * interval '1 hour',
            k % 2 = 0 and (v.n + k) % 50 = 0
     from generate_series(0, $1::int + 1) k
     cross join bench_vehicles v
     cross join lateral (select $1::int - 2 + v.n % 5 as count, ($1::int - 2 + v.n % 5 + 1) / 2 as trips) c
     where k < c.count`,
    [perVehicle],
  );
  await db.query('vacuum analyze northbound_crossings');
  await db.query('analyze northbound_records');
  await db.query('analyze applications');
  await db.query('analyze accounts');
  const { rows } = await db.query<{ v: number; c: number }>(
    `select (select count(*)::int from northbound_records) v, (select count(*)::int from northbound_crossings) c`,
  );
  return rows[0]!;
}

/** 3. signed-in sessions of `MEASURED` owners: each signs in again, as a returning owner would */
async function signIn(owners: { username: string; ip: string }[]) {
  const cookies: string[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < owners.length) {
        const { username, ip } = owners[next++]!;
        const browser = new Browser(ip);
        await browser.signIn(username, PASSWORD);
        cookies.push(
          [...browser.cookies]
            .filter(([k]) => k !== CSRF_COOKIE)
            .map(([k, v]) => `${k}=${v}`)
            .join('; '),
        );
      }
    }),
  );
  return cookies;
}

type Run = { rps: number; p50: number; p95: number; p99: number; requests: number; errors: number };

/** CLIENTS connections for `seconds` over HTTP, each request as a random signed-in owner. */
function load(url: string, cookies: string[], seconds: number): Promise<Run> {
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: CLIENTS,
        duration: seconds,
        requests: [
          {
            setupRequest: (req) => ({
              ...req,
              headers: { ...req.headers, cookie: cookies[Math.floor(Math.random() * cookies.length)]! },
            }),
          },
        ],
      },
      (err, result) => {
        if (err) return reject(err);
        latencies.sort((a, b) => a - b);
        resolve({
          rps: result.requests.total / (result.duration || seconds),
          p50: percentile(latencies, 50),
          p95: percentile(latencies, 95),
          p99: percentile(latencies, 99),
          requests: latencies.length,
          errors: result.errors + result.non2xx,
        });
      },
    );
    // autocannon emits (client, status, bytes, ms); its types leave out the client
    (instance as unknown as NodeJS.EventEmitter).on(
      'response',
      (_client: unknown, _status: number, _bytes: number, ms: number) => latencies.push(ms),
    );
  });
}

const fmt = (r: Run) =>
  `${r.rps.toFixed(0)} req/s, p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, ${r.requests} requests, errors ${r.errors}`;

async function main(): Promise<string> {
  const t0 = performance.now();
  const real = await realOwners();
  console.log(
    `  ${OWNERS} owners with ${real.vehicles} vehicles through the real routes in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
  );
  const t1 = performance.now();
  const filled = await fill();
  console.log(
    `  filled to ${filled.v.toLocaleString('en')} vehicles and ${filled.c.toLocaleString('en')} crossings in ${((performance.now() - t1) / 1000).toFixed(0)} s`,
  );
  const cookies = await signIn(real.owners.slice(0, MEASURED));
  // what an owner sees: the stay time is there for vehicles cleared to travel
  const sample = await app.inject({
    method: 'GET',
    url: '/api/services/northbound/center',
    headers: { cookie: cookies[3] ?? cookies[0]! },
  });
  const shown = (sample.json() as { vehicles?: { status: string; stay: unknown }[] }).vehicles ?? [];
  if (sample.statusCode !== 200 || shown.length === 0)
    throw new Error(`center: ${sample.statusCode} ${sample.body}`);
  console.log(`  one 个人中心: ${JSON.stringify(shown.map((v) => ({ status: v.status, stay: v.stay })))}`);

  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  await load(`${base}/api/services/northbound/center`, cookies, 3); // warm-up
  const me = await load(`${base}/api/me`, cookies, SECONDS);
  console.log(`  GET /api/me (${CLIENTS} clients, ${cookies.length} owners): ${fmt(me)}`);
  const center = await load(`${base}/api/services/northbound/center`, cookies, SECONDS);
  console.log(
    `  GET /api/services/northbound/center (${CLIENTS} clients, ${cookies.length} owners): ${fmt(center)}`,
  );
  if (center.errors > 0 || me.errors > 0) process.exitCode = 1;
  return `Target: 个人中心 (${filled.v.toLocaleString('en')} vehicles, ${filled.c.toLocaleString('en')} crossings): p95 ${center.p95.toFixed(1)} ms (target ≤ 50), p50 ${center.p50.toFixed(1)} ms, ${center.rps.toFixed(0)} req/s = ${((center.rps / me.rps) * 100).toFixed(1)}% of GET /api/me`;
}

let line = '';
try {
  line = await main();
} catch (err) {
  console.error(err);
  process.exitCode = 1;
} finally {
  await app.close();
  await db.end().catch(() => {});
  if (process.env.BENCH_KEEP) console.log(`  kept database ${name}`);
  else await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}
if (line) console.log(line);
