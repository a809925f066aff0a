import { and, eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, auditEvents, organizations, otpCodes } from '../src/db/schema/index.ts';
import { Agent, createTestApp, registerIndividual, type TestApp } from './helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

let seq = 0;
/** A valid 国外及港澳台地区企业注册 body (seed 004 §1.5) without its e-mail code. */
function overseasBody(overrides: Record<string, unknown> = {}) {
  seq++;
  const n = `${String(Date.now() % 100000).padStart(5, '0')}${String(seq).padStart(3, '0')}`;
  return {
    username: `ovs${n}`,
    password: 'Passw0rd!',
    confirmPassword: 'Passw0rd!',
    countryCode: 'HKG',
    registrationNo: `CR-${n}`,
    organizationName: 'Harbour Trading Co., Ltd.',
    department: 'Export Department',
    jobTitle: 'Logistics Manager',
    contactName: 'Chan Tai Man',
    contactPhone: '+852 2345 6789',
    fax: '+852 2345 6790',
    mobile: '+852 9123 4567',
    address: '88 Queensway, Admiralty, Hong Kong',
    email: `ovs${n}@example.hk`,
    notes: 'Imports electronics.\nContact in English.',
    agreement: true,
    ...overrides,
  };
}

/** Registers through the public API, the e-mail code read from the dev outbox. */
async function registerOverseas(agent: Agent, overrides: Record<string, unknown> = {}) {
  const body = overseasBody(overrides);
  const emailCode = await agent.emailCode(body.email as string);
  const res = await agent.post('/api/accounts/overseas', { ...body, emailCode });
  return { body, res };
}

function byPath(res: { json(): { errors?: { path: string; code: string }[] } }) {
  return Object.fromEntries((res.json().errors ?? []).map((e) => [e.path, e.code]));
}

const countOrganizations = () => t.ctx.db.$count(organizations, eq(organizations.kind, 'overseas'));

