import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { isWebRoute } from '@sw/contracts';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import sjson from 'secure-json-parse';
import { type Config, loadConfig } from './config.ts';
import type { AppContext } from './context.ts';
import { type Database, openDatabase } from './db/client.ts';
import { AppError } from './http/app-error.ts';
import { assertCleanText, clientErrorHandler, registerInputGuard } from './http/input-guard.ts';
import { registerProblemHandlers, sendProblem } from './http/problem.ts';
import { createDatabaseCounters, createRedisCounters } from './http/rate-limit.ts';
import { ensureCsrfToken, securityPlugin } from './http/security.ts';
import { createELicenseSimulator } from './integrations/e-license.ts';
import { createFaceCheckSimulator } from './integrations/face-check.ts';
import { createGovPlatformSimulator } from './integrations/gov-platform.ts';
import { createHouseholdAgencySimulator } from './integrations/household-agency.ts';
import { createIdentityAgenciesSimulator } from './integrations/identity-check.ts';
import { createLicenceAuthoritiesSimulator } from './integrations/licence-authorities.ts';
import { createMailSimulator, createSmtpMailer } from './integrations/mailer.ts';
import { createRegistriesSimulator } from './integrations/registries.ts';
import { createSmsSimulator } from './integrations/sms-simulator.ts';
import { type Clock, systemClock } from './lib/clock.ts';
import { createFieldCrypto } from './lib/crypto.ts';
import { createJobs } from './lib/jobs.ts';
import { serializeError } from './lib/safe-error.ts';
import { appointmentRoutes } from './modules/appointments/appointments.routes.ts';
import { applicationRoutes } from './modules/casework/applications.routes.ts';
import { attachmentRoutes } from './modules/casework/attachments.routes.ts';
import { calendarRoutes } from './modules/casework/calendar/calendar.routes.ts';
import { catalogueRoutes } from './modules/casework/catalogue.routes.ts';
import { findCaseworkService } from './modules/casework/service-definition.ts';
import { discoverServices, mountServices, SERVICES_DIR } from './modules/casework/service-loader.ts';
import { consoleRoutes } from './modules/console/console.routes.ts';
import { consultationRoutes } from './modules/consultations/consultations.routes.ts';
import { contentRoutes } from './modules/content/content.routes.ts';
import { createFileStore } from './modules/files/file-store.ts';
import { fileRoutes } from './modules/files/files.routes.ts';
import { hubAppointmentRoutes } from './modules/hub-appointments/hub-appointments.routes.ts';
import { hubProgressRoutes } from './modules/hub-progress/hub-progress.routes.ts';
import { accountSettingsRoutes } from './modules/identity/account-settings.routes.ts';
import { consoleAccountRoutes } from './modules/identity/administration/console-accounts.routes.ts';
import { faceCheckRoutes, faceCheckSimulatorRoutes } from './modules/identity/face-check.routes.ts';
import { handleForgotPasswordJobs } from './modules/identity/forgot-password.ts';
import { hubRoutes, hubSimulatorRoutes } from './modules/identity/hub.routes.ts';
import { identityRoutes } from './modules/identity/identity.routes.ts';
import {
  eLicenseSimulatorRoutes,
  organizationRegistrationRoutes,
} from './modules/identity/organization-registration.routes.ts';
import { organizationRoutes } from './modules/identity/organizations/organization.routes.ts';
import { overseasRegistrationRoutes } from './modules/identity/overseas-registration.routes.ts';
import { passwordRecoveryRoutes } from './modules/identity/password-recovery.routes.ts';
import { handlePasswordRecoveryJobs } from './modules/identity/password-recovery.ts';
import { createSessionCache, subscribeSessionInvalidation } from './modules/identity/session-cache.ts';
import { staffRoutes } from './modules/identity/staff/staff.routes.ts';
import { licenceRoutes } from './modules/licences/licences.routes.ts';
import { devOutboxRoutes } from './modules/messaging/dev-outbox.routes.ts';
import { inboxRoutes } from './modules/messaging/inbox.routes.ts';
import { createMessaging } from './modules/messaging/messaging.service.ts';
import { passkeyRoutes } from './modules/passkeys/passkeys.routes.ts';
import { pkiRoutes } from './modules/pki/pki.routes.ts';
import { platformRoutes } from './modules/platform/platform.routes.ts';
import { settingsRoutes } from './modules/platform/settings.routes.ts';

export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

export type BuildOptions = {
  config?: Config;
  /** an already-open database (tests); otherwise opened from the configuration and closed with the app */
  database?: Database;
  clock?: Clock;
  /** false silences logs (tests); default follows LOG_LEVEL */
  logger?: boolean;
  /** where log lines go (default stdout); tests capture them to check nothing personal is logged */
  logStream?: { write(line: string): void };
  /** where to look for services (default: modules/services); a test adds a folder of its own */
  serviceDirs?: readonly string[];
};

