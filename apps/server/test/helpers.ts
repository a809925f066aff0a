import { randomBytes } from 'node:crypto';
import { CSRF_COOKIE, CSRF_HEADER, creditCodeCheckChar, orgCodeCheckChar } from '@sw/contracts';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { type App, build } from '../src/app.ts';
import { type Config, loadConfig } from '../src/config.ts';
import { type Database, openPglite, openPostgres } from '../src/db/client.ts';
import type { Clock } from '../src/lib/clock.ts';

export const CAPTCHA = 'T3ST9';

/**
 * A fresh database for one test file: in-memory PGlite, or — when TEST_DATABASE_URL is set —
 * a new PostgreSQL database created for the file and dropped afterwards.
 */
async function freshDatabase(): Promise<{ database: Database; dispose(): Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const database = await openPglite(null);
    await database.migrate();
    return { database, dispose: () => database.close() };
  }
  const name = `sw_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openPostgres(target.toString(), 10);
  await database.migrate();
  return {
    database,
    async dispose() {
      await database.close();
      const again = new pg.Client({ connectionString: url });
      await again.connect();
      await again.query(`drop database if exists ${name} with (force)`);
      await again.end();
    },
  };
}

export type TestApp = App & { database: Database; close(): Promise<void> };

export async function createTestApp(
  opts: { clock?: Clock; env?: Record<string, string>; serviceDirs?: readonly string[] } = {},
): Promise<TestApp> {
  const config: Config = loadConfig({
    NODE_ENV: 'test',
    CAPTCHA_TEST_ANSWER: CAPTCHA,
    DATA_DIR: '/nonexistent-test-data-dir',
    RATE_LIMIT_SIGN_IN: '10000',
    RATE_LIMIT_REGISTER: '10000',
    RATE_LIMIT_SEND_CODE: '10000',
    OTP_DAILY_LIMIT: '1000',
    LOG_LEVEL: 'silent',
    ...opts.env,
  });
  const { database, dispose } = await freshDatabase();
  const built = await build({
    config,
    database,
    logger: false,
    ...(opts.clock ? { clock: opts.clock } : {}),
    ...(opts.serviceDirs ? { serviceDirs: opts.serviceDirs } : {}),
  });
  await built.app.ready();
  return {
    ...built,
    database,
    async close() {
      await built.app.close();
      await dispose();
    },
  };
}

type Json = Record<string, unknown> | unknown[];

/** A browser-like client: keeps cookies, echoes the CSRF token, sends a language. */
export class Agent {
  readonly cookies = new Map<string, string>();
  readonly app: FastifyInstance;
  locale: string;

  constructor(app: FastifyInstance, locale = 'zh-CN') {
    this.app = app;
    this.locale = locale;
  }

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(res: LightMyRequestResponse) {
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired =
        c.value === '' || (c.expires && c.expires.getTime() < Date.now() - 1000) || c.maxAge === 0;
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }

  async get(url: string, headers: Record<string, string> = {}) {
    return this.remember(
      await this.app.inject({
        method: 'GET',
        url,
        headers: { cookie: this.cookieHeader(), 'accept-language': this.locale, ...headers },
      }),
    );
  }

  async send(
    method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: Json | string,
    headers: Record<string, string> = {},
  ) {
    if (!this.csrf()) await this.get('/api/csrf');
    const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    return this.remember(
      await this.app.inject({
        method,
        url,
        payload,
        headers: {
          cookie: this.cookieHeader(),
          'accept-language': this.locale,
          [CSRF_HEADER]: this.csrf() ?? '',
          ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
      }),
    );
  }

  /** The CSRF cookie, plain or `__Host-` (where cookies are Secure). */
  csrf(): string | undefined {
    return this.cookies.get(`__Host-${CSRF_COOKIE}`) ?? this.cookies.get(CSRF_COOKIE);
  }

  post(url: string, body?: Json | string, headers?: Record<string, string>) {
    return this.send('POST', url, body, headers);
  }

  /** A fresh captcha id; its answer in test mode is CAPTCHA. */
  async captcha(): Promise<{ captchaId: string; captchaAnswer: string }> {
    const res = await this.post('/api/captchas');
    if (res.statusCode !== 201) throw new Error(`captcha: ${res.statusCode} ${res.body}`);
    return { captchaId: res.json().id, captchaAnswer: CAPTCHA };
  }

  /** Sends a code and reads it back from the dev outbox, as a person reads their phone. */
  async smsCode(mobile: string, purpose = 'register'): Promise<string> {
    const res = await this.post('/api/otp/sms', { mobile, purpose, ...(await this.captcha()) });
    if (res.statusCode !== 202) throw new Error(`sms: ${res.statusCode} ${res.body}`);
    return latestCode(this, mobile);
  }

  async emailCode(email: string, purpose = 'register'): Promise<string> {
    const res = await this.post('/api/otp/email', { email, purpose, ...(await this.captcha()) });
    if (res.statusCode !== 202) throw new Error(`email: ${res.statusCode} ${res.body}`);
    return latestCode(this, email.toLowerCase());
  }

  async signIn(username: string, password: string) {
    return this.post('/api/auth/sign-in', { username, password, ...(await this.captcha()) });
  }
}

export async function latestCode(agent: Agent, to: string): Promise<string> {
  const res = await agent.get(`/api/dev/outbox?to=${encodeURIComponent(to)}&limit=1`);
  const [message] = res.json() as { text: string }[];
  const code = message?.text.match(/(\d{6})/)?.[1];
  if (!code) throw new Error(`no code delivered to ${to}`);
  return code;
}

let seq = 0;
/** A valid individual registration body; each call gets a fresh username, ID number and mobile. */
export function individualBody(overrides: Record<string, unknown> = {}) {
  seq++;
  const n = String(Date.now() % 100000).padStart(5, '0') + String(seq).padStart(3, '0');
  return {
    name: '李四',
    idType: 'resident_id',
    idNumber: residentId(`110105199001${String((seq % 28) + 1).padStart(2, '0')}`, (seq * 7) % 1000),
    idValidFrom: '20200101',
    idValidTo: '20400101',
    username: `user${n}`,
    password: 'Passw0rd!',
    confirmPassword: 'Passw0rd!',
    mobile: `139${n}`,
    email: `user${n}@example.com`,
    agreement: true,
    ...overrides,
  };
}

/** Builds a valid GB 11643 number from a region+birth prefix (14 digits) and a sequence. */
export function residentId(prefix14: string, sequence: number): string {
  const body = `${prefix14}${String(sequence).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((acc, ch, i) => acc + Number(ch) * weights[i]!, 0);
  return body + '10X98765432'[sum % 11];
}