describe('国外及港澳台地区企业注册 (seed 004 §1.5)', () => {
  it('creates the enterprise and its account together, personal numbers encrypted', async () => {
    const agent = new Agent(t.app, 'en');
    const { body, res } = await registerOverseas(agent, {
      username: 'harbourtrade1',
      email: 'Chan.TaiMan@Harbour.example.hk',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ username: 'harbourtrade1', id: expect.any(String) });

    const [account] = await t.ctx.db.select().from(accounts).where(eq(accounts.id, res.json().id));
    expect(account).toMatchObject({
      kind: 'overseas',
      status: 'active',
      name: 'Chan Tai Man',
      department: 'Export Department',
      jobTitle: 'Logistics Manager',
      fax: '+852 2345 6790',
      notes: 'Imports electronics.\nContact in English.',
      idType: null,
      mobileVerifiedAt: null,
    });
    expect(account!.emailVerifiedAt).not.toBeNull();
    expect(account!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    // encrypted at rest, with blind indexes; the decrypted values are the normalized forms
    for (const sealed of [account!.phoneEnc, account!.mobileEnc, account!.emailEnc]) {
      expect(sealed).not.toMatch(/852|harbour|chan/i);
    }
    expect(t.ctx.crypto.decrypt(account!.phoneEnc!)).toBe('+852 2345 6789');
    expect(t.ctx.crypto.decrypt(account!.mobileEnc!)).toBe('+85291234567');
    expect(t.ctx.crypto.decrypt(account!.emailEnc!)).toBe('chan.taiman@harbour.example.hk');
    expect(account!.mobileBidx).toBe(t.ctx.crypto.blindIndex('mobile', '+85291234567'));
    expect(account!.emailBidx).toBe(t.ctx.crypto.blindIndex('email', 'chan.taiman@harbour.example.hk'));

    const [org] = await t.ctx.db
      .select()
      .from(organizations)
      .where(eq(organizations.id, account!.organizationId!));
    expect(org).toMatchObject({
      kind: 'overseas',
      name: 'Harbour Trading Co., Ltd.',
      countryCode: 'HKG',
      registrationNo: body.registrationNo,
      address: '88 Queensway, Admiralty, Hong Kong',
      source: 'registration',
      creditCode: null,
      orgCode: null,
    });

    // the code was used up with the registration
    const [code] = await t.ctx.db
      .select()
      .from(otpCodes)
      .where(eq(otpCodes.targetBidx, account!.emailBidx!))
      .limit(1);
    expect(code!.consumedAt).not.toBeNull();

    // sign in and see the account and the organization, personal numbers masked
    expect((await agent.signIn('HarbourTrade1', 'Passw0rd!')).statusCode).toBe(200);
    const me = await agent.get('/api/me');
    expect(me.json()).toMatchObject({
      kind: 'overseas',
      name: 'Chan Tai Man',
      mobileMasked: '+85*****4567',
      emailMasked: 'ch*******an@harbour.example.hk',
      organizationId: org!.id,
    });
    expect(me.body).not.toContain('91234567');
    const view = await agent.get('/api/account/organization');
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({
      kind: 'overseas',
      countryCode: 'HKG',
      registrationNo: body.registrationNo,
      name: 'Harbour Trading Co., Ltd.',
      address: '88 Queensway, Admiralty, Hong Kong',
    });
  });

  it('leaves the optional fields out when blank, and accepts a lower-case country code', async () => {
    const agent = new Agent(t.app);
    const { res } = await registerOverseas(agent, {
      countryCode: 'deu',
      registrationNo: '  ',
      department: '',
      jobTitle: undefined,
      fax: '',
      mobile: '',
      notes: '',
      contactName: 'Jürgen Müller-Lüdenscheidt',
      contactPhone: '+49 30 901820 ext. 12',
      organizationName: 'Müller & Söhne GmbH',
    });
    expect(res.statusCode).toBe(201);
    const [account] = await t.ctx.db.select().from(accounts).where(eq(accounts.id, res.json().id));
    expect(account).toMatchObject({
      department: null,
      jobTitle: null,
      fax: null,
      mobileEnc: null,
      mobileBidx: null,
      notes: null,
    });
    const [org] = await t.ctx.db
      .select()
      .from(organizations)
      .where(eq(organizations.id, account!.organizationId!));
    expect(org).toMatchObject({ countryCode: 'DEU', registrationNo: null, name: 'Müller & Söhne GmbH' });
  });

  it('refuses an unknown country and mainland China, writing nothing', async () => {
    const agent = new Agent(t.app);
    const before = await countOrganizations();
    for (const [countryCode, code] of [
      ['ZZZ', 'field.country_invalid'],
      ['XKX', 'field.country_invalid'],
      ['HK', 'field.country_invalid'],
      ['', 'field.required'],
      ['CHN', 'field.country_mainland'],
      ['chn', 'field.country_mainland'],
    ] as const) {
      const { res } = await registerOverseas(agent, { countryCode });
      expect(res.statusCode, countryCode).toBe(400);
      expect(res.json().code).toBe('request.validation_failed');
      expect(byPath(res), countryCode).toEqual({ countryCode: code });
    }
    expect(await countOrganizations()).toBe(before);
  });

  it('says in the caller’s language why mainland China is refused', async () => {
    const en = new Agent(t.app, 'en');
    const { res } = await registerOverseas(en, { countryCode: 'CHN' });
    expect(res.json().errors[0].message).toMatch(/Mainland China cannot be chosen/);
    const zh = new Agent(t.app, 'zh-CN');
    const again = await registerOverseas(zh, { countryCode: 'CHN' });
    expect(again.res.json().errors[0].message).toBe('境外企业注册不能选择中国内地，境内企业请选择企业注册');
  });

  it('rejects invalid fields with one error per field', async () => {
    const agent = new Agent(t.app);
    const res = await agent.post(
      '/api/accounts/overseas',
      overseasBody({
        username: 'AB',
        password: 'password',
        confirmPassword: 'other',
        contactPhone: 'call me maybe',
        fax: '12',
        mobile: '+852 9123 4567 ext 1',
        email: 'not-an-email',
        emailCode: '12ab',
        registrationNo: 'R'.repeat(61),
        organizationName: 'O'.repeat(201),
        address: '',
        notes: 'n'.repeat(501),
        department: 'Sales\tDept', // tab: refused by a single-line field's own schema
        agreement: false,
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(byPath(res)).toEqual({
      username: 'field.username_invalid',
      password: 'field.password_weak',
      confirmPassword: 'field.password_mismatch',
      contactPhone: 'field.phone_invalid',
      fax: 'field.phone_invalid',
      mobile: 'field.phone_invalid',
      email: 'field.email_invalid',
      emailCode: 'otp.invalid',
      registrationNo: 'field.too_long',
      organizationName: 'field.too_long',
      address: 'field.required',
      notes: 'field.too_long',
      department: 'field.invalid',
      agreement: 'field.agreement_required',
    });
  });

  it('requires the mandatory fields and refuses unknown ones', async () => {
    const agent = new Agent(t.app);
    const res = await agent.post('/api/accounts/overseas', { agreement: true, isStaff: true });
    expect(res.statusCode).toBe(400);
    expect(byPath(res)).toMatchObject({
      username: 'field.required',
      password: 'field.required',
      countryCode: 'field.required',
      organizationName: 'field.required',
      contactName: 'field.required',
      contactPhone: 'field.required',
      address: 'field.required',
      email: 'field.required',
      emailCode: 'field.required',
      isStaff: 'field.unknown',
    });
  });

  it('refuses markup in names, address and notes', async () => {
    const agent = new Agent(t.app);
    const before = await countOrganizations();
    const res = await agent.post(
      '/api/accounts/overseas',
      overseasBody({
        emailCode: '123456',
        organizationName: '<script>alert(1)</script> Ltd',
        contactName: '<b>Chan</b>',
        department: '<i>x</i>',
        jobTitle: 'Boss<',
        address: '<img src=x onerror=alert(1)>',
        registrationNo: 'CR<1>',
        notes: 'see <a href="javascript:alert(1)">here</a>',
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(byPath(res)).toEqual({
      organizationName: 'field.markup_not_allowed',
      contactName: 'field.markup_not_allowed',
      department: 'field.markup_not_allowed',
      jobTitle: 'field.markup_not_allowed',
      address: 'field.markup_not_allowed',
      registrationNo: 'field.markup_not_allowed',
      notes: 'field.markup_not_allowed',
    });
    expect(await countOrganizations()).toBe(before);
  });

  it('refuses a wrong e-mail code (and counts the try), then a code already used', async () => {
    const agent = new Agent(t.app);
    const body = overseasBody();
    const emailCode = await agent.emailCode(body.email as string);
    const wrong = emailCode === '000000' ? '111111' : '000000';
    const before = await countOrganizations();

    const bad = await agent.post('/api/accounts/overseas', { ...body, emailCode: wrong });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      code: 'otp.invalid',
      errors: [{ path: 'emailCode', code: 'otp.invalid' }],
    });
    const [open] = await t.ctx.db
      .select()
      .from(otpCodes)
      .where(eq(otpCodes.targetBidx, t.ctx.crypto.blindIndex('email', body.email as string)));
    expect(open!.attempts).toBe(1);
    expect(await countOrganizations()).toBe(before);

    const ok = await agent.post('/api/accounts/overseas', { ...body, emailCode });
    expect(ok.statusCode).toBe(201);

    // the same code again, for another enterprise with the same e-mail
    const reused = await agent.post('/api/accounts/overseas', {
      ...overseasBody({ email: body.email }),
      emailCode,
    });
    expect(reused.statusCode).toBe(400);
    expect(reused.json()).toMatchObject({ code: 'otp.expired', errors: [{ path: 'emailCode' }] });
    expect(await countOrganizations()).toBe(before + 1);
  });

  it('refuses a code sent to another address or for another purpose', async () => {
    const agent = new Agent(t.app);
    const body = overseasBody();
    const otherCode = await agent.emailCode(`other${body.email}`);
    const res = await agent.post('/api/accounts/overseas', { ...body, emailCode: otherCode });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('otp.expired');
    const recoverCode = await agent.emailCode(body.email as string, 'recover');
    const again = await agent.post('/api/accounts/overseas', { ...body, emailCode: recoverCode });
    expect(again.json().code).toBe('otp.expired');
  });

  it('refuses a taken username (any kind of account, ignoring case) and keeps the code', async () => {
    const agent = new Agent(t.app);
    const individual = await registerIndividual(agent);
    const before = await countOrganizations();
    const { body, res } = await registerOverseas(agent, { username: individual.username });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'account.username_taken',
      errors: [{ path: 'username', code: 'account.username_taken' }],
    });
    expect(await countOrganizations()).toBe(before);
    // the refused registration did not spend the code: it still works with another username
    const [open] = await t.ctx.db
      .select()
      .from(otpCodes)
      .where(
        and(
          eq(otpCodes.targetBidx, t.ctx.crypto.blindIndex('email', body.email as string)),
          sql`${otpCodes.consumedAt} is null`,
        ),
      );
    expect(open).toBeDefined();
  });

  it('gives one 201 and one 409 for two simultaneous registrations of one username, and one organization', async () => {
    const a = new Agent(t.app);
    const b = new Agent(t.app);
    const bodyA = overseasBody();
    const bodyB = overseasBody({ username: bodyA.username, organizationName: 'Race Loser Ltd' });
    const [codeA, codeB] = [
      await a.emailCode(bodyA.email as string),
      await b.emailCode(bodyB.email as string),
    ];
    const before = await countOrganizations();
    const results = await Promise.all([
      a.post('/api/accounts/overseas', { ...bodyA, emailCode: codeA }),
      b.post('/api/accounts/overseas', { ...bodyB, emailCode: codeB }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const loser = results.find((r) => r.statusCode === 409)!;
    expect(loser.json().errors[0]).toMatchObject({ path: 'username', code: 'account.username_taken' });
    expect(await t.ctx.db.$count(accounts, eq(accounts.username, bodyA.username as string))).toBe(1);
    // the loser's organization was rolled back with its account
    expect(await countOrganizations()).toBe(before + 1);
    const orphans = await t.ctx.db.$count(
      organizations,
      sql`not exists (select 1 from ${accounts} where ${accounts.organizationId} = ${organizations.id})`,
    );
    expect(orphans).toBe(0);
  });
});

describe('random bodies never produce a 5xx', () => {
  it('POST /api/accounts/overseas', async () => {
    const agent = new Agent(t.app);
    const text = fc.oneof(
      fc.string(),
      fc.constant('<script>alert(1)</script>'),
      fc.constant("x'; drop table organizations;--"),
      fc.string({ minLength: 300, maxLength: 700 }),
      fc.integer(),
      fc.constant(null),
    );
    const body = fc.record(
      {
        username: fc.oneof(fc.constant('fuzzuser1'), text),
        password: fc.oneof(fc.constant('Passw0rd!'), text),
        confirmPassword: fc.oneof(fc.constant('Passw0rd!'), text),
        countryCode: fc.oneof(fc.constantFrom('HKG', 'CHN', 'ZZZ', 'usa', ''), text),
        registrationNo: text,
        organizationName: text,
        department: text,
        jobTitle: text,
        contactName: text,
        contactPhone: fc.oneof(fc.constant('+852 2345 6789'), text),
        fax: text,
        mobile: fc.oneof(fc.constant('+852 9123 4567'), text),
        address: text,
        email: fc.oneof(fc.constant('fuzz@example.org'), text),
        emailCode: fc.oneof(fc.constant('123456'), text),
        notes: text,
        agreement: fc.oneof(fc.constant(true), fc.boolean(), text),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          body.map((v) => JSON.stringify(v)),
          fc.string(),
        ),
        async (payload) => {
          const res = await agent.post('/api/accounts/overseas', payload);
          expect(res.statusCode).toBeGreaterThanOrEqual(400);
          expect(res.statusCode).toBeLessThan(500);
          expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        },
      ),
      { numRuns: 150 },
    );
    expect(await t.ctx.db.$count(accounts, eq(accounts.username, 'fuzzuser1'))).toBe(0);
  });
});

describe('补充所在国家(地区)注册编号 (seed 004 §3.1)', () => {
  const put = (agent: Agent, body: unknown) =>
    agent.send('PUT', '/api/account/organization/registration-no', body as Record<string, unknown>);

  it('sets an empty registration number once, audited; then refuses any change with 409', async () => {
    const agent = new Agent(t.app);
    const { body, res } = await registerOverseas(agent, { countryCode: 'BDI', registrationNo: '' });
    expect(res.statusCode).toBe(201);
    expect((await agent.signIn(body.username as string, 'Passw0rd!')).statusCode).toBe(200);
    expect((await agent.get('/api/account/organization')).json().registrationNo).toBeNull();

    const set = await put(agent, { registrationNo: '  BI-2024-0042 ' });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ countryCode: 'BDI', registrationNo: 'BI-2024-0042' });
    const orgId = set.json().id as string;
    const [org] = await t.ctx.db.select().from(organizations).where(eq(organizations.id, orgId));
    expect(org!.registrationNo).toBe('BI-2024-0042');

    const events = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.targetId, orgId));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: res.json().id,
      action: 'organization.registration_no_set',
      targetType: 'organization',
      detail: { countryCode: 'BDI', registrationNo: 'BI-2024-0042' },
    });

    for (const registrationNo of ['BI-2024-9999', 'BI-2024-0042']) {
      const again = await put(agent, { registrationNo });
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({
        code: 'organization.registration_no_immutable',
        errors: [{ path: 'registrationNo', code: 'organization.registration_no_immutable' }],
      });
    }
    const [after] = await t.ctx.db.select().from(organizations).where(eq(organizations.id, orgId));
    expect(after!.registrationNo).toBe('BI-2024-0042');
    expect(await t.ctx.db.$count(auditEvents, eq(auditEvents.targetId, orgId))).toBe(1);
  });

  it('lets only one of two simultaneous supplements win', async () => {
    const agent = new Agent(t.app);
    const { body } = await registerOverseas(agent, { registrationNo: undefined });
    await agent.signIn(body.username as string, 'Passw0rd!');
    const results = await Promise.all([
      put(agent, { registrationNo: 'FIRST-1' }),
      put(agent, { registrationNo: 'SECOND-2' }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.statusCode === 200)!.json().registrationNo;
    expect((await agent.get('/api/account/organization')).json().registrationNo).toBe(winner);
  });

  it('refuses a number given at registration, bad input, other account kinds and strangers', async () => {
    const owner = new Agent(t.app);
    const { body } = await registerOverseas(owner, { registrationNo: 'GIVEN-AT-SIGNUP' });
    await owner.signIn(body.username as string, 'Passw0rd!');
    expect((await put(owner, { registrationNo: 'NEW' })).statusCode).toBe(409);

    const fresh = new Agent(t.app);
    const second = await registerOverseas(fresh, { registrationNo: '' });
    await fresh.signIn(second.body.username as string, 'Passw0rd!');
    for (const [payload, path, code] of [
      [{ registrationNo: '' }, 'registrationNo', 'field.required'],
      [{ registrationNo: 'X'.repeat(61) }, 'registrationNo', 'field.too_long'],
      [{ registrationNo: '<b>1</b>' }, 'registrationNo', 'field.markup_not_allowed'],
      [{ registrationNo: 'A1', countryCode: 'USA' }, 'countryCode', 'field.unknown'],
    ] as const) {
      const res = await put(fresh, payload);
      expect(res.statusCode).toBe(400);
      expect(byPath(res)).toEqual({ [path]: code });
    }
    expect((await fresh.get('/api/account/organization')).json().registrationNo).toBeNull();

    const individual = new Agent(t.app);
    const person = await registerIndividual(individual);
    await individual.signIn(person.username, person.password);
    const forbidden = await put(individual, { registrationNo: 'X1' });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().code).toBe('auth.forbidden');

    const stranger = new Agent(t.app);
    const anonymous = await put(stranger, { registrationNo: 'X1' });
    expect(anonymous.statusCode).toBe(401);
  });
});
