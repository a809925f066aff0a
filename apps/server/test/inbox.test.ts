import { randomUUID } from 'node:crypto';
import { INBOX_PREVIEW_LENGTH } from '@sw/contracts';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, inboxMessages } from '../src/db/schema/index.ts';
import { fixedClock } from '../src/lib/clock.ts';
import { notify, registerMessageTemplates } from '../src/modules/messaging/notifications.ts';
import { Agent, createTestApp, registerIndividual, type TestApp } from './helpers.ts';

const clock = fixedClock(new Date('2026-06-01T02:00:00Z'));
let t: TestApp;
let me: { agent: Agent; id: string };
let other: { agent: Agent; id: string };

registerMessageTemplates({
  'test.inbox_hello': {
    title: { 'zh-CN': '您好，{name}', 'zh-HK': '你好，{name}', en: 'Hello {name}' },
    body: {
      'zh-CN': '申请 {number} 已受理。',
      'zh-HK': '申請 {number} 已受理。',
      en: 'Application {number} accepted.',
    },
  },
});

async function signedInPerson() {
  const agent = new Agent(t.app);
  const { username } = await registerIndividual(agent);
  expect((await agent.signIn(username, 'Passw0rd!')).statusCode).toBe(200);
  const [row] = await t.ctx.db
    .select({ id: accounts.id })
    .from(accounts)
    .where(eq(accounts.username, username));
  return { agent, id: row!.id };
}

/** Writes a message straight into an inbox, `minutesAgo` before the clock. */
async function message(
  accountId: string,
  values: {
    title?: string;
    body?: string;
    category?: string;
    minutesAgo?: number;
    applicationId?: string;
  } = {},
) {
  const [row] = await t.ctx.db
    .insert(inboxMessages)
    .values({
      accountId,
      category: values.category ?? 'application',
      title: values.title ?? '消息',
      body: values.body ?? '正文',
      applicationId: values.applicationId ?? null,
      createdAt: new Date(clock.now().getTime() - (values.minutesAgo ?? 0) * 60_000),
    })
    .returning();
  return row!;
}

async function list(agent: Agent, query = '') {
  const res = await agent.get(`/api/inbox${query ? `?${query}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    items: { id: string; title: string; body: string; truncated: boolean; readAt: string | null }[];
    nextCursor: string | null;
  };
}

async function unread(agent: Agent) {
  const res = await agent.get('/api/inbox/unread-count');
  expect(res.statusCode).toBe(200);
  return (res.json() as { count: number }).count;
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  me = await signedInPerson();
  other = await signedInPerson();
});
afterAll(async () => {
  await t.close();
});

