import { expect, test } from '@playwright/test';
import { expectAccessible } from './support.ts';

test('the language switch changes the page and the antd locale, and is remembered', async ({ page }) => {
  await page.goto('/login');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { name: '用户登录' })).toBeVisible();

  await page.getByRole('button', { name: 'EN' }).first().click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expectAccessible(page);

  // messages follow: an empty submit asks for the username in English
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByText('Username, or mobile number', { exact: false }).first()).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();

  await page.getByRole('button', { name: '繁體' }).first().click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-HK');
  await expect(page.getByRole('heading', { name: '用戶登入' })).toBeVisible();
  await page.goto('/register/individual');
  await expect(page.getByText('用戶名稱').first()).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: '简体' }).first().click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});

test('staff reach the console; others are turned away', async ({ page }) => {
  await page.goto('/console');
  await expect(page).toHaveURL(/\/login\?next=/);
  await page.locator('#login_username').fill('sysadmin');
  await page.locator('#login_password').fill('Admin@2026');
  await page.locator('#login_captchaAnswer').fill(process.env.CAPTCHA_TEST_ANSWER ?? 'E2E42');
  await page.getByRole('button', { name: /^登\s*录$/ }).click();
  await expect(page).toHaveURL(/\/console/);
  await expect(page.getByRole('main').getByText('业务统计').first()).toBeVisible();
  await expectAccessible(page);
  for (const door of ['/m', '/apps']) {
    await page.goto(door);
    await expect(page.getByRole('main')).toBeVisible();
    await expectAccessible(page);
  }
});
