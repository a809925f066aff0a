import { maskIdNumber } from '@sw/contracts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, organizations } from '../src/db/schema/index.ts';
import { Agent, createTestApp, creditCode, organizationBody, type TestApp } from './helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function withCode(agent: Agent, body: ReturnType<typeof organizationBody>) {
  const mobile = body.administrator.mobile as string;
  body.administrator.smsCode = await agent.smsCode(mobile);
  return body;
}

describe('无卡用户注册 (seed 004 §1.2.2) and 事业单位注册 (§1.4)', () => {
  it('ends signed in, as the manual’s 「跳转至账号信息管理界面」 expects', async () => {
    const agent = new Agent(t.app);
    const body = await withCode(agent, organizationBody());
    const res = await agent.post('/api/accounts/organization', body);
    expect(res.statusCode).toBe(201);
    const me = await agent.get('/api/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().username).toBe(body.administrator.username);
  });

  it('creates the organization and its administrator together, personal numbers encrypted', async () => {
    const agent = new Agent(t.app);
    const body = await withCode(agent, organizationBody());
    const check = await agent.post('/api/accounts/organization/check', body.organization);
    expect(check.statusCode).toBe(200);

    const res = await agent.post('/api/accounts/organization', body);
    expect(res.statusCode).toBe(201);
    const { organizationId, username } = res.json();
    expect(username).toBe(body.administrator.username);

    const [org] = await t.database.db
      .select()
      .from(organizations)
      .where(eq(organizations.id, organizationId));
    expect(org).toMatchObject({
      kind: 'enterprise',
      creditCode: body.organization.creditCode,
      orgCode: body.organization.orgCode,
      legalRepName: '王五',
      legalRepIdValidTo: '00000000',
      source: 'registration',
    });
    expect(org!.legalRepIdNumberEnc).not.toContain(body.organization.legalRepIdNumber as string);
    const admins = await t.database.db
      .select()
      .from(accounts)
      .where(eq(accounts.organizationId, organizationId));
    expect(admins).toHaveLength(1);
    expect(admins[0]).toMatchObject({ kind: 'enterprise_admin', status: 'active' });
    expect(admins[0]!.mobileVerifiedAt).not.toBeNull();

    // the administrator signs in and sees the organization, the legal representative's ID masked
    expect((await agent.signIn(username, 'Passw0rd!')).statusCode).toBe(200);
    const view = await agent.get('/api/account/organization');
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({ name: body.organization.name, orgCode: body.organization.orgCode });
    expect(view.json().legalRepIdNumberMasked).toMatch(/^\d{4}\*+\d{3}[\dX]$/);
  });

  it('a public institution registers the same way with an institution administrator', async () => {
    const agent = new Agent(t.app);
    const body = await withCode(
      agent,
      organizationBody({
        organization: { kind: 'institution', name: '河北省进出口商品检验研究院' },
        administrator: { idValidFrom: '20180101', idValidTo: '20380101' },
      }),
    );
    const res = await agent.post('/api/accounts/organization', body);
    expect(res.statusCode).toBe(201);
    const [admin] = await t.database.db.select().from(accounts).where(eq(accounts.id, res.json().id));
    expect(admin).toMatchObject({ kind: 'institution_admin', idValidTo: '20380101' });
  });

  it('refuses an organization code that is not characters 9–17 of the credit code', async () => {
    const agent = new Agent(t.app);
    const body = organizationBody({ organization: { orgCode: creditCode(4242).orgCode } });
    const res = await agent.post('/api/accounts/organization/check', body.organization);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toContainEqual(
      expect.objectContaining({ path: 'orgCode', code: 'field.org_code_mismatch' }),
    );
  });

  it('gives every field error at once, localized, with markup and SQL refused by their own codes', async () => {
    const agent = new Agent(t.app, 'en');
    const body = organizationBody({
      organization: {
        name: '<b>Acme</b>',
        legalRepName: "x'; DROP TABLE accounts; --",
        legalRepIdValidTo: '2020',
      },
      administrator: { username: 'AB', confirmPassword: 'other', email: 'no' },
    });
    const res = await agent.post('/api/accounts/organization', body);
    expect(res.statusCode).toBe(400);
    const errors = res.json().errors as { path: string; code: string; message: string }[];
    const byPath = Object.fromEntries(errors.map((e) => [e.path, e.code]));
    expect(byPath).toMatchObject({
      'organization.name': 'field.markup_not_allowed',
      'organization.legalRepName': 'field.name_invalid',
      'organization.legalRepIdValidTo': 'field.date_invalid',
      'administrator.username': 'field.username_invalid',
      'administrator.confirmPassword': 'field.password_mismatch',
      'administrator.email': 'field.email_invalid',
    });
    expect(errors.find((e) => e.path === 'organization.name')!.message).toMatch(/markup/i);
    expect(
      await t.database.db.select().from(organizations).where(eq(organizations.name, '<b>Acme</b>')),
    ).toHaveLength(0);
  });

  it('says 「组织机构代码已存在」 for a registered organization, at step 1 and at submission', async () => {
    const agent = new Agent(t.app);
    const first = await withCode(agent, organizationBody());
    expect((await agent.post('/api/accounts/organization', first)).statusCode).toBe(201);

    const again = organizationBody({
      organization: { creditCode: first.organization.creditCode, orgCode: first.organization.orgCode },
    });
    const check = await agent.post('/api/accounts/organization/check', again.organization);
    expect(check.statusCode).toBe(409);
    expect(check.json()).toMatchObject({ code: 'account.org_code_taken', detail: '组织机构代码已存在' });

    await withCode(agent, again);
    const res = await agent.post('/api/accounts/organization', again);
    expect(res.statusCode).toBe(409);
    expect(res.json().errors).toContainEqual(
      expect.objectContaining({ path: 'organization.orgCode', code: 'account.org_code_taken' }),
    );
  });

  it('two simultaneous registrations of one organization: one success, one 「组织机构代码已存在」, nothing half-written', async () => {
    const a = new Agent(t.app);
    const b = new Agent(t.app);
    const one = await withCode(a, organizationBody());
    const two = await withCode(
      b,
      organizationBody({
        organization: { creditCode: one.organization.creditCode, orgCode: one.organization.orgCode },
      }),
    );
    const results = await Promise.all([
      a.post('/api/accounts/organization', one),
      b.post('/api/accounts/organization', two),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const loser = results.find((r) => r.statusCode === 409)!;
    expect(loser.json().code).toBe('account.org_code_taken');
    const orgs = await t.database.db
      .select()
      .from(organizations)
      .where(eq(organizations.orgCode, one.organization.orgCode as string));
    expect(orgs).toHaveLength(1);
    // the loser's administrator was not created either
    const loserName = (results[0]!.statusCode === 409 ? one : two).administrator.username as string;
    expect(await t.database.db.select().from(accounts).where(eq(accounts.username, loserName))).toHaveLength(
      0,
    );
  });

  it('a wrong SMS code writes nothing; the same code cannot register twice', async () => {
    const agent = new Agent(t.app);
    const body = await withCode(agent, organizationBody());
    const wrong = await agent.post('/api/accounts/organization', {
      ...body,
      administrator: {
        ...body.administrator,
        smsCode: body.administrator.smsCode === '111111' ? '222222' : '111111',
      },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0]).toMatchObject({ path: 'administrator.smsCode', code: 'otp.invalid' });
    expect(
      await t.database.db
        .select()
        .from(organizations)
        .where(eq(organizations.orgCode, body.organization.orgCode as string)),
    ).toHaveLength(0);

    expect((await agent.post('/api/accounts/organization', body)).statusCode).toBe(201);
    const reuse = organizationBody({
      administrator: { mobile: body.administrator.mobile, smsCode: body.administrator.smsCode },
    });
    const res = await agent.post('/api/accounts/organization', reuse);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ path: 'administrator.smsCode', code: 'otp.expired' });
  });

  it('电子营业执照快捷注册: the licence simulator prefills step 1 and the data must match it', async () => {
    const agent = new Agent(t.app);
    const info = await agent.get('/api/platform/info');
    expect(info.json().simulators).toContain('e-license-simulator');

    const opened = await agent.post('/api/e-license/sessions');
    expect(opened.statusCode).toBe(201);
    const { id, simulator } = opened.json();
    expect(simulator).toBe(true);
    expect((await agent.get(`/api/e-license/sessions/${id}`)).json().status).toBe('pending');

    const body = organizationBody();
    const pending = await agent.post('/api/accounts/organization/check', {
      ...body.organization,
      eLicenseSessionId: id,
    });
    expect(pending.json().code).toBe('e_license.pending');

    const licence = {
      creditCode: body.organization.creditCode,
      name: body.organization.name,
      legalRepName: body.organization.legalRepName,
      legalRepIdNumber: body.organization.legalRepIdNumber,
    };
    expect((await agent.post(`/api/dev/e-license/sessions/${id}/authorize`, licence)).statusCode).toBe(200);
    const polled = (await agent.get(`/api/e-license/sessions/${id}`)).json();
    // the polling route never sends the legal representative's ID number whole
    expect(polled).toMatchObject({
      status: 'authorized',
      enterprise: {
        ...licence,
        legalRepIdNumber: maskIdNumber(licence.legalRepIdNumber),
        orgCode: body.organization.orgCode,
      },
    });
    // the authorization belongs to the browser that opened it: another one holding the id gets nothing
    expect((await new Agent(t.app).get(`/api/e-license/sessions/${id}`)).statusCode).toBe(404);

    const tampered = await agent.post('/api/accounts/organization/check', {
      ...body.organization,
      name: '别的公司',
      eLicenseSessionId: id,
    });
    expect(tampered.json().code).toBe('e_license.mismatch');

    // another browser cannot register with this browser's licence authorization
    const stranger = new Agent(t.app);
    const stolen = await stranger.post('/api/accounts/organization/check', {
      ...body.organization,
      eLicenseSessionId: id,
    });
    expect(stolen.json().code).toBe('e_license.session_unknown');

    // the form sends the number as it shows it (masked); the licence's own number is registered
    await withCode(agent, body);
    const res = await agent.post('/api/accounts/organization', {
      ...body,
      organization: {
        ...body.organization,
        legalRepIdNumber: polled.enterprise.legalRepIdNumber,
        eLicenseSessionId: id,
      },
    });
    expect(res.statusCode).toBe(201);
    const [org] = await t.database.db
      .select()
      .from(organizations)
      .where(eq(organizations.id, res.json().organizationId));
    expect(org!.source).toBe('e_license');
    expect(t.ctx.crypto.decrypt(org!.legalRepIdNumberEnc!)).toBe(licence.legalRepIdNumber);

    const unknown = await agent.get('/api/e-license/sessions/6b0c5a4e-0d7e-4a52-9a53-3c1f2f0f9b11');
    expect(unknown.statusCode).toBe(404);
  });
});
