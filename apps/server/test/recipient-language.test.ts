import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts } from '../src/db/schema/index.ts';
import {
  Agent,
  createTestApp,
  latestCode,
  outboxMessages,
  registerIndividual,
  type TestApp,
} from './helpers.ts';

// Issue 10 §4: every e-mail, SMS and 站内信 is written in the language the person uses — the
// request's for codes, the account's (set at registration, sign-in and by the switch) for the rest.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('messages in the recipient’s language', () => {
  it('writes a code in the language of the page that asked for it', async () => {
    const english = new Agent(t.app, 'en');
    const res = await english.post('/api/otp/email', {
      email: 'overseas.buyer@example.com',
      purpose: 'register',
      ...(await english.captcha()),
    });
    expect(res.statusCode).toBe(202);
    const [mail] = await outboxMessages(t, 'overseas.buyer@example.com');
    expect(mail?.payload?.subject).toBe('Single Window verification code');
    expect(mail?.payload?.text).toMatch(/^Hello,\n\nYour e-mail verification code is \d{6}\./);

    const hongKong = new Agent(t.app, 'zh-HK');
    await hongKong.post('/api/otp/sms', {
      mobile: '13700137000',
      purpose: 'register',
      ...(await hongKong.captcha()),
    });
    const [sms] = await outboxMessages(t, '13700137000');
    expect(sms?.payload?.text).toMatch(/^【單一窗口】本次短訊驗證碼為 \d{6}/);
    expect(await latestCode(hongKong, '13700137000')).toMatch(/^\d{6}$/);
  });

  it('keeps the language of registration and sign-in with the account, and the switch changes it', async () => {
    const agent = new Agent(t.app, 'en');
    const { body } = await registerIndividual(agent);
    const localeOf = async () =>
      (
        await t.ctx.db
          .select({ locale: accounts.locale })
          .from(accounts)
          .where(eq(accounts.username, body.username as string))
      )[0]?.locale;
    expect(await localeOf()).toBe('en');

    const chinese = new Agent(t.app, 'zh-CN');
    expect((await chinese.signIn(body.username as string, body.password as string)).statusCode).toBe(200);
    expect(await localeOf()).toBe('zh-CN');

    const switched = await chinese.send('PUT', '/api/account/settings/locale', { locale: 'zh-HK' });
    expect(switched.statusCode).toBe(200);
    expect(await localeOf()).toBe('zh-HK');
    const wrong = await chinese.send('PUT', '/api/account/settings/locale', { locale: 'fr' });
    expect(wrong.statusCode).toBe(400);
  });
});
