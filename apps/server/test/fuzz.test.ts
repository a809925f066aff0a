import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, createTestApp, type TestApp } from './helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

/** Strings with what broke the server once: NUL and other C0 controls, lone surrogate halves. */
const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc
    .tuple(
      fc.string(),
      fc.constantFrom('\u0000', '\u0007', '\u001b', '\ud800', '\udfff', '\u007f'),
      fc.string(),
    )
    .map(([a, bad, b]) => a + bad + b),
);

/** Puts a `__proto__` key at the top or one level down of a JSON object text. */
function withProtoKey(json: string): string {
  if (!json.startsWith('{')) return json;
  const rest = json.slice(1);
  return `{"__proto__":{"isAdmin":true}${rest === '}' ? '' : ','}${rest}`;
}

const anyJson = fc.oneof(
  fc.anything({ maxDepth: 3 }).map((v) => {
    try {
      return JSON.stringify(v) ?? 'null';
    } catch {
      return 'null';
    }
  }),
  fc.string(),
  fc
    .record(
      {
        name: fc.oneof(
          hostileString,
          fc.constant('<script>alert(1)</script>'),
          fc.constant("x'; drop table accounts;--"),
        ),
        idType: fc.oneof(fc.constantFrom('resident_id', 'passport', 'hk_identity_card'), fc.string()),
        idNumber: fc.oneof(hostileString, fc.constant('11010519491231002X')),
        username: hostileString,
        password: hostileString,
        confirmPassword: fc.string(),
        mobile: fc.oneof(hostileString, fc.constant('13800138000')),
        email: hostileString,
        smsCode: hostileString,
        agreement: fc.oneof(fc.boolean(), fc.string()),
        captchaId: fc.oneof(fc.uuid(), fc.string()),
        captchaAnswer: hostileString,
      },
      { requiredKeys: [] },
    )
    .chain((v) => fc.boolean().map((proto) => (proto ? withProtoKey(JSON.stringify(v)) : JSON.stringify(v)))),
);

describe('random bodies never produce a 5xx', () => {
  for (const url of [
    '/api/accounts/individual',
    '/api/auth/sign-in',
    '/api/otp/sms',
    '/api/otp/email',
    '/api/otp/check',
    '/api/password-recovery/email',
    '/api/accounts/overseas',
    '/api/accounts/organization',
  ]) {
    it(`POST ${url}`, async () => {
      const agent = new Agent(t.app);
      await fc.assert(
        fc.asyncProperty(anyJson, async (body) => {
          const res = await agent.post(url, body);
          expect(res.statusCode).toBeGreaterThanOrEqual(400);
          expect(res.statusCode).toBeLessThan(500);
          expect(res.headers['content-type']).toContain('application/problem+json');
          expect(res.json().code).toMatch(/^[a-z_]+\.[a-z_]+$/);
        }),
        { numRuns: 60 },
      );
    });
  }
});

describe('random query strings and path parameters never produce a 5xx', () => {
  const urls = [
    (s: string) => `/api/accounts/username-available?username=${encodeURIComponent(s)}`,
    (s: string) => `/api/files/${encodeURIComponent(s)}`,
    (s: string) => `/api/e-license/sessions/${encodeURIComponent(s)}`,
    (s: string) => `/api/password-recovery/email/check?token=${encodeURIComponent(s)}`,
    (s: string) => `/api/inbox?cursor=${encodeURIComponent(s)}&${encodeURIComponent(s)}=1`,
  ];
  it('GET with hostile strings (NUL, controls, lone surrogates) in every position', async () => {
    const agent = new Agent(t.app);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...urls), hostileString, async (url, s) => {
        let target: string;
        try {
          target = url(s);
        } catch {
          // encodeURIComponent refuses a lone surrogate: send it raw, percent-encoded by hand
          target = url('x').replace(/x/, '%ED%A0%80');
        }
        const res = await agent.get(target);
        expect(res.statusCode).toBeLessThan(500);
      }),
      { numRuns: 120 },
    );
  });
});
