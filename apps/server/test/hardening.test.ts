import { mkdtempSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { rowsOf } from '../src/db/client.ts';
import { signInAudit } from '../src/db/schema/index.ts';
import { fixedClock } from '../src/lib/clock.ts';
import {
  Agent,
  CAPTCHA,
  createTestApp,
  individualBody,
  registerIndividual,
  type TestApp,
} from './helpers.ts';

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const clock = fixedClock(new Date('2026-07-01T02:00:00Z'));
let t: TestApp;
let webDist: string;

beforeAll(async () => {
  // a stand-in for the built web app, so the shell's answers can be checked
  webDist = mkdtempSync(path.join(tmpdir(), 'sw-web-'));
  writeFileSync(
    path.join(webDist, 'index.html'),
    '<!doctype html><title>单一窗口</title><div id="root"></div>',
  );
  t = await createTestApp({ clock, env: { WEB_DIST: webDist } });
});
afterAll(async () => {
  await t.close();
});

/** Another instance of the platform on the same database (a second server behind the proxy). */
async function instance(env: Record<string, string>) {
  const production = env.NODE_ENV === 'production';
  const built = await build({
    config: loadConfig({
      NODE_ENV: 'test',
      ...(production ? {} : { CAPTCHA_TEST_ANSWER: CAPTCHA }),
      LOG_LEVEL: 'silent',
      // the counters are shared with every other instance on this database: generous by default
      RATE_LIMIT_SIGN_IN: '10000',
      RATE_LIMIT_REGISTER: '10000',
      RATE_LIMIT_SEND_CODE: '10000',
      ...env,
    }),
    database: t.database,
    clock,
    logger: false,
  });
  await built.app.ready();
  return built;
}

const PRODUCTION = {
  NODE_ENV: 'production',
  APP_SECRET: 'x'.repeat(48),
  DATABASE_URL: 'postgres://unused.invalid/db', // the test hands the database in
  SMTP_URL: 'smtp://127.0.0.1:9',
  PUBLIC_URL: 'https://window.example.gov.cn',
  ALLOW_SIMULATORS: 'true',
  LOG_LEVEL: 'silent',
};

describe('no anonymous oracle of who is registered', () => {
  it('tells whether an ID number is registered only after the SMS code is proven, and each such answer spends a try', async () => {
    const owner = await registerIndividual(new Agent(t.app));
    const idNumber = owner.body.idNumber as string;

    // anyone, no code: the answer is about the code, never about the number
    const prober = new Agent(t.app);
    const probe = await prober.post('/api/accounts/individual', {
      ...individualBody({ idNumber }),
      smsCode: '123456',
    });
    expect(probe.statusCode).toBe(400);
    expect(probe.json().code).toBe('otp.expired');
    expect(JSON.stringify(probe.json())).not.toContain('id_number_taken');

    // a caller who proved a phone learns it — five times at most with one code
    const body = individualBody({ idNumber });
    const code = await prober.smsCode(body.mobile as string);
    for (let i = 0; i < 5; i++) {
      const res = await prober.post('/api/accounts/individual', { ...body, smsCode: code });
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('account.id_number_taken');
    }
    const sixth = await prober.post('/api/accounts/individual', { ...body, smsCode: code });
    expect(sixth.json().code).toBe('otp.too_many_attempts');
  });
});

describe('sign-in lockout: the check and the count are one step', () => {
  it('a parallel burst of wrong passwords gets at most LOCKOUT_THRESHOLD verifications', async () => {
    const { username } = await registerIndividual(new Agent(t.app));
    const agents = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const a = new Agent(t.app);
        return { a, captcha: await a.captcha() };
      }),
    );
    const answers = await Promise.all(
      agents.map(({ a, captcha }) =>
        a.post('/api/auth/sign-in', { username, password: 'Wr0ng!pass', ...captcha }),
      ),
    );
    const codes = answers.map((r) => r.json().code);
    const audit = await t.ctx.db
      .select()
      .from(signInAudit)
      .where(sql`${signInAudit.identifier} = ${username}`);
    // verified attempts are audited as bad_password; the others never reached the password check
    expect(audit.filter((r) => r.outcome === 'bad_password')).toHaveLength(5);
    expect(audit.filter((r) => r.outcome === 'locked')).toHaveLength(15);
    expect(codes.filter((c) => c === 'auth.invalid_credentials')).toHaveLength(4);
    expect(codes.filter((c) => c === 'auth.account_locked')).toHaveLength(16);
    // and the owner, with the right password, is locked out too until it runs out
    const owner = await new Agent(t.app).signIn(username, 'Passw0rd!');
    expect(owner.json().code).toBe('auth.account_locked');
  });

  it('says how many tries are left, then how long the lock lasts', async () => {
    const { username } = await registerIndividual(new Agent(t.app));
    const agent = new Agent(t.app);
    const left: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await agent.signIn(username, 'Wr0ng!pass');
      expect(res.json().code).toBe('auth.invalid_credentials');
      left.push(res.json().remainingAttempts);
    }
    expect(left).toEqual([4, 3, 2, 1]);
    const fifth = await agent.signIn(username, 'Wr0ng!pass');
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json()).toMatchObject({ code: 'auth.account_locked', retryAfterSeconds: 900 });
    expect(fifth.json().detail).toBe('登录失败次数过多，账号已被临时锁定（约15分钟后可再试）');
    expect(fifth.headers['retry-after']).toBe('900');
    const en = new Agent(t.app, 'en');
    expect((await en.signIn(username, 'Passw0rd!')).json().detail).toMatch(
      /temporarily locked \(try again in about 15 min\)/,
    );
  });
});

