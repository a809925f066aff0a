import type { ConsultationList, ConsultationThread, Problem } from '@sw/contracts';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, consultationMessages, consultations } from '../src/db/schema/index.ts';
import { fixedClock } from '../src/lib/clock.ts';
import { insertAccount } from '../src/modules/identity/identity.repo.ts';
import { hashPassword } from '../src/modules/identity/passwords.ts';
import { grantStaffRole } from '../src/modules/identity/staff-roles.ts';
import { Agent, createTestApp, registerIndividual, type TestApp } from './helpers.ts';

// 在线咨询 (seed 000 ch.5, issue 12 §9): an applicant opens a conversation with a service, a seat
// takes it from the queue, both write, either ends it, the history stays; canned answers.

const START = new Date('2026-06-01T02:00:00Z');
const clock = fixedClock(START);
const STAFF_PASSWORD = 'Staff@2026';
const SERVICE = 'northbound';

let t: TestApp;
let seatA: Agent;
let seatB: Agent;
let outsider: Agent;
let person: Agent;
let other: Agent;

async function seat(username: string, services: string[]): Promise<Agent> {
  const account = await insertAccount(t.ctx.db, {
    username,
    kind: 'staff',
    name: '坐席',
    passwordHash: await hashPassword(STAFF_PASSWORD),
  });
  for (const serviceCode of services) {
    await grantStaffRole(t.ctx.db, {
      accountId: account.id,
      role: 'reviewer',
      serviceCode,
      grantedBy: null,
      at: START,
    });
  }
  const agent = new Agent(t.app);
  expect((await agent.signIn(username, STAFF_PASSWORD)).statusCode).toBe(200);
  return agent;
}

async function applicant(): Promise<Agent> {
  const agent = new Agent(t.app);
  const { username, password } = await registerIndividual(agent);
  expect((await agent.signIn(username, password)).statusCode).toBe(200);
  return agent;
}

/** The seat that won the race to take a conversation. */
async function holderOf(id: string): Promise<Agent> {
  const mine = await seatA.get(`/api/console/consultations?serviceCode=${SERVICE}&queue=mine`);
  return mine.json<ConsultationList>().items.some((c) => c.id === id) ? seatA : seatB;
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  seatA = await seat('seat-a', [SERVICE]);
  seatB = await seat('seat-b', [SERVICE]);
  outsider = await seat('seat-other', ['enterprise-registration']);
  person = await applicant();
  other = await applicant();
});

afterAll(async () => {
  await t.close();
});

