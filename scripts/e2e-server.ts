// The server the browser journeys run against: test mode (captcha test answer accepted),
// a fresh embedded database each run, demo data, the built web app.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

process.env.NODE_ENV = 'test';
process.env.CAPTCHA_TEST_ANSWER = process.env.CAPTCHA_TEST_ANSWER ?? 'E2E42';
process.env.SEED_DEMO_DATA = 'true';
process.env.PORT = process.env.E2E_PORT ?? '3210';
process.env.HOST = '127.0.0.1';
process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), 'sw-e2e-'));
process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'warn';
// journeys register several people from one address within a minute
process.env.RATE_LIMIT_REGISTER = '100';
process.env.RATE_LIMIT_SEND_CODE = '100';
process.env.RATE_LIMIT_SIGN_IN = '100';

await import('./start.ts');