describe('no simulator door in production', () => {
  it('registers no simulator control route, and the simulated licence service asserts nothing', async () => {
    const prod = await instance(PRODUCTION);
    try {
      const agent = new Agent(prod.app);
      for (const [method, url] of [
        ['POST', '/api/dev/e-license/sessions/6b0c5a4e-0d7e-4a52-9a53-3c1f2f0f9b11/authorize'],
        ['GET', '/api/dev/outbox'],
      ] as const) {
        const res = method === 'GET' ? await agent.get(url) : await agent.post(url, {});
        expect(res.statusCode).toBe(404);
      }
      expect(prod.app.printRoutes({ commonPrefix: false })).not.toContain('/api/dev');
      const opened = await agent.post('/api/e-license/sessions');
      expect(opened.statusCode).toBe(503);
      expect(opened.json().code).toBe('simulator.unavailable_in_production');
    } finally {
      await prod.app.close();
    }
  });

  it('binds a licence authorization to the browser that opened it and never sends the ID number whole', async () => {
    const agent = new Agent(t.app);
    const { id } = (await agent.post('/api/e-license/sessions')).json();
    await agent.post(`/api/dev/e-license/sessions/${id}/authorize`, {
      creditCode: '911100002265721169',
      name: '某某贸易有限公司',
      legalRepName: '王五',
      legalRepIdNumber: '11010519491231002X',
    });
    const mine = await agent.get(`/api/e-license/sessions/${id}`);
    expect(mine.json().enterprise.legalRepIdNumber).toBe('1101**********002X');
    expect(mine.body).not.toContain('11010519491231002X');
    expect((await new Agent(t.app).get(`/api/e-license/sessions/${id}`)).statusCode).toBe(404);
  });
});

