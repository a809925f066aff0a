import path from 'node:path';
import { z } from 'zod';

/**
 * Configuration comes from the environment only, validated here. Every variable is
 * documented in `.env.example` at the repository root.
 */
const Env = z.object({
  NODE_ENV: z.enum(['local', 'development', 'test', 'production']).optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
  /** 32+ random bytes (hex or base64) for HMACs, CSRF and encryption keys. */
  APP_SECRET: z.string().optional(),
  SMTP_URL: z.string().optional(),
  SMTP_FROM: z.string().default('单一窗口 <no-reply@singlewindow.local>'),
  SMS_PROVIDER: z.enum(['simulator']).default('simulator'),
  ALLOW_SIMULATORS: z.enum(['true', 'false']).default('false'),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  PUBLIC_URL: z.string().url().optional(),
  RATE_LIMIT_SIGN_IN: z.coerce.number().int().min(1).default(20),
  RATE_LIMIT_REGISTER: z.coerce.number().int().min(1).default(10),
  RATE_LIMIT_SEND_CODE: z.coerce.number().int().min(1).default(10),
  OTP_DAILY_LIMIT: z.coerce.number().int().min(1).default(10),
  LOCKOUT_THRESHOLD: z.coerce.number().int().min(1).max(100).default(5),
  LOCKOUT_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEB_DIST: z.string().optional(),
  CAPTCHA_TEST_ANSWER: z.string().optional(),
  SEED_DEMO_DATA: z.enum(['true', 'false']).optional(),
  /** where argon2id runs: a lower-priority child process, or this process's thread pool */
  PASSWORD_HASHER: z.enum(['process', 'inline']).optional(),
  /** uploads without an account (registration with review), per client IP and minute */
  RATE_LIMIT_ANONYMOUS_UPLOAD: z.coerce.number().int().min(1).default(30),
  /** S3-compatible object storage for uploaded files; unset S3_BUCKET = files under DATA_DIR */
  S3_ENDPOINT: z.string().url().optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_BUCKET: z.string().optional(),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).default('false'),
  /** Redis for the hot shared counters (rate limits); unset = the counters live in the database */
  REDIS_URL: z.string().url().optional(),
  /** how often each instance looks for SLA reminders that are due */
  SLA_REMINDER_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** days a delivered message's (encrypted) payload is kept before it is erased */
  OUTBOX_RETENTION_DAYS: z.coerce.number().int().min(0).max(365).default(7),
});

export type Mode = 'local' | 'test' | 'production';

export type Config = {
  mode: Mode;
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  secret: string;
  smtpUrl: string | undefined;
  smtpFrom: string;
  smsProvider: 'simulator';
  allowSimulators: boolean;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  trustProxy: boolean;
  publicUrl: string | undefined;
  /**
   * WebAuthn relying party for passkeys: the origin browsers sign for and its host name as the
   * RP ID — from PUBLIC_URL, else `http://localhost:<PORT>` (browsers refuse IP addresses as RP IDs).
   */
  webauthn: { rpId: string; rpName: string; origin: string };
  rateLimits: { signIn: number; register: number; sendCode: number; anonymousUpload: number };
  otpDailyLimit: number;
  /** consecutive password failures that lock an identifier, and for how long */
  lockout: { threshold: number; durationMs: number };
  bodyLimit: number;
  logLevel: string;
  webDist: string;
  /** accepted as a captcha answer only when mode is `test` */
  captchaTestAnswer: string | undefined;
  seedDemoData: boolean;
  passwordHasher: 'process' | 'inline';
  /** where uploaded files go: S3-compatible storage when a bucket is set, else `DATA_DIR/files` */
  s3: S3Config | undefined;
  redisUrl: string | undefined;
  outboxRetentionMs: number;
  reminderIntervalMs: number;
  /**
   * Cookies carry `Secure` (and the `__Host-` prefix) when the public address is https or in
   * production; plain names over http in local and test mode.
   */
  secureCookies: boolean;
};

export type S3Config = {
  endpoint: string | undefined;
  region: string;
  bucket: string;
  accessKeyId: string | undefined;
  secretAccessKey: string | undefined;
  forcePathStyle: boolean;
};

/** The secret used in local and test mode only; production refuses it. */
const LOCAL_SECRET = 'local-development-secret-not-for-production-0000';

export class ConfigError extends Error {}

