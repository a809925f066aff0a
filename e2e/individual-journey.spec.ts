import { expect, test } from '@playwright/test';
import { CAPTCHA, expectAccessible, readCode, residentId, uniquePerson } from './support.ts';

test('an individual registers, signs in, sees the account page masked and signs out', async ({ page }) => {
  const person = uniquePerson();
  const idNumber = residentId('19880808', Number(person.mobile.slice(-3)));

  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('单一窗口');
  await expect(page.getByText('本地模式', { exact: false })).toBeVisible(); // simulators are labelled
  await expectAccessible(page);

  await page.getByRole('link', { name: '注册', exact: true }).first().click();
  await expect(page).toHaveURL(/\/register$/);
  await expectAccessible(page);
  await page.getByRole('link', { name: '立即注册' }).click();
  await expect(page).toHaveURL(/\/register\/individual$/);
  await expect(page.getByRole('heading', { name: '个人用户账号注册' })).toBeVisible();

  // 个人用户信息
  await page.locator('#register_name').fill('王小明');
  await page.locator('#register_idNumber').fill(idNumber);
  await page.locator('#register_idValidFrom').fill('20200101');
  await page.locator('#register_idValidFrom').press('Enter');
  await page.locator('#register_idValidToLongTerm').check();

  // 账号信息
  await page.locator('#register_username').fill(person.username);
  await page.locator('#register_password').fill('Passw0rd!');
  await page.locator('#register_confirmPassword').fill('Passw0rd!');
  await page.locator('#register_mobile').fill(person.mobile);
  await page.locator('#register_captchaAnswer').fill(CAPTCHA);
  await page.getByRole('button', { name: '获取验证码' }).click();
  await expect(page.getByRole('button', { name: /\d+\s*s|秒/ })).toBeVisible(); // the 60-second countdown
  await page.locator('#register_smsCode').fill(await readCode(page, person.mobile));
  await page.locator('#register_email').fill(person.email);
  await page.locator('#register_agreement').check();
  await expectAccessible(page);
  await page.getByRole('button', { name: /^立即注册$/ }).click();

  await expect(page.getByText('注册成功')).toBeVisible();
  await expect(page.getByText(person.username)).toBeVisible();
  await expectAccessible(page);

  // sign in (seed 004 §2.1), with a wrong password first
  await page.getByRole('link', { name: '登录系统' }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.locator('#login_username').fill(person.username.toUpperCase());
  await page.locator('#login_password').fill('Wrong0pass!');
  await page.locator('#login_captchaAnswer').fill(CAPTCHA);
  await page.getByRole('button', { name: /(^|loading )登\s*录$/ }).click();
  await expect(page.getByText('用户名或密码错误').first()).toBeVisible();
  await expectAccessible(page);

  await page.locator('#login_password').fill('Passw0rd!');
  await page.locator('#login_captchaAnswer').fill(CAPTCHA);
  await page.getByRole('button', { name: /(^|loading )登\s*录$/ }).click();

  await expect(page).toHaveURL(/\/account/);
  const main = page.getByRole('main');
  await expect(main.getByText(person.username)).toBeVisible();
  await expect(main.getByText(`${person.mobile.slice(0, 3)}****${person.mobile.slice(-4)}`)).toBeVisible();
  await expect(main.getByText(`${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`)).toBeVisible();
  const local = person.email.split('@')[0]!;
  await expect(
    main.getByText(`${local.slice(0, 2)}${'*'.repeat(local.length - 4)}${local.slice(-2)}@example.com`),
  ).toBeVisible();
  await expect(page.locator('body')).not.toContainText(person.mobile);
  await expect(page.locator('body')).not.toContainText(idNumber);
  await expectAccessible(page);

  // 我的登录设备 opens as a second tab of the workspace (seed 004 §3.7, §3.8)
  await page.getByRole('menuitem', { name: /我的登录设备/ }).click();
  await expect(page).toHaveURL(/\/account\/devices$/);
  await expect(page.getByRole('tab', { name: /账号信息/ })).toBeVisible();
  await expect(page.getByRole('tab', { name: /我的登录设备/ })).toBeVisible();
  await expect(page.getByRole('main').getByText('当前设备')).toBeVisible();
  await expect(page.getByRole('main').getByText(/Chrome \d+ · Linux/)).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: /退出/ }).first().click();
  await expect(page).toHaveURL(/\/$/);
  expect((await page.request.get('/api/me')).status()).toBe(401);
  await page.goto('/account/info');
  await expect(page).toHaveURL(/\/login\?next=/);
});

test('a passport holder without a mainland mobile verifies by e-mail', async ({ page }) => {
  const person = uniquePerson();
  await page.goto('/register/individual');
  await page.locator('#register_name').fill('John Smith');
  await page.locator('#register_idType').click();
  await page.locator('.ant-select-item-option[title="护照"]').click();
  await page.locator('#register_idNumber').fill(`E${person.mobile.slice(-8)}`);
  await page.locator('#register_username').fill(person.username);
  await page.locator('#register_password').fill('Passw0rd!');
  await page.locator('#register_confirmPassword').fill('Passw0rd!');

  await page
    .getByRole('button', { name: '邮箱' })
    .or(page.getByRole('link', { name: '邮箱' }))
    .first()
    .click();
  const dialog = page.getByRole('dialog', { name: '邮箱验证' });
  await expect(dialog).toBeVisible();
  await dialog.locator('#emailVerify_email').fill(person.email);
  await dialog.locator('#emailVerify_captchaAnswer').fill(CAPTCHA);
  await dialog.getByRole('button', { name: '获取验证码' }).click();
  await dialog.locator('#emailVerify_emailCode').fill(await readCode(page, person.email));
  await expectAccessible(page);
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('#register_email')).toHaveValue(person.email);

  await page.locator('#register_agreement').check();
  await page.getByRole('button', { name: /^立即注册$/ }).click();
  await expect(page.getByText('注册成功')).toBeVisible();
});