describe('在线咨询', () => {
  let id: string;

  it('opens a conversation with its first message; a second open adds to it', async () => {
    const res = await person.post('/api/consultations', {
      serviceCode: SERVICE,
      body: '请问车辆保险到期后怎么办？\n我的保单下月到期。',
    });
    expect(res.statusCode).toBe(201);
    const thread = res.json<ConsultationThread>();
    id = thread.consultation.id;
    expect(thread.consultation).toMatchObject({
      status: 'waiting',
      subject: '请问车辆保险到期后怎么办？',
      seat: null,
    });
    expect(thread.messages).toEqual([
      expect.objectContaining({ seq: 1, sender: 'applicant', senderName: null }),
    ]);

    const again = await person.post('/api/consultations', {
      serviceCode: SERVICE,
      body: '补充：车牌 AB1234',
    });
    expect(again.statusCode).toBe(201);
    expect(again.json<ConsultationThread>().consultation.id).toBe(id);
    expect(again.json<ConsultationThread>().messages.map((m) => m.seq)).toEqual([1, 2]);

    // kept encrypted: the stored body is not the text
    const [stored] = await t.ctx.db
      .select()
      .from(consultationMessages)
      .where(and(eq(consultationMessages.consultationId, id), eq(consultationMessages.seq, 2)));
    expect(stored!.body).not.toContain('AB1234');
    const [row] = await t.ctx.db.select().from(consultations).where(eq(consultations.id, id));
    expect(row!.subject).not.toContain('保险');
  });

  it('refuses an unknown service, an empty or oversized message and control characters, writing nothing', async () => {
    const before = await t.ctx.db.select().from(consultations);
    const unknown = await person.post('/api/consultations', { serviceCode: 'no-such-service', body: '你好' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<Problem>().errors?.[0]).toMatchObject({
      path: 'serviceCode',
      code: 'consultations.service_unknown',
    });
    const empty = await person.post(`/api/consultations/${id}/messages`, { body: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json<Problem>().errors?.[0]).toMatchObject({ path: 'body', code: 'field.required' });
    const long = await person.post(`/api/consultations/${id}/messages`, { body: '长'.repeat(1001) });
    expect(long.json<Problem>().errors?.[0]).toMatchObject({ path: 'body', code: 'field.too_long' });
    const control = await person.post(`/api/consultations/${id}/messages`, { body: 'a\u0000b' });
    expect(control.statusCode).toBe(400);
    expect(await t.ctx.db.select().from(consultations)).toHaveLength(before.length);
    const anonymous = new Agent(t.app);
    expect(
      (await anonymous.post('/api/consultations', { serviceCode: SERVICE, body: '你好' })).statusCode,
    ).toBe(401);
  });

  it('shows another person’s conversation to nobody else', async () => {
    expect((await other.get(`/api/consultations/${id}/messages`)).statusCode).toBe(404);
    expect((await other.post(`/api/consultations/${id}/messages`, { body: '插话' })).statusCode).toBe(404);
    expect((await other.post(`/api/consultations/${id}/close`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/console/consultations/${id}/messages`)).statusCode).toBe(404);
    const queue = await outsider.get(`/api/console/consultations?serviceCode=${SERVICE}`);
    expect(queue.statusCode).toBe(403);
    expect((await person.get(`/api/console/consultations?serviceCode=${SERVICE}`)).statusCode).toBe(403);
  });

  it('waits in the queue until a seat takes it; one seat wins, audited', async () => {
    const waiting = await seatA.get(`/api/console/consultations?serviceCode=${SERVICE}&queue=waiting`);
    expect(waiting.statusCode).toBe(200);
    const item = waiting.json<ConsultationList>().items.find((c) => c.id === id)!;
    expect(item).toMatchObject({ status: 'waiting', unread: 2, subject: '请问车辆保险到期后怎么办？' });
    expect(item.applicant).toMatch(/\S/);

    // a seat not holding it cannot answer yet
    const early = await seatA.post(`/api/console/consultations/${id}/messages`, { body: '您好' });
    expect(early.statusCode).toBe(409);
    expect(early.json<Problem>().code).toBe('consultations.not_taken');

    const [a, b] = await Promise.all([
      seatA.post(`/api/console/consultations/${id}/take`),
      seatB.post(`/api/console/consultations/${id}/take`),
    ]);
    const winner = a.statusCode === 200 ? a : b;
    const loser = a.statusCode === 200 ? b : a;
    expect(winner.statusCode).toBe(200);
    expect(loser.statusCode).toBe(409);
    expect(loser.json<Problem>().code).toBe('consultations.taken');
    const taken = winner.json<ConsultationThread>();
    expect(taken.consultation.status).toBe('active');
    expect(taken.messages.at(-1)).toMatchObject({ sender: 'system', body: 'taken' });
    const audits = await t.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'consultation.take'), eq(auditEvents.targetId, id)));
    expect(audits).toHaveLength(1);
  });

  it('carries messages both ways, polled after a sequence number, with unread counts', async () => {
    const holder = await holderOf(id);
    const bystander = holder === seatA ? seatB : seatA;
    const answer = await holder.post(`/api/console/consultations/${id}/messages`, {
      body: '您好，请在保险到期前于「车辆保险」页面提交新保单。',
    });
    expect(answer.statusCode).toBe(201);
    const answered = answer.json<ConsultationThread>();
    expect(answered.messages).toHaveLength(1);
    expect(answered.messages[0]).toMatchObject({
      seq: 4,
      sender: 'staff',
      senderName: holder === seatA ? 'seat-a' : 'seat-b',
    });

    const blocked = await bystander.post(`/api/console/consultations/${id}/messages`, { body: '我也来答' });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json<Problem>().code).toBe('consultations.taken');

    const mine = await person.get(`/api/consultations?serviceCode=${SERVICE}`);
    expect(mine.json<ConsultationList>().items[0]).toMatchObject({ id, status: 'active', unread: 2 });
    const news = await person.get(`/api/consultations/${id}/messages?after=2`);
    expect(news.json<ConsultationThread>().messages.map((m) => [m.seq, m.sender])).toEqual([
      [3, 'system'],
      [4, 'staff'],
    ]);
    // read now
    const after = await person.get(`/api/consultations?serviceCode=${SERVICE}`);
    expect(after.json<ConsultationList>().items[0]!.unread).toBe(0);

    const reply = await person.post(`/api/consultations/${id}/messages`, { body: '好的，谢谢！' });
    expect(reply.json<ConsultationThread>().messages.map((m) => m.seq)).toEqual([5]);
    const seatView = await holder.get(`/api/console/consultations?serviceCode=${SERVICE}&queue=mine`);
    expect(seatView.json<ConsultationList>().items.find((c) => c.id === id)!.unread).toBe(1);
  });

  it('ends at the seat, audited; nothing more can be written and the history stays', async () => {
    const holder = await holderOf(id);
    const bystander = holder === seatA ? seatB : seatA;
    expect((await bystander.post(`/api/console/consultations/${id}/close`)).statusCode).toBe(409);
    const closed = await holder.post(`/api/console/consultations/${id}/close`);
    expect(closed.statusCode).toBe(200);
    expect(closed.json<ConsultationThread>().consultation.status).toBe('closed');
    expect(closed.json<ConsultationThread>().messages.at(-1)).toMatchObject({ body: 'closed_by_staff' });
    const late = await person.post(`/api/consultations/${id}/messages`, { body: '还有一个问题' });
    expect(late.statusCode).toBe(409);
    expect(late.json<Problem>().code).toBe('consultations.closed');
    expect(
      (await holder.post(`/api/console/consultations/${id}/messages`, { body: '补充' })).statusCode,
    ).toBe(409);
    expect(
      await t.ctx.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'consultation.close'), eq(auditEvents.targetId, id))),
    ).toHaveLength(1);

    const history = await person.get(`/api/consultations/${id}/messages`);
    expect(history.json<ConsultationThread>().messages.map((m) => m.sender)).toEqual([
      'applicant',
      'applicant',
      'system',
      'staff',
      'applicant',
      'system',
    ]);
    const closedQueue = await holder.get(`/api/console/consultations?serviceCode=${SERVICE}&queue=closed`);
    expect(closedQueue.json<ConsultationList>().items.map((c) => c.id)).toContain(id);

    // a new question opens a new conversation
    const next = await person.post('/api/consultations', { serviceCode: SERVICE, body: '新的问题' });
    expect(next.json<ConsultationThread>().consultation.id).not.toBe(id);
    const list = await person.get('/api/consultations');
    expect(list.json<ConsultationList>().items).toHaveLength(2);
  });

  it('lets the applicant end a waiting conversation', async () => {
    const list = (await other.get('/api/consultations')).json<ConsultationList>();
    expect(list.items).toEqual([]);
    const opened = (
      await other.post('/api/consultations', { serviceCode: SERVICE, body: '预约怎么取消？' })
    ).json<ConsultationThread>();
    const closed = await other.post(`/api/consultations/${opened.consultation.id}/close`);
    expect(closed.statusCode).toBe(200);
    expect(closed.json<ConsultationThread>().messages.at(-1)).toMatchObject({
      sender: 'system',
      body: 'closed_by_applicant',
    });
    const again = await other.post(`/api/consultations/${opened.consultation.id}/close`);
    expect(again.json<Problem>().code).toBe('consultations.closed');
    const take = await seatA.post(`/api/console/consultations/${opened.consultation.id}/take`);
    expect(take.json<Problem>().code).toBe('consultations.closed');
  });

  it('keeps the service’s canned answers, audited, for its seats only', async () => {
    const created = await seatA.post(`/api/console/consultations/replies/${SERVICE}`, {
      title: '保险续期',
      body: '请在保险到期前提交新的保单信息。',
    });
    expect(created.statusCode).toBe(201);
    const reply = created.json<{ id: string }>();
    const list = await seatB.get(`/api/console/consultations/replies/${SERVICE}`);
    expect(list.json<{ items: { title: string }[] }>().items.map((r) => r.title)).toEqual(['保险续期']);
    expect((await outsider.get(`/api/console/consultations/replies/${SERVICE}`)).statusCode).toBe(403);
    const bad = await seatA.post(`/api/console/consultations/replies/${SERVICE}`, { title: '', body: 'x' });
    expect(bad.json<Problem>().errors?.[0]).toMatchObject({ path: 'title', code: 'field.required' });
    expect(
      (await seatB.send('DELETE', `/api/console/consultations/replies/${SERVICE}/${reply.id}`)).statusCode,
    ).toBe(204);
    const gone = await seatB.send('DELETE', `/api/console/consultations/replies/${SERVICE}/${reply.id}`);
    expect(gone.json<Problem>().code).toBe('consultations.reply_not_found');
    const audits = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.targetId, reply.id));
    expect(audits.map((a) => a.action).sort()).toEqual([
      'consultation.reply_add',
      'consultation.reply_remove',
    ]);
  });

  it('words its errors in the reader’s language', async () => {
    const hk = await applicant();
    hk.locale = 'zh-HK';
    const opened = (
      await hk.post('/api/consultations', { serviceCode: SERVICE, body: '你好' })
    ).json<ConsultationThread>();
    await hk.post(`/api/consultations/${opened.consultation.id}/close`);
    const late = await hk.post(`/api/consultations/${opened.consultation.id}/messages`, { body: '還在嗎' });
    expect(late.json<Problem>().detail).toBe('本次諮詢已結束，如有問題請重新發起諮詢');
  });
});
