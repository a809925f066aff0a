import { spawn } from 'node:child_process';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { eq, inArray, sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devOutbox, outbox } from '../src/db/schema/index.ts';
import { devOutboxIndex } from '../src/integrations/dev-outbox.ts';
import { createMailSimulator, createSmtpMailer, senderDomain } from '../src/integrations/mailer.ts';
import { createSmsSimulator } from '../src/integrations/sms-simulator.ts';
import type { Mailer, OutgoingMessage, SmsGateway } from '../src/integrations/types.ts';
import { fixedClock } from '../src/lib/clock.ts';
import {
  backoffMs,
  createMessaging,
  LEASE_MS,
  MAX_ATTEMPTS,
  type Messaging,
} from '../src/modules/messaging/messaging.service.ts';
import { createTestApp, outboxMessages, type TestApp } from './helpers.ts';

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const clock = fixedClock(new Date('2026-05-06T01:00:00Z'));
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(async () => {
  await t.close();
});

/** A worker as a fresh process would build it (createMessaging), with adapters that may be wrapped. */
function worker(adapters: { sms?: SmsGateway; mailer?: Mailer } = {}): Messaging {
  return createMessaging({
    db: t.ctx.db,
    crypto: t.ctx.crypto,
    sms: adapters.sms ?? createSmsSimulator(t.ctx.db, t.ctx.crypto, t.app.log),
    mailer: adapters.mailer ?? createMailSimulator(t.ctx.db, t.ctx.crypto, t.app.log),
    clock,
    log: t.app.log,
  });
}

/** The SMS simulator with a hook around each send. */
function wrappedSms(around: (send: () => Promise<void>, message: OutgoingMessage) => Promise<void>) {
  const real = createSmsSimulator(t.ctx.db, t.ctx.crypto, t.app.log);
  return { ...real, send: (m: OutgoingMessage) => around(() => real.send(m), m) } satisfies SmsGateway;
}

let seq = 0;
async function enqueueSms(text = 'hello'): Promise<{ id: string; to: string }> {
  seq++;
  const to = `1350000${String(seq).padStart(4, '0')}`;
  const id = await t.ctx.db.transaction((tx) => t.ctx.messaging.enqueue(tx, { channel: 'sms', to, text }));
  return { id, to };
}

async function outboxRow(id: string) {
  const [row] = await t.ctx.db.select().from(outbox).where(eq(outbox.id, id));
  return row!;
}

