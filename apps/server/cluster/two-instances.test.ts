/**
 * Two server instances on one PostgreSQL, behind Debian's nginx (round robin, TRUST_PROXY on):
 * the platform behaves as one. Run by `.ci/run` (`npm run test:cluster`); needs nginx and
 * PostgreSQL on 127.0.0.1:5432, and is skipped otherwise.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFieldCrypto } from '../src/lib/crypto.ts';

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));
const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const enabled = process.env.CLUSTER_TEST === '1' && Boolean(NGINX);
const SECRET = 'cluster-test-secret-0123456789abcdef0123456789';
const CAPTCHA = 'CLU57';
const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitFor(check: () => Promise<boolean>, ms = 60_000, what = 'condition') {
  const until = Date.now() + ms;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A browser-like client through the proxy: keeps cookies, echoes the CSRF token, notes which instance answered. */
class Client {
  readonly cookies = new Map<string, string>();
  readonly served: string[] = [];
  readonly base: string;
  constructor(base: string) {
    this.base = base;
  }

  async request(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
    if (method !== 'GET' && !this.cookies.has('sw_csrf')) await this.request('GET', '/api/csrf');
    const init: RequestInit = {
      method,
      headers: {
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'accept-language': 'zh-CN',
        ...(method !== 'GET' ? { 'x-csrf-token': this.cookies.get('sw_csrf') ?? '' } : {}),
        ...(body !== undefined && !(body instanceof FormData) ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { body: body instanceof FormData ? body : JSON.stringify(body) }),
    };
    const res = await fetch(this.base + url, init);
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = pair!.split('=');
      const v = value.join('=');
      if (v === '' || /Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name!);
      else this.cookies.set(name!, v);
    }
    this.served.push(res.headers.get('x-upstream') ?? '?');
    const text = await res.text();
    // biome-ignore lint/suspicious/noExplicitAny: answers of many shapes, read field by field in the tests
    return { status: res.status, text, json: () => JSON.parse(text) as Record<string, any> };
  }
  get(url: string, headers?: Record<string, string>) {
    return this.request('GET', url, undefined, headers);
  }
  post(url: string, body?: unknown) {
    return this.request('POST', url, body ?? {});
  }
  async captcha() {
    const res = await this.post('/api/captchas');
    return { captchaId: res.json().id as string, captchaAnswer: CAPTCHA };
  }
  async signIn(username: string, password: string) {
    return this.post('/api/auth/sign-in', { username, password, ...(await this.captcha()) });
  }
}

