import { CONTENT_BODY_MAX } from '@sw/contracts';
import { and, asc, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, contentArticles, platformSettings } from '../src/db/schema/index.ts';
import { fixedClock } from '../src/lib/clock.ts';
import { insertAccount } from '../src/modules/identity/identity.repo.ts';
import { hashPassword } from '../src/modules/identity/passwords.ts';
import { grantStaffRole } from '../src/modules/identity/staff-roles.ts';
import { Agent, createTestApp, registerIndividual, type TestApp } from './helpers.ts';

// Articles (通知公告, 政策法规, 办事指南) written in the console and read on the portal, and the
// site identity the footer shows (issue 10 §4).

const START = new Date('2026-06-01T02:00:00Z');
const clock = fixedClock(START);
const STAFF_PASSWORD = 'Staff@2026';
const SERVICE = 'enterprise-registration';

let t: TestApp;
let admin: Agent;
let adminId: string;
let reviewer: Agent;
let person: Agent;
let anonymous: Agent;

async function staffAccount(username: string, name: string) {
  return insertAccount(t.ctx.db, {
    username,
    kind: 'staff',
    name,
    passwordHash: await hashPassword(STAFF_PASSWORD),
  });
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  const a = await staffAccount('contentadmin', '内容管理员');
  adminId = a.id;
  await grantStaffRole(t.ctx.db, {
    accountId: a.id,
    role: 'platform_admin',
    serviceCode: '*',
    grantedBy: null,
    at: START,
  });
  admin = new Agent(t.app);
  expect((await admin.signIn('contentadmin', STAFF_PASSWORD)).statusCode).toBe(200);
  const r = await staffAccount('contentreviewer', '审核人员');
  await grantStaffRole(t.ctx.db, {
    accountId: r.id,
    role: 'reviewer',
    serviceCode: SERVICE,
    grantedBy: null,
    at: START,
  });
  reviewer = new Agent(t.app);
  expect((await reviewer.signIn('contentreviewer', STAFF_PASSWORD)).statusCode).toBe(200);
  person = new Agent(t.app);
  const { username, password } = await registerIndividual(person);
  expect((await person.signIn(username, password)).statusCode).toBe(200);
  anonymous = new Agent(t.app);
});
afterAll(async () => {
  await t.close();
});

type ArticleInput = {
  kind?: string;
  category?: string | null;
  title?: Record<string, string>;
  body?: Record<string, string>;
  serviceCode?: string | null;
};

let seq = 0;
function article(overrides: ArticleInput = {}) {
  seq++;
  return {
    kind: 'notice',
    title: { 'zh-CN': `关于系统维护的通知 ${seq}` },
    body: { 'zh-CN': `# 维护安排\n\n本平台将于周六 **22:00** 起维护 ${seq}。` },
    ...overrides,
  };
}

/** Creates an article as the admin, one second after the last thing that happened. */
async function create(overrides: ArticleInput = {}) {
  clock.advance(1000);
  const res = await admin.post('/api/console/content', article(overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number; status: string };
}

async function publish(id: string, version: number) {
  clock.advance(1000);
  const res = await admin.post(`/api/console/content/${id}/publish`, { version });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: string; version: number; status: string; publishedAt: string };
}

async function auditsOf(id: string) {
  return t.ctx.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.targetType, 'content_article'), eq(auditEvents.targetId, id)))
    .orderBy(asc(auditEvents.seq));
}

