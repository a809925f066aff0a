import { type Browser, expect, type Page, test } from '@playwright/test';
import { creditCodeCheckChar, orgCodeCheckChar } from '@sw/contracts';
import { CAPTCHA, expectAccessible } from './support.ts';

// Issue 4's journey: a platform admin turns 「注册需审核」 on in the console; an enterprise registers
// as in seed 001 with its certificate scan; signing in says it is under review; a reviewer claims
// and approves it in the console; the applicant gets the result by e-mail (dev outbox), signs in
// and follows it in 我的申请 and the in-site messages.

function uniqueCreditCode() {
  const body = String(Date.now()).slice(-8);
  const orgCode = body + orgCodeCheckChar(body);
  const first17 = `91130100${orgCode}`;
  return first17 + creditCodeCheckChar(first17);
}

/** A page in its own context (a person of their own), as axe needs. */
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

async function setReviewMode(page: Page, on: boolean) {
  await page.getByRole('menuitem', { name: /平台设置/ }).click();
  const toggle = page.getByRole('switch', { name: '注册需审核' });
  await expect(toggle).toBeVisible();
  if ((await toggle.getAttribute('aria-checked')) === String(on)) return;
  await toggle.click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /确\s*定/ })
    .click();
  await expect(page.getByText(on ? '已开启注册审核' : '已关闭注册审核').first()).toBeVisible();
}

test.afterAll(async ({ browser }) => {
  // leave the shared server in the national (004) mode the other journeys expect
  const page = await personPage(browser);
  await page.goto('/console');
  await signIn(page, 'sysadmin', 'Admin@2026');
  await expect(page).toHaveURL(/\/console/);
  await setReviewMode(page, false);
  await page.context().close();
});

