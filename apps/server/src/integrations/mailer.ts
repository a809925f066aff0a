import type { Transporter } from 'nodemailer';
import type { Db } from '../db/client.ts';
import type { FieldCrypto } from '../lib/crypto.ts';
import { writeDevOutbox } from './dev-outbox.ts';
import type { Mailer, OutgoingMessage } from './types.ts';

const DEFAULT_SUBJECT = '单一窗口';

/** The domain of the sender address (`单一窗口 <no-reply@example.gov.cn>` → `example.gov.cn`). */
export function senderDomain(from: string): string {
  const match = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from.trim());
  return match?.[1]?.toLowerCase() ?? 'singlewindow.local';
}

/**
 * The mail nodemailer sends for an outbox message. Its Message-ID is derived from the
 * idempotency key alone, so a second attempt of the same message (after a crash between the
 * SMTP server's acceptance and our "marked sent") carries the same Message-ID: SMTP has no
 * idempotent submission, and this is what a receiving relay or mail store can deduplicate on.
 */
export function smtpMailFor(
  message: OutgoingMessage,
  from: string,
): { from: string; to: string; subject: string; text: string; messageId: string } {
  return {
    from,
    to: message.to,
    subject: message.subject ?? DEFAULT_SUBJECT,
    text: message.text,
    messageId: `<${message.idempotencyKey}@${senderDomain(from)}>`,
  };
}

/**
 * Real e-mail through SMTP (nodemailer). The timeouts keep an attempt well inside the outbox
 * lease (60 s), so a slow server is a failed attempt retried later, not a second worker
 * sending the same message beside it.
 */
export function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  // nodemailer is loaded with the first message, not at start
  let transport: Promise<Transporter> | undefined;
  const connect = async () =>
    (await import('nodemailer')).default.createTransport({
      url: smtpUrl,
      connectionTimeout: 15_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  return {
    name: 'smtp',
    isSimulator: false,
    async send(message) {
      transport ??= connect();
      await (await transport).sendMail(smtpMailFor(message, from));
    },
  };
}

/**
 * E-mail simulator for local and test mode: writes to the dev outbox (/dev/outbox), one
 * message per idempotency key, so a second attempt of the same message is a no-op.
 */
export function createMailSimulator(
  db: Db,
  crypto: FieldCrypto,
  log: { info(obj: object, msg: string): void },
): Mailer {
  return {
    name: 'mail-simulator',
    isSimulator: true,
    async send(message) {
      const written = await writeDevOutbox(db, crypto, 'email', message);
      log.info(
        { adapter: 'mail-simulator', duplicate: !written },
        '[SIMULATOR] e-mail written to the dev outbox, not sent',
      );
    },
  };
}