describe('articles in the console', () => {
  it('are for platform admins only', async () => {
    const { id } = await create();
    const cases: [string, string, unknown?][] = [
      ['GET', '/api/console/content'],
      ['GET', `/api/console/content/${id}`],
      ['POST', '/api/console/content', article()],
      ['PUT', `/api/console/content/${id}`, { ...article(), version: 1 }],
      ['POST', `/api/console/content/${id}/publish`, { version: 1 }],
      ['POST', `/api/console/content/${id}/unpublish`, { version: 1 }],
      ['DELETE', `/api/console/content/${id}?version=1`],
      ['POST', '/api/console/content/preview', { markdown: '# x' }],
    ];
    for (const [method, url, body] of cases) {
      for (const [agent, status] of [
        [anonymous, 401],
        [reviewer, 403],
        [person, 403],
      ] as const) {
        const res =
          method === 'GET'
            ? await agent.get(url)
            : await agent.send(method as 'POST', url, body as Record<string, unknown> | undefined);
        expect(res.statusCode, `${method} ${url}`).toBe(status);
        expect(res.json().code).toBe(status === 401 ? 'auth.unauthenticated' : 'auth.forbidden');
      }
    }
    // nothing changed: still the draft at version 1, and only its creation audited
    const [row] = await t.ctx.db.select().from(contentArticles).where(eq(contentArticles.id, id));
    expect(row).toMatchObject({ status: 'draft', version: 1 });
    expect((await auditsOf(id)).map((a) => a.action)).toEqual(['content.create']);
  });

  it('go from draft to published and back, each step audited in its transaction', async () => {
    const created = await create({
      kind: 'policy',
      title: { 'zh-CN': '  进出口企业备案管理办法  ', en: 'Rules on the filing of importers and exporters' },
      body: { 'zh-CN': '## 第一条\n\n为规范……', en: '## Article 1\n\nTo regulate…' },
      serviceCode: SERVICE,
    });
    expect(created).toMatchObject({
      kind: 'policy',
      status: 'draft',
      version: 1,
      serviceCode: SERVICE,
      title: {
        'zh-CN': '进出口企业备案管理办法',
        'zh-HK': null,
        en: 'Rules on the filing of importers and exporters',
      },
      body: { 'zh-CN': '## 第一条\n\n为规范……', 'zh-HK': null, en: '## Article 1\n\nTo regulate…' },
      html: {
        'zh-CN': '<h3>第一条</h3>\n<p>为规范……</p>',
        'zh-HK': null,
        en: '<h3>Article 1</h3>\n<p>To regulate…</p>',
      },
      author: { id: adminId, name: '内容管理员' },
      publishedAt: null,
    });
    const { id } = created;
    expect((await admin.get(`/api/console/content/${id}`)).json()).toEqual(created);

    clock.advance(1000);
    const updated = await admin.send('PUT', `/api/console/content/${id}`, {
      ...article({ kind: 'policy', serviceCode: null }),
      title: { 'zh-CN': '进出口企业备案管理办法（修订）', en: '' },
      body: { 'zh-CN': '修订后的正文', en: '' },
      version: 1,
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({
      version: 2,
      status: 'draft',
      serviceCode: null,
      title: { 'zh-CN': '进出口企业备案管理办法（修订）', en: null },
      html: { 'zh-CN': '<p>修订后的正文</p>', en: null },
    });

    const published = await publish(id, 2);
    expect(published).toMatchObject({
      status: 'published',
      version: 3,
      publishedAt: clock.now().toISOString(),
    });
    expect((await anonymous.get(`/api/content/${id}`)).statusCode).toBe(200);

    const again = await admin.post(`/api/console/content/${id}/publish`, { version: 3 });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('content.already_published');
    const refused = await admin.send('DELETE', `/api/console/content/${id}?version=3`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('content.published_cannot_delete');

    // a published article may be edited and stays published
    clock.advance(1000);
    const edited = await admin.send('PUT', `/api/console/content/${id}`, {
      kind: 'policy',
      title: { 'zh-CN': '进出口企业备案管理办法（2026年修订）' },
      body: { 'zh-CN': '正文' },
      version: 3,
    });
    expect(edited.json()).toMatchObject({ status: 'published', version: 4 });
    expect((await anonymous.get(`/api/content/${id}`)).json().title).toBe(
      '进出口企业备案管理办法（2026年修订）',
    );

    const unpublished = await admin.post(`/api/console/content/${id}/unpublish`, { version: 4 });
    expect(unpublished.json()).toMatchObject({ status: 'draft', version: 5 });
    expect((await anonymous.get(`/api/content/${id}`)).statusCode).toBe(404);
    const twice = await admin.post(`/api/console/content/${id}/unpublish`, { version: 5 });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('content.not_published');

    expect((await admin.send('DELETE', `/api/console/content/${id}?version=5`)).statusCode).toBe(204);
    expect((await admin.get(`/api/console/content/${id}`)).statusCode).toBe(404);
    expect(await t.ctx.db.select().from(contentArticles).where(eq(contentArticles.id, id))).toEqual([]);

    const audits = await auditsOf(id);
    expect(audits.map((a) => [a.action, a.actorId, (a.detail as { version: number }).version])).toEqual([
      ['content.create', adminId, 1],
      ['content.update', adminId, 2],
      ['content.publish', adminId, 3],
      ['content.update', adminId, 4],
      ['content.unpublish', adminId, 5],
      ['content.delete', adminId, 5],
    ]);
    expect(audits.at(-1)!.detail).toMatchObject({
      kind: 'policy',
      title: '进出口企业备案管理办法（2026年修订）',
    });
  });

  it('refuses a change made on a stale version with 409 and where the article stands now', async () => {
    const { id } = await create();
    const first = await admin.send('PUT', `/api/console/content/${id}`, { ...article(), version: 1 });
    expect(first.statusCode).toBe(200);
    for (const [method, url, body] of [
      ['PUT', `/api/console/content/${id}`, { ...article(), version: 1 }],
      ['POST', `/api/console/content/${id}/publish`, { version: 1 }],
      ['DELETE', `/api/console/content/${id}?version=1`, undefined],
    ] as const) {
      const res = await admin.send(method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(409);
      expect(res.json()).toMatchObject({
        code: 'content.version_conflict',
        current: { status: 'draft', version: 2 },
      });
    }
    const [row] = await t.ctx.db.select().from(contentArticles).where(eq(contentArticles.id, id));
    expect(row!.version).toBe(2);
    expect((await auditsOf(id)).map((a) => a.action)).toEqual(['content.create', 'content.update']);
    // two admins publishing the same version at once: one wins, the other is told
    const both = await Promise.all([
      admin.post(`/api/console/content/${id}/publish`, { version: 2 }),
      admin.post(`/api/console/content/${id}/publish`, { version: 2 }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await auditsOf(id)).filter((a) => a.action === 'content.publish')).toHaveLength(1);
  });

  it('lists newest first in keyset pages, filtered by kind, status, service and title text', async () => {
    const tag = `筛选${Date.now()}`;
    const a = await create({ kind: 'guide', title: { 'zh-CN': `${tag} 甲` }, serviceCode: SERVICE });
    const b = await create({
      kind: 'guide',
      title: { 'zh-CN': `${tag} 乙`, en: 'Filter B 100%' },
      body: { 'zh-CN': 'x', en: 'y' },
    });
    const c = await create({ kind: 'guide', title: { 'zh-CN': `${tag} 丙` } });
    await publish(b.id, 1);

    const page1 = await admin.get(`/api/console/content?kind=guide&q=${encodeURIComponent(tag)}&limit=2`);
    expect(page1.statusCode).toBe(200);
    expect(page1.json().items.map((i: { id: string }) => i.id)).toEqual([c.id, b.id]);
    expect(page1.json().items[0]).not.toHaveProperty('body');
    const page2 = await admin.get(
      `/api/console/content?kind=guide&q=${encodeURIComponent(tag)}&limit=2&cursor=${page1.json().nextCursor}`,
    );
    expect(page2.json()).toEqual({ items: [expect.objectContaining({ id: a.id })], nextCursor: null });

    const ids = async (query: string) =>
      (await admin.get(`/api/console/content?q=${encodeURIComponent(tag)}&${query}`))
        .json()
        .items.map((i: { id: string }) => i.id);
    expect(await ids('status=published')).toEqual([b.id]);
    expect(await ids('status=draft')).toEqual([c.id, a.id]);
    expect(await ids(`service=${SERVICE}`)).toEqual([a.id]);
    expect(await ids('kind=notice')).toEqual([]);
    // any language; % is a character, not a pattern
    expect(
      (await admin.get('/api/console/content?q=filter%20b%20100%25'))
        .json()
        .items.map((i: { id: string }) => i.id),
    ).toEqual([b.id]);
    expect((await admin.get('/api/console/content?q=100%25x')).json().items).toEqual([]);
  });
});

describe('articles on the portal', () => {
  it('shows published articles only, newest first, in the reader’s language with zh-CN where missing', async () => {
    const draft = await create({ kind: 'notice', title: { 'zh-CN': '草稿不应公开' } });
    const older = await create({
      kind: 'notice',
      title: { 'zh-CN': '春节放假通知', 'zh-HK': '春節放假通知', en: 'Spring Festival holiday' },
      body: {
        'zh-CN': '春节期间**暂停**受理。',
        'zh-HK': '春節期間**暫停**受理。',
        en: 'Closed during the **holiday**.',
      },
    });
    const newer = await create({
      kind: 'notice',
      title: { 'zh-CN': '系统升级公告' },
      body: { 'zh-CN': '系统将于今晚升级。' },
    });
    const policy = await create({ kind: 'policy', title: { 'zh-CN': '政策文件' }, serviceCode: SERVICE });
    await publish(older.id, 1);
    await publish(newer.id, 1);
    await publish(policy.id, 1);

    const zh = await anonymous.get('/api/content?kind=notice&limit=50');
    expect(zh.statusCode).toBe(200);
    const zhItems = zh.json().items as { id: string }[];
    expect(zhItems.map((i) => i.id)).not.toContain(draft.id);
    expect(zhItems.map((i) => i.id).slice(0, 2)).toEqual([newer.id, older.id]);
    expect(zhItems[1]).toEqual({
      id: older.id,
      kind: 'notice',
      serviceCode: null,
      category: null,
      lang: 'zh-CN',
      title: '春节放假通知',
      summary: '春节期间暂停受理。',
      publishedAt: expect.any(String),
    });

    const en = new Agent(t.app, 'en');
    const enItems = (await en.get('/api/content?kind=notice&limit=2')).json().items;
    expect(enItems.map((i: { lang: string; title: string }) => [i.lang, i.title])).toEqual([
      ['zh-CN', '系统升级公告'],
      ['en', 'Spring Festival holiday'],
    ]);
    const enDetail = (await en.get(`/api/content/${older.id}`)).json();
    expect(enDetail).toMatchObject({
      lang: 'en',
      title: 'Spring Festival holiday',
      html: '<p>Closed during the <strong>holiday</strong>.</p>',
    });
    const hk = (await new Agent(t.app, 'zh-HK').get(`/api/content/${older.id}`)).json();
    expect(hk).toMatchObject({ lang: 'zh-HK', html: '<p>春節期間<strong>暫停</strong>受理。</p>' });
    const fallback = (await new Agent(t.app, 'zh-HK').get(`/api/content/${newer.id}`)).json();
    expect(fallback).toMatchObject({
      lang: 'zh-CN',
      title: '系统升级公告',
      html: '<p>系统将于今晚升级。</p>',
    });

    expect((await anonymous.get(`/api/content/${draft.id}`)).statusCode).toBe(404);
    expect((await anonymous.get(`/api/content/${draft.id}`)).json().code).toBe('content.not_found');
    expect((await anonymous.get('/api/content/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);

    const byService = (await anonymous.get(`/api/content?service=${SERVICE}`)).json().items;
    expect(byService.map((i: { id: string }) => i.id)).toContain(policy.id);
    expect(byService.every((i: { serviceCode: string }) => i.serviceCode === SERVICE)).toBe(true);
    const policies = (await anonymous.get('/api/content?kind=policy')).json().items;
    expect(policies.every((i: { kind: string }) => i.kind === 'policy')).toBe(true);

    // keyset pages do not repeat or skip
    const page1 = (await anonymous.get('/api/content?kind=notice&limit=1')).json();
    const page2 = (await anonymous.get(`/api/content?kind=notice&limit=1&cursor=${page1.nextCursor}`)).json();
    expect([page1.items[0].id, page2.items[0].id]).toEqual([newer.id, older.id]);
  });

  it('summarises long bodies as plain text', async () => {
    const long = `**重要**：${'办'.repeat(300)}`;
    const a = await create({ kind: 'notice', body: { 'zh-CN': long } });
    await publish(a.id, 1);
    const item = (await anonymous.get('/api/content?kind=notice&limit=1')).json().items[0];
    expect(item.id).toBe(a.id);
    expect(Array.from(item.summary as string)).toHaveLength(121);
    expect(item.summary).toMatch(/^重要：办+…$/);
  });
});

describe('常见问题 (the citizen hub’s FAQ)', () => {
  it('needs a category of the catalogue, and is listed by it', async () => {
    const none = await admin.post('/api/console/content', article({ kind: 'faq' }));
    expect(none.statusCode).toBe(400);
    expect(none.json().errors).toEqual([
      expect.objectContaining({ path: 'category', code: 'content.category_required' }),
    ]);
    const bad = await admin.post('/api/console/content', article({ kind: 'faq', category: 'astrology' }));
    expect(bad.json().errors).toEqual([
      expect.objectContaining({ path: 'category', code: 'content.category_invalid' }),
    ]);
    const faq = await create({
      kind: 'faq',
      category: 'social',
      title: { 'zh-CN': '为什么看不了医保余额？' },
      body: { 'zh-CN': '目前暂支持广州（需开通医保支付）、肇庆、潮州、清远地区医保账户余额查询。' },
    });
    await publish(faq.id, 1);
    // a category given to another kind is dropped
    const notice = await create({ kind: 'notice', category: 'social' });
    expect((await admin.get(`/api/console/content/${notice.id}`)).json().category).toBeNull();
    const anonymous = new Agent(t.app);
    const social = (await anonymous.get('/api/content?kind=faq&category=social')).json().items;
    expect(social).toEqual([
      expect.objectContaining({
        id: faq.id,
        kind: 'faq',
        category: 'social',
        title: '为什么看不了医保余额？',
      }),
    ]);
    expect((await anonymous.get('/api/content?kind=faq&category=tax')).json().items).toEqual([]);
  });
});

describe('sanitisation', () => {
  const hostile = [
    '# 标题',
    '',
    '<script>alert(1)</script>',
    '',
    '正文 <img src=x onerror=alert(2)> 与 <iframe src="https://evil.example/"></iframe>',
    '',
    '[x](javascript:alert(3)) [y](https://gov.example/) [m](mailto:a@example.com) [p](//evil.example/)',
    '',
    '<a href="javascript:alert(4)" onclick="alert(5)">raw</a> ![pic](javascript:alert(6))',
    '',
    '<svg onload=alert(7)></svg><style>body{display:none}</style>',
    '',
    '| 项目 | 时限 |',
    '| --- | --- |',
    '| 备案 | 2 个工作日 |',
  ].join('\n');

  function expectHarmless(html: string) {
    expect(html).not.toMatch(
      /<script|<img|<iframe|<svg|<style|onerror|onload|onclick|javascript:|alert\(\d\)/i,
    );
    expect(html).not.toContain('//evil.example');
  }

  it('keeps structure and safe links, removes scripts, handlers and javascript: links — saved and served', async () => {
    const a = await create({ kind: 'notice', body: { 'zh-CN': hostile } });
    const saved = (await admin.get(`/api/console/content/${a.id}`)).json();
    expect(saved.body['zh-CN']).toBe(hostile); // the Markdown is kept as written
    const html = saved.html['zh-CN'] as string;
    expectHarmless(html);
    expect(html).toContain('<h2>标题</h2>');
    expect(html).toContain('<a href="https://gov.example/" rel="noopener noreferrer" target="_blank">y</a>');
    expect(html).toContain('<a href="mailto:a@example.com" rel="noopener noreferrer">m</a>');
    expect(html).toContain('<a rel="noopener noreferrer">x</a>');
    expect(html).toMatch(/<table>[\s\S]*<td>2 个工作日<\/td>[\s\S]*<\/table>/);
    for (const href of html.matchAll(/href="([^"]*)"/g)) expect(href[1]).toMatch(/^(https:|mailto:|\/[^/])/);

    await publish(a.id, 1);
    const served = (await anonymous.get(`/api/content/${a.id}`)).json();
    expect(served.html).toBe(html);
    const item = (await anonymous.get('/api/content?kind=notice&limit=1')).json().items[0];
    expect(item.summary).not.toMatch(/alert|script/);
  });

  it('previews Markdown the same way without saving anything', async () => {
    const before = await t.ctx.db.$count(contentArticles);
    const res = await admin.post('/api/console/content/preview', { markdown: hostile });
    expect(res.statusCode).toBe(200);
    expectHarmless(res.json().html);
    expect(res.json().html).toContain('<h2>标题</h2>');
    expect(await t.ctx.db.$count(contentArticles)).toBe(before);
    expect((await admin.post('/api/console/content/preview', { markdown: '' })).json()).toEqual({ html: '' });
  });
});

describe('bad input', () => {
  async function fieldErrors(body: unknown, agent = admin) {
    const res = await agent.post('/api/console/content', body as Record<string, unknown>);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    return (res.json().errors as { path: string; code: string; message: string }[]).map((e) => [
      e.path,
      e.code,
    ]);
  }

  it('names the field and the reason, and saves nothing', async () => {
    const before = await t.ctx.db.$count(contentArticles);
    expect(await fieldErrors(article({ kind: 'news' }))).toEqual([['kind', 'content.kind_invalid']]);
    expect(await fieldErrors(article({ title: { 'zh-CN': '   ' } }))).toEqual([
      ['title.zh-CN', 'field.required'],
    ]);
    expect(await fieldErrors(article({ title: { 'zh-CN': 'x'.repeat(201) } }))).toEqual([
      ['title.zh-CN', 'field.too_long'],
    ]);
    expect(await fieldErrors(article({ body: { 'zh-CN': '\n\n' } }))).toEqual([
      ['body.zh-CN', 'field.required'],
    ]);
    expect(await fieldErrors(article({ body: { 'zh-CN': '办'.repeat(CONTENT_BODY_MAX + 1) } }))).toEqual([
      ['body.zh-CN', 'content.body_too_long'],
    ]);
    expect(
      await fieldErrors(article({ body: { 'zh-CN': 'x', en: 'a'.repeat(CONTENT_BODY_MAX + 1) } })),
    ).toEqual([['body.en', 'content.body_too_long']]);
    expect(await fieldErrors(article({ serviceCode: 'no-such-service' }))).toEqual([
      ['serviceCode', 'content.service_unknown'],
    ]);
    expect(await fieldErrors(article({ serviceCode: 'Bad Code!' }))).toEqual([
      ['serviceCode', 'content.service_unknown'],
    ]);
    expect(await fieldErrors(article({ title: { 'zh-CN': 'x', en: 'Only a title' } }))).toEqual([
      ['body.en', 'content.translation_incomplete'],
    ]);
    expect(await fieldErrors({ ...article(), title: { 'zh-CN': 'x', fr: 'Bonjour' } })).toEqual([
      ['title.fr', 'field.unknown'],
    ]);
    expect(await fieldErrors({ kind: 'notice' })).toEqual([
      ['title', 'field.required'],
      ['body', 'field.required'],
    ]);
    expect(await t.ctx.db.$count(contentArticles)).toBe(before);
    // exactly 50,000 characters is allowed
    const max = await admin.post(
      '/api/console/content',
      article({ body: { 'zh-CN': '办'.repeat(CONTENT_BODY_MAX) } }),
    );
    expect(max.statusCode).toBe(201);
  });

  it('explains in the reader’s language', async () => {
    const en = new Agent(t.app, 'en');
    en.cookies.clear();
    for (const [k, v] of admin.cookies) en.cookies.set(k, v);
    const res = await en.post(
      '/api/console/content',
      article({ kind: 'news', body: { 'zh-CN': 'a'.repeat(CONTENT_BODY_MAX + 1) } }),
    );
    expect(res.json().errors).toEqual([
      {
        path: 'kind',
        code: 'content.kind_invalid',
        message: 'Choose a section: notices, policies or service guides.',
      },
      {
        path: 'body.zh-CN',
        code: 'content.body_too_long',
        message: 'The body cannot be longer than 50,000 characters.',
      },
    ]);
    admin.locale = 'zh-HK';
    const hk = await admin.post('/api/console/content', article({ serviceCode: 'nope' }));
    admin.locale = 'zh-CN';
    expect(hk.json().errors[0].message).toBe('該服務事項不存在');
  });

  it('answers malformed ids, versions, filters and cursors with 400, never 500', async () => {
    const { id } = await create();
    const checks: [number, Promise<{ statusCode: number }>][] = [
      [400, admin.get('/api/console/content/not-a-uuid')],
      [400, anonymous.get('/api/content/not-a-uuid')],
      [400, anonymous.get('/api/content?kind=news')],
      [400, anonymous.get('/api/content?limit=0')],
      [400, anonymous.get('/api/content?limit=51')],
      [400, anonymous.get('/api/content?cursor=garbage')],
      [400, admin.get('/api/console/content?status=archived')],
      [400, admin.get(`/api/console/content?q=${'x'.repeat(101)}`)],
      [400, admin.send('DELETE', `/api/console/content/${id}`)],
      [400, admin.send('DELETE', `/api/console/content/${id}?version=abc`)],
      [400, admin.post(`/api/console/content/${id}/publish`, { version: 0 })],
      [400, admin.post(`/api/console/content/${id}/publish`, {})],
      [400, admin.send('PUT', `/api/console/content/${id}`, article())],
      [400, admin.post('/api/console/content', '[1,2,3]')],
      [400, admin.post('/api/console/content/preview', { markdown: 'a'.repeat(CONTENT_BODY_MAX + 1) })],
      [404, admin.post('/api/console/content/00000000-0000-4000-8000-000000000000/publish', { version: 1 })],
      [
        404,
        admin.send('PUT', '/api/console/content/00000000-0000-4000-8000-000000000000', {
          ...article(),
          version: 1,
        }),
      ],
    ];
    for (const [status, pending] of checks) expect((await pending).statusCode).toBe(status);
    const cursor = await anonymous.get('/api/content?cursor=garbage');
    expect(cursor.json().errors).toEqual([
      expect.objectContaining({ path: 'cursor', code: 'request.cursor_invalid' }),
    ]);
  });
});

describe('site identity (footer)', () => {
  const SITE = {
    hostedBy: '某某市人民政府办公厅',
    operatedBy: '某某市政务服务和数据管理局',
    icpNumber: '京ICP备12345678号-1',
    psbNumber: '京公网安备 11010502030143号',
    hotline: '12345',
    siteCode: '1100000088',
  };

  it('is set by platform admins, audited, and shown by the public platform info', async () => {
    expect((await admin.get('/api/console/settings')).json()).toEqual({ registrationReview: false });
    expect((await anonymous.get('/api/platform/info')).json().site).toEqual({});
    for (const agent of [reviewer, person]) {
      expect(
        (await agent.send('PUT', '/api/console/settings', { icpNumber: SITE.icpNumber })).statusCode,
      ).toBe(403);
    }
    expect(
      (await anonymous.send('PUT', '/api/console/settings', { icpNumber: SITE.icpNumber })).statusCode,
    ).toBe(401);

    const res = await admin.send('PUT', '/api/console/settings', { ...SITE, hotline: ' 12345 ' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ registrationReview: false, ...SITE });
    expect((await admin.get('/api/console/settings')).json()).toEqual({ registrationReview: false, ...SITE });
    expect((await new Agent(t.app).get('/api/platform/info')).json().site).toEqual(SITE);

    const audits = async () =>
      t.ctx.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'platform.setting_change'), like(auditEvents.targetId, 'site.%')))
        .orderBy(asc(auditEvents.seq));
    expect((await audits()).map((a) => [a.targetId, a.detail])).toEqual([
      ['site.hosted_by', { from: null, to: SITE.hostedBy }],
      ['site.operated_by', { from: null, to: SITE.operatedBy }],
      ['site.icp_number', { from: null, to: SITE.icpNumber }],
      ['site.psb_number', { from: null, to: SITE.psbNumber }],
      ['site.hotline', { from: null, to: SITE.hotline }],
      ['site.site_code', { from: null, to: SITE.siteCode }],
    ]);

    // sending the same again changes and audits nothing; a change is audited with both values
    await admin.send('PUT', '/api/console/settings', SITE);
    expect(await audits()).toHaveLength(6);
    await admin.send('PUT', '/api/console/settings', { hotline: '010-12345678' });
    expect((await audits()).at(-1)).toMatchObject({
      actorId: adminId,
      targetId: 'site.hotline',
      detail: { from: '12345', to: '010-12345678' },
    });

    // '' or null clears a value: the footer leaves it out
    const cleared = await admin.send('PUT', '/api/console/settings', { psbNumber: '', siteCode: null });
    expect(cleared.json()).not.toHaveProperty('psbNumber');
    expect(cleared.json()).not.toHaveProperty('siteCode');
    const site = (await anonymous.get('/api/platform/info')).json().site;
    expect(site).toEqual({ ...SITE, hotline: '010-12345678', psbNumber: undefined, siteCode: undefined });
    expect(Object.keys(site)).not.toContain('psbNumber');
    expect((await audits()).slice(-2).map((a) => a.detail)).toEqual([
      { from: SITE.psbNumber, to: null },
      { from: SITE.siteCode, to: null },
    ]);
    expect(
      await t.ctx.db.select().from(platformSettings).where(eq(platformSettings.key, 'site.psb_number')),
    ).toEqual([]);
    // clearing what is not set does nothing
    await admin.send('PUT', '/api/console/settings', { psbNumber: null });
    expect(await audits()).toHaveLength(9);
  });

  it('validates each value and changes nothing when one is wrong', async () => {
    const before = (await admin.get('/api/console/settings')).json();
    const bad: [Record<string, unknown>, string, string][] = [
      [{ icpNumber: 'ICP12345678' }, 'icpNumber', 'field.icp_number_invalid'],
      [{ icpNumber: '京ICP备12345678' }, 'icpNumber', 'field.icp_number_invalid'],
      [{ icpNumber: '京ICP备12345678号-1x' }, 'icpNumber', 'field.icp_number_invalid'],
      [{ psbNumber: '京公网安备 1101050203014号' }, 'psbNumber', 'field.psb_number_invalid'],
      [{ psbNumber: '公网安备 11010502030143号' }, 'psbNumber', 'field.psb_number_invalid'],
      [{ siteCode: '110000008' }, 'siteCode', 'field.site_code_invalid'],
      [{ siteCode: 'ab01000001' }, 'siteCode', 'field.site_code_invalid'],
      [{ hotline: 'call us' }, 'hotline', 'field.hotline_invalid'],
      [{ hotline: '1'.repeat(31) }, 'hotline', 'field.too_long'],
      [{ hostedBy: '某'.repeat(101) }, 'hostedBy', 'field.too_long'],
      [{ operatedBy: '<b>局</b>' }, 'operatedBy', 'field.markup_not_allowed'],
      [{ footer: 'x' }, 'footer', 'field.unknown'],
    ];
    for (const [body, path, code] of bad) {
      const res = await admin.send('PUT', '/api/console/settings', { hotline: '12345', ...body });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().errors, JSON.stringify(body)).toEqual([expect.objectContaining({ path, code })]);
    }
    const wrongType = await admin.send('PUT', '/api/console/settings', { hostedBy: 42 });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().errors).toEqual([expect.objectContaining({ path: 'hostedBy' })]);
    expect((await admin.get('/api/console/settings')).json()).toEqual(before);
    for (const good of [
      { icpNumber: '粤ICP备05002571号' },
      { icpNumber: '京ICP证030173号' },
      { psbNumber: '沪公网安备31010402001234号' },
      { siteCode: 'bm01000001' },
      { hotline: '+86 10 1234 5678' },
      { hotline: '400-810-8888' },
    ]) {
      const res = await admin.send('PUT', '/api/console/settings', good);
      expect(res.statusCode, JSON.stringify(good)).toBe(200);
      expect(res.json()).toMatchObject(good);
    }
    const en = new Agent(t.app, 'en');
    for (const [k, v] of admin.cookies) en.cookies.set(k, v);
    const message = (await en.send('PUT', '/api/console/settings', { icpNumber: 'x' })).json().errors[0]
      .message;
    expect(message).toBe('Not a valid ICP filing number, e.g. 京ICP备12345678号-1.');
  });
});
