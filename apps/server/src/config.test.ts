import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('runs in local mode with defaults when NODE_ENV is unset', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ mode: 'local', port: 3000, databaseUrl: undefined, seedDemoData: true });
    expect(config.dataDir).toMatch(/data$/);
    expect(config.captchaTestAnswer).toBeUndefined();
  });

  it('accepts the test captcha answer only in test mode', () => {
    expect(loadConfig({ NODE_ENV: 'test', CAPTCHA_TEST_ANSWER: 'x1' }).captchaTestAnswer).toBe('x1');
    expect(loadConfig({ CAPTCHA_TEST_ANSWER: 'x1' }).captchaTestAnswer).toBeUndefined();
  });

  it('refuses production on defaults and names everything missing', () => {
    let message = '';
    try {
      loadConfig({ NODE_ENV: 'production' });
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      message = (err as Error).message;
    }
    expect(message).toContain('APP_SECRET');
    expect(message).toContain('DATABASE_URL');
    expect(message).toContain('SMTP_URL');
    expect(message).toContain('SMS_PROVIDER');
    expect(message).toContain('E-business-licence');
    expect(message).toContain('PUBLIC_URL');
  });

  it('refuses the SMS simulator in production unless allowed explicitly', () => {
    const real = {
      NODE_ENV: 'production',
      APP_SECRET: 'a'.repeat(64),
      DATABASE_URL: 'postgres://x/y',
      SMTP_URL: 'smtp://mail:25',
      PUBLIC_URL: 'https://sw.example.gov.cn',
    };
    expect(() => loadConfig(real)).toThrow(/SMS_PROVIDER/);
    expect(() => loadConfig(real)).toThrow(/E-business-licence service/);
    const config = loadConfig({ ...real, ALLOW_SIMULATORS: 'true' });
    expect(config.mode).toBe('production');
    expect(config.seedDemoData).toBe(false);
    expect(() => loadConfig({ ...real, ALLOW_SIMULATORS: 'true', CAPTCHA_TEST_ANSWER: 'x' })).toThrow(
      /CAPTCHA_TEST_ANSWER/,
    );
  });

  it('treats empty variables as unset, as in a copied .env.example', () => {
    expect(loadConfig({ NODE_ENV: '', PORT: '', DATABASE_URL: '' })).toMatchObject({
      mode: 'local',
      port: 3000,
      databaseUrl: undefined,
    });
  });

  it('rejects malformed values with the variable name', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  });
});
