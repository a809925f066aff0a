import { expect, type Page, test } from '@playwright/test';
import { CAPTCHA, expectAccessible, readCode, residentId, uniquePerson } from './support.ts';

/** Registers an individual through the public API, as the registration page would. */
async function registerIndividual(page: Page) {
  const person = { ...uniquePerson(), idNumber: '' };
  person.idNumber = residentId('19900215', Number(person.mobile.slice(-3)));
  await page.request.get('/api/csrf');
  const cookies = await page.context().cookies();
  const csrf = cookies.find((c) => c.name.endsWith('sw_csrf'))?.value ?? '';
  const post = async (url: string, data: unknown) => {
    const res = await page.request.post(url, { data, headers: { 'x-csrf-token': csrf } });
    return res;
  };
  const captcha = async () => ({
    captchaId: ((await (await post('/api/captchas', {})).json()) as { id: string }).id,
    captchaAnswer: CAPTCHA,
  });
  expect(
    (
      await post('/api/otp/sms', { mobile: person.mobile, purpose: 'register', ...(await captcha()) })
    ).status(),
  ).toBe(202);
  const smsCode = await readCode(page, person.mobile);
  const res = await post('/api/accounts/individual', {
    name: '王小明',
    idType: 'resident_id',
    idNumber: person.idNumber,
    idValidFrom: '20200101',
    idValidTo: '20400101',
    username: person.username,
    password: 'Passw0rd!',
    confirmPassword: 'Passw0rd!',
    mobile: person.mobile,
    smsCode,
    email: person.email,
    agreement: true,
  });
  expect(res.status()).toBe(201);
  await page.context().clearCookies();
  return person;
}

test('an individual resets the password by 手机验证 in four steps and signs in with it', async ({ page }) => {
  const person = await registerIndividual(page);

  await page.goto('/login');
  await page.getByRole('link', { name: '忘记密码' }).click();
  await expect(page.getByRole('heading', { name: '忘记密码' })).toBeVisible();
  // the pointer stays where the login page's link was: off the links, as a reader's would be
  await page.mouse.move(0, 0);
  await expectAccessible(page);

  // 1 填写用户名
  await page.getByLabel('用户名').fill(person.username);
  await page.locator('#forgot-username_captchaAnswer').fill(CAPTCHA);
  await page.getByRole('button', { name: '下一步' }).click();

  // 2 安全验证: 手机验证 shows the bound mobile, masked
  await expect(page.getByText('请选择验证方式')).toBeVisible();
  await expect(page.getByRole('radio', { name: /法定代表人信息验证/ })).toHaveCount(0);
  await expect(page.getByLabel('账号绑定的手机号')).toHaveValue(
    `${person.mobile.slice(0, 3)}****${person.mobile.slice(-4)}`,
  );
  await expectAccessible(page);
  await page.locator('#forgot-verify_captchaAnswer').fill(CAPTCHA);
  await page.getByRole('button', { name: '获取验证码' }).click();
  await expect(page.getByRole('button', { name: /秒后重新获取/ })).toBeVisible();
  await page.locator('#forgot-verify_code').fill(await readCode(page, person.mobile));
  await page.getByRole('button', { name: '下一步' }).click();

  // 3 重置密码
  await expect(page.getByLabel('登录用户名')).toHaveValue(person.username);
  await page.locator('#forgot-reset_password').fill('Renewed@2026');
  await page.locator('#forgot-reset_confirmPassword').fill('Renewed@2026');
  await expectAccessible(page);
  await page.getByRole('button', { name: '下一步' }).click();

  // 4 完成
  await expect(page.getByText('密码重置成功')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: /前往登录/ }).click();
  await page.locator('#login_username').fill(person.username);
  await page.locator('#login_password').fill('Renewed@2026');
  await page.locator('#login_captchaAnswer').fill(CAPTCHA);
  await page.getByRole('button', { name: /(^|loading )登\s*录$/ }).click();
  await expect(page).toHaveURL(/\/account/);
});