describe('text that reaches the database is clean', () => {
  it('refuses NUL and lone surrogates in any body field with a 400 and a field code, never a 500', async () => {
    const agent = new Agent(t.app);
    const nul = await agent.post('/api/auth/sign-in', {
      username: 'abc\u0000def',
      password: 'x',
      ...(await agent.captcha()),
    });
    expect(nul.statusCode).toBe(400);
    expect(nul.json()).toMatchObject({
      code: 'field.control_character',
      errors: [{ path: 'username', code: 'field.control_character' }],
    });
    // a JSON escape for half a surrogate pair
    const surrogate = await agent.post(
      '/api/password-recovery/email',
      `{"username":"abc\\ud800","captchaId":"6b0c5a4e-0d7e-4a52-9a53-3c1f2f0f9b11","captchaAnswer":"x"}`,
    );
    expect(surrogate.statusCode).toBe(400);
    expect(surrogate.json()).toMatchObject({ code: 'field.malformed_text', errors: [{ path: 'username' }] });
    const nested = await agent.post('/api/accounts/individual', {
      ...individualBody(),
      name: ['ok', 'x\u0007'],
    });
    expect(nested.json().errors[0]).toMatchObject({ path: 'name.1', code: 'field.control_character' });
    const key = await agent.post('/api/accounts/individual', '{"bad\\u0000key":1}');
    expect(key.statusCode).toBe(400);
    expect(key.body).not.toContain('\\u0000');
    const proto = await agent.post('/api/auth/sign-in', '{"__proto__":{"x":1},"username":"a"}');
    expect(proto.statusCode).toBe(400);
  });

  it('refuses them in query strings and path parameters, and answers a bad URL with problem+json', async () => {
    const agent = new Agent(t.app);
    const query = await agent.get('/api/accounts/username-available?username=ab%00cd');
    expect(query.statusCode).toBe(400);
    expect(query.json().errors[0]).toEqual(expect.objectContaining({ path: 'query.username' }));
    const param = await agent.get('/api/files/ab%00cd');
    expect(param.statusCode).toBe(400);
    expect(param.json().errors[0].path).toBe('params.id');
    for (const url of ['/api/inbox/%zz', '/%E0%A4%A']) {
      const res = await agent.get(url);
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe('request.malformed_url');
    }
  });

  it('answers oversized headers with 431 problem+json', async () => {
    const server = await instance({});
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const { port } = server.app.server.address() as { port: number };
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => {
          socket.write(`GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(40_000)}\r\n\r\n`);
        });
        let data = '';
        socket.on('data', (chunk) => {
          data += chunk.toString();
        });
        socket.on('end', () => resolve(data));
        socket.on('error', reject);
      });
      expect(answer).toMatch(/^HTTP\/1\.1 431 /);
      expect(answer).toContain('application/problem+json');
      const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));
      expect(body).toMatchObject({ status: 431, code: 'request.header_too_large' });
    } finally {
      await server.app.close();
    }
  });

  it('logs database errors without their parameters', async () => {
    const lines: string[] = [];
    const logged = await build({
      config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'info' }),
      database: t.database,
      logStream: { write: (line: string) => lines.push(line) },
    });
    try {
      const failure = await logged.ctx.db
        .execute(sql`select ${'citizen@example.org'}::uuid`)
        .catch((err: unknown) => err);
      logged.app.log.error({ err: failure }, 'a query failed');
      const line = lines.find((l) => l.includes('a query failed'))!;
      expect(line).toContain('Failed query');
      expect(line).not.toContain('citizen@example.org');
      expect(line).not.toContain('citizen');
    } finally {
      await logged.app.close();
    }
  });
});

describe('sessions and cookies', () => {
  it('uses Secure __Host- cookies in production and behind an https PUBLIC_URL', async () => {
    for (const env of [PRODUCTION, { PUBLIC_URL: 'https://window.example.gov.cn' }]) {
      const server = await instance(env);
      try {
        const res = await server.app.inject({ method: 'GET', url: '/api/csrf' });
        const cookie = String(res.headers['set-cookie']);
        expect(cookie).toMatch(/^__Host-sw_csrf=/);
        expect(cookie).toContain('Secure');
        expect(cookie).toContain('Path=/');
        expect(cookie).not.toContain('Domain');
      } finally {
        await server.app.close();
      }
    }
    // plain http in local and test mode: plain names
    const plain = await new Agent(t.app).get('/api/csrf');
    expect(String(plain.headers['set-cookie'])).toMatch(/^sw_csrf=/);
  });

  it('checks the Origin by scheme, host and port against PUBLIC_URL', async () => {
    const server = await instance({ PUBLIC_URL: 'http://localhost:3000' });
    try {
      const agent = new Agent(server.app);
      const post = (origin: string) => agent.post('/api/captchas', undefined, { origin });
      expect((await post('http://localhost:3000')).statusCode).toBe(201);
      for (const origin of ['http://localhost:3001', 'https://localhost:3000', 'http://localhost', 'null']) {
        const res = await post(origin);
        expect(res.statusCode).toBe(403);
        expect(res.json().code).toBe('request.csrf_failed');
      }
    } finally {
      await server.app.close();
    }
  });

  it('keeps a session alive by activity whatever SESSION_IDLE_MINUTES says', async () => {
    const short = await instance({ SESSION_IDLE_MINUTES: '1', RATE_LIMIT_SIGN_IN: '10000' });
    try {
      const agent = new Agent(short.app);
      const { username, password } = await registerIndividual(agent);
      expect((await agent.signIn(username, password)).statusCode).toBe(200);
      // a request every 20 s for 3 minutes
      for (let i = 0; i < 9; i++) {
        clock.advance(20_000);
        expect((await agent.get('/api/me')).statusCode).toBe(200);
      }
      clock.advance(61_000);
      expect((await agent.get('/api/me')).statusCode).toBe(401);
    } finally {
      await short.app.close();
    }
  });
});

