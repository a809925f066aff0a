import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devOutbox, outbox } from '../src/db/schema/index.ts';
import { fixedClock } from '../src/lib/clock.ts';
import { backoffMs } from '../src/modules/messaging/messaging.service.ts';
import { createTestApp, type TestApp } from './helpers.ts';

const clock = fixedClock(new Date('2026-05-06T01:00:00Z'));
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(async () => {
  await t.close();
});

describe('transactional outbox', () => {
  it('sends nothing for a rolled-back transaction', async () => {
    await expect(
      t.ctx.db.transaction(async (tx) => {
        await t.ctx.messaging.enqueue(tx, { channel: 'sms', to: '13500000001', text: 'rolled back' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await t.ctx.messaging.deliverDue()).toBe(0);
    expect(await t.ctx.db.$count(devOutbox, eq(devOutbox.to, '13500000001'))).toBe(0);
  });

  it('delivers a committed message once, then redacts it', async () => {
    const id = await t.ctx.db.transaction((tx) =>
      t.ctx.messaging.enqueue(tx, {
        channel: 'email',
        to: 'abcdef@b.cn',
        subject: 's',
        text: 'hello 123456',
      }),
    );
    expect(await t.ctx.messaging.deliverDue()).toBe(1);
    expect(await t.ctx.messaging.deliverDue()).toBe(0);
    expect(await t.ctx.db.$count(devOutbox, eq(devOutbox.to, 'abcdef@b.cn'))).toBe(1);
    const [row] = await t.ctx.db.select().from(outbox).where(eq(outbox.id, id));
    expect(row).toMatchObject({ status: 'sent', payload: { to: 'ab**ef@b.cn', text: '[delivered]' } });
  });

  it('retries a failed delivery with backoff', async () => {
    const sms = t.ctx.messaging.adapters.sms;
    const original = sms.send;
    let calls = 0;
    sms.send = async (m) => {
      calls++;
      if (calls === 1) throw new Error('gateway down');
      return original(m);
    };
    try {
      const id = await t.ctx.db.transaction((tx) =>
        t.ctx.messaging.enqueue(tx, { channel: 'sms', to: '13500000002', text: 'retry me' }),
      );
      expect(await t.ctx.messaging.deliverDue()).toBe(0);
      const [failed] = await t.ctx.db.select().from(outbox).where(eq(outbox.id, id));
      expect(failed).toMatchObject({ status: 'pending', attempts: 1, lastError: 'gateway down' });
      expect(await t.ctx.messaging.deliverDue()).toBe(0); // not due yet
      clock.advance(backoffMs(1));
      expect(await t.ctx.messaging.deliverDue()).toBe(1);
      expect(calls).toBe(2);
    } finally {
      sms.send = original;
    }
  });

  it('backs off exponentially up to 30 minutes', () => {
    expect([1, 2, 3].map(backoffMs)).toEqual([5_000, 10_000, 20_000]);
    expect(backoffMs(20)).toBe(30 * 60_000);
  });
});
