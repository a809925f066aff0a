import { expect, test } from '@playwright/test';
import { CAPTCHA, expectAccessible } from './support.ts';

test('a fresh browser: the first requests never fail the CSRF check, unknown pages answer 404', async ({
  browser,
}) => {
  // several fresh browsers, as a newcomer's first visit: the page's first POST (the captcha) must pass
  for (let i = 0; i < 4; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const refused: string[] = [];
    page.on('response', (res) => {
      if (res.url().includes('/api/') && res.status() === 403) refused.push(res.url());
    });
    await page.goto('/login');
    await expect(page.getByRole('img', { name: /验证码/ })).toBeVisible();
    expect(refused).toEqual([]);
    await context.close();
  }

  const context = await browser.newContext();
  const page = await context.newPage();
  const missing = await page.goto('/no-such-page');
  expect(missing?.status()).toBe(404);
  await expect(page.getByText('页面不存在').first()).toBeVisible();
  const wellKnown = await page.request.get('/.well-known/security.txt');
  expect(wellKnown.status()).toBe(404);
  await context.close();
});

test('the API reference renders inside its own Content-Security-Policy', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await page.goto('/api/docs');
  await expect(page.getByText('Single Window API').first()).toBeVisible();
  expect(violations).toEqual([]);
});

test('a wrong password says how many tries are left; the lock says for how long', async ({ page }) => {
  await page.goto('/login');
  const name = `nobody${Date.now()}`;
  // antd keeps the spinner icon (named "loading") in the button while its exit animation runs:
  // match the button by the end of its name
  const submit = page.getByRole('button', { name: /(^|loading )登\s*录$/ });
  const attempt = async (answer: RegExp) => {
    await page.locator('#login_username').fill(name);
    await page.locator('#login_password').fill('Wr0ng!pass');
    await page.locator('#login_captchaAnswer').fill(CAPTCHA);
    await submit.click();
    // as a person would, read the answer before trying again
    await expect(page.getByText(answer)).toBeVisible();
  };
  await attempt(/用户名或密码错误，还可尝试4次/);
  await expectAccessible(page);
  for (const left of [3, 2, 1]) await attempt(new RegExp(`还可尝试${left}次`));
  await attempt(/账号已被临时锁定（约15分钟后可再试）/);
});
