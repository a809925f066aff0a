// Card sign-in throughput: each virtual client asks for a challenge, signs it with the card key
// (RSA-SHA256, as the browser does after opening the .p12) and posts certificate + signature.
//
//   import { benchCardSignIn } from './card-sign-in.ts';
//   const r = await benchCardSignIn({ baseUrl, staff: { username, password, captchaAnswer } });
//
// The server must allow the rate (RATE_LIMIT_SIGN_IN ≥ 20000 per minute: every request comes from
// one address) and, to issue cards through the console API, run in test mode with
// CAPTCHA_TEST_ANSWER set and a staff account (SEED_DEMO_DATA=true gives sysadmin / Admin@2026).
//
// Run alone: `node bench/card-sign-in.ts` starts a server on a fresh PostgreSQL database
// (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres) and prints the figures;
// `node bench/card-sign-in.ts http://host:port` measures a server already running.
import { type ChildProcess, spawn } from 'node:child_process';
import { createPrivateKey, type KeyObject, sign } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openPkcs12 } from '../apps/server/src/modules/pki/certificates.ts';

export type CardFile = { pkcs12: Buffer; pin: string };

export type CardBenchOptions = {
  baseUrl: string;
  /** cards to sign in with; when absent, `cardCount` are issued through the console API as `staff` */
  cards?: CardFile[];
  staff?: { username: string; password: string; captchaAnswer: string };
  /** how many cards to issue (each of its own organization; default 8) */
  cardCount?: number;
  /** concurrent virtual clients (default 16) */
  connections?: number;
  /** measuring time (default 10 s), after a 1 s warm-up that also auto-registers the cards */
  durationMs?: number;
};

export type CardBenchResult = {
  /** completed card sign-ins (challenge + sign + sign-in) per second */
  perSecond: number;
  /** latency of one whole sign-in, milliseconds */
  p50: number;
  p99: number;
  total: number;
  errors: number;
};

type Reply = { status: number; body: Buffer; json<T>(): T; text(): string };

// node:http with keep-alive rather than fetch: the client shares the two cores with the server,
// and undici's fetch costs several times more CPU per request
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

/** A cookie-keeping client with the CSRF double-submit header, like a browser tab. */
export class Client {
  private readonly cookies = new Map<string, string>();
  private readonly base: URL;
  constructor(base: string) {
    this.base = new URL(base);
  }

  call(method: 'GET' | 'POST', url: string, body?: unknown, keepSession = true): Promise<Reply> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const headers: Record<string, string | number> = {
      cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      'x-csrf-token': this.cookies.get('sw_csrf') ?? '',
    };
    if (payload) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = payload.length;
    }
    return new Promise((resolve, reject) => {
      const req = http.request(
        { agent, host: this.base.hostname, port: this.base.port, path: url, method, headers },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            for (const c of res.headers['set-cookie'] ?? []) {
              const [pair] = c.split(';');
              const eq = pair!.indexOf('=');
              const name = pair!.slice(0, eq);
              if (name === 'sw_session' && !keepSession) continue;
              this.cookies.set(name, pair!.slice(eq + 1));
            }
            const data = Buffer.concat(chunks);
            resolve({
              status: res.statusCode ?? 0,
              body: data,
              json: <T>() => JSON.parse(data.toString('utf8')) as T,
              text: () => data.toString('utf8'),
            });
          });
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }
}

function checkChar(
  body: string,
  alphabet: string,
  weights: number[],
  mod: number,
  map: (n: number) => string,
) {
  const sum = [...body].reduce((acc, ch, i) => acc + alphabet.indexOf(ch) * weights[i]!, 0);
  return map(mod - (sum % mod));
}

/** A valid organization code and credit code (GB 11714 / GB 32100) for bench organization `n`. */
function benchOrganization(n: number) {
  const body = `B${String(Date.now() % 100_000).padStart(5, '0')}${String(n).padStart(2, '0')}`;
  const orgCode =
    body +
    checkChar(body, '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', [3, 7, 9, 10, 5, 8, 4, 2], 11, (c) =>
      c === 10 ? 'X' : c === 11 ? '0' : String(c),
    );
  const first17 = `91440300${orgCode}`;
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const creditCode =
    first17 +
    checkChar(
      first17,
      alphabet,
      [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28],
      31,
      (c) => alphabet[c === 31 ? 0 : c]!,
    );
  return { orgCode, creditCode, orgName: `压测贸易有限公司${n}` };
}

