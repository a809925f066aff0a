import { sql } from 'drizzle-orm';
import type { Redis } from 'ioredis';
import { type Db, rowsOf } from '../db/client.ts';
import type { Clock } from '../lib/clock.ts';
import { AppError } from './app-error.ts';

/**
 * Fixed-window counters shared by every instance: rate limits per client address (the routes'
 * `config.rateLimit`, through @fastify/rate-limit) and per target identity (a username, a mobile
 * number, an ID number: `limitByIdentity`). In Redis when REDIS_URL is set, otherwise in the
 * database (`rate_limit_counters`), so two instances never give an attacker twice the guesses.
 */
export type Counters = {
  readonly backend: 'redis' | 'database';
  /** Counts one hit on `key` in a window of `windowMs`; returns the count so far and when it resets. */
  hit(key: string, windowMs: number): Promise<{ count: number; resetInMs: number }>;
  /** Removes expired windows (database only; Redis expires its own keys). */
  sweep(): Promise<number>;
};

/** One upsert: a window that has run out starts again at 1. */
export function createDatabaseCounters(db: Db, clock: Clock): Counters {
  return {
    backend: 'database',
    async hit(key, windowMs) {
      const now = clock.now();
      const resetAt = new Date(now.getTime() + windowMs);
      const rows = rowsOf<{ count: number; reset_at: Date | string }>(
        await db.execute(sql`
          insert into rate_limit_counters as c (key, count, reset_at) values (${key}, 1, ${resetAt})
          on conflict (key) do update set
            count = case when c.reset_at <= ${now} then 1 else c.count + 1 end,
            reset_at = case when c.reset_at <= ${now} then ${resetAt}::timestamptz else c.reset_at end
          returning count, reset_at`),
      );
      const row = rows[0]!;
      return {
        count: Number(row.count),
        resetInMs: Math.max(0, new Date(row.reset_at).getTime() - now.getTime()),
      };
    },
    async sweep() {
      const rows = rowsOf(
        await db.execute(sql`delete from rate_limit_counters where reset_at <= ${clock.now()} returning 1`),
      );
      return rows.length;
    },
  };
}

const REDIS_HIT = `
local current = redis.call('INCR', KEYS[1])
if current == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {current, ttl}`;

export function createRedisCounters(redis: Redis, prefix = 'sw:limit:'): Counters {
  return {
    backend: 'redis',
    async hit(key, windowMs) {
      const [count, ttl] = (await redis.eval(REDIS_HIT, 1, prefix + key, String(windowMs))) as [
        number,
        number,
      ];
      return { count, resetInMs: ttl };
    },
    async sweep() {
      return 0;
    },
  };
}

/**
 * A store for @fastify/rate-limit over the database counters (its own Redis store is used when
 * REDIS_URL is set). Keys are per route, like the plugin's stores.
 */
export function databaseRateLimitStore(counters: Counters) {
  class DatabaseStore {
    readonly prefix: string;
    constructor(_options?: unknown, prefix = 'route:') {
      this.prefix = prefix;
    }
    incr(
      key: string,
      cb: (err: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ) {
      counters.hit(this.prefix + key, timeWindow).then(
        (r) => cb(null, { current: r.count, ttl: r.resetInMs }),
        (err: Error) => cb(err),
      );
    }
    child(routeOptions: {
      method?: unknown;
      url?: unknown;
      routeInfo?: { method?: unknown; url?: unknown };
    }) {
      const info = routeOptions.routeInfo ?? routeOptions;
      return new DatabaseStore(undefined, `route:${String(info.method)}${String(info.url)}:`);
    }
  }
  return DatabaseStore;
}

/**
 * Limits a flow per target identity across instances (whatever the client address): `what` names
 * the flow, `identity` is hashed by the caller (a blind index), `max` hits per `windowMs`. Over the
 * limit: 429 with Retry-After, and the same answer whether or not the identity is registered.
 */
export async function limitByIdentity(
  counters: Counters,
  what: string,
  identity: string,
  max: number,
  windowMs: number,
  field?: string,
) {
  const { count, resetInMs } = await counters.hit(`id:${what}:${identity.slice(0, 64)}`, windowMs);
  if (count > max) {
    throw new AppError('request.rate_limited', {
      status: 429,
      headers: { 'retry-after': String(Math.max(1, Math.ceil(resetInMs / 1000))) },
      ...(field ? { fieldErrors: [{ path: field, code: 'request.rate_limited' as const }] } : {}),
    });
  }
}
