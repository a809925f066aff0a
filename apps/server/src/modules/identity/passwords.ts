import { type ChildProcess, fork } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import argon2 from 'argon2';
import { ARGON2_PARAMS } from './argon2-params.ts';

export { ARGON2_PARAMS };

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
function processHasher(): Hasher {
  let child: ChildProcess | null = null;
  let nextId = 0;
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  const spawn = () => {
    const worker = fork(fileURLToPath(new URL('./password-worker.ts', import.meta.url)), [], {
      env: { ...process.env, UV_THREADPOOL_SIZE: String(Math.max(2, os.availableParallelism())) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    worker.on('message', (m: { id: number; result?: unknown; error?: string }) => {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      if (m.error !== undefined) p.reject(new Error(m.error));
      else p.resolve(m.result);
    });
    worker.on('exit', () => {
      if (child === worker) child = null;
      for (const p of pending.values()) p.reject(new Error('password hasher exited'));
      pending.clear();
    });
    // an idle hasher must not keep the process alive
    worker.unref();
    worker.channel?.unref();
    return worker;
  };
  const call = (message: { op: 'hash' | 'verify'; password: string; hash?: string }) =>
    new Promise<unknown>((resolve, reject) => {
      child ??= spawn();
      const id = ++nextId;
      pending.set(id, { resolve, reject });
      if (pending.size === 1) child.channel?.ref();
      child.send({ id, ...message });
    }).finally(() => {
      if (pending.size === 0) child?.channel?.unref();
    });
  return {
    hash: async (password) => (await call({ op: 'hash', password })) as string,
    verify: async (hash, password) => (await call({ op: 'verify', password, hash })) === true,
    close() {
      child?.kill();
      child = null;
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
