// The password hasher's own process (see passwords.ts). It lowers its scheduling priority before
// its first hash, so libuv's pool threads — created on first use — inherit it: argon2id then takes
// the CPU that request handling and the database leave, and never delays them.
import os from 'node:os';
import argon2 from 'argon2';
import { ARGON2_PARAMS } from './argon2-params.ts';

type Request = { id: number; op: 'hash' | 'verify'; password: string; hash?: string };

try {
  os.setPriority(10);
} catch {
  // not permitted here: run at normal priority
}

process.on('message', (message: Request) => {
  const work =
    message.op === 'hash'
      ? argon2.hash(message.password, ARGON2_PARAMS)
      : argon2.verify(message.hash ?? '', message.password).catch(() => false);
  work.then(
    (result) => process.send?.({ id: message.id, result }),
    (err: unknown) => process.send?.({ id: message.id, error: String(err) }),
  );
});
process.on('disconnect', () => process.exit(0));
// messages that arrive before the listener above exists are lost: the parent waits for this
process.send?.({ ready: true });
