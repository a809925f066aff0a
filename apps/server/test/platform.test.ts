import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, createTestApp, type TestApp } from './helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

function expectProblem(
  res: { statusCode: number; headers: Record<string, unknown>; json(): unknown },
  status: number,
  code: string,
) {
  expect(res.statusCode).toBe(status);
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
  const body = res.json() as Record<string, unknown>;
  expect(body).toMatchObject({ status, code });
  expect(typeof body.detail).toBe('string');
  expect(typeof body.requestId).toBe('string');
  expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/); // no stack traces
  return body;
}

describe('platform endpoints', () => {
  it('answers liveness and readiness', async () => {
    const agent = new Agent(t.app);
    expect((await agent.get('/api/health')).json()).toEqual({ status: 'ok' });
    const ready = await agent.get('/api/ready');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready' });
  });

  it('reports readiness false when migrations are missing', async () => {
    const { openPglite } = await import('../src/db/client.ts');
    const empty = await openPglite(null);
    expect(await empty.isReady()).toBe(false);
    await empty.migrate();
    expect(await empty.isReady()).toBe(true);
    await empty.close();
  });

  it('labels simulators in platform info', async () => {
    const res = await new Agent(t.app).get('/api/platform/info');
    expect(res.json()).toMatchObject({
      mode: 'test',
      simulators: [
        'sms-simulator',
        'mail-simulator',
        'e-license-simulator',
        'identity-agencies-simulator',
        'face-check-simulator',
        'registries-simulator',
        'licence-authorities-simulator',
        'household-agency-simulator',
        'gov-platform-simulator',
        'cert-authority-simulator',
        'hktd-simulator',
        'insurer-simulator',
      ],
    });
  });

  it('publishes an OpenAPI 3.1 document generated from the route schemas', async () => {
    const res = await new Agent(t.app).get('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/accounts/individual', '/api/auth/sign-in', '/api/me', '/api/otp/sms']),
    );
    const body = doc.paths['/api/accounts/individual'].post.requestBody.content['application/json'].schema;
    expect(body.required).toEqual(
      expect.arrayContaining(['name', 'idType', 'idNumber', 'username', 'password', 'email']),
    );
    const docs = await new Agent(t.app).get('/api/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });
});

describe('problem+json for bad requests', () => {
  it('unknown API route → 404', async () => {
    expectProblem(await new Agent(t.app).get('/api/no-such-thing'), 404, 'request.not_found');
    expectProblem(await new Agent(t.app).post('/api/no-such-thing', {}), 404, 'request.not_found');
  });

  it('malformed JSON → 400', async () => {
    const res = await new Agent(t.app).post('/api/auth/sign-in', '{"username": ');
    expectProblem(res, 400, 'request.malformed_json');
  });

  it('treats an empty JSON body as no body, and refuses prototype poisoning', async () => {
    const agent = new Agent(t.app);
    const empty = await agent.post('/api/captchas', '', { 'content-type': 'application/json' });
    expect(empty.statusCode).toBe(201);
    const poisoned = await agent.post('/api/auth/sign-in', '{"username":"a","__proto__":{"isAdmin":true}}');
    expectProblem(poisoned, 400, 'request.malformed_json');
  });

  it('body over the limit → 413', async () => {
    const res = await new Agent(t.app).post('/api/auth/sign-in', { username: 'x'.repeat(2 * 1024 * 1024) });
    expectProblem(res, 413, 'request.body_too_large');
  });

  it('unknown fields are rejected with a field error', async () => {
    const agent = new Agent(t.app);
    const res = await agent.post('/api/auth/sign-in', {
      username: 'a',
      password: 'b',
      ...(await agent.captcha()),
      isAdmin: true,
    });
    const body = expectProblem(res, 400, 'request.validation_failed');
    expect(body.errors).toContainEqual(expect.objectContaining({ path: 'isAdmin', code: 'field.unknown' }));
  });

  it('localizes detail and field messages by Accept-Language', async () => {
    const zh = await new Agent(t.app, 'zh-CN').post('/api/auth/sign-in', {});
    const hk = await new Agent(t.app, 'zh-HK,zh;q=0.9').post('/api/auth/sign-in', {});
    const en = await new Agent(t.app, 'en-US,en;q=0.8').post('/api/auth/sign-in', {});
    const [a, b, c] = [zh.json(), hk.json(), en.json()];
    expect(a.code).toBe('request.validation_failed');
    expect(a.errors.find((e: { path: string }) => e.path === 'username').code).toBe('field.required');
    expect(a.detail).not.toBe(b.detail);
    expect(c.detail).toMatch(/[a-z]/i);
    expect(a.errors[0].message).toMatch(/[\u4e00-\u9fff]/);
    expect(c.errors[0].message).not.toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('CSRF defence and headers', () => {
  it('refuses a state-changing request without the token', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/captchas' });
    expectProblem(res, 403, 'request.csrf_failed');
  });

  it('refuses a token that does not match the cookie', async () => {
    const agent = new Agent(t.app);
    await agent.get('/api/csrf');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/captchas',
      headers: { cookie: `sw_csrf=${agent.cookies.get('sw_csrf')}`, 'x-csrf-token': 'A'.repeat(43) },
    });
    expectProblem(res, 403, 'request.csrf_failed');
  });

  it('refuses a cross-site Origin even with a valid token', async () => {
    const agent = new Agent(t.app);
    const res = await agent.post('/api/captchas', undefined, { origin: 'https://evil.example' });
    expectProblem(res, 403, 'request.csrf_failed');
  });

  it('sets a CSP and other security headers', async () => {
    const res = await new Agent(t.app).get('/api/health');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-request-id']).toBeTruthy();
  });
});

describe('rate limits', () => {
  it('limits code sending per client with a 429 problem', async () => {
    const limited = await createTestApp({ env: { RATE_LIMIT_SEND_CODE: '2' } });
    try {
      const agent = new Agent(limited.app);
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        const res = await agent.post('/api/otp/sms', {
          mobile: `1390000000${i}`,
          purpose: 'register',
          ...(await agent.captcha()),
        });
        statuses.push(res.statusCode);
        if (res.statusCode === 429) {
          expectProblem(res, 429, 'request.rate_limited');
          expect(res.headers['retry-after']).toBeTruthy();
        }
      }
      expect(statuses).toEqual([202, 202, 429]);
    } finally {
      await limited.close();
    }
  });
});
