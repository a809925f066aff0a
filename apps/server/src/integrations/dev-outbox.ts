import { maskEmail, maskMobile } from '@sw/contracts';
import type { Db } from '../db/client.ts';
import { devOutbox } from '../db/schema/index.ts';
import type { FieldCrypto } from '../lib/crypto.ts';
import type { OutgoingMessage } from './types.ts';

/** The blind index a recipient's simulated messages are found by (`GET /api/dev/outbox?to=`). */
export function devOutboxIndex(crypto: FieldCrypto, to: string): string {
  return crypto.blindIndex('dev-outbox', to.trim().toLowerCase());
}

/**
 * What the SMS and e-mail simulators "deliver": a dev-outbox row with the recipient masked
 * (found again by its blind index), one row per idempotency key, so a second attempt of the same
 * message after a crash changes nothing. Returns false for such a duplicate.
 */
export async function writeDevOutbox(
  db: Db,
  crypto: FieldCrypto,
  channel: 'sms' | 'email',
  message: OutgoingMessage,
): Promise<boolean> {
  const written = await db
    .insert(devOutbox)
    .values({
      channel,
      to: channel === 'sms' ? maskMobile(message.to) : maskEmail(message.to),
      toBidx: devOutboxIndex(crypto, message.to),
      subject: message.subject ?? null,
      text: message.text,
      idempotencyKey: message.idempotencyKey,
    })
    .onConflictDoNothing({ target: devOutbox.idempotencyKey })
    .returning({ id: devOutbox.id });
  return written.length > 0;
}
