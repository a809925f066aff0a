import { randomUUID } from 'node:crypto';
import { orgCodeOfCreditCode } from '@sw/contracts';
import type { Adapter } from './types.ts';

export type ELicenseEnterprise = {
  creditCode: string;
  orgCode: string;
  name: string;
  legalRepName: string;
  legalRepIdType: 'resident_id';
  legalRepIdNumber: string;
};

export type ELicenseAuthorization = {
  id: string;
  status: 'pending' | 'authorized';
  qrPayload: string;
  expiresAt: Date;
  enterprise: ELicenseEnterprise | null;
};

/**
 * The national e-business-licence service (电子营业执照): the platform opens an authorization,
 * the licence holder scans its QR code in the licence app and confirms, and the platform
 * reads back the enterprise data to prefill registration (seed 004 §1.2.2 电子营业执照快捷注册).
 */
export type ELicenseProvider = Adapter & {
  start(now: Date): Promise<ELicenseAuthorization>;
  get(id: string, now: Date): Promise<ELicenseAuthorization | null>;
};

export type ELicenseSimulator = ELicenseProvider & {
  /** what the licence app would do when its holder confirms: development and tests only */
  authorize(
    id: string,
    data: { creditCode: string; name: string; legalRepName: string; legalRepIdNumber: string },
    now: Date,
  ): ELicenseAuthorization | null;
};

const LIFETIME_MS = 10 * 60_000;

/**
 * In-memory simulator of the licence service. Labelled as a simulator in the UI and logs;
 * production refuses to start with it unless ALLOW_SIMULATORS=true.
 */
export function createELicenseSimulator(log: { info(obj: object, msg: string): void }): ELicenseSimulator {
  const sessions = new Map<string, ELicenseAuthorization>();
  const live = (id: string, now: Date) => {
    const s = sessions.get(id);
    if (!s) return null;
    if (s.expiresAt <= now) {
      sessions.delete(id);
      return null;
    }
    return s;
  };
  return {
    name: 'e-license-simulator',
    isSimulator: true,
    async start(now) {
      for (const [id, s] of sessions) if (s.expiresAt <= now) sessions.delete(id);
      const id = randomUUID();
      const session: ELicenseAuthorization = {
        id,
        status: 'pending',
        qrPayload: `https://e-license.simulator.invalid/authorize?session=${id}`,
        expiresAt: new Date(now.getTime() + LIFETIME_MS),
        enterprise: null,
      };
      sessions.set(id, session);
      log.info({ adapter: 'e-license-simulator' }, '[SIMULATOR] e-business-licence authorization opened');
      return session;
    },
    async get(id, now) {
      return live(id, now);
    },
    authorize(id, data, now) {
      const s = live(id, now);
      if (!s) return null;
      s.status = 'authorized';
      s.enterprise = {
        creditCode: data.creditCode,
        orgCode: orgCodeOfCreditCode(data.creditCode),
        name: data.name,
        legalRepName: data.legalRepName,
        legalRepIdType: 'resident_id',
        legalRepIdNumber: data.legalRepIdNumber,
      };
      log.info({ adapter: 'e-license-simulator' }, '[SIMULATOR] e-business-licence authorization confirmed');
      return s;
    },
  };
}