/** Registers a fresh individual through the public API (SMS code read from the dev outbox). */
export async function registerIndividual(agent: Agent, overrides: Record<string, unknown> = {}) {
  const body = individualBody(overrides);
  const res = await agent.post('/api/accounts/individual', {
    ...body,
    smsCode: await agent.smsCode(body.mobile as string),
  });
  if (res.statusCode !== 201) throw new Error(`registration: ${res.statusCode} ${res.body}`);
  return { body, username: body.username as string, password: body.password as string };
}

/** A valid GB 32100 credit code (and its embedded GB 11714 organization code) from a number. */
export function creditCode(n: number): { creditCode: string; orgCode: string } {
  const orgBody = String(n % 100_000_000).padStart(8, '0');
  const orgCode = orgBody + orgCodeCheckChar(orgBody);
  const first17 = `91110000${orgCode}`;
  return { creditCode: first17 + creditCodeCheckChar(first17), orgCode };
}

let orgSeq = 0;
/** A valid 无卡用户注册 body (seed 004 §1.2.2); pass `smsCode` after sending one to `administrator.mobile`. */
export function organizationBody(
  overrides: { organization?: Record<string, unknown>; administrator?: Record<string, unknown> } = {},
) {
  orgSeq++;
  const n = (Date.now() % 1_000_000) * 100 + orgSeq;
  const tail = String(n).slice(-8).padStart(8, '0');
  return {
    organization: {
      kind: 'enterprise',
      ...creditCode(n),
      name: '河北测试进出口贸易有限公司',
      legalRepName: '王五',
      legalRepIdType: 'resident_id',
      legalRepIdNumber: residentId('13010219800101', orgSeq % 1000),
      legalRepIdValidFrom: '20150101',
      legalRepIdValidTo: '00000000',
      ...overrides.organization,
    },
    administrator: {
      username: `admin${tail}`,
      password: 'Passw0rd!',
      confirmPassword: 'Passw0rd!',
      name: '赵六',
      idType: 'resident_id',
      idNumber: residentId('13010219850101', (orgSeq * 3) % 1000),
      email: `admin${tail}@example.com`,
      mobile: `137${tail}`,
      smsCode: '000000',
      ...overrides.administrator,
    },
    agreement: true,
  };
}

/** Outbox rows with their payloads opened (they are encrypted at rest), optionally for one recipient. */
export async function outboxMessages(t: TestApp, to?: string) {
  const { outbox } = await import('../src/db/schema/index.ts');
  const rows = await t.ctx.db.select().from(outbox);
  const opened = rows.map((r) => ({
    ...r,
    payload: r.payloadEnc
      ? (JSON.parse(t.ctx.crypto.decrypt(r.payloadEnc)) as { to: string; subject?: string; text: string })
      : null,
  }));
  return to ? opened.filter((r) => r.payload?.to === to) : opened;
}

/** Uploads one file for a service's attachment slot (POST /api/files), as a browser's form would. */
export async function uploadFile(
  t: TestApp,
  agent: Agent,
  input: { service: string; slot: string; filename: string; content: Buffer },
) {
  const boundary = `----swtest${Math.random().toString(16).slice(2)}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${input.filename}"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
    ),
    input.content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  if (!agent.csrf()) await agent.get('/api/csrf');
  return t.app.inject({
    method: 'POST',
    url: `/api/files?service=${input.service}&slot=${input.slot}`,
    payload: body,
    headers: {
      cookie: [...agent.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      [CSRF_HEADER]: agent.csrf() ?? '',
      'accept-language': agent.locale,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
  });
}

/** A small, well-formed PDF. */
export function samplePdf(): Buffer {
  return Buffer.from(
    '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  );
}