describe('personal data at rest', () => {
  it('leaves no submitted number or address in clear anywhere in the database after a registration', async () => {
    const agent = new Agent(t.app);
    const body = individualBody({ email: 'plain.text.probe@example.org' });
    await agent.emailCode(body.email as string);
    const { body: registered } = await registerIndividual(agent, { email: body.email, mobile: body.mobile });
    // a sign-in typed with the e-mail address and with the ID number, as people do
    await agent.signIn(registered.email as string, 'Wr0ng!pass');
    await agent.signIn(registered.idNumber as string, 'Wr0ng!pass');
    await t.ctx.messaging.deliverDue();
    await t.ctx.jobs.drain();
    const tables = rowsOf<{ table_name: string }>(
      await t.ctx.db.execute(
        sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
      ),
    ).map((r) => r.table_name);
    expect(tables).toContain('outbox');
    let dump = '';
    for (const table of tables) {
      const rows = rowsOf<{ row: string }>(
        await t.ctx.db.execute(sql.raw(`select t::text as row from "${table}" t`)),
      );
      dump += rows.map((r) => r.row).join('\n');
    }
    for (const secret of [registered.mobile, registered.email, registered.idNumber] as string[]) {
      expect(dump).not.toContain(secret);
    }
  });
});

describe('several instances, one platform', () => {
  const backends: { name: string; env: Record<string, string> }[] = [
    { name: 'database', env: {} },
    ...(process.env.REDIS_TEST === 'off'
      ? []
      : [{ name: 'Redis', env: { REDIS_URL: 'redis://127.0.0.1:6379/15' } }]),
  ];
  for (const backend of backends) {
    it(`counts a client's requests across instances (${backend.name})`, async () => {
      const env = { RATE_LIMIT_SEND_CODE: '3', ...backend.env };
      // this file's other requests counted against the same client address
      await t.ctx.db.execute(sql`delete from rate_limit_counters`);
      const a = await instance(env);
      const b = await instance(env);
      try {
        // one client address for both (the proxy's X-Forwarded-For is not trusted here)
        const send = (app: typeof a.app) =>
          new Agent(app).post('/api/otp/sms', {
            mobile: '13912345678',
            purpose: 'register',
            captchaId: '6b0c5a4e-0d7e-4a52-9a53-3c1f2f0f9b11',
            captchaAnswer: 'x',
          });
        const statuses = [
          (await send(a.app)).statusCode,
          (await send(b.app)).statusCode,
          (await send(a.app)).statusCode,
          (await send(b.app)).statusCode,
        ];
        expect(statuses.slice(0, 3).every((s) => s !== 429)).toBe(true);
        expect(statuses[3]).toBe(429);
      } finally {
        await a.app.close();
        await b.app.close();
        if ('REDIS_URL' in backend.env) {
          const { Redis } = await import('ioredis');
          const r = new Redis(backend.env.REDIS_URL!);
          await r.flushdb();
          await r.quit();
        }
      }
    });
  }
});

describe('smaller findings', () => {
  it('answers unknown pages with 404 (the shell still renders) and known ones with 200, cookie included', async () => {
    const known = await t.app.inject({ method: 'GET', url: '/account/info' });
    expect(known.statusCode).toBe(200);
    expect(known.headers['content-type']).toContain('text/html');
    // the CSRF cookie comes with the page, before any script asks for it
    expect(String(known.headers['set-cookie'])).toMatch(/sw_csrf=/);
    const unknown = await t.app.inject({ method: 'GET', url: '/account/no-such-page' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('<div id="root">');
    const wellKnown = await t.app.inject({ method: 'GET', url: '/.well-known/security.txt' });
    expect(wellKnown.statusCode).toBe(404);
    expect(wellKnown.headers['content-type']).toContain('application/problem+json');
  });

  it('gives the API reference a Content-Security-Policy it can live with', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).not.toContain('https:');
    expect(csp).toContain("frame-ancestors 'none'");
  });
});

describe.skipIf(!onPostgres)('races (PostgreSQL)', () => {
  it('two instances: a parallel burst split between them still gets at most 5 verifications', async () => {
    const other = await instance({ RATE_LIMIT_SIGN_IN: '10000' });
    try {
      const { username } = await registerIndividual(new Agent(t.app));
      const apps = [t.app, other.app];
      const prepared = await Promise.all(
        Array.from({ length: 30 }, async (_, i) => {
          const a = new Agent(apps[i % 2]!);
          return { a, captcha: await a.captcha() };
        }),
      );
      await Promise.all(
        prepared.map(({ a, captcha }) =>
          a.post('/api/auth/sign-in', { username, password: 'Wr0ng!pass', ...captcha }),
        ),
      );
      const verified = await t.ctx.db.$count(
        signInAudit,
        sql`${signInAudit.identifier} = ${username} and ${signInAudit.outcome} = 'bad_password'`,
      );
      expect(verified).toBe(5);
    } finally {
      await other.app.close();
    }
  });
});
