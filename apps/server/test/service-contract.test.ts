import { fileURLToPath } from 'node:url';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../src/db/schema/index.ts';
import { createDraft, submitApplication } from '../src/modules/casework/applications.service.ts';
import { findAccountByUsername, insertAccount } from '../src/modules/identity/identity.repo.ts';
import { hashPassword } from '../src/modules/identity/passwords.ts';
import { grantStaffRole } from '../src/modules/identity/staff-roles.ts';
import { Agent, createTestApp, registerIndividual, type TestApp } from './helpers.ts';

// A service that exists only in a test folder (fixtures/services/test-plugin: contract.ts and
// service.ts) — found by the loader, listed in the catalogue, its route served, its applications in
// the console's views with labels and masking from its field metadata. No shared file names it.
const SERVICES = fileURLToPath(new URL('./fixtures/services/', import.meta.url));

let t: TestApp;
let reviewer: Agent;
let platformAdmin: Agent;

async function staff(username: string) {
  return insertAccount(t.ctx.db, {
    username,
    kind: 'staff',
    name: '核查员',
    passwordHash: await hashPassword('Staff@2026'),
  });
}

beforeAll(async () => {
  t = await createTestApp({ serviceDirs: [SERVICES] });
  const r = await staff('pluginreviewer');
  await grantStaffRole(t.ctx.db, {
    accountId: r.id,
    role: 'reviewer',
    serviceCode: 'test-plugin',
    grantedBy: null,
    at: new Date(),
  });
  reviewer = new Agent(t.app);
  expect((await reviewer.signIn('pluginreviewer', 'Staff@2026')).statusCode).toBe(200);
  const a = await staff('pluginadmin');
  await grantStaffRole(t.ctx.db, {
    accountId: a.id,
    role: 'platform_admin',
    serviceCode: '*',
    grantedBy: null,
    at: new Date(),
  });
  platformAdmin = new Agent(t.app);
  expect((await platformAdmin.signIn('pluginadmin', 'Staff@2026')).statusCode).toBe(200);
});
afterAll(async () => {
  await t.close();
});

async function submittedApplication() {
  const person = new Agent(t.app);
  const { username, password } = await registerIndividual(person);
  expect((await person.signIn(username, password)).statusCode).toBe(200);
  const account = (await findAccountByUsername(t.ctx.db, username))!;
  const draft = await createDraft(t.ctx, {
    serviceCode: 'test-plugin',
    applicant: account,
    form: { passportNo: 'E12345678', plateNo: '粤Z1234港', colour: 'blue', note: 'line one\nline two' },
  });
  await submitApplication(t.ctx, {
    applicationId: draft.id,
    expectedVersion: draft.version,
    applicantId: account.id,
  });
  return { person, id: draft.id };
}

