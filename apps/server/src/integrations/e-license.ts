import { randomUUID } from 'node:crypto';
import { orgCodeOfCreditCode } from '@sw/contracts';
import { and, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { simELicenseSessions } from '../db/schema/index.ts';
import { AppError } from '../http/app-error.ts';
import type { FieldCrypto } from '../lib/crypto.ts';
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
 * An authorization belongs to the browser that opened it (`browserKey`): another browser holding
 * its id gets nothing.
 */
export type ELicenseProvider = Adapter & {
  start(browserKey: string, now: Date): Promise<ELicenseAuthorization>;
  get(id: string, browserKey: string, now: Date): Promise<ELicenseAuthorization | null>;
};

export type ELicenseSimulator = ELicenseProvider & {
  /**
   * What the licence app would do when its holder confirms. Reachable only through the simulator
   * control route, which exists in local and test mode only.
   */
  authorize(
    id: string,
    data: { creditCode: string; name: string; legalRepName: string; legalRepIdNumber: string },
    now: Date,
  ): Promise<ELicenseAuthorization | null>;
};

const LIFETIME_MS = 10 * 60_000;

type Row = typeof simELicenseSessions.$inferSelect;

/**
 * The simulator of the licence service, its authorizations in the database so every instance
 * sees them. Labelled as a simulator in the UI and logs.
 *
 * In production (allowed only with ALLOW_SIMULATORS=true) it follows a fixed rule that asserts
 * nothing about any real enterprise: every authorization is refused as unavailable, and there is
 * no route to confirm one (simulator control routes are never registered in production).
 */
export function createELicenseSimulator(deps: {
  db: Db;
  crypto: FieldCrypto;
  log: { info(obj: object, msg: string): void };
  production: boolean;
}): ELicenseSimulator {
  const { db, crypto, log, production } = deps;
  const present = (row: Row): ELicenseAuthorization => ({
    id: row.id,
    status: row.status === 'authorized' ? 'authorized' : 'pending',
    qrPayload: `https://e-license.simulator.invalid/authorize?session=${row.id}`,
    expiresAt: row.expiresAt,
    enterprise: row.enterpriseEnc
      ? (JSON.parse(crypto.decrypt(row.enterpriseEnc)) as ELicenseEnterprise)
      : null,
  });
  const refuseInProduction = () => {
    if (production) throw new AppError('simulator.unavailable_in_production', { status: 503 });
  };
  return {
    name: 'e-license-simulator',
    isSimulator: true,
    async start(browserKey, now) {
      refuseInProduction();
      await db.delete(simELicenseSessions).where(lt(simELicenseSessions.expiresAt, now));
      const [row] = await db
        .insert(simELicenseSessions)
        .values({
          id: randomUUID(),
          browserKey,
          status: 'pending',
          expiresAt: new Date(now.getTime() + LIFETIME_MS),
        })
        .returning();
      log.info({ adapter: 'e-license-simulator' }, '[SIMULATOR] e-business-licence authorization opened');
      return present(row!);
    },
    async get(id, browserKey, now) {
      refuseInProduction();
      const [row] = await db
        .select()
        .from(simELicenseSessions)
        .where(
          and(
            eq(simELicenseSessions.id, id),
            eq(simELicenseSessions.browserKey, browserKey),
            gt(simELicenseSessions.expiresAt, now),
          ),
        )
        .limit(1);
      return row ? present(row) : null;
    },
    async authorize(id, data, now) {
      refuseInProduction();
      const enterprise: ELicenseEnterprise = {
        creditCode: data.creditCode,
        orgCode: orgCodeOfCreditCode(data.creditCode),
        name: data.name,
        legalRepName: data.legalRepName,
        legalRepIdType: 'resident_id',
        legalRepIdNumber: data.legalRepIdNumber,
      };
      const [row] = await db
        .update(simELicenseSessions)
        .set({ status: 'authorized', enterpriseEnc: crypto.encrypt(JSON.stringify(enterprise)) })
        .where(and(eq(simELicenseSessions.id, id), gt(simELicenseSessions.expiresAt, now)))
        .returning();
      if (!row) return null;
      log.info({ adapter: 'e-license-simulator' }, '[SIMULATOR] e-business-licence authorization confirmed');
      return present(row);
    },
  };
}
