import { type Browser, expect, type Page, test } from '@playwright/test';
import { creditCodeCheckChar, orgCodeCheckChar } from '@sw/contracts';
import { CAPTCHA, expectAccessible, readCode, residentId } from './support.ts';

// Issue 11 §4: an administrator who fails 法定代表人信息验证 submits 「提交人工审核」 with scans and the
// new password; a reviewer compares the claim with the account in the console and approves; the
// result comes by SMS and the new password signs in.

async function personPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

async function signIn(page: Page, username: string, password: string) {
  await page.locator('#login_username').fill(username);
  await page.locator('#login_password').fill(password);
  await page.locator('#login_captchaAnswer').fill(CAPTCHA);
  await page.getByRole('button', { name: /^登\s*录$/ }).click();
}

/** Registers an enterprise and its administrator through the public API (004 无卡注册). */
async function registerEnterprise(page: Page) {
  const n = String(Date.now()).slice(-8);
  const orgCode = n + orgCodeCheckChar(n);
  const first17 = `91440300${orgCode}`;
  const enterprise = {
    name: `深圳人工审核旅程贸易有限公司${n.slice(-4)}`,
    creditCode: first17 + creditCodeCheckChar(first17),
    orgCode,
    legalRepName: '王建国',
    legalRepIdNumber: residentId('19700101', Number(n.slice(-3))),
  };
  const admin = { username: `rg${n}`, mobile: `136${n}`, email: `rg${n}@example.com` };
  await page.request.get('/api/csrf');
  const csrf = (await page.context().cookies()).find((c) => c.name.endsWith('sw_csrf'))?.value ?? '';
  const post = (url: string, data: unknown) =>
    page.request.post(url, { data, headers: { 'x-csrf-token': csrf } });
  const captchaId = ((await (await post('/api/captchas', {})).json()) as { id: string }).id;
  expect(
    (
      await post('/api/otp/sms', {
        mobile: admin.mobile,
        purpose: 'register',
        captchaId,
        captchaAnswer: CAPTCHA,
      })
    ).status(),
  ).toBe(202);
  const res = await post('/api/accounts/organization', {
    organization: {
      kind: 'enterprise',
      creditCode: enterprise.creditCode,
      orgCode: enterprise.orgCode,
      name: enterprise.name,
      legalRepName: enterprise.legalRepName,
      legalRepIdType: 'resident_id',
      legalRepIdNumber: enterprise.legalRepIdNumber,
      legalRepIdValidFrom: '20150101',
      legalRepIdValidTo: '00000000',
    },
    administrator: {
      username: admin.username,
      password: 'Passw0rd!',
      confirmPassword: 'Passw0rd!',
      name: '李管理',
      idType: 'resident_id',
      idNumber: residentId('19850101', Number(n.slice(-3))),
      email: admin.email,
      mobile: admin.mobile,
      smsCode: await readCode(page, admin.mobile),
    },
    agreement: true,
  });
  expect(res.status()).toBe(201);
  await page.context().clearCookies();
  return { enterprise, admin };
}