test('an individual recovers the username with the bound mobile and 本人信息', async ({ page }) => {
  const person = await registerIndividual(page);
  await page.goto('/login');
  await page.getByRole('link', { name: '忘记用户名' }).click();
  await expect(page.getByRole('heading', { name: '找回用户名' })).toBeVisible();
  await page.getByRole('radio', { name: /个人用户/ }).check();
  await expectAccessible(page);
  await page.getByRole('button', { name: '下一步' }).click();

  // 第一步：验证手机号
  await page.locator('#find-username_mobile').fill(person.mobile);
  await page.locator('#find-username_captchaAnswer').fill(CAPTCHA);
  await page.getByRole('button', { name: '获取验证码' }).click();
  await page.locator('#find-username_smsCode').fill(await readCode(page, person.mobile));
  await expectAccessible(page);
  await page.getByRole('button', { name: '下一步' }).click();

  // 第二步：本人信息
  await expect(page.getByRole('heading', { name: '填写本人信息' })).toBeVisible();
  await page.locator('#find-username_name').fill('王小明');
  await page.locator('#find-username_idNumber').fill(person.idNumber);
  await page.locator('#find-username_idValidFrom').fill('20200101');
  await page.locator('#find-username_idValidTo').fill('20400101');
  await expectAccessible(page);
  await page.getByRole('button', { name: '下一步' }).click();

  await expect(page.getByText('找回用户名成功')).toBeVisible();
  await expect(page.getByTestId('recovered-usernames')).toHaveText(person.username);
  await expectAccessible(page);
});

test('an individual recovers the username by 个人实名认证 (identity and bank card, simulated bank)', async ({
  page,
}) => {
  const person = await registerIndividual(page);
  await page.goto('/recover/username');
  await page.getByRole('radio', { name: '个人实名认证' }).check();
  await page.getByRole('button', { name: '下一步' }).click();
  await page.locator('#find-username_name').fill('王小明');
  await page.locator('#find-username_idNumber').fill(person.idNumber);
  await page.locator('#find-username_idValidFrom').fill('20200101');
  await page.locator('#find-username_idValidTo').fill('20400101');
  await page.locator('#find-username_cardNumber').fill('4111 1111 1111 1111');
  const bankMobile = '13912340000';
  await page.locator('#find-username_mobile').fill(bankMobile);
  await page.locator('#find-username_captchaAnswer').fill(CAPTCHA);
  await page.getByRole('button', { name: '获取验证码' }).click();
  await page.locator('#find-username_smsCode').fill(await readCode(page, bankMobile));
  await page.mouse.move(0, 0);
  await expectAccessible(page);
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByTestId('recovered-usernames')).toHaveText(person.username);
});

test('an administrator finds every username of the enterprise by 企业实名认证 (simulated bank)', async ({
  page,
}) => {
  await page.goto('/recover/username');
  await page.getByText('企业管理员', { exact: true }).click();
  await page.getByRole('radio', { name: '企业实名认证' }).check();
  await page.getByRole('button', { name: '下一步' }).click();
  const mobile = `139${String(Date.now()).slice(-8)}`;
  await page.locator('#find-username_mobile').fill(mobile);
  await page.locator('#find-username_captchaAnswer').fill(CAPTCHA);
  await page.getByRole('button', { name: '获取验证码' }).click();
  await page.locator('#find-username_smsCode').fill(await readCode(page, mobile));
  await page.locator('#find-username_enterpriseName').fill('广州示例进出口贸易有限公司');
  await page.locator('#find-username_orgCode').fill('MA59UQXX9');
  await page.getByRole('radio', { name: '中国建设银行' }).check();
  await page.locator('#find-username_accountNumber').fill('4405 0149 0401 0000 0018');
  await page.mouse.move(0, 0);
  await expectAccessible(page);
  await page.getByRole('button', { name: '查询用户名' }).click();
  await expect(page.getByText('找回用户名成功')).toBeVisible();
  await expect(page.getByTestId('recovered-usernames')).toContainText('qiyeadmin01');
  await expect(page.getByTestId('recovered-usernames')).toContainText('qiyeop01');
});
