import { eq } from 'drizzle-orm';
import type { AppContext } from '../../../context.ts';
import type { Db } from '../../../db/client.ts';
import { AppError } from '../../../http/app-error.ts';
import type { Adapter } from '../../../integrations/types.ts';
import type { FieldCrypto } from '../../../lib/crypto.ts';
import type { SimCertificateBody } from './contract.ts';
import { certReviewSimCertificates, certReviewSimSettings } from './schema.ts';

/** A certificate as its issuing authority holds it (what 联网核查 reads back). */
export type AuthorityCertificate = SimCertificateBody;

/** The authority did not answer (down, timed out): the application stays 未核查 and is asked again. */
export class AuthorityUnavailable extends Error {
  constructor(message = 'issuing authority unavailable') {
    super(message);
    this.name = 'AuthorityUnavailable';
  }
}

/**
 * The issuing authorities' certificate data (发证机关联网核查): the certificate of this type and
 * number, `null` when the authority has none, AuthorityUnavailable when it does not answer.
 */
export type CertAuthority = Adapter & {
  lookup(certType: string, certNo: string): Promise<AuthorityCertificate | null>;
};

export type CertAuthoritySimulator = CertAuthority & {
  /** adds or changes a sample certificate (a later change shows on open applications) */
  put(certificate: AuthorityCertificate): Promise<void>;
  /** the authority stops (or starts again) answering */
  setOutage(down: boolean): Promise<void>;
  /** the sample certificates, where absent (a start keeps changes made since) */
  seed(certificates: readonly AuthorityCertificate[]): Promise<void>;
};

const OUTAGE = 'outage';

/**
 * The simulator of the issuing authorities, labelled as such in the UI and logs. Its sample
 * certificates are in the database, so every instance answers the same; the control routes that
 * change them exist outside production only.
 *
 * In production (where only ALLOW_SIMULATORS lets it run) it follows a fixed rule that asserts
 * nothing about any real certificate: it never answers, so every application stays 未核查 and
 * customs decide on the scan alone.
 */
export function createCertAuthoritySimulator(deps: {
  db: Db;
  crypto: FieldCrypto;
  log: { info(obj: object, msg: string): void };
  production: boolean;
}): CertAuthoritySimulator {
  const { db, crypto, log, production } = deps;
  const refuseInProduction = () => {
    if (production) throw new AppError('simulator.unavailable_in_production', { status: 503 });
  };
  return {
    name: 'cert-authority-simulator',
    isSimulator: true,
    async lookup(certType, certNo) {
      if (production) throw new AuthorityUnavailable('simulator: never answers in production');
      const [outage] = await db
        .select()
        .from(certReviewSimSettings)
        .where(eq(certReviewSimSettings.key, OUTAGE));
      if (outage?.value === 'true') {
        log.info({ adapter: 'cert-authority-simulator' }, '[SIMULATOR] issuing authority is down');
        throw new AuthorityUnavailable('simulator: outage switched on');
      }
      const [row] = await db
        .select()
        .from(certReviewSimCertificates)
        .where(eq(certReviewSimCertificates.certNo, certNo));
      log.info(
        { adapter: 'cert-authority-simulator', found: Boolean(row && row.certType === certType) },
        '[SIMULATOR] issuing authority lookup',
      );
      if (!row || row.certType !== certType) return null;
      return JSON.parse(crypto.decrypt(row.dataEnc)) as AuthorityCertificate;
    },
    async put(certificate) {
      refuseInProduction();
      const dataEnc = crypto.encrypt(JSON.stringify(certificate));
      await db
        .insert(certReviewSimCertificates)
        .values({
          certType: certificate.certType,
          certNo: certificate.certNo,
          dataEnc,
          updatedAt: new Date(),
        })
        .onConflictDoUpdate({
          target: certReviewSimCertificates.certNo,
          set: { certType: certificate.certType, dataEnc, updatedAt: new Date() },
        });
    },
    async seed(certificates) {
      if (production) return;
      for (const certificate of certificates) {
        await db
          .insert(certReviewSimCertificates)
          .values({
            certType: certificate.certType,
            certNo: certificate.certNo,
            dataEnc: crypto.encrypt(JSON.stringify(certificate)),
          })
          .onConflictDoNothing();
      }
    },
    async setOutage(down) {
      refuseInProduction();
      await db
        .insert(certReviewSimSettings)
        .values({ key: OUTAGE, value: String(down) })
        .onConflictDoUpdate({ target: certReviewSimSettings.key, set: { value: String(down) } });
    },
  };
}

/** The issuing authority adapter of each running app (tests build several in one process). */
const authorities = new WeakMap<AppContext, CertAuthoritySimulator>();

/** Set by the service's setup. */
export function useAuthority(ctx: AppContext, authority: CertAuthoritySimulator) {
  authorities.set(ctx, authority);
}

export function authorityOf(ctx: AppContext): CertAuthoritySimulator {
  const authority = authorities.get(ctx);
  if (!authority) throw new Error('cert-review: setup has not run for this app');
  return authority;
}