describe.skipIf(!enabled)('two instances behind nginx behave as one', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'sw-cluster-'));
  const dataDir = path.join(work, 'data');
  const dbName = `sw_cluster_${randomBytes(5).toString('hex')}`;
  const dbUrl = (() => {
    const u = new URL(PG_URL);
    u.pathname = `/${dbName}`;
    return u.toString();
  })();
  const servers: ChildProcess[] = [];
  let nginx: ChildProcess | null = null;
  let base = '';
  let ports: number[] = [];
  let db: pg.Client;

  async function startInstance(port: number, proxyPort: number) {
    const child = spawn(process.execPath, [MAIN], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        CAPTCHA_TEST_ANSWER: CAPTCHA,
        APP_SECRET: SECRET,
        DATABASE_URL: dbUrl,
        DATA_DIR: dataDir,
        PORT: String(port),
        HOST: '127.0.0.1',
        TRUST_PROXY: 'true',
        PUBLIC_URL: `http://127.0.0.1:${proxyPort}`,
        SEED_DEMO_DATA: 'true',
        RATE_LIMIT_SEND_CODE: '8',
        RATE_LIMIT_SIGN_IN: '1000',
        RATE_LIMIT_REGISTER: '1000',
        SLA_REMINDER_INTERVAL_SECONDS: '1',
        PASSWORD_HASHER: 'inline',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    servers.push(child);
    await waitFor(
      async () => (await fetch(`http://127.0.0.1:${port}/api/ready`)).ok,
      60_000,
      `instance on ${port}`,
    );
  }

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    await admin.end();
    const proxyPort = await freePort();
    ports = [await freePort(), await freePort()];
    // one after the other: the first applies the migrations and seeds the demo accounts
    await startInstance(ports[0]!, proxyPort);
    await startInstance(ports[1]!, proxyPort);
    const conf = path.join(work, 'nginx.conf');
    writeFileSync(
      conf,
      `daemon off;
worker_processes 1;
pid ${work}/nginx.pid;
error_log ${work}/nginx-error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${work}/body;
  proxy_temp_path ${work}/proxy;
  fastcgi_temp_path ${work}/fastcgi;
  uwsgi_temp_path ${work}/uwsgi;
  scgi_temp_path ${work}/scgi;
  upstream single_window {
    server 127.0.0.1:${ports[0]};
    server 127.0.0.1:${ports[1]};
  }
  server {
    listen 127.0.0.1:${proxyPort};
    client_max_body_size 12m;
    location / {
      proxy_pass http://single_window;
      proxy_http_version 1.1;
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-Host $http_host;
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`,
    );
    nginx = spawn(NGINX!, ['-c', conf, '-p', work], { stdio: ['ignore', 'inherit', 'inherit'] });
    base = `http://127.0.0.1:${proxyPort}`;
    await waitFor(async () => (await fetch(`${base}/api/health`)).ok, 20_000, 'nginx');
    db = new pg.Client({ connectionString: dbUrl });
    await db.connect();
  }, 180_000);

  afterAll(async () => {
    await db?.end().catch(() => {});
    nginx?.kill('SIGTERM');
    for (const s of servers) s.kill('SIGTERM');
    await Promise.all(
      [...servers, ...(nginx ? [nginx] : [])].map(
        (p) => new Promise((r) => (p.exitCode !== null ? r(null) : p.once('exit', r))),
      ),
    );
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
    rmSync(work, { recursive: true, force: true });
  }, 60_000);

  const bothServed = (c: Client) => new Set(c.served.filter((s) => s !== '?')).size === 2;

  it('takes turns between the instances', async () => {
    const c = new Client(base);
    for (let i = 0; i < 4; i++) expect((await c.get('/api/health')).status).toBe(200);
    expect(bothServed(c)).toBe(true);
  });

  it('a session made on one works on the other, and dies on both at sign-out', async () => {
    const c = new Client(base);
    expect((await c.signIn('zhangsan01', 'Demo@2026')).status).toBe(200);
    c.served.length = 0;
    for (let i = 0; i < 4; i++) expect((await c.get('/api/me')).status).toBe(200);
    expect(bothServed(c)).toBe(true);
    expect((await c.post('/api/auth/sign-out')).status).toBe(204);
    c.served.length = 0;
    for (let i = 0; i < 4; i++) expect((await c.get('/api/me')).status).toBe(401);
    expect(bothServed(c)).toBe(true);
  });

  it('the signed-out token is refused by both instances', async () => {
    const c = new Client(base);
    await c.signIn('zhangsan01', 'Demo@2026');
    const token = c.cookies.get('sw_session')!;
    await c.post('/api/auth/sign-out');
    for (const port of ports) {
      const res = await fetch(`http://127.0.0.1:${port}/api/me`, {
        headers: { cookie: `sw_session=${token}` },
      });
      expect(res.status).toBe(401);
    }
  });

  it('the lockout counts across both', async () => {
    const c = new Client(base);
    const codes: string[] = [];
    for (let i = 0; i < 6; i++) codes.push((await c.signIn('nosuchclusteruser', 'Wr0ng!pass')).json().code);
    expect(bothServed(c)).toBe(true);
    expect(codes.slice(0, 4).every((x) => x === 'auth.invalid_credentials')).toBe(true);
    expect(codes.slice(4)).toEqual(['auth.account_locked', 'auth.account_locked']);
  });

  it('rate limits count across both', async () => {
    const c = new Client(base);
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++) {
      const res = await c.post('/api/otp/sms', {
        mobile: '13912340000',
        purpose: 'register',
        captchaId: '6b0c5a4e-0d7e-4a52-9a53-3c1f2f0f9b11',
        captchaAnswer: 'x',
      });
      statuses.push(res.status);
    }
    expect(bothServed(c)).toBe(true);
    // RATE_LIMIT_SEND_CODE=8 per minute for this address, whichever instance answers
    expect(statuses.slice(0, 8).every((s) => s !== 429)).toBe(true);
    expect(statuses[8]).toBe(429);
  });

  it('delivers each outbox message once with two workers polling', async () => {
    const crypto = createFieldCrypto(SECRET);
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) {
      const to = `1360000${String(i).padStart(4, '0')}`;
      const res = await db.query<{ id: string }>(
        `insert into outbox (channel, payload_enc, recipient) values ('sms', $1, $2) returning id`,
        [crypto.encrypt(JSON.stringify({ to, text: `cluster message ${i}` })), '136****0000'],
      );
      ids.push(res.rows[0]!.id);
    }
    await waitFor(
      async () =>
        (
          await db.query(`select count(*)::int as n from outbox where id = any($1) and status = 'sent'`, [
            ids,
          ])
        ).rows[0].n === 40,
      30_000,
      'delivery',
    );
    const delivered = await db.query(
      `select idempotency_key, count(*)::int as n from dev_outbox where idempotency_key = any($1) group by 1`,
      [ids],
    );
    expect(delivered.rows).toHaveLength(40);
    expect(delivered.rows.every((r) => r.n === 1)).toBe(true);
    const attempts = await db.query(`select attempts from outbox where id = any($1)`, [ids]);
    expect(attempts.rows.every((r) => r.attempts === 1)).toBe(true);
  });

  it('sends an SLA reminder once, whichever instance finds it first', async () => {
    const crypto = createFieldCrypto(SECRET);
    const applicant = await db.query(`select id from accounts where username = 'zhangsan01'`);
    const app = await db.query<{ id: string }>(
      `insert into applications (number, service_code, applicant_account_id, status, form_enc, applicant_name,
         submitted_at, due_at, remind_at)
       values ('QYZC20260101999999', 'enterprise-registration', $1, 'pending', $2, '集群测试有限公司',
         now() - interval '1 day', now() + interval '1 day', now() - interval '1 minute')
       returning id`,
      [applicant.rows[0].id, crypto.encrypt('{}')],
    );
    const id = app.rows[0]!.id;
    await waitFor(
      async () =>
        (await db.query(`select reminded_at from applications where id = $1`, [id])).rows[0].reminded_at !==
        null,
      20_000,
      'reminder',
    );
    // both instances look every second; a few more passes must not send it again
    await new Promise((r) => setTimeout(r, 3_000));
    const reminders = await db.query(
      `select account_id, count(*)::int as n from inbox_messages where application_id = $1 and category = 'reminder' group by 1`,
      [id],
    );
    // reviewer01 is the service's reviewer and supervisor: one message
    expect(reminders.rows).toHaveLength(1);
    expect(reminders.rows[0].n).toBe(1);
  });

  it('a file uploaded through one instance is read through the other (shared DATA_DIR)', async () => {
    const c = new Client(base);
    await c.get('/api/csrf');
    const jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c00' } })
      .jpeg()
      .toBuffer();
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), 'scan.jpg');
    const uploaded = await c.request(
      'POST',
      '/api/files?service=enterprise-registration&slot=businessLicence',
      form,
    );
    expect(uploaded.status).toBe(201);
    const { id, uploadToken } = uploaded.json();
    c.served.length = 0;
    for (let i = 0; i < 4; i++) {
      const res = await c.get(`/api/files/${id}`, { 'x-upload-token': uploadToken });
      expect(res.status).toBe(200);
    }
    expect(bothServed(c)).toBe(true);
  });

  it('both instances applied the migrations once and agree on readiness', async () => {
    for (const port of ports) expect((await fetch(`http://127.0.0.1:${port}/api/ready`)).status).toBe(200);
    const applied = await db.query('select count(*)::int as n from drizzle.__drizzle_migrations');
    expect(applied.rows[0].n).toBeGreaterThan(0);
    execFileSync(NGINX!, ['-t', '-c', path.join(work, 'nginx.conf'), '-p', work], { stdio: 'ignore' });
  });
});
