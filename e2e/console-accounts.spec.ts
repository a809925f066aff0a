import { expect, type Page, test } from '@playwright/test';
import { CAPTCHA, expectAccessible } from './support.ts';

async function signIn(page: Page, username: string, password: string, next: string) {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.locator('#login_username').fill(username);
  await page.locator('#login_password').fill(password);
  await page.locator('#login_captchaAnswer').fill(CAPTCHA);
  await page.getByRole('button', { name: /^登\s*录$/ }).click();
}

test('staff create a department user, who signs in, and find that sign-in in the log', async ({
  page,
  browser,
}) => {
  const username = `bw${String(Date.now()).slice(-8)}`;
  await signIn(page, 'sysadmin', 'Admin@2026', '/console');
  await expect(page).toHaveURL(/\/console/);

  // 部委用户: create one; the initial password is shown once
  await page.getByRole('menuitem', { name: /部委用户/ }).click();
  await expect(page).toHaveURL(/\/console\/department-users$/);
  await expect(page.getByRole('heading', { name: '部委用户', level: 1 })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: /新建部委用户/ }).click();
  const form = page.getByRole('dialog', { name: '新建部委用户' });
  await form.locator('#deptUser_username').fill(username);
  await form.locator('#deptUser_name').fill('孙部委');
  await form.locator('#deptUser_department').fill('商务部');
  await form.locator('#deptUser_mobile').fill(`136${String(Date.now()).slice(-8)}`);
  await form.locator('#deptUser_email').fill(`${username}@mofcom.example.gov.cn`);
  await expectAccessible(page);
  await form.getByRole('button', { name: /新建部委用户/ }).click();

  const created = page.getByRole('dialog', { name: '部委用户已创建' });
  await expect(created).toBeVisible();
  await expect(created).toContainText(username);
  const initialPassword = (await created.getByTestId('initial-password').innerText()).trim();
  expect(initialPassword).toMatch(/^[!-~]{12}$/);
  await expectAccessible(page);
  await created.getByRole('button', { name: /我已记下初始密码/ }).click();
  await expect(created).toBeHidden();
  const row = page.getByRole('row', { name: new RegExp(username) });
  await expect(row).toContainText('商务部');
  await expect(row).toContainText('待修改初始密码');

  // a duplicate username is refused next to the field
  await page.getByRole('button', { name: /新建部委用户/ }).click();
  await form.locator('#deptUser_username').fill(username);
  await form.locator('#deptUser_name').fill('孙部委');
  await form.locator('#deptUser_department').fill('商务部');
  await form.locator('#deptUser_mobile').fill('13600000000');
  await form.locator('#deptUser_email').fill('dup@mofcom.example.gov.cn');
  await form.getByRole('button', { name: /新建部委用户/ }).click();
  await expect(form.getByText('该用户名已被注册')).toBeVisible();
  await form.getByRole('button', { name: /取\s*消/ }).click();

  // the department user signs in with the initial password, in another browser
  const other = await browser.newContext();
  const userPage = await other.newPage();
  await signIn(userPage, username, initialPassword, '/account');
  await expect(userPage).toHaveURL(/\/first-sign-in/);
  await other.close();

  // 登录日志: find that sign-in
  await page.getByRole('menuitem', { name: /登录日志/ }).click();
  await expect(page).toHaveURL(/\/console\/sign-in-log$/);
  await page.locator('#signInLog_identifier').fill(username);
  await page.getByRole('button', { name: /^查\s*询$/ }).click();
  const entry = page.getByRole('row', { name: new RegExp(username) }).first();
  await expect(entry).toContainText('成功');
  await expect(entry).toContainText('用户名密码');
  await expectAccessible(page);

  // 账号解锁 and 账号管理 open and pass the accessibility check
  await page.getByRole('menuitem', { name: /账号解锁/ }).click();
  await expect(page.getByRole('heading', { name: '账号解锁', level: 1 })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('menuitem', { name: /账号管理/ }).click();
  await expect(page.getByRole('heading', { name: '账号管理', level: 1 })).toBeVisible();
  await page.locator('#accountFilter_q').fill(username);
  await page.getByRole('button', { name: /^查\s*询$/ }).click();
  await expect(page.getByRole('row', { name: new RegExp(username) })).toContainText('正常');
  await expectAccessible(page);
});