/** Issues `count` legal-person cards through the staff console API and downloads their .p12 files. */
export async function issueBenchCards(
  baseUrl: string,
  staff: NonNullable<CardBenchOptions['staff']>,
  count: number,
): Promise<CardFile[]> {
  const client = new Client(baseUrl);
  await client.call('GET', '/api/csrf');
  const captcha = (await client.call('POST', '/api/captchas')).json<{ id: string }>();
  const signIn = await client.call('POST', '/api/auth/sign-in', {
    username: staff.username,
    password: staff.password,
    captchaId: captcha.id,
    captchaAnswer: staff.captchaAnswer,
  });
  if (signIn.status !== 200) throw new Error(`staff sign-in failed: ${signIn.status} ${signIn.text()}`);
  const pin = 'Bench#2026';
  const files: CardFile[] = [];
  for (let i = 0; i < count; i++) {
    const res = await client.call('POST', '/api/console/cards', {
      ...benchOrganization(i),
      holderName: '压测法人',
      holderIdType: 'resident_id',
      holderIdNumber: '11010519491231002X',
      role: 'legal_person',
      notAfter: new Date(Date.now() + 365 * 24 * 3_600_000).toISOString(),
      pin,
    });
    if (res.status !== 201) throw new Error(`card issuance failed: ${res.status} ${res.text()}`);
    const { id } = res.json<{ id: string }>();
    const file = await client.call('GET', `/api/console/cards/${id}/pkcs12`);
    files.push({ pkcs12: file.body, pin });
  }
  return files;
}

export function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Card sign-ins per second against a running server, with p50/p99 latency of one whole sign-in. */
export async function benchCardSignIn(opts: CardBenchOptions): Promise<CardBenchResult> {
  const connections = opts.connections ?? 16;
  const durationMs = opts.durationMs ?? 10_000;
  let files = opts.cards;
  if (!files) {
    if (!opts.staff) throw new Error('benchCardSignIn needs either cards or staff credentials to issue them');
    files = await issueBenchCards(opts.baseUrl, opts.staff, opts.cardCount ?? 8);
  }
  // the browser opens the .p12 once per sign-in form; here once per card
  const cards = files.map((f) => {
    const opened = openPkcs12(f.pkcs12, f.pin);
    return { certificate: opened.certificatePem, key: createPrivateKey(opened.privateKeyPem) };
  });

  const signInOnce = async (client: Client, card: { certificate: string; key: KeyObject }) => {
    const c = await client.call('POST', '/api/auth/card/challenge');
    if (c.status !== 201) throw new Error(`challenge ${c.status}`);
    const challenge = c.json<{ id: string; message: string }>();
    const signature = sign('sha256', Buffer.from(challenge.message, 'utf8'), card.key).toString('base64');
    const res = await client.call(
      'POST',
      '/api/auth/card/sign-in',
      { challengeId: challenge.id, certificate: card.certificate, signature },
      false,
    );
    if (res.status !== 200) throw new Error(`sign-in ${res.status} ${res.text()}`);
  };

  const run = async (ms: number, record: boolean) => {
    const latencies: number[] = [];
    let errors = 0;
    const deadline = performance.now() + ms;
    const worker = async (w: number) => {
      const client = new Client(opts.baseUrl);
      await client.call('GET', '/api/csrf');
      for (let i = 0; performance.now() < deadline; i++) {
        const started = performance.now();
        try {
          await signInOnce(client, cards[(w + i) % cards.length]!);
          if (record) latencies.push(performance.now() - started);
        } catch (err) {
          errors++;
          if (errors <= 3) console.error(String(err));
        }
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: connections }, (_, w) => worker(w)));
    return { latencies, errors, elapsedMs: performance.now() - started };
  };

  // warm-up: the first sign-in of each card auto-registers its organization's administrator
  for (const card of cards) await signInOnce(new Client(opts.baseUrl), card).catch(() => undefined);
  await run(1000, false);
  const { latencies, errors, elapsedMs } = await run(durationMs, true);
  latencies.sort((a, b) => a - b);
  return {
    perSecond: latencies.length / (elapsedMs / 1000),
    p50: Math.round(percentile(latencies, 50) * 10) / 10,
    p99: Math.round(percentile(latencies, 99) * 10) / 10,
    total: latencies.length,
    errors,
  };
}

// standalone -------------------------------------------------------------------------------------

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

async function main() {
  const given = process.argv[2];
  const captchaAnswer = process.env.CAPTCHA_TEST_ANSWER ?? 'B3NCH';
  const staff = { username: 'sysadmin', password: 'Admin@2026', captchaAnswer };
  const options = {
    connections: Number(process.env.BENCH_CONNECTIONS ?? 16),
    durationMs: Number(process.env.BENCH_SECONDS ?? 10) * 1000,
  };
  if (given) {
    console.log(await benchCardSignIn({ baseUrl: given, staff, ...options }));
    return;
  }
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const pgUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `sw_bench_cards_${Date.now()}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  const port = 3921;
  let child: ChildProcess | undefined;
  try {
    child = spawn(process.execPath, ['apps/server/src/main.ts'], {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        CAPTCHA_TEST_ANSWER: captchaAnswer,
        SEED_DEMO_DATA: 'true',
        DATABASE_URL: url.toString(),
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        RATE_LIMIT_SIGN_IN: '1000000',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/api/ready`);
    const r = await benchCardSignIn({ baseUrl: base, staff, ...options });
    console.log(
      `Card sign-in on PostgreSQL, ${options.connections} clients: ${Math.round(r.perSecond)}/s, p50 ${r.p50} ms, p99 ${r.p99} ms, ${r.total} sign-ins, ${r.errors} errors (target ≥ 300/s)`,
    );
  } finally {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child!.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