test('an administrator fails 法定代表人信息验证, submits 人工审核, a reviewer approves, the new password signs in', async ({
  browser,
}) => {
  const page = await personPage(browser);
  const { enterprise, admin } = await registerEnterprise(page);
  const mobile = `139${String(Date.now()).slice(-8)}`;

  // 忘记密码: 填写用户名 → 法定代表人信息验证 with a wrong name
  await page.goto('/recover/password');
  await page.getByLabel('用户名').fill(admin.username);
  await page.locator('#forgot-username_captchaAnswer').fill(CAPTCHA);
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByText('法定代表人信息验证', { exact: true }).click();
  await page.locator('#forgot-verify_enterpriseName').fill(enterprise.name);
  await page.locator('#forgot-verify_creditCode').fill(enterprise.creditCode);
  await page.locator('#forgot-verify_legalRepName').fill('王建');
  await page.locator('#forgot-verify_legalRepIdNumber').fill(enterprise.legalRepIdNumber);
  await page.locator('#forgot-verify_mobile').fill(mobile);
  await page.locator('#forgot-verify_captchaAnswer').fill(CAPTCHA);
  await page.getByRole('button', { name: '获取验证码' }).click();
  await page.locator('#forgot-verify_smsCode').fill(await readCode(page, mobile));
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '企业信息填写有误' })).toBeVisible();
  await page.getByRole('button', { name: '提交人工审核' }).click();

  // 人工审核: 验证手机号 (carried over) → 填写信息 (carried over, corrected) → 上传资料 → 重置密码
  await expect(page.getByRole('heading', { name: /提交人工审核/ })).toBeVisible();
  await expect(page.locator('#manual-review_mobile')).toHaveValue(mobile);
  await page.mouse.move(0, 0);
  await expectAccessible(page);
  // the code that proved it is carried over too
  await expect(page.locator('#manual-review_smsCode')).not.toHaveValue('');
  await page.getByRole('button', { name: '下一步' }).click();

  await expect(page.locator('#manual-review_form_username')).toHaveValue(admin.username);
  await expect(page.locator('#manual-review_form_enterpriseName')).toHaveValue(enterprise.name);
  await page.locator('#manual-review_form_legalRep_name').fill(enterprise.legalRepName);
  await page.locator('#manual-review_form_legalRep_idValidFrom').fill('20150101');
  await page.getByRole('checkbox', { name: '长期有效' }).check();
  await expectAccessible(page);
  await page.getByRole('button', { name: '下一步' }).click();

  const scan = await page.screenshot({ clip: { x: 0, y: 0, width: 320, height: 200 } });
  for (const [slot, name] of [
    ['身份证图片（人像面、国徽面）', 'id-front.png'],
    ['营业执照图片', 'licence.png'],
  ] as const) {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: `上传文件：${slot}` }).click();
    await (await chooser).setFiles({ name, mimeType: 'image/png', buffer: scan });
    await expect(page.getByText(name)).toBeVisible();
  }
  await expectAccessible(page);
  await page.getByRole('button', { name: '下一步' }).click();

  await expect(page.getByLabel('登录用户名')).toHaveValue(admin.username);
  await page.locator('#manual-review_newPassword').fill('Manual@2026');
  await page.locator('#manual-review_confirmPassword').fill('Manual@2026');
  await expect(page.getByText('请妥善保管您的新密码')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: /^提\s*交$/ }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText(/受理编号 RGSH\d{14}/)).toBeVisible();
  const number = (await dialog.textContent())!.match(/RGSH\d{14}/)![0];
  await dialog.getByRole('button', { name: /知道了/ }).click();
  await expect(page.getByTestId('manual-review-number')).toContainText(number);
  await expectAccessible(page);

  // the reviewer compares the claim with the account and approves
  const reviewer = await personPage(browser);
  await reviewer.goto('/console');
  await signIn(reviewer, 'reviewer01', 'Review@2026');
  await expect(reviewer).toHaveURL(/\/console/);
  await reviewer.getByRole('menuitem', { name: /待领取/ }).click();
  await reviewer.locator('#queue-unassigned_number').fill(number);
  await reviewer.getByRole('button', { name: /查\s*询/ }).click();
  const row = reviewer.locator('.sw-cw-table .ant-table-row', { hasText: number });
  await expect(row).toHaveCount(1);
  await row.locator('.sw-cw-number').click();
  const review = reviewer.getByTestId('recovery-review');
  await expect(review.getByText(`账号 ${admin.username}`)).toBeVisible();
  await expect(review.getByTestId('recovery-verdict')).toHaveText('信息一致');
  await expect(reviewer.getByText('licence.png').first()).toBeVisible();
  await reviewer.getByRole('button', { name: /领\s*取/ }).click();
  await expect(reviewer.getByText('已领取，该申请由您办理')).toBeVisible();
  await expectAccessible(reviewer);
  await reviewer.locator('label:has-text("审核通过")').first().click();
  await reviewer.getByRole('button', { name: /提交决定/ }).click();
  await reviewer
    .getByRole('dialog')
    .getByRole('button', { name: /提交决定/ })
    .click();
  await expect(reviewer.getByText(/已提交：/)).toBeVisible();

  // the SMS says so, and the new password signs in
  await expect
    .poll(async () => {
      const res = await page.request.get(`/api/dev/outbox?to=${mobile}&limit=5`);
      return ((await res.json()) as { text: string }[]).some(
        (m) => m.text.includes(number) && m.text.includes('已通过'),
      );
    })
    .toBe(true);
  await page.goto('/login');
  await signIn(page, admin.username, 'Manual@2026');
  await expect(page).toHaveURL(/\/account/);
});
