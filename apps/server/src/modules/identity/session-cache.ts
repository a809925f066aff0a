import type { AccountView } from '@sw/contracts';
import type { Database } from '../../db/client.ts';
import type { StaffGrants } from '../identity/index.ts';
import type { AccountRow, SessionRow } from './identity.repo.ts';

export const SESSION_CHANNEL = 'sw_session_invalidate';

export type CachedSession = {
  session: SessionRow;
  account: AccountRow;
  /** the presented account, computed once: decrypting and masking on every request is the costliest part */
  view: AccountView;
  cachedAt: number;
};

/**
 * Live sessions of this process, so an authenticated request needs no database round trip.
 * Correctness does not depend on it: entries live at most `ttlMs`, and every revocation or
 * account change is broadcast (PostgreSQL NOTIFY) and evicted on every instance at once.
 * If the subscription is lost the cache disables itself until it is re-established.
 */
export function createSessionCache(opts: { ttlMs: number; maxEntries: number }) {
  const entries = new Map<string, CachedSession>();
  /** staff roles per account, kept and evicted like the sessions (`account:<id>`) */
  const grants = new Map<string, { value: StaffGrants; cachedAt: number }>();
  let enabled = false;

  return {
    get(tokenHash: string, nowMs: number): CachedSession | undefined {
      if (!enabled) return undefined;
      const entry = entries.get(tokenHash);
      if (!entry) return undefined;
      if (nowMs - entry.cachedAt > opts.ttlMs || nowMs < entry.cachedAt) {
        entries.delete(tokenHash);
        return undefined;
      }
      return entry;
    },
    set(tokenHash: string, entry: CachedSession) {
      if (!enabled) return;
      if (entries.size >= opts.maxEntries) {
        // Map keeps insertion order: drop the oldest
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
      entries.set(tokenHash, entry);
    },
    getGrants(accountId: string, nowMs: number): StaffGrants | undefined {
      if (!enabled) return undefined;
      const entry = grants.get(accountId);
      if (!entry) return undefined;
      if (nowMs - entry.cachedAt > opts.ttlMs || nowMs < entry.cachedAt) {
        grants.delete(accountId);
        return undefined;
      }
      return entry.value;
    },
    setGrants(accountId: string, value: StaffGrants, nowMs: number) {
      if (!enabled) return;
      if (grants.size >= opts.maxEntries) {
        const oldest = grants.keys().next().value;
        if (oldest !== undefined) grants.delete(oldest);
      }
      grants.set(accountId, { value, cachedAt: nowMs });
    },
    /** `session:<hash>` or `account:<id>`, as broadcast on SESSION_CHANNEL. */
    evict(key: string) {
      if (key.startsWith('session:')) {
        entries.delete(key.slice('session:'.length));
      } else if (key.startsWith('account:')) {
        const id = key.slice('account:'.length);
        grants.delete(id);
        for (const [hash, entry] of entries) if (entry.account.id === id) entries.delete(hash);
      }
    },
    setEnabled(value: boolean) {
      enabled = value;
      if (!value) {
        entries.clear();
        grants.clear();
      }
    },
    get size() {
      return entries.size;
    },
  };
}

export type SessionCache = ReturnType<typeof createSessionCache>;

/**
 * Keeps the cache honest across instances: evicts what other instances broadcast, and
 * switches the cache off while the subscription is down (retrying every few seconds).
 */
export async function subscribeSessionInvalidation(
  database: Database,
  cache: SessionCache,
  log: { warn(obj: object, msg: string): void },
): Promise<() => Promise<void>> {
  let stop: (() => Promise<void>) | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;
  const connect = async () => {
    try {
      stop = await database.listen(SESSION_CHANNEL, (payload) => cache.evict(payload), onLost);
      cache.setEnabled(true);
    } catch (err) {
      onLost(err);
    }
  };
  function onLost(err?: unknown) {
    cache.setEnabled(false);
    if (closed || retry) return;
    log.warn({ err }, 'session invalidation channel lost; session cache off until it is back');
    retry = setTimeout(() => {
      retry = null;
      void connect();
    }, 5_000);
    retry.unref();
  }
  await connect();
  return async () => {
    closed = true;
    if (retry) clearTimeout(retry);
    cache.setEnabled(false);
    await stop?.();
  };
}
