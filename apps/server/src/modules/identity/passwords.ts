import { type ChildProcess, fork } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import argon2 from 'argon2';
import { ARGON2_PARAMS } from './argon2-params.ts';

export { ARGON2_PARAMS };

/** far above any real hash (tens of milliseconds), far below a browser giving up */
const HASHER_TIMEOUT_MS = 20_000;

type Hasher = {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
  close(): void;
};

/** argon2id on this process's libuv pool: tests and one-off commands. */
const inline: Hasher = {
  hash: (password) => argon2.hash(password, ARGON2_PARAMS),
  verify: (hash, password) => argon2.verify(hash, password).catch(() => false),
  close() {},
};

/**
 * argon2id in a child process at lower priority (password-worker.ts), with one pool thread per
 * core. A burst of sign-ins then uses every core for hashing yet cannot starve the event loop or
 * the database of CPU, so other requests keep their latency. Restarted on demand if it dies.
 */
type Worker = {
  process: ChildProcess;
  ready: Promise<void>;
  pending: Map<number, { resolve(v: unknown): void; reject(e: Error): void }>;
};

function processHasher(): Hasher {
  let current: Worker | null = null;
  let nextId = 0;
  const spawn = (): Worker => {
    const child = fork(fileURLToPath(new URL('./password-worker.ts', import.meta.url)), [], {
      env: { ...process.env, UV_THREADPOOL_SIZE: String(Math.max(2, os.availableParallelism())) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let markReady: () => void = () => {};
    const worker: Worker = {
      process: child,
      ready: new Promise<void>((resolve) => {
        markReady = resolve;
      }),
      pending: new Map(),
    };
    child.on('message', (m: { ready?: true; id: number; result?: unknown; error?: string }) => {
      if (m.ready) return markReady();
      const p = worker.pending.get(m.id);
      if (!p) return;
      worker.pending.delete(m.id);
      if (m.error !== undefined) p.reject(new Error(m.error));
      else p.resolve(m.result);
    });
    child.on('exit', () => {
      if (current === worker) current = null;
      for (const p of worker.pending.values()) p.reject(new Error('password hasher exited'));
      worker.pending.clear();
    });
    // an idle hasher must not keep the process alive
    child.unref();
    child.channel?.unref();
    return worker;
  };
  const call = async (message: { op: 'hash' | 'verify'; password: string; hash?: string }) => {
    current ??= spawn();
    const worker = current;
    const id = ++nextId;
    const result = new Promise<unknown>((resolve, reject) => {
      worker.pending.set(id, { resolve, reject });
    });
    if (worker.pending.size === 1) worker.process.channel?.ref();
    // a lost or stuck hasher must not hold a request forever: fail it and start a new hasher
    const timer = setTimeout(() => {
      const p = worker.pending.get(id);
      if (!p) return;
      worker.pending.delete(id);
      p.reject(new Error('password hasher timed out'));
      worker.process.kill();
    }, HASHER_TIMEOUT_MS);
    try {
      await Promise.race([worker.ready, result]);
      worker.process.send({ id, ...message });
      return await result;
    } finally {
      clearTimeout(timer);
      if (worker.pending.size === 0) worker.process.channel?.unref();
    }
  };
  return {
    hash: async (password) => (await call({ op: 'hash', password })) as string,
    verify: async (hash, password) => (await call({ op: 'verify', password, hash })) === true,
    close() {
      current?.process.kill();
      current = null;
    },
  };
}

let hasher: Hasher = inline;

/** The server uses the child-process hasher (main.ts); tests and scripts keep the inline one. */
export function usePasswordHasherProcess() {
  if (hasher === inline) hasher = processHasher();
}

export function closePasswordHasher() {
  hasher.close();
}

export function hashPassword(password: string): Promise<string> {
  return hasher.hash(password);
}

let dummyHash: Promise<string> | null = null;

/**
 * Verifies a password. With no hash (unknown account, or an account without a password)
 * it still spends one argon2 verification, so timing does not tell whether the account exists.
 */
export async function verifyPassword(hash: string | null | undefined, password: string): Promise<boolean> {
  if (!hash) {
    dummyHash ??= hashPassword('dummy-password-for-timing').catch((err: unknown) => {
      dummyHash = null; // try again next time rather than fail every unknown name until restart
      throw err;
    });
    await hasher.verify(await dummyHash, password);
    return false;
  }
  return hasher.verify(hash, password);
}
