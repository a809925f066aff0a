import type { Db } from '../db/client.ts';
import { devOutbox } from '../db/schema/index.ts';
import type { SmsGateway } from './types.ts';

/**
 * SMS gateway simulator: "delivers" into the dev outbox table, shown at /dev/outbox.
 * Used in local and test mode; production refuses it unless ALLOW_SIMULATORS=true.
 * Like a provider that deduplicates on the client reference, it keeps one message per
 * idempotency key: a second attempt after a crash changes nothing.
 */
export function createSmsSimulator(db: Db, log: { info(obj: object, msg: string): void }): SmsGateway {
  return {
    name: 'sms-simulator',
    isSimulator: true,
    async send(message) {
      const written = await db
        .insert(devOutbox)
        .values({
          channel: 'sms',
          to: message.to,
          text: message.text,
          idempotencyKey: message.idempotencyKey,
        })
        .onConflictDoNothing({ target: devOutbox.idempotencyKey })
        .returning({ id: devOutbox.id });
      log.info(
        { adapter: 'sms-simulator', duplicate: written.length === 0 },
        '[SIMULATOR] SMS written to the dev outbox, not sent',
      );
    },
  };
}
