import { expect, test } from '@playwright/test';
import { CAPTCHA, expectAccessible, readCode, residentId, uniquePerson } from './support.ts';

test('an individual changes the bound mobile with both codes, then the personal details', async ({
  page,
}) => {
  // registered through the API as the registration page would
  const person = uniquePerson();
  const idNumber = residentId('19910303', Number(person.mobile.slice(-3)));
  await page.request.get('/api/csrf');
  const csrf = (await page.context().cookies()).find((c) => c.name.endsWith('sw_csrf'))?.value ?? '';
  const post = (url: string, data: unknown) =>
    page.request.post(url, { data, headers: { 'x-csrf-token': csrf } });
  const captcha = async () => ({
    captchaId: ((await (await post('/api/captchas', {})).json()) as { id: string }).id,
    captchaAnswer: CAPTCHA,
  });
  await post('/api/otp/sms', { mobile: person.mobile, purpose: 'register', ...(await captcha()) });
  const registered = await post('/api/accounts/individual', {
    name: '周小川',
    idType: 'resident_id',
    idNumber,
    idValidFrom: '20200101',
    idValidTo: '20400101',
    username: person.username,
    password: 'Passw0rd!',
    confirmPassword: 'Passw0rd!',
    mobile: person.mobile,
    smsCode: await readCode(page, person.mobile),
    email: person.email,
    agreement: true,
  });
  expect(registered.status()).toBe(201);
  await page.context().clearCookies();

  await page.goto('/login');
  await page.locator('#login_username').fill(person.username);
  await page.locator('#login_password').fill('Passw0rd!');
  await page.locator('#login_captchaAnswer').fill(CAPTCHA);
  await page.getByRole('button', { name: /^登\s*录$/ }).click();
  await expect(page).toHaveURL(/\/account\/info/);

  // 修改绑定手机
  await page.getByRole('button', { name: '修改 手机' }).click();
  const dialog = page.getByRole('dialog', { name: '修改绑定手机' });
  await expect(dialog.getByText(/修改手机号码，可能会影响密码找回/)).toBeVisible();
  await dialog.getByRole('button', { name: '获取验证码' }).first().click();
  await dialog.locator('#change-mobile_oldCode').fill(await readCode(page, person.mobile));
  const newMobile = `136${person.mobile.slice(3)}`;
  await dialog.locator('#change-mobile_newMobile').fill(newMobile);
  await dialog.locator('#change-mobile_captchaAnswer').fill(CAPTCHA);
  await dialog.getByRole('button', { name: '获取验证码' }).last().click();
  await dialog.locator('#change-mobile_newCode').fill(await readCode(page, newMobile));
  await expectAccessible(page);
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('修改成功')).toBeVisible();
  await expect(page.getByText(`${newMobile.slice(0, 3)}****${newMobile.slice(-4)}`)).toBeVisible();

  // 修改个人信息: the warning about 实名认证 before saving
  await page.getByRole('button', { name: '修改 姓名' }).click();
  const identity = page.getByRole('dialog', { name: '修改个人信息' });
  await expect(identity.getByText(/实名认证将无效/)).toBeVisible();
  await identity.locator('#change-identity_name').fill('周晓川');
  await identity.locator('#change-identity_idNumber').fill(idNumber);
  await expectAccessible(page);
  await identity.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('周晓川')).toBeVisible();
});
