import { type Browser, expect, type Page, test } from '@playwright/test';
import { CAPTCHA, expectAccessible } from './support.ts';

// Issue 10 §4: the platform admin writes a 通知公告 in the console (Markdown with the server's
// live preview), publishes it after confirming, and sets the footer's ICP number in 平台设置; a
// visitor sees the notice on the portal home, opens it, and finds the ICP number in the footer.

async function personPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

async function signIn(page: Page, username: string, password: string) {
  await page.locator('#login_username').fill(username);
  await page.locator('#login_password').fill(password);
  await page.locator('#login_captchaAnswer').fill(CAPTCHA);
  await page.getByRole('button', { name: /^登\s*录$/ }).click();
}

test('a platform admin publishes a notice and sets the ICP number; the portal shows both', async ({
  browser,
}) => {
  const stamp = String(Date.now()).slice(-6);
  const title = `关于端到端测试系统维护的通知${stamp}`;
  const icp = `京ICP备${stamp}01号-1`;

  // 1. the admin writes the notice; the preview is the server's sanitised rendering
  const admin = await personPage(browser);
  await admin.goto('/console');
  await signIn(admin, 'sysadmin', 'Admin@2026');
  await expect(admin).toHaveURL(/\/console/);
  await admin.getByRole('menuitem', { name: /通知公告/ }).click();
  await expect(admin.getByRole('heading', { level: 1, name: '通知公告' })).toBeVisible();
  await expectAccessible(admin);
  await admin.getByRole('button', { name: /新\s*建/ }).click();
  const editor = admin.getByRole('dialog');
  await expect(editor.getByText('新建通知公告')).toBeVisible();
  await admin.locator('#article_title_zh-CN').fill(title);
  await admin
    .locator('#article_body_zh-CN')
    .fill(
      '## 维护时间\n\n本平台将于周六 **22:00** 起维护。\n\n<script>alert(1)</script>\n\n- 暂停网上申请\n- 咨询请拨打热线',
    );
  const preview = admin.locator('.sw-content-preview');
  await expect(preview.getByRole('heading', { name: '维护时间' })).toBeVisible();
  await expect(preview.locator('strong')).toHaveText('22:00');
  await expect(preview.locator('script')).toHaveCount(0);
  await expectAccessible(admin);
  await editor.getByRole('button', { name: /^保\s*存$/ }).click();
  await expect(admin.getByText(`已保存：${title}`)).toBeVisible();

  // 2. it is a draft in the list; publishing asks first
  const row = admin.locator('.ant-table-row', { hasText: title });
  await expect(row.getByText('草稿')).toBeVisible();
  await row.getByRole('button', { name: `发布：${title}` }).click();
  const confirm = admin.getByRole('dialog').filter({ hasText: '发布后公众即可在门户看到该文章' });
  await confirm.getByRole('button', { name: /发\s*布/ }).click();
  await expect(admin.getByText(`已发布：${title}`)).toBeVisible();
  await expect(row.getByText('已发布')).toBeVisible();

  // 3. the footer's ICP number in 平台设置
  await admin.getByRole('menuitem', { name: /平台设置/ }).click();
  await admin.locator('#site-identity_icpNumber').fill('京ICP备123');
  await admin.getByRole('button', { name: /保存网站标识/ }).click();
  await expect(admin.getByText('ICP备案号格式不正确，例如：京ICP备12345678号-1')).toBeVisible();
  await admin.locator('#site-identity_icpNumber').fill(icp);
  await admin.getByRole('button', { name: /保存网站标识/ }).click();
  await expect(admin.getByText('网站标识已保存')).toBeVisible();
  await expectAccessible(admin);
  await admin.context().close();

  // 4. a visitor: the home page lists the notice, its page opens, the footer shows the ICP number
  const visitor = await personPage(browser);
  await visitor.goto('/');
  const latest = visitor.getByTestId('latest-notice');
  await expect(latest.getByRole('link', { name: title })).toBeVisible();
  const footer = visitor.getByTestId('site-footer');
  const icpLink = footer.getByRole('link', { name: icp });
  await expect(icpLink).toBeVisible();
  await expect(icpLink).toHaveAttribute('href', 'https://beian.miit.gov.cn/');
  await expectAccessible(visitor);

  await latest.getByRole('link', { name: title }).click();
  await expect(visitor).toHaveURL(/\/articles\/[0-9a-f-]{36}$/);
  await expect(visitor.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const body = visitor.locator('.sw-article-body');
  await expect(body.getByRole('heading', { name: '维护时间' })).toBeVisible();
  await expect(body.getByRole('listitem')).toHaveCount(2);
  await expect(body.locator('script')).toHaveCount(0);
  await expect(visitor.getByTestId('site-footer').getByRole('link', { name: icp })).toBeVisible();
  await expectAccessible(visitor);

  // the section's list
  await visitor.getByRole('link', { name: '通知公告' }).click();
  await expect(visitor).toHaveURL(/\/notices$/);
  await expect(visitor.getByRole('heading', { level: 1, name: '通知公告' })).toBeVisible();
  await expect(visitor.getByRole('link', { name: title })).toBeVisible();
  await expectAccessible(visitor);
  await visitor.context().close();
});
