import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { CAPTCHA, expectAccessible, residentId, uniquePerson } from './support.ts';

// WebAuthn refuses IP addresses as relying-party IDs: the passkey journey runs on the server's own
// origin, http://localhost:<port>, which is also the server's default PUBLIC_URL for passkeys.
const ORIGIN = `http://localhost:${process.env.E2E_PORT ?? 3210}`;

/** Registers a fresh individual through the API, reading the SMS code from the dev outbox. */
async function registerIndividual(request: APIRequestContext) {
  const person = uniquePerson();
  const csrf = ((await (await request.get(`${ORIGIN}/api/csrf`)).json()) as { token: string }).token;
  const headers = { 'x-csrf-token': csrf };
  const captcha = async () => {
    const res = await request.post(`${ORIGIN}/api/captchas`, { headers });
    return { captchaId: ((await res.json()) as { id: string }).id, captchaAnswer: CAPTCHA };
  };
  const sent = await request.post(`${ORIGIN}/api/otp/sms`, {
    headers,
    data: { mobile: person.mobile, purpose: 'register', ...(await captcha()) },
  });
  expect(sent.status()).toBe(202);
  const outbox = await request.get(`${ORIGIN}/api/dev/outbox?to=${person.mobile}&limit=1`);
  const smsCode = ((await outbox.json()) as { text: string }[])[0]?.text.match(/\d{6}/)?.[0];
  const res = await request.post(`${ORIGIN}/api/accounts/individual`, {
    headers,
    data: {
      name: '钱通行',
      idType: 'resident_id',
      idNumber: residentId('19900101', Number(person.mobile.slice(-3))),
      idValidFrom: '20200101',
      idValidTo: '20400101',
      username: person.username,
      password: 'Passw0rd!',
      confirmPassword: 'Passw0rd!',
      mobile: person.mobile,
      smsCode,
      email: person.email,
      agreement: true,
    },
  });
  expect(res.status()).toBe(201);
  return person;
}

/** A platform authenticator in Chromium (DevTools protocol): resident keys, user verification that succeeds. */
async function addVirtualAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return {
    credentials: async () => (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials,
  };
}

test('a person adds a passkey, signs out and signs in with it — no username, no password', async ({
  page,
}) => {
  const person = await registerIndividual(page.request);
  const authenticator = await addVirtualAuthenticator(page);

  // sign in with the password first
  await page.goto(`${ORIGIN}/login`);
  await page.locator('#login_username').fill(person.username);
  await page.locator('#login_password').fill('Passw0rd!');
  await page.locator('#login_captchaAnswer').fill(CAPTCHA);
  await page.getByRole('button', { name: /^登\s*录$/ }).click();
  await expect(page).toHaveURL(/\/account/);

  // 通行密钥 in the account centre
  await page.getByRole('menuitem', { name: /通行密钥/ }).click();
  await expect(page).toHaveURL(/\/account\/passkeys$/);
  await expect(page.getByRole('heading', { name: '通行密钥', level: 1 })).toBeVisible();
  await expect(page.getByText('尚未添加通行密钥')).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: /添加通行密钥/ }).click();
  const dialog = page.getByRole('dialog', { name: '添加通行密钥' });
  await expect(dialog).toBeVisible();
  await dialog.locator('#addPasskey_name').fill('测试电脑');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: /下一步/ }).click();
  await expect(page.getByText('通行密钥已添加')).toBeVisible();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row', { name: /测试电脑/ });
  await expect(row).toBeVisible();
  await expect(row).toContainText('尚未使用');
  const stored = await authenticator.credentials();
  expect(stored).toHaveLength(1);
  expect(stored[0]?.isResidentCredential).toBe(true);
  await expectAccessible(page);

  // sign out, then in with the passkey alone
  await page.getByRole('button', { name: /退出/ }).first().click();
  await expect(page).toHaveURL(new RegExp(`^${ORIGIN}/$`));
  await page.goto(`${ORIGIN}/login?next=/account/passkeys`);
  await expect(page.getByRole('button', { name: /使用通行密钥登录/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: /使用通行密钥登录/ }).click();
  await expect(page).toHaveURL(/\/account\/passkeys$/);
  await expect(page.getByRole('link', { name: person.username })).toBeVisible();
  await expect(page.getByRole('row', { name: /测试电脑/ })).not.toContainText('尚未使用');

  const session = await page.request.get(`${ORIGIN}/api/auth/session`);
  expect(((await session.json()) as { method: string }).method).toBe('passkey');
  expect((await authenticator.credentials())[0]?.signCount).toBeGreaterThan(0);

  // 我的登录设备 names the way in
  await page.getByRole('menuitem', { name: /我的登录设备/ }).click();
  await expect(page.getByRole('main').getByRole('cell', { name: '通行密钥', exact: true })).toBeVisible();

  // remove it (with confirmation); it no longer signs in
  await page.getByRole('menuitem', { name: /通行密钥/ }).click();
  await page
    .getByRole('row', { name: /测试电脑/ })
    .getByRole('button', { name: /删\s*除/ })
    .click();
  await page
    .getByRole('tooltip')
    .getByRole('button', { name: /删\s*除/ })
    .click();
  await expect(page.getByText('通行密钥已删除')).toBeVisible();
  await expect(page.getByText('尚未添加通行密钥')).toBeVisible();
  await page.getByRole('button', { name: /退出/ }).first().click();
  await page.goto(`${ORIGIN}/login`);
  await page.getByRole('button', { name: /使用通行密钥登录/ }).click();
  await expect(page.getByText('该通行密钥未在本平台登记或已被删除')).toBeVisible();
});
