import { and, asc, eq, inArray, lt, lte, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/client.ts';
import { jobs } from '../db/schema/index.ts';
import type { Clock } from './clock.ts';
import type { FieldCrypto } from './crypto.ts';
import { safeErrorText } from './safe-error.ts';

/**
 * Durable background jobs. A job is written in the caller's transaction (or alone) and run by a
 * worker on any instance, claimed with a lease (`FOR UPDATE SKIP LOCKED`) like the outbox, retried
 * with backoff when its handler throws. Used for work that must not happen inside a request:
 *
 * - because its duration would tell something — password recovery answers the same, at once,
 *   whether or not the account exists, and looks the account up afterwards;
 * - because it waits on an agency — a check retried until the agency answers.
 *
 * Payloads are encrypted (they may name a person). `kick(ids)` runs fresh jobs right after the
 * response in this process; the worker's poll is the safety net after a crash.
 */
export type JobHandler = (payload: unknown) => Promise<void>;

export type Jobs = {
  /** Writes a job (in `tx` when given, so it commits with the change); returns its id. */
  enqueue(db: Db, kind: string, payload: unknown, runAt?: Date): Promise<string>;
  /** Registers the handler of a kind (once per kind). */
  handle(kind: string, handler: JobHandler): void;
  /** Runs these jobs soon, in this process, outside the current request. */
  kick(ids: string[]): void;
  /** Runs due jobs now (all, or the given ids); returns how many succeeded. */
  runDue(ids?: string[]): Promise<number>;
  /** Waits for the jobs kicked so far to finish (tests, shutdown). */
  drain(): Promise<void>;
  start(): void;
  stop(): Promise<void>;
};

const LEASE_MS = 60_000;
const MAX_ATTEMPTS = 10;
const POLL_MS = 2_000;
const BATCH = 20;
/** finished jobs are kept a day (what ran, when), then deleted */
const KEEP_DONE_MS = 24 * 3_600_000;

export function jobBackoffMs(attempt: number): number {
  return Math.min(10_000 * 2 ** Math.max(0, attempt - 1), 60 * 60_000);
}

export function createJobs(deps: {
  db: Db;
  crypto: FieldCrypto;
  clock: Clock;
  log: FastifyBaseLogger;
}): Jobs {
  const { db, crypto, clock, log } = deps;
  const handlers = new Map<string, JobHandler>();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  const inFlight = new Set<Promise<unknown>>();
  let passes = 0;

  async function claim(ids?: string[]) {
    const now = clock.now();
    const due = db
      .select({ id: jobs.id })
      .from(jobs)
      .where(and(eq(jobs.status, 'pending'), lte(jobs.runAt, now), ids ? inArray(jobs.id, ids) : undefined))
      .orderBy(asc(jobs.runAt))
      .limit(BATCH)
      .for('update', { skipLocked: true });
    return db
      .update(jobs)
      .set({ runAt: new Date(now.getTime() + LEASE_MS), attempts: sql`${jobs.attempts} + 1` })
      .where(inArray(jobs.id, due))
      .returning();
  }

  async function runDue(ids?: string[]): Promise<number> {
    const claimed = await claim(ids);
    let done = 0;
    for (const job of claimed) {
      const handler = handlers.get(job.kind);
      try {
        if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
        await handler(JSON.parse(crypto.decrypt(job.payloadEnc)));
        await db
          .update(jobs)
          .set({ status: 'done', doneAt: clock.now(), payloadEnc: '' })
          .where(and(eq(jobs.id, job.id), eq(jobs.attempts, job.attempts)));
        done++;
      } catch (err) {
        const giveUp = job.attempts >= MAX_ATTEMPTS;
        log.warn({ jobId: job.id, kind: job.kind, attempts: job.attempts, giveUp, err }, 'job failed');
        await db
          .update(jobs)
          .set(
            giveUp
              ? { status: 'failed', lastError: safeErrorText(err), payloadEnc: '' }
              : {
                  runAt: new Date(clock.now().getTime() + jobBackoffMs(job.attempts)),
                  lastError: safeErrorText(err),
                },
          )
          .where(and(eq(jobs.id, job.id), eq(jobs.attempts, job.attempts)));
      }
    }
    // now and then, forget jobs finished long ago
    if (!ids && ++passes % 300 === 0) {
      await db
        .delete(jobs)
        .where(
          and(
            inArray(jobs.status, ['done', 'failed']),
            lt(jobs.createdAt, new Date(clock.now().getTime() - KEEP_DONE_MS)),
          ),
        );
    }
    return done;
  }

  return {
    async enqueue(tx, kind, payload, runAt) {
      const now = clock.now();
      const [row] = await tx
        .insert(jobs)
        .values({
          kind,
          payloadEnc: crypto.encrypt(JSON.stringify(payload)),
          runAt: runAt ?? now,
          createdAt: now,
        })
        .returning({ id: jobs.id });
      return row!.id;
    },
    handle(kind, handler) {
      if (handlers.has(kind)) throw new Error(`job kind ${kind} handled twice`);
      handlers.set(kind, handler);
    },
    kick(ids) {
      const p = new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => runDue(ids))
        .catch((err) => log.error({ err }, 'job run failed'))
        .finally(() => inFlight.delete(p));
      inFlight.add(p);
    },
    runDue,
    async drain() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
    start() {
      if (timer) return;
      timer = setInterval(() => {
        if (running) return;
        running = runDue()
          .catch((err) => log.error({ err }, 'job worker pass failed'))
          .finally(() => {
            running = null;
          });
      }, POLL_MS);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
      await Promise.all([...inFlight]);
    },
  };
}