describe('a service is a folder', () => {
  it('appears in the catalogue with its category, department, region note and guide', async () => {
    const anyone = new Agent(t.app);
    const list = (await anyone.get('/api/services')).json() as { code: string }[];
    const item = list.find((s) => s.code === 'test-plugin');
    expect(item).toMatchObject({
      name: { 'zh-CN': '测试插件事项' },
      category: 'transport',
      categoryName: { 'zh-CN': '交通出行' },
      department: { 'zh-CN': '测试局' },
      regions: { cities: ['4401'], note: { 'zh-CN': '暂仅支持广州' } },
      localFeature: { code: 'cross-border', name: { 'zh-CN': '跨境通行' } },
      slaWorkingDays: 3,
      link: '/apps/test-plugin',
    });
    // filters: by city (Guangzhou yes, Shenzhen no), by 地方特色应用 group, by text
    const codes = async (q: string) =>
      ((await anyone.get(`/api/services?${q}`)).json() as { code: string }[]).map((s) => s.code);
    expect(await codes('city=4401')).toContain('test-plugin');
    expect(await codes('city=4403')).not.toContain('test-plugin');
    const crossBorder = await codes('localFeature=cross-border');
    expect(crossBorder).toContain('test-plugin');
    expect(crossBorder).not.toContain('cert-review'); // 关企互动, not 跨境通行
    expect(await codes(`q=${encodeURIComponent('插件')}`)).toEqual(['test-plugin']);
    // test-only services of other fixtures are not listed
    expect(list.some((s) => s.code.startsWith('test-sample'))).toBe(false);

    const guide = (await anyone.get('/api/services/test-plugin')).json();
    expect(guide.guide).toMatchObject({
      conditions: [{ 'zh-CN': '持有护照' }],
      materials: [
        {
          name: { 'zh-CN': '护照扫描件' },
          types: ['image/jpeg', 'image/png', 'application/pdf'],
          maxBytes: 1048576,
        },
      ],
      hotline: '12345',
    });
    expect(guide.states.map((s: { code: string }) => s.code)).toEqual(['checking', 'done', 'refused']);
    expect((await anyone.get('/api/services/nope')).statusCode).toBe(404);
  });

  it('serves its own routes', async () => {
    expect((await new Agent(t.app).get('/api/services/test-plugin/ping')).json()).toEqual({ pong: true });
  });

  it('shows its applications in the console, labelled and masked from its field metadata', async () => {
    const { id } = await submittedApplication();
    const services = (await reviewer.get('/api/console/services')).json();
    expect(services.find((s: { code: string }) => s.code === 'test-plugin')).toMatchObject({
      roleNames: { reviewer: { 'zh-CN': '测试审核员' } },
      states: [
        { code: 'checking', tone: 'processing' },
        { code: 'done', tone: 'success' },
        { code: 'refused', tone: 'error' },
      ],
    });
    const queue = (await reviewer.get('/api/console/queue?view=all&service=test-plugin')).json();
    expect(queue.items[0]).toMatchObject({
      id,
      statusTone: 'processing',
      workingDaysLeft: expect.any(Number),
    });
    const detail = (await reviewer.get(`/api/console/applications/${id}`)).json();
    const fields = detail.formView.sections[0].fields;
    // passportNo and plateNo are personal by the metadata (no key name would have told)
    expect(fields).toEqual([
      {
        path: 'passportNo',
        label: '护照号码',
        value: 'E1*****78',
        multiline: false,
        masked: true,
        revealable: true,
      },
      {
        path: 'plateNo',
        label: '车牌号',
        value: '粤Z***4港',
        multiline: false,
        masked: true,
        revealable: true,
      },
      { path: 'colour', label: '颜色', value: '蓝色', multiline: false, masked: false, revealable: false },
      {
        path: 'note',
        label: '备注',
        value: 'line one\nline two',
        multiline: true,
        masked: false,
        revealable: false,
      },
    ]);
    expect(JSON.stringify(detail)).not.toContain('E12345678');
    // in English, the labels and value names follow
    reviewer.locale = 'en';
    const en = (await reviewer.get(`/api/console/applications/${id}`)).json();
    expect(
      en.formView.sections[0].fields.map((f: { label: string; value: string }) => [f.label, f.value]),
    ).toContainEqual(['Colour', 'Blue']);
    reviewer.locale = 'zh-CN';
  });

  it('查看完整信息: staff of the service see a personal field whole with a reason, audited; nobody else', async () => {
    const { id } = await submittedApplication();
    const noReason = await reviewer.post(`/api/console/applications/${id}/reveal`, {
      path: 'passportNo',
      reason: '',
    });
    expect(noReason.statusCode).toBe(400);
    const revealed = await reviewer.post(`/api/console/applications/${id}/reveal`, {
      path: 'passportNo',
      reason: '与护照扫描件核对',
    });
    expect(revealed.statusCode).toBe(200);
    expect(revealed.json()).toEqual({ path: 'passportNo', value: 'E12345678' });
    expect(revealed.headers['cache-control']).toBe('no-store');
    const [audit] = await t.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'application.reveal_field'), eq(auditEvents.targetId, id)));
    expect(audit?.detail).toMatchObject({ path: 'passportNo', reason: '与护照扫描件核对' });
    // a field that is not personal, and a path that does not exist
    for (const path of ['colour', 'nothing.here']) {
      const res = await reviewer.post(`/api/console/applications/${id}/reveal`, { path, reason: '核对' });
      expect(res.json().code).toBe('casework.field_not_revealable');
    }
    // a platform admin without a role of the service sees the application masked and cannot reveal
    const adminView = (await platformAdmin.get(`/api/console/applications/${id}`)).json();
    expect(adminView.formView.sections[0].fields[0]).toMatchObject({ masked: true, revealable: false });
    const refused = await platformAdmin.post(`/api/console/applications/${id}/reveal`, {
      path: 'passportNo',
      reason: '看看',
    });
    expect(refused.statusCode).toBe(403);
  });

  it('shows its applicant the form whole only while it may still be changed', async () => {
    const { person, id } = await submittedApplication();
    const mine = (await person.get(`/api/applications/${id}`)).json();
    expect(mine.editable).toBe(false);
    expect(mine.form).toBeNull();
    expect(mine.formView.sections[0].fields[0]).toMatchObject({
      path: 'passportNo',
      masked: true,
      revealable: false,
    });
  });
});
