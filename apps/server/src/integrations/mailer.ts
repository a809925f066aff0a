import nodemailer from 'nodemailer';
import type { Db } from '../db/client.ts';
import { devOutbox } from '../db/schema/index.ts';
import type { Mailer } from './types.ts';

/** Real e-mail through SMTP (nodemailer). */
export function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    name: 'smtp',
    isSimulator: false,
    async send(message) {
      await transport.sendMail({
        from,
        to: message.to,
        subject: message.subject ?? '单一窗口',
        text: message.text,
      });
    },
  };
}

/** E-mail simulator for local and test mode: writes to the dev outbox (/dev/outbox). */
export function createMailSimulator(db: Db, log: { info(obj: object, msg: string): void }): Mailer {
  return {
    name: 'mail-simulator',
    isSimulator: true,
    async send(message) {
      await db
        .insert(devOutbox)
        .values({ channel: 'email', to: message.to, subject: message.subject ?? null, text: message.text });
      log.info({ adapter: 'mail-simulator' }, '[SIMULATOR] e-mail written to the dev outbox, not sent');
    },
  };
}