export type App = { app: FastifyInstance; ctx: AppContext };

/** pino's shape for an error, through the one safe serializer (lib/safe-error.ts). */
const logError = (err: unknown) => {
  const s = serializeError(err);
  return { ...s, stack: s.stack ?? '' };
};

/** Headers and fields that must never reach a log line. */
const REDACT = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
];

/**
 * Builds the whole HTTP application without listening: main.ts listens, tests call
 * `app.inject()`. Opens the database and applies migrations unless one is passed in.
 */
export async function build(options: BuildOptions = {}): Promise<App> {
  const config = options.config ?? loadConfig();
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: config.logLevel,
            ...(options.logStream ? { stream: options.logStream } : {}),
            redact: { paths: REDACT, censor: '[redacted]' },
            serializers: {
              // query strings may carry personal numbers; log the path only
              req: (req) => ({ method: req.method, url: req.url.split('?')[0], remoteAddress: req.ip }),
              // every logged error, wherever it is logged: no SQL parameters, no personal numbers
              err: logError,
              error: logError,
            },
          },
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
    routerOptions: { ignoreTrailingSlash: true },
    // oversized headers (431) and broken request lines answer problem+json too
    clientErrorHandler,
    // ... and so does a URL that is not validly percent-encoded (the router refuses it first)
    frameworkErrors: (error, request, reply) =>
      sendProblem(
        request,
        reply,
        400,
        error.code === 'FST_ERR_BAD_URL' ? 'request.malformed_url' : 'request.validation_failed',
      ),
  });
  // JSON as Fastify parses it (prototype-poisoning safe), except that an empty body is
  // "no body" rather than an error: browsers send bodiless POSTs with a JSON content type
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
    let parsed: unknown;
    try {
      parsed = sjson.parse(text, null, { protoAction: 'error', constructorAction: 'error' });
    } catch (cause) {
      return done(new AppError('request.malformed_json', { status: 400, cause }), undefined);
    }
    // the shared text rule (no control characters, well-formed Unicode) on every string of every body
    try {
      assertCleanText(parsed);
    } catch (err) {
      return done(err as AppError, undefined);
    }
    done(null, parsed);
  });
  // ... and of every query string and path parameter
  registerInputGuard(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  const database =
    options.database ??
    (await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      poolSize: config.databasePoolSize,
    }));
  if (!options.database) await database.migrate();
  const clock = options.clock ?? systemClock;
  const log = app.log;
  const fieldCrypto = createFieldCrypto(config.secret);
  const redis = config.redisUrl
    ? new (await import('ioredis')).Redis(config.redisUrl, {
        maxRetriesPerRequest: 1,
        enableOfflineQueue: false,
        lazyConnect: true,
      })
    : null;
  if (redis) {
    redis.on('error', (err) => log.warn({ err }, 'redis connection error'));
    await redis.connect();
  }
  const counters = redis ? createRedisCounters(redis) : createDatabaseCounters(database.db, clock);
  const sms = createSmsSimulator(database.db, fieldCrypto, log);
  const mailer = config.smtpUrl
    ? createSmtpMailer(config.smtpUrl, config.smtpFrom)
    : createMailSimulator(database.db, fieldCrypto, log);
  const messaging = createMessaging({
    db: database.db,
    crypto: fieldCrypto,
    sms,
    mailer,
    clock,
    log,
    retentionMs: config.outboxRetentionMs,
  });
  const sessionCache = createSessionCache({ ttlMs: 10_000, maxEntries: 50_000 });
  const ctx: AppContext = {
    config,
    database,
    db: database.db,
    crypto: fieldCrypto,
    clock,
    messaging,
    jobs: createJobs({ db: database.db, crypto: fieldCrypto, clock, log }),
    counters,
    sessionCache,
    eLicense: createELicenseSimulator({
      db: database.db,
      crypto: fieldCrypto,
      log,
      production: config.mode === 'production',
    }),
    identityAgencies: createIdentityAgenciesSimulator({ log, production: config.mode === 'production' }),
    faceCheck: createFaceCheckSimulator({ db: database.db, log, production: config.mode === 'production' }),
    registries: createRegistriesSimulator({ log, production: config.mode === 'production' }),
    licenceAuthorities: createLicenceAuthoritiesSimulator({ log, production: config.mode === 'production' }),
    householdAgency: createHouseholdAgencySimulator({ log, production: config.mode === 'production' }),
    govPlatform: createGovPlatformSimulator({ log, production: config.mode === 'production' }),
    serviceAdapters: [],
    files: createFileStore(config),
    log,
  };
  const stopSessionInvalidation = await subscribeSessionInvalidation(database, sessionCache, log);

  registerProblemHandlers(app);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Single Window API',
        description:
          '单一窗口 — accounts, sign-on and online services. Errors are RFC 9457 problem+json with a stable `code`.',
        version: VERSION,
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'sw_session' } } },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    // Swagger UI sets inline style attributes as it renders: its hash-only style-src blocked them.
    // Scripts stay hash-pinned; nothing is loaded from other origins.
    transformStaticCSP: (header) =>
      header
        .replace(/style-src [^;]*/, "style-src 'self' 'unsafe-inline'")
        .replace(/img-src [^;]*/, "img-src 'self' data:")
        .replace(/font-src [^;]*/, "font-src 'self' data:")
        .replace(/frame-ancestors [^;]*/, "frame-ancestors 'none'")
        .replace(/\s*upgrade-insecure-requests;/, ''),
  });
  await app.register(securityPlugin, { config, counters, redis });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(platformRoutes, { ctx, version: VERSION });
  await app.register(identityRoutes, { ctx });
  await app.register(organizationRoutes, { ctx });
  await app.register(organizationRegistrationRoutes, { ctx });
  await app.register(accountSettingsRoutes, { ctx });
  await app.register(overseasRegistrationRoutes, { ctx });
  await app.register(passwordRecoveryRoutes, { ctx });
  await app.register(settingsRoutes, { ctx });
  await app.register(contentRoutes, { ctx });
  await app.register(consultationRoutes, { ctx });
  await app.register(appointmentRoutes, { ctx });
  await app.register(catalogueRoutes);
  await app.register(applicationRoutes, { ctx });
  await app.register(staffRoutes, { ctx });
  await app.register(consoleRoutes, { ctx });
  await app.register(passkeyRoutes, { ctx });
  await app.register(pkiRoutes, { ctx });
  await app.register(consoleAccountRoutes, { ctx });
  await app.register(calendarRoutes, { ctx });
  await app.register(inboxRoutes, { ctx });
  await app.register(fileRoutes, { ctx });
  await app.register(attachmentRoutes, { ctx });
  await app.register(faceCheckRoutes, { ctx });
  await app.register(hubRoutes, { ctx });
  await app.register(licenceRoutes, { ctx });
  await app.register(hubAppointmentRoutes, { ctx });
  await app.register(hubProgressRoutes, { ctx });
  handlePasswordRecoveryJobs(ctx);
  handleForgotPasswordJobs(ctx);
  // the business services: each folder under modules/services (and a test's own) with its service.ts
  const services = await discoverServices([SERVICES_DIR, ...(options.serviceDirs ?? [])]);
  await mountServices(app, ctx, services);
  // simulator controls and the dev outbox exist in local and test mode only — never in
  // production, whatever ALLOW_SIMULATORS says (there, simulators answer by fixed rules)
  if (config.mode !== 'production') {
    await app.register(devOutboxRoutes, { ctx });
    await app.register(eLicenseSimulatorRoutes, { ctx });
    await app.register(faceCheckSimulatorRoutes, { ctx });
    await app.register(hubSimulatorRoutes, { ctx });
  }

  const indexHtml = path.join(config.webDist, 'index.html');
  const hasWeb = existsSync(indexHtml);
  if (hasWeb) {
    await app.register(fastifyStatic, { root: config.webDist, wildcard: false, index: false, maxAge: '1h' });
  }
  app.setNotFoundHandler(async (request, reply) => {
    const url = request.url.split('?')[0] ?? '';
    if (
      url.startsWith('/api') ||
      url.startsWith('/.well-known/') ||
      (request.method !== 'GET' && request.method !== 'HEAD')
    ) {
      return sendProblem(request, reply, 404, 'request.not_found');
    }
    // client-side routes of the single-page app: serve the shell, never cache it; a path that is
    // no page of the app still gets the shell (it shows 「页面不存在」) but with 404
    if (hasWeb && !path.extname(url)) {
      // the CSRF cookie comes with the page, before any script runs: the first API calls of a
      // fresh browser then share one token instead of racing to set different ones
      ensureCsrfToken(config, request, reply);
      return reply
        .code(isWebRoute(url, { isService: (code) => findCaseworkService(code) !== undefined }) ? 200 : 404)
        .header('cache-control', 'no-cache')
        .sendFile('index.html', { maxAge: 0 });
    }
    if (!hasWeb) {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('The web app is not built. Run `npm start` (it builds it) or `npm run build`.');
    }
    return sendProblem(request, reply, 404, 'request.not_found');
  });

  app.addHook('onClose', async () => {
    await stopSessionInvalidation();
    await ctx.jobs.stop();
    await messaging.stop();
    if (redis) await redis.quit().catch(() => {});
    ctx.files.close();
    if (!options.database) await database.close();
  });

  return { app, ctx };
}