async function delivered(to: string) {
  return t.ctx.db
    .select()
    .from(devOutbox)
    .where(eq(devOutbox.toBidx, devOutboxIndex(t.ctx.crypto, to)));
}

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('transactional outbox', () => {
  it('(a) sends nothing for a change that rolls back after the enqueue', async () => {
    await expect(
      t.ctx.db.transaction(async (tx) => {
        await t.ctx.messaging.enqueue(tx, { channel: 'sms', to: '13500000001', text: 'rolled back' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await worker().deliverDue()).toBe(0);
    expect(await outboxMessages(t, '13500000001')).toEqual([]);
    expect(await delivered('13500000001')).toEqual([]);
  });

  it.skipIf(!onPostgres)('(a) a worker running before the commit does not see the message', async () => {
    const enqueued = deferred<string>();
    const release = deferred();
    const change = t.ctx.db.transaction(async (tx) => {
      enqueued.resolve(await t.ctx.messaging.enqueue(tx, { channel: 'sms', to: '13500000003', text: 'x' }));
      await release.promise;
      throw new Error('rolled back later');
    });
    const id = await enqueued.promise;
    // the transaction is still open: another worker finds nothing
    expect(await worker().deliverDue([id])).toBe(0);
    release.resolve();
    await expect(change).rejects.toThrow('rolled back later');
    expect(await worker().deliverDue([id])).toBe(0);
    expect(await delivered('13500000003')).toEqual([]);
  });

  it('delivers a committed message once, keeps it encrypted, and erases it after the retention period', async () => {
    const id = await t.ctx.db.transaction((tx) =>
      t.ctx.messaging.enqueue(tx, {
        channel: 'email',
        to: 'abcdef@b.cn',
        subject: 's',
        text: 'hello 123456',
      }),
    );
    expect(await t.ctx.messaging.deliverDue([id])).toBe(1);
    expect(await t.ctx.messaging.deliverDue([id])).toBe(0);
    const rows = await delivered('abcdef@b.cn');
    // the simulator keeps the recipient masked
    expect(rows).toMatchObject([
      { idempotencyKey: id, to: 'ab**ef@b.cn', subject: 's', text: 'hello 123456' },
    ]);
    const sent = await outboxRow(id);
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, recipient: 'ab**ef@b.cn' });
    // at rest the payload is ciphertext, and opens to the message
    expect(sent.payloadEnc).toMatch(/^v1\./);
    expect(JSON.stringify(sent)).not.toContain('abcdef@b.cn');
    expect(JSON.stringify(sent)).not.toContain('123456');
    expect(JSON.parse(t.ctx.crypto.decrypt(sent.payloadEnc!))).toEqual({
      to: 'abcdef@b.cn',
      subject: 's',
      text: 'hello 123456',
    });
    // kept through the retention period (7 days by default), then erased; the row stays
    clock.advance(6 * 24 * 3_600_000);
    await t.ctx.messaging.sweep();
    expect((await outboxRow(id)).payloadEnc).not.toBeNull();
    clock.advance(2 * 24 * 3_600_000);
    expect(await t.ctx.messaging.sweep()).toBeGreaterThanOrEqual(1);
    expect(await outboxRow(id)).toMatchObject({ status: 'sent', payloadEnc: null, recipient: 'ab**ef@b.cn' });
  });

  it('(b) delivers exactly once a message committed before a crash, by the worker of the next process', async () => {
    // committed by an instance that "crashes" before its worker ran: nothing was claimed
    const { id, to } = await enqueueSms('committed then crashed');
    const restarted = worker();
    expect(await restarted.deliverDue([id])).toBe(1);
    expect(await restarted.deliverDue([id])).toBe(0);
    expect(await worker().deliverDue([id])).toBe(0);
    expect(await delivered(to)).toMatchObject([{ idempotencyKey: id, text: 'committed then crashed' }]);
    expect(await outboxRow(id)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('(c) a crash between the send and "marked sent": resent after the lease, still one message', async () => {
    const { id, to } = await enqueueSms('crash after send');
    const sent = deferred();
    let sends = 0;
    // this worker sends, then never gets to mark the message sent (its process is gone)
    const crashing = worker({
      sms: wrappedSms(async (send) => {
        sends++;
        await send();
        sent.resolve();
        await new Promise(() => {});
      }),
    });
    void crashing.deliverDue([id]);
    await sent.promise;
    expect(sends).toBe(1);
    expect(await delivered(to)).toHaveLength(1);
    expect(await outboxRow(id)).toMatchObject({ status: 'pending', attempts: 1 });

    const restarted = worker();
    expect(await restarted.deliverDue([id])).toBe(0); // still leased to the dead worker
    clock.advance(LEASE_MS);
    expect(await restarted.deliverDue([id])).toBe(1);
    expect(await delivered(to)).toMatchObject([{ idempotencyKey: id, text: 'crash after send' }]);
    expect(await outboxRow(id)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it.skipIf(!onPostgres)(
    '(c) the same with a real process SIGKILLed between the send and "marked sent"',
    async () => {
      const { id, to } = await enqueueSms('killed after send');
      const result = await t.ctx.db.execute(sql`select current_database() as name`);
      const [{ name }] = (result as unknown as { rows: [{ name: string }] }).rows;
      const url = new URL(process.env.TEST_DATABASE_URL!);
      url.pathname = `/${name}`;
      const child = spawn(
        process.execPath,
        [fileURLToPath(new URL('./fixtures/outbox-crash-worker.ts', import.meta.url))],
        {
          env: {
            ...process.env,
            OUTBOX_DATABASE_URL: url.toString(),
            OUTBOX_MESSAGE_ID: id,
            OUTBOX_NOW: clock.now().toISOString(),
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let output = '';
      let errors = '';
      child.stderr.on('data', (chunk: Buffer) => {
        errors += chunk.toString();
      });
      const exited = once(child, 'exit');
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes(`sent ${id}\n`)) resolve();
          if (output.includes('nothing delivered')) reject(new Error('the child delivered nothing'));
        });
        child.on('exit', (code) => reject(new Error(`child exited (${code}) before sending: ${errors}`)));
      });
      child.kill('SIGKILL');
      const [code, signal] = await exited;
      expect({ code, signal }).toEqual({ code: null, signal: 'SIGKILL' });

      expect(await delivered(to)).toHaveLength(1);
      expect(await outboxRow(id)).toMatchObject({ status: 'pending', attempts: 1 });
      expect(await t.ctx.messaging.deliverDue([id])).toBe(0); // the dead worker's lease
      clock.advance(LEASE_MS);
      expect(await t.ctx.messaging.deliverDue([id])).toBe(1);
      expect(await delivered(to)).toMatchObject([{ idempotencyKey: id, text: 'killed after send' }]);
      expect(await outboxRow(id)).toMatchObject({ status: 'sent', attempts: 2 });
    },
  );

  it('an attempt that outlived its lease cannot undo the outcome of the next one', async () => {
    const { id, to } = await enqueueSms('slow gateway');
    const stuck = deferred();
    const entered = deferred();
    const slow = worker({
      sms: wrappedSms(async () => {
        entered.resolve();
        await stuck.promise; // fails after the lease ran out
      }),
    });
    const first = slow.deliverDue([id]);
    await entered.promise;
    clock.advance(LEASE_MS);
    expect(await worker().deliverDue([id])).toBe(1);
    stuck.reject(new Error('timed out'));
    expect(await first).toBe(0);
    expect(await outboxRow(id)).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    expect(await delivered(to)).toHaveLength(1);
  });

  it('gives back the rest of a batch when slow sends have used half the lease', async () => {
    const batch = [await enqueueSms('slow 1'), await enqueueSms('slow 2'), await enqueueSms('slow 3')];
    const ids = batch.map((m) => m.id);
    const slow = worker({
      sms: wrappedSms(async (send) => {
        await send();
        clock.advance(LEASE_MS / 2 + 1); // this send took more than half the lease
      }),
    });
    expect(await slow.deliverDue(ids)).toBe(1);
    const rows = await Promise.all(ids.map(outboxRow));
    expect(rows.map((r) => `${r.status}/${r.attempts}`).sort()).toEqual(['pending/0', 'pending/0', 'sent/1']);
    // released, not leased: due again at once
    for (const r of rows.filter((r) => r.status === 'pending'))
      expect(r.nextAttemptAt.getTime()).toBeLessThanOrEqual(clock.now().getTime());
    expect(await worker().deliverDue(ids)).toBe(2);
    for (const m of batch) expect(await delivered(m.to)).toHaveLength(1);
  });

  it('(d) retries with exponential backoff and gives up after MAX_ATTEMPTS', async () => {
    const { id, to } = await enqueueSms('never arrives');
    let calls = 0;
    const failing = worker({
      sms: wrappedSms(async () => {
        calls++;
        throw new Error('gateway down');
      }),
    });
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const before = clock.now().getTime();
      expect(await failing.deliverDue([id])).toBe(0);
      const row = await outboxRow(id);
      expect(row).toMatchObject({ attempts: attempt, lastError: 'gateway down' });
      if (attempt < MAX_ATTEMPTS) {
        expect(row.status).toBe('pending');
        expect(row.nextAttemptAt.getTime()).toBe(before + backoffMs(attempt));
        // not due a moment before the backoff ends
        clock.advance(backoffMs(attempt) - 1);
        expect(await failing.deliverDue([id])).toBe(0);
        expect(calls).toBe(attempt);
        clock.advance(1);
      } else {
        expect(row.status).toBe('failed');
      }
    }
    clock.advance(24 * 3_600_000);
    expect(await failing.deliverDue([id])).toBe(0);
    expect(await worker().deliverDue([id])).toBe(0);
    expect(calls).toBe(MAX_ATTEMPTS);
    expect(await delivered(to)).toEqual([]);
  });

  it('(d) delivers on the retry after a failed attempt', async () => {
    const { id, to } = await enqueueSms('retry me');
    let calls = 0;
    const flaky = worker({
      sms: wrappedSms(async (send) => {
        calls++;
        if (calls === 1) throw new Error('gateway down');
        await send();
      }),
    });
    expect(await flaky.deliverDue([id])).toBe(0);
    expect(await outboxRow(id)).toMatchObject({ status: 'pending', attempts: 1, lastError: 'gateway down' });
    expect(await flaky.deliverDue([id])).toBe(0); // not due yet
    clock.advance(backoffMs(1));
    expect(await flaky.deliverDue([id])).toBe(1);
    expect(calls).toBe(2);
    expect(await delivered(to)).toHaveLength(1);
  });

  it('backs off exponentially up to 30 minutes', () => {
    expect([1, 2, 3].map(backoffMs)).toEqual([5_000, 10_000, 20_000]);
    expect(backoffMs(20)).toBe(30 * 60_000);
  });

  it('(e) concurrent workers deliver each message once (FOR UPDATE SKIP LOCKED)', async () => {
    const messages = await Promise.all(Array.from({ length: 120 }, (_, i) => enqueueSms(`batch ${i}`)));
    const ids = messages.map((m) => m.id);
    const sendsPerKey = new Map<string, number>();
    const workers = Array.from({ length: 4 }, () =>
      worker({
        sms: wrappedSms(async (send, m) => {
          sendsPerKey.set(m.idempotencyKey, (sendsPerKey.get(m.idempotencyKey) ?? 0) + 1);
          await new Promise((r) => setTimeout(r, 1));
          await send();
        }),
      }),
    );
    const totals = await Promise.all(
      workers.map(async (w) => {
        let total = 0;
        for (let n = await w.deliverDue(ids); n > 0; n = await w.deliverDue(ids)) total += n;
        return total;
      }),
    );
    expect(totals.reduce((a, b) => a + b, 0)).toBe(120);
    expect(sendsPerKey.size).toBe(120);
    expect([...sendsPerKey.values()].every((n) => n === 1)).toBe(true);
    expect(await t.ctx.db.$count(devOutbox, inArray(devOutbox.idempotencyKey, ids))).toBe(120);
    const rows = await t.ctx.db.select().from(outbox).where(inArray(outbox.id, ids));
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  });
});

describe('SMTP', () => {
  it('gives every attempt of a message the same Message-ID, derived from the outbox id', async () => {
    const received: string[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, callback) {
        let raw = '';
        stream.on('data', (chunk: Buffer) => {
          raw += chunk.toString('utf8');
        });
        stream.on('end', () => {
          received.push(raw);
          callback();
        });
      },
    });
    smtp.listen(0, '127.0.0.1');
    await once(smtp.server, 'listening');
    try {
      const port = (smtp.server.address() as AddressInfo).port;
      const mailer = createSmtpMailer(`smtp://127.0.0.1:${port}`, '单一窗口 <no-reply@sw.example.gov.cn>');
      const id = await t.ctx.db.transaction((tx) =>
        t.ctx.messaging.enqueue(tx, { channel: 'email', to: 'smtp.dedupe@example.org', text: 'hi' }),
      );
      const viaSmtp = worker({ mailer });
      expect(await viaSmtp.deliverDue([id])).toBe(1);
      // a second attempt after a crash: SMTP cannot refuse it; the Message-ID marks it the same message
      await mailer.send({ to: 'smtp.dedupe@example.org', text: 'hi', idempotencyKey: id });
      expect(received).toHaveLength(2);
      for (const raw of received) expect(raw).toContain(`Message-ID: <${id}@sw.example.gov.cn>`);
    } finally {
      await new Promise<void>((r) => smtp.close(() => r()));
    }
  });

  it('takes the Message-ID domain from SMTP_FROM', () => {
    expect(senderDomain('单一窗口 <no-reply@SingleWindow.Local>')).toBe('singlewindow.local');
    expect(senderDomain('noreply@mail.example.cn')).toBe('mail.example.cn');
    expect(senderDomain('单一窗口')).toBe('singlewindow.local');
  });
});
