import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.ts';
import type { Database, Db } from './db/client.ts';
import type { Counters } from './http/rate-limit.ts';
import type { ELicenseSimulator } from './integrations/e-license.ts';
import type { FaceCheckSimulator } from './integrations/face-check.ts';
import type { GovPlatform } from './integrations/gov-platform.ts';
import type { HouseholdAgency } from './integrations/household-agency.ts';
import type { IdentityAgencies } from './integrations/identity-check.ts';
import type { LicenceAuthorities } from './integrations/licence-authorities.ts';
import type { Registries } from './integrations/registries.ts';
import type { Adapter } from './integrations/types.ts';
import type { Clock } from './lib/clock.ts';
import type { FieldCrypto } from './lib/crypto.ts';
import type { Jobs } from './lib/jobs.ts';
import type { FileStore } from './modules/files/file-store.ts';
import type { SessionCache } from './modules/identity/session-cache.ts';
import type { Messaging } from './modules/messaging/messaging.service.ts';

/** What module services need from the platform; built once in app.ts. */
export type AppContext = {
  config: Config;
  database: Database;
  db: Db;
  crypto: FieldCrypto;
  clock: Clock;
  messaging: Messaging;
  /** durable background jobs (work kept out of requests, retried agency calls) */
  jobs: Jobs;
  /** rate-limit counters shared by every instance (Redis or the database) */
  counters: Counters;
  sessionCache: SessionCache;
  /** agency adapters (simulators until a real one is configured) */
  eLicense: ELicenseSimulator;
  /** the public-security identity source and the banks' four-element check (实名认证) */
  identityAgencies: IdentityAgencies;
  /** 人脸识别: liveness and a match against the identity photo */
  faceCheck: FaceCheckSimulator;
  /** the market regulator and the commerce ministry (我的资质 sync) */
  registries: Registries;
  /** the licences' issuing authorities (我的证照, seed 003) */
  licenceAuthorities: LicenceAuthorities;
  /** public security's 身份证办理 and 户政审批 progress (办理进度查询, seed 003) */
  householdAgency: HouseholdAgency;
  /** the national government service platform (信息同步) */
  govPlatform: GovPlatform;
  /** the adapters services bring (their setup adds them), listed with the simulators in use */
  serviceAdapters: Adapter[];
  /** where uploaded files' bytes live: DATA_DIR or S3-compatible storage */
  files: FileStore;
  log: FastifyBaseLogger;
};
