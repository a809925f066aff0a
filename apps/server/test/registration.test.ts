import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, otpCodes, signInAudit } from '../src/db/schema/index.ts';
import { Agent, createTestApp, individualBody, latestCode, type TestApp } from './helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('individual registration (seed 004 §1.3) → sign in → account → sign out', () => {
  it('walks the whole journey with masked personal data', async () => {
    const agent = new Agent(t.app);
    const body = individualBody({
      idNumber: '11010519491231002X',
      mobile: '13812341234',
      email: 'loveyoung@126.com',
      username: 'loveyoung1',
    });

    // the SMS arrives with the seed's wording
    const send = await agent.post('/api/otp/sms', {
      mobile: body.mobile,
      purpose: 'register',
      ...(await agent.captcha()),
    });
    expect(send.statusCode).toBe(202);
    expect(send.json()).toMatchObject({ resendAfter: 60, expiresIn: 300, simulator: '/dev/outbox' });
    const [sms] = (await agent.get('/api/dev/outbox?to=13812341234')).json();
    expect(sms.channel).toBe('sms');
    expect(sms.text).toMatch(/^【单一窗口】本次短信验证码为 \d{6}，有效期5分钟，请勿泄露。$/);
    const smsCode = await latestCode(agent, '13812341234');

    const reg = await agent.post('/api/accounts/individual', { ...body, smsCode });
    expect(reg.statusCode).toBe(201);
    expect(reg.json()).toMatchObject({ username: 'loveyoung1' });

    // personal numbers are encrypted at rest, with blind indexes
    const [row] = await t.ctx.db.select().from(accounts).where(eq(accounts.username, 'loveyoung1'));
    expect(row!.idNumberEnc).not.toContain('1101');
    expect(row!.mobileEnc).not.toContain('1381');
    expect(row!.emailEnc).not.toContain('loveyoung');
    expect(row!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(row!.mobileVerifiedAt).not.toBeNull();

    // sign in with a differently-cased username
    const signIn = await agent.signIn('LoveYoung1', 'Passw0rd!');
    expect(signIn.statusCode).toBe(200);
    const cookie = signIn.cookies.find((c) => c.name === 'sw_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const me = await agent.get('/api/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      username: 'loveyoung1',
      kind: 'individual',
      name: '李四',
      idNumberMasked: '1101**********002X',
      mobileMasked: '138****1234',
      emailMasked: 'lo*****ng@126.com',
      idValidFrom: '20200101',
      realNameLevel: 'none',
    });
    expect(me.body).not.toContain('13812341234');
    expect(me.body).not.toContain('11010519491231002X');

    const out = await agent.post('/api/auth/sign-out');
    expect(out.statusCode).toBe(204);
    expect((await agent.get('/api/me')).statusCode).toBe(401);
  });

  it('lets a passport holder without a mainland mobile verify by e-mail', async () => {
    const agent = new Agent(t.app);
    const email = 'John.Smith@Example.org';
    const emailCode = await agent.emailCode(email);
    const [mail] = (await agent.get('/api/dev/outbox?to=john.smith@example.org')).json();
    expect(mail).toMatchObject({ channel: 'email', subject: '单一窗口 邮箱验证码' });

    const check = await agent.post('/api/otp/check', {
      channel: 'email',
      target: email,
      purpose: 'register',
      code: emailCode,
    });
    expect(check.json()).toEqual({ valid: true });

    const body = individualBody({
      idType: 'passport',
      idNumber: 'E12345678',
      email,
      emailCode,
      mobile: undefined,
    });
    const reg = await agent.post('/api/accounts/individual', body);
    expect(reg.statusCode).toBe(201);
    const [row] = await t.ctx.db.select().from(accounts).where(eq(accounts.id, reg.json().id));
    expect(row!.mobileEnc).toBeNull();
    expect(row!.emailVerifiedAt).not.toBeNull();
    expect(row!.idValidFrom).toBeNull();
  });

  it('requires a mobile and SMS code for a resident ID, and ID validity dates', async () => {
    const agent = new Agent(t.app);
    const res = await agent.post(
      '/api/accounts/individual',
      individualBody({ mobile: undefined, idValidFrom: undefined, emailCode: '123456' }),
    );
    expect(res.statusCode).toBe(400);
    const paths = res.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['mobile', 'smsCode', 'idValidFrom']));
  });

  it('rejects invalid fields with one error per field, next to the field', async () => {
    const agent = new Agent(t.app);
    const res = await agent.post(
      '/api/accounts/individual',
      individualBody({
        idNumber: '110105194912310021',
        username: 'ab',
        password: 'password',
        confirmPassword: 'different',
        email: 'not-an-email',
        mobile: '12345',
        idValidTo: '20101301',
        agreement: false,
      }),
    );
    expect(res.statusCode).toBe(400);
    const byPath = Object.fromEntries(
      res.json().errors.map((e: { path: string; code: string }) => [e.path, e.code]),
    );
    expect(byPath).toMatchObject({
      idNumber: 'field.id_number_invalid',
      username: 'field.username_invalid',
      password: 'field.password_weak',
      email: 'field.email_invalid',
      mobile: 'field.mobile_invalid',
      idValidTo: 'field.date_invalid',
      agreement: 'field.agreement_required',
    });
    expect(await t.ctx.db.$count(accounts, sql`${accounts.username} = 'ab'`)).toBe(0);
  });

  it('refuses markup and SQL in a name, each with its own code', async () => {
    const agent = new Agent(t.app);
    for (const [name, code] of [
      ['<script>alert(1)</script>', 'field.markup_not_allowed'],
      ["Robert'); DROP TABLE accounts;--", 'field.name_invalid'],
    ] as const) {
      const res = await agent.post('/api/accounts/individual', {
        ...individualBody({ name }),
        smsCode: '123456',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toContainEqual(expect.objectContaining({ path: 'name', code }));
    }
    // real names pass: Chinese, a middle dot, an apostrophe
    for (const name of ['欧阳娜娜', '阿依古丽·买买提', "Seán O'Brien"]) {
      const res = await agent.post('/api/accounts/individual', {
        ...individualBody({ name }),
        smsCode: '123456',
      });
      expect(res.json().errors ?? []).not.toContainEqual(expect.objectContaining({ path: 'name' }));
    }
  });

  it('refuses a taken username (ignoring case) and writes nothing', async () => {
    const agent = new Agent(t.app);
    const first = individualBody();
    await agent.post('/api/accounts/individual', {
      ...first,
      smsCode: await agent.smsCode(first.mobile as string),
    });
    const second = individualBody({
      username:
        (first.username as string).toUpperCase() === first.username
          ? first.username
          : (first.username as string).replace(/^u/, 'U'),
    });
    const res = await agent.post('/api/accounts/individual', {
      ...second,
      username: (first.username as string).toLowerCase(),
      smsCode: await agent.smsCode(second.mobile as string),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('account.username_taken');
    expect(res.json().errors[0]).toMatchObject({ path: 'username', code: 'account.username_taken' });
    const available = await agent.get(`/api/accounts/username-available?username=${first.username}`);
    expect(available.json()).toEqual({ available: false });
    // the code of the refused registration was not used up
    const [open] = await t.ctx.db.select().from(otpCodes).where(sql`${otpCodes.consumedAt} is null`).limit(1);
    expect(open).toBeDefined();
  });

  it('gives one success and one conflict for two simultaneous registrations of one username', async () => {
    const a = new Agent(t.app);
    const b = new Agent(t.app);
    const bodyA = individualBody();
    const bodyB = individualBody({ username: bodyA.username });
    const [codeA, codeB] = [await a.smsCode(bodyA.mobile as string), await b.smsCode(bodyB.mobile as string)];
    const results = await Promise.all([
      a.post('/api/accounts/individual', { ...bodyA, smsCode: codeA }),
      b.post('/api/accounts/individual', { ...bodyB, smsCode: codeB }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(await t.ctx.db.$count(accounts, eq(accounts.username, bodyA.username as string))).toBe(1);
  });

  it('refuses a second individual account for the same identity document', async () => {
    const agent = new Agent(t.app);
    const first = individualBody();
    expect(
      (
        await agent.post('/api/accounts/individual', {
          ...first,
          smsCode: await agent.smsCode(first.mobile as string),
        })
      ).statusCode,
    ).toBe(201);
    const again = individualBody({ idNumber: first.idNumber });
    const res = await agent.post('/api/accounts/individual', {
      ...again,
      smsCode: await agent.smsCode(again.mobile as string),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('account.id_number_taken');
  });
});

describe('one-time codes', () => {
  it('a code is single use', async () => {
    const agent = new Agent(t.app);
    const body = individualBody();
    const smsCode = await agent.smsCode(body.mobile as string);
    expect((await agent.post('/api/accounts/individual', { ...body, smsCode })).statusCode).toBe(201);
    const reuse = await agent.post('/api/accounts/individual', {
      ...individualBody({ mobile: body.mobile }),
      smsCode,
    });
    expect(reuse.statusCode).toBe(400);
    expect(reuse.json().errors[0]).toMatchObject({ path: 'smsCode', code: 'otp.expired' });
  });

  it('allows 5 wrong tries, then the code is dead even when right', async () => {
    const agent = new Agent(t.app);
    const body = individualBody();
    const code = await agent.smsCode(body.mobile as string);
    const wrong = code === '000000' ? '111111' : '000000';
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await agent.post('/api/accounts/individual', { ...body, smsCode: wrong });
      codes.push(res.json().errors[0].code);
    }
    expect(codes).toEqual([
      'otp.invalid',
      'otp.invalid',
      'otp.invalid',
      'otp.invalid',
      'otp.too_many_attempts',
    ]);
    const right = await agent.post('/api/accounts/individual', { ...body, smsCode: code });
    expect(right.json().errors[0].code).toBe('otp.too_many_attempts');
    expect(await t.ctx.db.$count(accounts, eq(accounts.username, body.username as string))).toBe(0);
  });

  it('refuses a resend within 60 seconds with Retry-After', async () => {
    const agent = new Agent(t.app);
    await agent.smsCode('13700000001');
    const again = await agent.post('/api/otp/sms', {
      mobile: '13700000001',
      purpose: 'register',
      ...(await agent.captcha()),
    });
    expect(again.statusCode).toBe(429);
    expect(again.json().code).toBe('otp.resend_too_soon');
    expect(Number(again.headers['retry-after'])).toBeGreaterThan(50);
  });

  it('sends nothing when the image captcha is wrong or reused', async () => {
    const agent = new Agent(t.app);
    const captcha = await agent.captcha();
    const wrong = await agent.post('/api/otp/sms', {
      mobile: '13700000002',
      purpose: 'register',
      captchaId: captcha.captchaId,
      captchaAnswer: 'nope',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0]).toMatchObject({ path: 'captchaAnswer', code: 'captcha.invalid' });
    // the image was used up by the wrong answer
    const reuse = await agent.post('/api/otp/sms', {
      mobile: '13700000002',
      purpose: 'register',
      ...captcha,
    });
    expect(reuse.json().code).toBe('captcha.invalid');
    expect((await agent.get('/api/dev/outbox?to=13700000002')).json()).toEqual([]);
  });
});

describe('sign-in', () => {
  it('answers the same for an unknown user and a wrong password, and audits both', async () => {
    const agent = new Agent(t.app);
    const body = individualBody();
    await agent.post('/api/accounts/individual', {
      ...body,
      smsCode: await agent.smsCode(body.mobile as string),
    });
    const wrongPassword = await agent.signIn(body.username as string, 'Wr0ng!pass');
    const unknown = await agent.signIn('nobody123', 'Wr0ng!pass');
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    const strip = (b: Record<string, unknown>) => ({ ...b, requestId: undefined });
    expect(strip(wrongPassword.json())).toEqual(strip(unknown.json()));
    expect(wrongPassword.json().detail).toBe('用户名或密码错误，还可尝试4次');
    expect(wrongPassword.json().remainingAttempts).toBe(4);

    const audit = await t.ctx.db
      .select()
      .from(signInAudit)
      .where(sql`${signInAudit.identifier} in (${(body.username as string).toLowerCase()}, 'nobody123')`);
    expect(audit.map((a) => a.outcome).sort()).toEqual(['bad_password', 'unknown_account']);
    expect(audit.every((a) => a.ip && a.method === 'password')).toBe(true);
  });

  it('needs the image captcha', async () => {
    const agent = new Agent(t.app);
    const captcha = await agent.captcha();
    const res = await agent.post('/api/auth/sign-in', {
      username: 'whoever1',
      password: 'x',
      captchaId: captcha.captchaId,
      captchaAnswer: 'wrong',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ path: 'captchaAnswer', code: 'captcha.invalid' });
  });

  it('rotates the session at sign-in and ends the old one', async () => {
    const agent = new Agent(t.app);
    const body = individualBody();
    await agent.post('/api/accounts/individual', {
      ...body,
      smsCode: await agent.smsCode(body.mobile as string),
    });
    await agent.signIn(body.username as string, 'Passw0rd!');
    const first = agent.cookies.get('sw_session')!;
    await agent.signIn(body.username as string, 'Passw0rd!');
    const second = agent.cookies.get('sw_session')!;
    expect(second).not.toBe(first);
    const old = await t.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { cookie: `sw_session=${first}` },
    });
    expect(old.statusCode).toBe(401);
    expect((await agent.get('/api/me')).statusCode).toBe(200);
  });
});
