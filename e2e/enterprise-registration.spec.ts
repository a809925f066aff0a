import { expect, type Page, test } from '@playwright/test';
import { creditCodeCheckChar, orgCodeCheckChar } from '@sw/contracts';
import { CAPTCHA, expectAccessible, readCode, residentId, uniquePerson } from './support.ts';

function uniqueCreditCode() {
  const body = String(Date.now()).slice(-8);
  const orgCode = body + orgCodeCheckChar(body);
  const first17 = `91130100${orgCode}`;
  return { creditCode: first17 + creditCodeCheckChar(first17), orgCode };
}

/**
 * 长期 beside the legal representative's end date. The form may still be settling after the
 * sign-out (the session query answers and the page re-renders), which can swap the checkbox under
 * the click: check until it stays checked.
 */
async function checkLongTerm(page: Page) {
  const longTerm = page.getByRole('checkbox', { name: '长期' }).first();
  await expect(async () => {
    await longTerm.check({ timeout: 2_000 });
    await expect(longTerm).toBeChecked({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

test('an enterprise registers without a card in two steps, and a second registration is told 「组织机构代码已存在」', async ({
  page,
}) => {
  const admin = uniquePerson();
  const { creditCode, orgCode } = uniqueCreditCode();

  await page.goto('/register');
  await page.getByRole('link', { name: '无卡用户注册' }).click();
  await expect(page).toHaveURL(/\/register\/enterprise$/);
  await expect(page.getByRole('heading', { name: '管理员账号注册' })).toBeVisible();
  await expect(page.getByText('国家企业信用信息公示系统')).toBeVisible();
  await expectAccessible(page);

  // step 1 — 企业基本信息; a wrong organization code is caught next to the field
  await page.locator('#register-org_organization_creditCode').fill(creditCode);
  await page.locator('#register-org_organization_orgCode').fill('12345678X');
  await page.locator('#register-org_organization_name').fill('石家庄测试国际贸易有限公司');
  await page.locator('#register-org_organization_legalRepName').fill('王建国');
  await page.locator('#register-org_organization_legalRepIdNumber').fill(residentId('19750505', 11));
  await page.locator('#register-org_organization_legalRepIdValidFrom').fill('20150101');
  await page.locator('#register-org_organization_legalRepIdValidFrom').press('Enter');
  await checkLongTerm(page);
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByText(/组织机构代码(格式不正确|须与统一社会信用代码)/)).toBeVisible();
  await page.locator('#register-org_organization_orgCode').fill(orgCode);
  await page.getByRole('button', { name: '下一步' }).click();

  // step 2 — 管理员账号信息
  await expect(page.locator('#register-org_administrator_username')).toBeVisible();
  await page.locator('#register-org_administrator_username').fill(admin.username);
  await page.locator('#register-org_administrator_password').fill('Passw0rd!');
  await page.locator('#register-org_administrator_confirmPassword').fill('Passw0rd!');
  await page.locator('#register-org_administrator_name').fill('李管理');
  await page.locator('#register-org_administrator_idNumber').fill(residentId('19900101', 22));
  await page.locator('#register-org_administrator_email').fill(admin.email);
  await page.locator('#register-org_administrator_mobile').fill(admin.mobile);
  await page.locator('#register-org_captchaAnswer').fill(CAPTCHA);
  await page.getByRole('button', { name: '获取验证码' }).click();
  await page.locator('#register-org_administrator_smsCode').fill(await readCode(page, admin.mobile));
  await page.locator('#register-org_agreement').check();
  await expectAccessible(page);
  await page.getByRole('button', { name: '确认注册' }).click();

  // registered and signed in: straight to 账号信息 (「跳转至账号信息管理界面」), the username told
  await expect(page).toHaveURL(/\/account\/info/);
  await expect(page.getByText(admin.username).first()).toBeVisible();
  const main = page.getByRole('main');
  await expect(main.getByText('石家庄测试国际贸易有限公司')).toBeVisible();
  await expect(main.getByText(creditCode)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: /退出/ }).first().click();

  // the same organization again: stopped at step 1 with the manual's message
  await page.goto('/register/enterprise');
  await expect(page.getByRole('heading', { name: '管理员账号注册' })).toBeVisible();
  await page.locator('#register-org_organization_creditCode').fill(creditCode);
  await page.locator('#register-org_organization_orgCode').fill(orgCode);
  await page.locator('#register-org_organization_name').fill('石家庄测试国际贸易有限公司');
  await page.locator('#register-org_organization_legalRepName').fill('王建国');
  await page.locator('#register-org_organization_legalRepIdNumber').fill(residentId('19750505', 11));
  await page.locator('#register-org_organization_legalRepIdValidFrom').fill('20150101');
  await page.locator('#register-org_organization_legalRepIdValidFrom').press('Enter');
  await checkLongTerm(page);
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByRole('alert').getByText('组织机构代码已存在')).toBeVisible();
  await expect(page.getByRole('link', { name: '前往登录' })).toBeVisible();
  await expectAccessible(page);
});