describe('in-site messages (我的消息)', () => {
  it('needs a signed-in account', async () => {
    const anonymous = new Agent(t.app);
    for (const url of ['/api/inbox', '/api/inbox/unread-count', `/api/inbox/${randomUUID()}`]) {
      const res = await anonymous.get(url);
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('auth.unauthenticated');
    }
    for (const url of ['/api/inbox/read-all', `/api/inbox/${randomUUID()}/read`]) {
      expect((await anonymous.post(url)).statusCode).toBe(401);
    }
  });

  it('shows what notify() wrote, with the unread count', async () => {
    expect(await unread(me.agent)).toBe(0);
    expect(await list(me.agent)).toEqual({ items: [], nextCursor: null });
    const applicationId = randomUUID();
    await t.ctx.db.transaction((tx) =>
      notify(t.ctx, tx, {
        accountId: me.id,
        template: 'test.inbox_hello',
        params: { name: '李四', number: 'TS20260601000001' },
        channels: ['inbox'],
        category: 'application',
        applicationId,
      }),
    );
    expect(await unread(me.agent)).toBe(1);
    const page = await list(me.agent);
    expect(page.items).toEqual([
      {
        id: expect.any(String),
        category: 'application',
        title: '您好，李四',
        body: '申请 TS20260601000001 已受理。',
        truncated: false,
        applicationId,
        readAt: null,
        createdAt: clock.now().toISOString(),
      },
    ]);
    // nobody else sees it
    expect(await unread(other.agent)).toBe(0);
    expect((await list(other.agent)).items).toEqual([]);
  });

  it('pages newest first with a keyset cursor, ties broken by id', async () => {
    const { id: accountId, agent } = await signedInPerson();
    const written = [];
    for (let i = 0; i < 4; i++)
      written.push(await message(accountId, { title: `旧${i}`, minutesAgo: 10 + i }));
    // three at the same instant
    for (let i = 0; i < 3; i++) written.push(await message(accountId, { title: `同时${i}`, minutesAgo: 5 }));
    const expected = [...written]
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))
      .map((m) => m.id);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await list(agent, `limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((m) => m.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(4);
    expect(seen).toEqual(expected);
  });

  it('filters unread and by category', async () => {
    const { id: accountId, agent } = await signedInPerson();
    const a = await message(accountId, { category: 'application', minutesAgo: 3 });
    const r = await message(accountId, { category: 'reminder', minutesAgo: 2 });
    const s = await message(accountId, { category: 'system', minutesAgo: 1 });
    expect((await agent.post(`/api/inbox/${r.id}/read`)).statusCode).toBe(200);

    expect((await list(agent, 'unread=true')).items.map((m) => m.id)).toEqual([s.id, a.id]);
    expect((await list(agent, 'unread=false')).items.map((m) => m.id)).toEqual([s.id, r.id, a.id]);
    expect((await list(agent, 'category=reminder')).items.map((m) => m.id)).toEqual([r.id]);
    expect((await list(agent, 'unread=true&category=reminder')).items).toEqual([]);

    for (const bad of ['unread=yes', 'category=DROP%20TABLE', 'limit=0', 'limit=101', 'cursor=abc', 'x=1']) {
      const res = await agent.get(`/api/inbox?${bad}`);
      expect(res.statusCode, bad).toBe(400);
    }
    expect((await agent.get('/api/inbox?cursor=abc')).json().code).toBe('request.cursor_invalid');
  });

  it('lists a preview and shows the whole body in the detail', async () => {
    const { id: accountId, agent } = await signedInPerson();
    const long = `${'办'.repeat(INBOX_PREVIEW_LENGTH)}超出的部分😀`;
    const m = await message(accountId, { body: long, applicationId: randomUUID() });
    const exact = await message(accountId, { body: '字'.repeat(INBOX_PREVIEW_LENGTH), minutesAgo: 1 });
    const [first, second] = (await list(agent)).items;
    expect(first).toMatchObject({ id: m.id, truncated: true, body: `${'办'.repeat(INBOX_PREVIEW_LENGTH)}…` });
    expect(second).toMatchObject({ id: exact.id, truncated: false, body: '字'.repeat(INBOX_PREVIEW_LENGTH) });

    const detail = await agent.get(`/api/inbox/${m.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({
      id: m.id,
      body: long,
      truncated: false,
      applicationId: m.applicationId,
    });
    // reading the detail does not mark it read; the page says so with POST …/read
    expect(detail.json().readAt).toBeNull();
  });

  it('marks one read (the first reading time stays), and all read', async () => {
    const { id: accountId, agent } = await signedInPerson();
    const a = await message(accountId, { minutesAgo: 2 });
    const b = await message(accountId, { minutesAgo: 1 });
    const c = await message(accountId);
    expect(await unread(agent)).toBe(3);

    const read = await agent.post(`/api/inbox/${a.id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ id: a.id, readAt: clock.now().toISOString() });
    expect(await unread(agent)).toBe(2);
    const firstRead = clock.now().toISOString();
    clock.advance(60_000);
    expect((await agent.post(`/api/inbox/${a.id}/read`)).json().readAt).toBe(firstRead);
    expect(await unread(agent)).toBe(2);

    // another account's unread messages are untouched by read-all
    const othersBefore = await unread(other.agent);
    await message(other.id);
    const all = await agent.post('/api/inbox/read-all');
    expect(all.statusCode).toBe(200);
    expect(all.json()).toEqual({ updated: 2 });
    expect(await unread(agent)).toBe(0);
    expect(await unread(other.agent)).toBe(othersBefore + 1);
    const rows = await t.ctx.db.select().from(inboxMessages).where(eq(inboxMessages.accountId, accountId));
    expect(rows.find((r) => r.id === a.id)!.readAt!.toISOString()).toBe(firstRead);
    for (const id of [b.id, c.id]) expect(rows.find((r) => r.id === id)!.readAt).toEqual(clock.now());
    expect((await agent.post('/api/inbox/read-all')).json()).toEqual({ updated: 0 });
  });

  it("does not show or change another account's message (404)", async () => {
    const theirs = await message(other.id, { title: '别人的消息' });
    for (const res of [
      await me.agent.get(`/api/inbox/${theirs.id}`),
      await me.agent.post(`/api/inbox/${theirs.id}/read`),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('inbox.message_not_found');
    }
    const [row] = await t.ctx.db.select().from(inboxMessages).where(eq(inboxMessages.id, theirs.id));
    expect(row!.readAt).toBeNull();
    expect((await me.agent.get(`/api/inbox/${randomUUID()}`)).statusCode).toBe(404);
    expect((await me.agent.get('/api/inbox/not-a-uuid')).statusCode).toBe(400);

    me.agent.locale = 'en';
    const en = await me.agent.get(`/api/inbox/${theirs.id}`);
    expect(en.json().detail).toBe('This message does not exist.');
    me.agent.locale = 'zh-HK';
    expect((await me.agent.get(`/api/inbox/${theirs.id}`)).json().detail).toBe('該訊息不存在');
    me.agent.locale = 'zh-CN';
  });

  it('counts unread messages on the partial index', async () => {
    const plan = await t.ctx.db.transaction(async (tx) => {
      // a handful of rows may tempt the planner to scan the table; the index must be usable
      await tx.execute(sql`set local enable_seqscan = off`);
      const result = await tx.execute(
        sql.raw(
          `explain select count(*) from inbox_messages where account_id = '${me.id}' and read_at is null`,
        ),
      );
      const rows = (result as unknown as { rows: { 'QUERY PLAN': string }[] }).rows;
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('inbox_messages_unread_idx');
  });
});
