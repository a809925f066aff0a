// `npm run bench`: throughput and latency of the platform beside a bare Fastify
// hello-world measured in the same run, on PGlite and on PostgreSQL (when one answers).
// A benchmark, not a test: it prints figures and fails only when something breaks.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { type FirstLoad, firstLoadBrowser, measureFirstLoad } from './first-load.ts';
import { argon2Bound, benchPasswordSignIn } from './password-sign-in.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const CAPTCHA = 'B3NCH';
// the V8 flags `npm start` runs with (package.json): a small young generation keeps idle memory low
const START_FLAGS = ['--max-semi-space-size=8'];

type Result = { name: string; rps: number; p50: number; p99: number; errors: number };
const results: Result[] = [];
let productionIdleMb: number | undefined;
let cardLine = '';
let caseworkLines: string[] = [];
let signInFigures:
  | { bound: number; perSecond: number; p50: number; p99: number; healthP99: number; healthMax: number }
  | undefined;
const notes: string[] = [];

function startProcess(args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr?.on('data', (d) => {
    const s = String(d);
    if (!s.includes('ExperimentalWarning')) process.stderr.write(s);
  });
  return child;
}

async function waitFor(url: string, timeoutMs = 60_000): Promise<number> {
  const start = performance.now();
  while (performance.now() - start < timeoutMs) {
    try {
      const res = await fetch(url);
      if (res.ok) return performance.now() - start;
    } catch {}
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${url}`);
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

async function load(name: string, url: string, headers: Record<string, string> = {}): Promise<Result> {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers });
  const result = {
    name,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.non2xx,
  };
  results.push(result);
  console.log(
    `  ${name}: ${Math.round(result.rps)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, errors ${result.errors}`,
  );
  return result;
}

/** Registers an individual through the public API and signs in; returns the session cookie. */
async function signedInCookie(base: string): Promise<{ session: string; csrf: string }> {
  const jar = new Map<string, string>();
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const call = async (method: string, url: string, body?: unknown) => {
    const res = await fetch(base + url, {
      method,
      headers: {
        cookie: cookie(),
        'content-type': 'application/json',
        'x-csrf-token': jar.get('sw_csrf') ?? '',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, v] = pair!.split('=');
      jar.set(k!, v!);
    }
    return res;
  };
  await call('GET', '/api/csrf');
  const captcha = async () => ({
    captchaId: ((await (await call('POST', '/api/captchas')).json()) as { id: string }).id,
    captchaAnswer: CAPTCHA,
  });
  await call('POST', '/api/otp/sms', { mobile: '13912345678', purpose: 'register', ...(await captcha()) });
  const outbox = (await (await call('GET', '/api/dev/outbox?to=13912345678&limit=1')).json()) as {
    text: string;
  }[];
  const smsCode = outbox[0]!.text.match(/\d{6}/)![0];
  const reg = await call('POST', '/api/accounts/individual', {
    name: '测试',
    idType: 'resident_id',
    idNumber: '11010519491231002X',
    idValidFrom: '20200101',
    idValidTo: '00000000',
    username: 'benchuser1',
    password: 'Bench@2026',
    confirmPassword: 'Bench@2026',
    mobile: '13912345678',
    smsCode,
    email: 'bench@example.com',
    agreement: true,
  });
  if (reg.status !== 201) throw new Error(`bench registration failed: ${reg.status} ${await reg.text()}`);
  const signIn = await call('POST', '/api/auth/sign-in', {
    username: 'benchuser1',
    password: 'Bench@2026',
    ...(await captcha()),
  });
  if (signIn.status !== 200) throw new Error(`bench sign-in failed: ${signIn.status}`);
  return {
    session: `sw_session=${jar.get('sw_session')}; sw_csrf=${jar.get('sw_csrf')}`,
    csrf: `sw_csrf=${jar.get('sw_csrf')}`,
  };
}

/** A GB 11643 resident ID from a birth date and a sequence (the bench's people). */
function residentId(sequence: number): string {
  const body = `110105199001${String((sequence % 28) + 1).padStart(2, '0')}${String(sequence % 1000).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((acc, ch, i) => acc + Number(ch) * weights[i]!, 0);
  return body + '10X98765432'[sum % 11];
}

/** `count` individuals registered through the public API (one browser each), for the sign-in bench. */
async function registerPeople(base: string, count: number) {
  const people: { username: string; password: string }[] = [];
  for (let i = 0; i < count; i++) {
    const jar = new Map<string, string>();
    const call = async (method: string, url: string, body?: unknown) => {
      const res = await fetch(base + url, {
        method,
        headers: {
          cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
          'content-type': 'application/json',
          'x-csrf-token': jar.get('sw_csrf') ?? '',
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const [k, v] = pair!.split('=');
        jar.set(k!, v!);
      }
      return res;
    };
    await call('GET', '/api/csrf');
    const captcha = async () => ({
      captchaId: ((await (await call('POST', '/api/captchas')).json()) as { id: string }).id,
      captchaAnswer: CAPTCHA,
    });
    const mobile = `1370000${String(1000 + i)}`;
    await call('POST', '/api/otp/sms', { mobile, purpose: 'register', ...(await captcha()) });
    const outbox = (await (await call('GET', `/api/dev/outbox?to=${mobile}&limit=1`)).json()) as {
      text: string;
    }[];
    const smsCode = outbox[0]!.text.match(/\d{6}/)![0];
    const username = `benchperson${i}`;
    const res = await call('POST', '/api/accounts/individual', {
      name: '测试',
      idType: 'resident_id',
      idNumber: residentId(100 + i),
      idValidFrom: '20200101',
      idValidTo: '00000000',
      username,
      password: 'Bench@2026',
      confirmPassword: 'Bench@2026',
      mobile,
      smsCode,
      email: `bench${i}@example.com`,
      agreement: true,
    });
    if (res.status !== 201) throw new Error(`bench registration failed: ${res.status} ${await res.text()}`);
    people.push({ username, password: 'Bench@2026' });
  }
  return people;
}

async function benchPlatform(label: string, env: Record<string, string>, port: number) {
  console.log(`\n${label}`);
  const child = startProcess(['apps/server/src/main.ts'], {
    NODE_ENV: 'test',
    CAPTCHA_TEST_ANSWER: CAPTCHA,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_SEND_CODE: '1000',
    RATE_LIMIT_REGISTER: '1000',
    RATE_LIMIT_SIGN_IN: '100000',
    // as in production: argon2id in the lower-priority child process
    PASSWORD_HASHER: 'process',
    ...env,
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/api/ready`);
    // the cookies a browser would carry
    const cookies = await signedInCookie(base);
    await load(`${label}: GET /api/health`, `${base}/api/health`, { cookie: cookies.csrf });
    await load(`${label}: GET /api/me (signed in)`, `${base}/api/me`, { cookie: cookies.session });
    if (label === 'PostgreSQL') {
      const bound = await argon2Bound();
      const people = await registerPeople(base, 16);
      const signIn = await benchPasswordSignIn(base, people, CAPTCHA);
      signInFigures = { bound: bound.perSecond, ...signIn };
      console.log(
        `  argon2id bound: ${bound.perSecond.toFixed(1)} verifications/s; password sign-in: ${signIn.perSecond.toFixed(1)}/s, p50 ${signIn.p50.toFixed(0)} ms, p99 ${signIn.p99.toFixed(0)} ms, failures ${signIn.failures}; /api/health meanwhile p99 ${signIn.healthP99.toFixed(1)} ms, max ${signIn.healthMax.toFixed(1)} ms`,
      );
      if (signIn.failures > 0) process.exitCode = 1;
    }
  } finally {
    await stop(child);
  }
}

async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

function residentMb(pid: number | undefined): number {
  const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  return kb / 1024;
}

/** A production instance on PostgreSQL (issue 10 target ≤ 200 MB idle): `npm start` with NODE_ENV=production. */
async function measureProductionIdle(databaseUrl: string): Promise<number> {
  const child = startProcess([...START_FLAGS, 'scripts/start.ts'], {
    NODE_ENV: 'production',
    APP_SECRET: 'bench-production-secret-0123456789abcdef0123456789',
    DATABASE_URL: databaseUrl,
    SMTP_URL: 'smtp://127.0.0.1:2525',
    PUBLIC_URL: 'https://window.example.gov.cn',
    ALLOW_SIMULATORS: 'true',
    PORT: '3919',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'error',
  });
  try {
    await waitFor('http://127.0.0.1:3919/api/ready', 60_000);
    await new Promise((r) => setTimeout(r, 5000));
    return residentMb(child.pid);
  } finally {
    await stop(child);
  }
}

async function measureStartup() {
  // `npm start` path once the build exists: local mode, embedded database, demo data
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sw-bench-start-'));
  const env = { DATA_DIR: dataDir, PORT: '3917', HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: '' };
  try {
    const first = startProcess([...START_FLAGS, 'scripts/start.ts'], env);
    const firstMs = await waitFor('http://127.0.0.1:3917/api/ready', 120_000);
    await stop(first);
    const second = startProcess([...START_FLAGS, 'scripts/start.ts'], env);
    const secondMs = await waitFor('http://127.0.0.1:3917/api/ready', 60_000);
    await new Promise((r) => setTimeout(r, 3000));
    const rssMb = residentMb(second.pid);
    // the portal's first load, against this server and its build
    let firstLoad: FirstLoad | undefined;
    let hubLoad: FirstLoad | undefined;
    if (firstLoadBrowser()) {
      firstLoad = await measureFirstLoad('http://127.0.0.1:3917/');
      hubLoad = await measureFirstLoad('http://127.0.0.1:3917/m');
    } else notes.push('no Chromium (CHROMIUM_PATH): the portal first load was not measured.');
    await stop(second);
    return { firstMs, secondMs, rssMb, firstLoad, hubLoad };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

console.log(
  `Single Window benchmark — ${CONNECTIONS} connections, ${DURATION} s per target, Node ${process.version}`,
);

console.log('\nBaseline');
const bareChild = startProcess(['bench/bare-server.ts'], { PORT: '3911' });
await waitFor('http://127.0.0.1:3911/');
const bare = await load('bare Fastify hello-world', 'http://127.0.0.1:3911/');
await stop(bareChild);

// BENCH_ONLY=postgres skips PGlite and the start-up measurement (a quicker run while tuning)
const only = process.env.BENCH_ONLY;
const pgliteDir = mkdtempSync(path.join(tmpdir(), 'sw-bench-pglite-'));
try {
  if (only !== 'postgres') await benchPlatform('PGlite', { DATA_DIR: pgliteDir }, 3912);
} finally {
  rmSync(pgliteDir, { recursive: true, force: true });
}

if (await postgresAvailable()) {
  const name = `sw_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  try {
    await benchPlatform('PostgreSQL', { DATABASE_URL: url.toString() }, 3913);
    productionIdleMb = await measureProductionIdle(url.toString());
    console.log(`  production instance idle: ${productionIdleMb.toFixed(0)} MB resident`);
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
  // card sign-in (issue 3 target ≥ 300/s): its own server on a fresh database, see card-sign-in.ts
  console.log('\nCard sign-in');
  const card = startProcess(['bench/card-sign-in.ts'], { BENCH_CONNECTIONS: '16' });
  let cardOut = '';
  card.stdout?.on('data', (d) => {
    cardOut += String(d);
  });
  const code = await new Promise<number | null>((r) => card.once('exit', r));
  cardLine = cardOut.trim().split('\n').at(-1) ?? '';
  console.log(`  ${cardLine}`);
  if (code !== 0) process.exitCode = 1;
  // casework at scale (issue 4): 1,000,000 applications, queue latency and decisions per second
  console.log('\nCasework');
  const casework = startProcess(['bench/casework.ts'], {});
  let caseworkOut = '';
  casework.stdout?.on('data', (d) => {
    caseworkOut += String(d);
    process.stdout.write(String(d));
  });
  const caseworkCode = await new Promise<number | null>((r) => casework.once('exit', r));
  caseworkLines = caseworkOut
    .trim()
    .split('\n')
    .filter((l) => l.startsWith('Queue') || l.startsWith('Decisions'));
  if (caseworkCode !== 0) process.exitCode = 1;
  // 通关预约 (issue 12): the hot slot never oversells; booking throughput against pgbench
  console.log('\nBooking');
  const booking = startProcess(['bench/booking.ts'], {});
  let bookingOut = '';
  booking.stdout?.on('data', (d) => {
    bookingOut += String(d);
    process.stdout.write(String(d));
  });
  const bookingCode = await new Promise<number | null>((r) => booking.once('exit', r));
  caseworkLines.push(
    ...bookingOut
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('Hot slot') || l.startsWith('Booking throughput')),
  );
  if (bookingCode !== 0) process.exitCode = 1;
  // 港车北上 个人中心 at scale: 100,000 vehicles and 5,000,000 crossings, p95 ≤ 50 ms
  console.log('\n港车北上 个人中心');
  const northbound = startProcess(['bench/northbound-center.ts'], {});
  let northboundOut = '';
  northbound.stdout?.on('data', (d) => {
    northboundOut += String(d);
    process.stdout.write(String(d));
  });
  const northboundCode = await new Promise<number | null>((r) => northbound.once('exit', r));
  caseworkLines.push(
    ...northboundOut
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('Target: '))
      .map((l) => l.slice('Target: '.length)),
  );
  if (northboundCode !== 0) process.exitCode = 1;
} else {
  notes.push(`PostgreSQL not reachable at ${PG_URL}: skipped (set BENCH_DATABASE_URL).`);
}

// 我的证照's signed codes (issue 13): issuing and verifying in Node, no database
console.log('\nLicence codes');
const licences = startProcess(['bench/licence-codes.ts'], {});
let licencesOut = '';
licences.stdout?.on('data', (d) => {
  licencesOut += String(d);
  process.stdout.write(String(d));
});
const licencesCode = await new Promise<number | null>((r) => licences.once('exit', r));
caseworkLines.push(
  ...licencesOut
    .trim()
    .split('\n')
    .filter((l) => l.startsWith('Target: '))
    .map((l) => l.slice('Target: '.length)),
);
if (licencesCode !== 0) process.exitCode = 1;

const startup = only === 'postgres' ? null : await measureStartup();

console.log('\n| target | req/s | p50 ms | p99 ms | errors | vs bare Fastify |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const r of results) {
  const ratio = `${((r.rps / bare.rps) * 100).toFixed(1)}%`;
  console.log(`| ${r.name} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${r.errors} | ${ratio} |`);
}
if (startup)
  console.log(
    `\nStart-up (npm start, local mode, build present): first start ${Math.round(startup.firstMs)} ms (creates the database), second start ${Math.round(startup.secondMs)} ms; resident memory idle ${startup.rssMb.toFixed(0)} MB.`,
  );
if (startup)
  console.log(
    `Target: idle memory in local mode (PGlite, demo data) ≤ 300 MB → ${startup.rssMb.toFixed(0)} MB`,
  );
if (productionIdleMb !== undefined)
  console.log(
    `Target: idle memory of a production instance on PostgreSQL ≤ 200 MB → ${productionIdleMb.toFixed(0)} MB`,
  );
if (startup?.firstLoad)
  console.log(
    `Target: portal first load ≤ 350 kB gzipped JS → ${startup.firstLoad.gzipKb.toFixed(1)} kB in ${startup.firstLoad.scripts} scripts (${startup.firstLoad.rawKb.toFixed(0)} kB before compression)`,
  );
if (startup?.hubLoad)
  console.log(
    `Target: citizen hub (/m) first load ≤ 200 kB gzipped JS → ${startup.hubLoad.gzipKb.toFixed(1)} kB in ${startup.hubLoad.scripts} scripts (${startup.hubLoad.rawKb.toFixed(0)} kB before compression)`,
  );
const me = results.find((r) => r.name.startsWith('PostgreSQL: GET /api/me'));
if (me)
  console.log(
    `Target: authenticated GET of the current account ≥ 40% of bare Fastify on PostgreSQL → ${((me.rps / bare.rps) * 100).toFixed(1)}%`,
  );
if (signInFigures) {
  const f = signInFigures;
  console.log(
    `Target: password sign-in ≥ 85% of the argon2id bound at 16 clients → ${f.perSecond.toFixed(1)}/s of ${f.bound.toFixed(1)}/s = ${((f.perSecond / f.bound) * 100).toFixed(1)}%; p99 ${f.p99.toFixed(0)} ms (≤ 250); /api/health p99 ${f.healthP99.toFixed(1)} ms, max ${f.healthMax.toFixed(1)} ms (< 20)`,
  );
}
if (cardLine) console.log(`Target: ${cardLine}`);
for (const line of caseworkLines) console.log(`Target: ${line}`);
for (const n of notes) console.log(`Note: ${n}`);
if (results.some((r) => r.errors > 0)) {
  console.error('Some requests failed during the benchmark.');
  process.exitCode = 1;
}