function relyingParty(publicUrl: string | undefined, port: number) {
  const origin = new URL(publicUrl ?? `http://localhost:${port}`).origin;
  return { rpId: new URL(origin).hostname, rpName: '单一窗口', origin };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // an empty variable (as in a copied .env.example) means "not set"
  const parsed = Env.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const mode: Mode = e.NODE_ENV === 'production' ? 'production' : e.NODE_ENV === 'test' ? 'test' : 'local';
  const allowSimulators = e.ALLOW_SIMULATORS === 'true';

  if (mode === 'production') {
    const missing: string[] = [];
    if (!e.APP_SECRET || e.APP_SECRET.length < 32 || e.APP_SECRET === LOCAL_SECRET) {
      missing.push('APP_SECRET (at least 32 random characters, e.g. `openssl rand -hex 32`)');
    }
    if (!e.DATABASE_URL)
      missing.push('DATABASE_URL (PostgreSQL; the embedded database is for local use only)');
    if (!e.SMTP_URL) missing.push('SMTP_URL (real e-mail delivery; the dev outbox is off in production)');
    if (e.SMS_PROVIDER === 'simulator' && !allowSimulators) {
      missing.push(
        'SMS_PROVIDER (only the simulator exists here; set ALLOW_SIMULATORS=true to run with it knowingly)',
      );
    }
    if (!allowSimulators) {
      missing.push(
        'E-business-licence service (only its simulator exists here; set ALLOW_SIMULATORS=true to run with it knowingly)',
      );
    }
    if (!e.PUBLIC_URL) {
      missing.push('PUBLIC_URL (the address people use: passkeys are bound to it, e-mails link to it)');
    }
    if (e.CAPTCHA_TEST_ANSWER) missing.push('CAPTCHA_TEST_ANSWER must not be set in production');
    if (missing.length > 0) {
      throw new ConfigError(
        `Refusing to start in production with default or simulated configuration. Set:\n${missing.map((m) => `  - ${m}`).join('\n')}`,
      );
    }
  }

  return {
    mode,
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL || undefined,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    secret: e.APP_SECRET ?? LOCAL_SECRET,
    smtpUrl: e.SMTP_URL || undefined,
    smtpFrom: e.SMTP_FROM,
    smsProvider: e.SMS_PROVIDER,
    allowSimulators,
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000,
    trustProxy: e.TRUST_PROXY === 'true',
    publicUrl: e.PUBLIC_URL,
    webauthn: relyingParty(e.PUBLIC_URL, e.PORT),
    rateLimits: {
      signIn: e.RATE_LIMIT_SIGN_IN,
      register: e.RATE_LIMIT_REGISTER,
      sendCode: e.RATE_LIMIT_SEND_CODE,
      anonymousUpload: e.RATE_LIMIT_ANONYMOUS_UPLOAD,
    },
    otpDailyLimit: e.OTP_DAILY_LIMIT,
    lockout: { threshold: e.LOCKOUT_THRESHOLD, durationMs: e.LOCKOUT_MINUTES * 60_000 },
    bodyLimit: e.BODY_LIMIT_BYTES,
    logLevel: e.LOG_LEVEL,
    webDist: path.resolve(e.WEB_DIST ?? new URL('../../web/dist', import.meta.url).pathname),
    captchaTestAnswer: mode === 'test' ? e.CAPTCHA_TEST_ANSWER : undefined,
    seedDemoData: e.SEED_DEMO_DATA ? e.SEED_DEMO_DATA === 'true' : mode === 'local',
    passwordHasher: e.PASSWORD_HASHER ?? (mode === 'production' ? 'process' : 'inline'),
    redisUrl: e.REDIS_URL,
    outboxRetentionMs: e.OUTBOX_RETENTION_DAYS * 24 * 3_600_000,
    reminderIntervalMs: e.SLA_REMINDER_INTERVAL_SECONDS * 1000,
    secureCookies:
      mode === 'production' || (e.PUBLIC_URL ? new URL(e.PUBLIC_URL).protocol === 'https:' : false),
    s3: e.S3_BUCKET
      ? {
          endpoint: e.S3_ENDPOINT,
          region: e.S3_REGION,
          bucket: e.S3_BUCKET,
          accessKeyId: e.S3_ACCESS_KEY_ID,
          secretAccessKey: e.S3_SECRET_ACCESS_KEY,
          forcePathStyle: e.S3_FORCE_PATH_STYLE === 'true',
        }
      : undefined,
  };
}
