import type { Db } from '../db/client.ts';
import { devOutbox } from '../db/schema/index.ts';
import type { SmsGateway } from './types.ts';

/**
 * SMS gateway simulator: "delivers" into the dev outbox table, shown at /dev/outbox.
 * Used in local and test mode; production refuses it unless ALLOW_SIMULATORS=true.
 */
export function createSmsSimulator(db: Db, log: { info(obj: object, msg: string): void }): SmsGateway {
  return {
    name: 'sms-simulator',
    isSimulator: true,
    async send(message) {
      await db.insert(devOutbox).values({ channel: 'sms', to: message.to, text: message.text });
      log.info({ adapter: 'sms-simulator' }, '[SIMULATOR] SMS written to the dev outbox, not sent');
    },
  };
}
