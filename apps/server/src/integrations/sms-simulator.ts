import type { Db } from '../db/client.ts';
import type { FieldCrypto } from '../lib/crypto.ts';
import { writeDevOutbox } from './dev-outbox.ts';
import type { SmsGateway } from './types.ts';

/**
 * SMS gateway simulator: "delivers" into the dev outbox table, shown at /dev/outbox.
 * Used in local and test mode; production refuses it unless ALLOW_SIMULATORS=true, and then
 * its messages reach nobody (the dev outbox is not served in production).
 * Like a provider that deduplicates on the client reference, it keeps one message per
 * idempotency key: a second attempt after a crash changes nothing.
 */
export function createSmsSimulator(
  db: Db,
  crypto: FieldCrypto,
  log: { info(obj: object, msg: string): void },
): SmsGateway {
  return {
    name: 'sms-simulator',
    isSimulator: true,
    async send(message) {
      const written = await writeDevOutbox(db, crypto, 'sms', message);
      log.info(
        { adapter: 'sms-simulator', duplicate: !written },
        '[SIMULATOR] SMS written to the dev outbox, not sent',
      );
    },
  };
}
