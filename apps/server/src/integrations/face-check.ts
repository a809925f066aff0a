import { randomInt, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/client.ts';
import { simFaceSessions } from '../db/schema/index.ts';
import { AppError } from '../http/app-error.ts';
import type { Adapter } from './types.ts';

/*
 * 人脸识别: a liveness challenge, then a match of the live face against the identity document's
 * photo held by the public-security source. A real provider gives the browser an SDK session; the
 * platform then reads the outcome server-side by the provider's reference (never from the browser).
 *
 * The simulator keeps its sessions in the database (every instance sees them). Its "camera" is a
 * panel in the browser, labelled as a simulation, where a tester chooses what the camera would have
 * seen: pass, liveness failed, or someone else. That choice reaches it through a control route under
 * /api/dev/, which exists outside production only. In production (ALLOW_SIMULATORS=true) it asserts
 * nothing about anyone: starting a check is refused with 503 `simulator.unavailable_in_production`.
 */

export const FACE_CHALLENGES = ['blink', 'open_mouth', 'turn_left', 'turn_right', 'nod'] as const;
export type FaceChallenge = (typeof FACE_CHALLENGES)[number];
export const FACE_OUTCOMES = ['passed', 'failed', 'mismatch'] as const;
export type FaceOutcome = (typeof FACE_OUTCOMES)[number];

export type FaceCheckProvider = Adapter & {
  /** opens a session for the holder of this identity document; the challenge is shown to the person */
  start(
    input: { name: string; idType: string; idNumber: string },
    now: Date,
  ): Promise<{ ref: string; challenge: FaceChallenge }>;
  /** the outcome, or 'pending' while the person has not finished */
  result(ref: string, now: Date): Promise<FaceOutcome | 'pending' | 'expired'>;
};

export type FaceCheckSimulator = FaceCheckProvider & {
  /** what the simulated camera saw (control route, outside production only) */
  decide(ref: string, outcome: FaceOutcome, now: Date): Promise<boolean>;
};

const LIFETIME_MS = 5 * 60_000;

export function createFaceCheckSimulator(opts: {
  db: Db;
  log: FastifyBaseLogger;
  production: boolean;
}): FaceCheckSimulator {
  return {
    name: 'face-check-simulator',
    isSimulator: true,
    async start(_input, now) {
      if (opts.production) throw new AppError('simulator.unavailable_in_production', { status: 503 });
      const ref = randomUUID();
      const challenge = FACE_CHALLENGES[randomInt(FACE_CHALLENGES.length)]!;
      await opts.db
        .insert(simFaceSessions)
        .values({ id: ref, challenge, outcome: null, expiresAt: new Date(now.getTime() + LIFETIME_MS) });
      opts.log.info({ adapter: 'face-check-simulator', challenge }, '[SIMULATOR] face check started');
      return { ref, challenge };
    },
    async result(ref, now) {
      const [row] = await opts.db.select().from(simFaceSessions).where(eq(simFaceSessions.id, ref)).limit(1);
      if (!row || row.expiresAt <= now) return 'expired';
      return (row.outcome as FaceOutcome | null) ?? 'pending';
    },
    async decide(ref, outcome, now) {
      const [row] = await opts.db.select().from(simFaceSessions).where(eq(simFaceSessions.id, ref)).limit(1);
      if (!row || row.expiresAt <= now || row.outcome) return false;
      await opts.db.update(simFaceSessions).set({ outcome }).where(eq(simFaceSessions.id, ref));
      opts.log.info({ adapter: 'face-check-simulator', outcome }, '[SIMULATOR] face check decided');
      return true;
    },
  };
}