test('an enterprise registers for review, a reviewer approves it, the applicant is told and signs in', async ({
  browser,
}) => {
  const creditCode = uniqueCreditCode();
  const username = `qy${String(Date.now()).slice(-7)}`;
  const email = `${username}@example.com`;

  // 1. the platform admin turns review mode on
  const adminPage = await personPage(browser);
  await adminPage.goto('/console');
  await signIn(adminPage, 'sysadmin', 'Admin@2026');
  await expect(adminPage).toHaveURL(/\/console/);
  await setReviewMode(adminPage, true);
  await expectAccessible(adminPage);
  await adminPage.context().close();

  // 2. the enterprise registers as in seed 001 §2.3.1 (三证合一), with its certificate scan
  const page = await personPage(browser);
  const scan = await page.screenshot({ clip: { x: 0, y: 0, width: 320, height: 200 } });
  await page.goto('/register/enterprise');
  await page.getByText('三证合一企业').click();
  await page.getByRole('button', { name: /^同\s*意$/ }).click();
  await expect(page.getByText('基本信息').first()).toBeVisible();
  // by the cascader's search, as a person who knows the district would: the columns open on hover,
  // so a pointer crossing another province on its way re-opens that province's column
  await page.locator('#enterprise-review_form_region').fill('长安区');
  await page.locator('.ant-cascader-menu-item', { hasText: '石家庄市' }).first().click();
  await page.locator('#enterprise-review_form_nameZh').fill('石家庄审核旅程贸易有限公司');
  await page.locator('#enterprise-review_form_address').fill('河北省石家庄市长安区中山东路1号');
  await page.locator('#enterprise-review_form_creditCode').fill(creditCode);
  await page.getByLabel('货主').check();
  await page.getByLabel('法人代表 姓名').fill('王建国');
  await page.locator('#enterprise-review_form_admin_username').fill(username);
  await page.locator('#enterprise-review_form_admin_realName').fill('李管理');
  await page.locator('#enterprise-review_form_admin_password').fill('Passw0rd!');
  await page.locator('#enterprise-review_form_admin_confirmPassword').fill('Passw0rd!');
  await page.locator('#enterprise-review_form_admin_email').fill(email);
  await page.locator('#enterprise-review_form_admin_fax').fill('0311-86001235');
  await page.locator('#enterprise-review_form_admin_phone').fill('0311-86001234');
  await page.locator('#enterprise-review_form_admin_mobile').fill('13912345678');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '上传文件：统一社会信用代码证' }).click();
  await (await chooser).setFiles({ name: 'credit-certificate.png', mimeType: 'image/png', buffer: scan });
  await expect(page.getByText('credit-certificate.png')).toBeVisible();
  await page.locator('#enterprise-review_captchaAnswer').fill(CAPTCHA);
  await expectAccessible(page);
  await page.getByRole('button', { name: /^提\s*交$/ }).click();
  const numberCell = page.getByTestId('application-number');
  await expect(numberCell).toHaveText(/^QYZC\d{14}$/);
  const number = (await numberCell.textContent())!.trim();
  await expect(page.getByText(/2 个工作日/).first()).toBeVisible();
  // the receipt went to the registration's e-mail
  await expect
    .poll(async () => {
      const res = await page.request.get(`/api/dev/outbox?to=${encodeURIComponent(email)}&limit=5`);
      return ((await res.json()) as { text: string }[]).some((m) => m.text.includes(number));
    })
    .toBe(true);

  // 3. signing in before approval says it is under review, and until when
  await page.goto('/login');
  await signIn(page, username, 'Passw0rd!');
  await expect(page.getByTestId('registration-review-alert')).toContainText(/审核/);

  // 4. the reviewer finds it in the console, claims it, looks at the scan and approves
  const reviewer = await personPage(browser);
  await reviewer.goto('/console');
  await signIn(reviewer, 'reviewer01', 'Review@2026');
  await expect(reviewer).toHaveURL(/\/console/);
  await reviewer.getByRole('menuitem', { name: /待领取/ }).click();
  await reviewer.locator('#queue-unassigned_number').fill(number);
  await reviewer.getByRole('button', { name: /查\s*询/ }).click();
  const row = reviewer.locator('.sw-cw-table .ant-table-row', { hasText: number });
  await expect(row).toHaveCount(1);
  await expectAccessible(reviewer);
  await row.locator('.sw-cw-number').click();
  await expect(reviewer.getByRole('tab', { name: new RegExp(number) })).toBeVisible();
  await expect(reviewer.getByText('石家庄审核旅程贸易有限公司').first()).toBeVisible();
  await expect(reviewer.getByText('credit-certificate.png').first()).toBeVisible();
  await reviewer.getByRole('button', { name: /领\s*取/ }).click();
  await expect(reviewer.getByText('已领取，该申请由您办理')).toBeVisible();
  await reviewer.locator('label:has-text("审核通过")').first().click();
  await reviewer.getByRole('button', { name: /提交决定/ }).click();
  await reviewer
    .getByRole('dialog')
    .getByRole('button', { name: /提交决定/ })
    .click();
  await expect(reviewer.getByText(/已提交：/)).toBeVisible();
  await expectAccessible(reviewer);
  // staff read their in-site messages (assignments, SLA reminders) in the console
  await reviewer.getByRole('menuitem', { name: /我的消息/ }).click();
  await expect(reviewer.getByRole('heading', { name: '我的消息' })).toBeVisible();
  await expectAccessible(reviewer);

  // 5. the applicant gets the result by e-mail and signs in
  await expect
    .poll(async () => {
      const res = await page.request.get(`/api/dev/outbox?to=${encodeURIComponent(email)}&limit=5`);
      return ((await res.json()) as { subject: string | null; text: string }[]).some(
        (m) => m.text.includes(number) && /通过/.test(`${m.subject} ${m.text}`),
      );
    })
    .toBe(true);
  await page.goto('/login');
  await signIn(page, username, 'Passw0rd!');
  await expect(page).toHaveURL(/\/account/);

  // 我的申请: finished, with the whole timeline and the messages it sent
  await page.goto('/account/applications');
  const mine = page.locator('table').getByText(number);
  await expect(mine).toBeVisible();
  await expectAccessible(page);
  await mine.click();
  await expect(page.getByText('提交申请').first()).toBeVisible();
  await expect(page.getByText('审核通过').first()).toBeVisible();
  await expectAccessible(page);

  // the in-site messages: the receipt and the result, unread until opened
  await page.goto('/account/messages');
  await expect(page.getByText(number).first()).toBeVisible();
  await expectAccessible(page);
});
