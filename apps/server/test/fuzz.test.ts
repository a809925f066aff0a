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
          fc.string(),
          fc.constant('<script>alert(1)</script>'),
          fc.constant("x'; drop table accounts;--"),
        ),
        idType: fc.oneof(fc.constantFrom('resident_id', 'passport', 'hk_identity_card'), fc.string()),
        idNumber: fc.oneof(fc.string(), fc.constant('11010519491231002X')),
        username: fc.string(),
        password: fc.string(),
        confirmPassword: fc.string(),
        mobile: fc.oneof(fc.string(), fc.constant('13800138000')),
        email: fc.string(),
        smsCode: fc.string(),
        agreement: fc.oneof(fc.boolean(), fc.string()),
        captchaId: fc.oneof(fc.uuid(), fc.string()),
        captchaAnswer: fc.string(),
      },
      { requiredKeys: [] },
    )
    .map((v) => JSON.stringify(v)),
);

describe('random bodies never produce a 5xx', () => {
  for (const url of [
    '/api/accounts/individual',
    '/api/auth/sign-in',
    '/api/otp/sms',
    '/api/otp/email',
    '/api/otp/check',
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
