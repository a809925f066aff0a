import type { AppContext } from '../../../context.ts';
import { remindTomorrow } from '../../appointments/index.ts';
import { notify } from '../../messaging/index.ts';
import { NORTHBOUND, NORTHBOUND_PORTS, type NorthboundPort } from './contract.ts';
import { recordsByIds } from './records.ts';

/** 通关预约 reminders: an SMS and a 站内信 the day before each live booking (every instance may run it). */
export async function sendBookingReminders(ctx: AppContext): Promise<number> {
  return remindTomorrow(ctx, NORTHBOUND, async (tx, booking) => {
    const [record] = await recordsByIds(tx, [booking.subject]);
    const port = NORTHBOUND_PORTS[booking.resource as NorthboundPort];
    await notify(ctx, tx, {
      accountId: booking.accountId,
      category: 'reminder',
      template: 'northbound.booking_reminder',
      channels: ['inbox', 'sms'],
      fallbackLocale: 'zh-HK',
      params: (locale) => ({
        day: booking.day,
        starts: booking.starts,
        ends: booking.ends,
        port: port ? port[locale] : booking.resource,
        hkPlate: record?.hkPlate ?? '',
        voucher: booking.voucher,
      }),
    });
  });
}
