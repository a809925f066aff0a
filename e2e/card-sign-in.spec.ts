import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { creditCodeCheckChar, orgCodeCheckChar } from '@sw/contracts';
import { CAPTCHA, expectAccessible, residentId } from './support.ts';

const PIN = 'Card#2026';

function newOrganization() {
  const body = `E${String(Date.now()).slice(-7)}`;
  const orgCode = body + orgCodeCheckChar(body);
  const first17 = `91440300${orgCode}`;
  return {
    orgCode,
    creditCode: first17 + creditCodeCheckChar(first17),
    name: `卡介质测试贸易有限公司${body}`,
  };
}

test('staff issue a legal-person card; it signs in, auto-registers <卡号>_ADMIN, activates and then signs in by password', async ({
  page,
}) => {
  const org = newOrganization();
  const holderId = residentId('19750315', Number(String(Date.now()).slice(-3)));

  // 卡介质管理 in the console, as platform staff
  await page.goto('/login?next=/console/cards');
  await page.locator('#login_username').fill('sysadmin');
  await page.locator('#login_password').fill('Admin@2026');
  await page.locator('#login_captchaAnswer').fill(CAPTCHA);
  await page.getByRole('button', { name: /^登\s*录$/ }).click();
  await expect(page).toHaveURL(/\/console\/cards$/);
  await expect(page.getByRole('heading', { name: '卡介质管理' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: /卡介质管理/ })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: /^发\s*卡$/ }).click();
  const dialog = page.getByRole('dialog', { name: '发放卡介质' });
  await expect(dialog).toBeVisible();
  await dialog.locator('#issue-card_holderName').fill('刘法人');
  await dialog.locator('#issue-card_holderIdNumber').fill(holderId);
  await dialog.locator('#issue-card_creditCode').fill(org.creditCode);
  await expect(dialog.locator('#issue-card_orgCode')).toHaveValue(org.orgCode); // filled from the credit code
  await dialog.locator('#issue-card_orgName').fill(org.name);
  await dialog.locator('#issue-card_pin').fill(PIN);
  await dialog.locator('#issue-card_pinConfirm').fill(PIN);
  await expectAccessible(page);
  await dialog.getByRole('button', { name: /^发\s*卡$/ }).click();

  const issued = dialog.getByRole('heading', { name: /已发放卡介质 \d+/ });
  await expect(issued).toBeVisible();
  const cardNo = (await issued.textContent())!.match(/\d{8,20}/)![0];
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('link', { name: /下载/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${cardNo}.p12`);
  const cardFile = path.join(mkdtempSync(path.join(tmpdir(), 'sw-card-')), `${cardNo}.p12`);
  await download.saveAs(cardFile);
  await dialog.getByRole('button', { name: /^关\s闭$/ }).click(); // not the header's ✕ (关闭)
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('cell', { name: cardNo, exact: true })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(cardNo) }).getByText('未绑定')).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: /退出/ }).first().click();
  await expect(page).toHaveURL(/\/$/);

  // 卡介质 tab: the card file and its PIN (seed 004 §2.2)
  await page.goto('/login');
  await page.getByRole('tab', { name: '卡介质' }).click();
  const cardForm = page.locator('form#card-login');
  await cardForm.locator('input[type="file"]').setInputFiles(cardFile);
  await expect(cardForm.getByText(`${cardNo}.p12`)).toBeVisible();
  await cardForm.locator('#card-login_pin').fill('Wrong#2026');
  await cardForm.getByRole('button', { name: /^登\s*录$/ }).click();
  await expect(cardForm.getByText('介质密码错误')).toBeVisible();
  await expectAccessible(page);

  await cardForm.locator('#card-login_pin').fill(PIN);
  await cardForm.getByRole('button', { name: /^登\s*录$/ }).click();

  // the first sign-in created the administrator <卡号>_ADMIN, inactive (seed 004 §1.2.1.1.1)
  await expect(page).toHaveURL(/\/account/);
  const username = `${cardNo}_ADMIN`;
  const main = page.getByRole('main');
  await expect(main.getByText(username, { exact: true })).toBeVisible();
  await expect(main.getByText('未激活')).toBeVisible();
  await expectAccessible(page);

  // 我的IC卡 shows the card bound to this account (seed 004 §3.3)
  await page.getByRole('menuitem', { name: /我的IC卡/ }).click();
  await expect(page).toHaveURL(/\/account\/cards$/);
  await expect(page.getByRole('main').getByRole('cell', { name: cardNo, exact: true })).toBeVisible();
  // the column chooser adds the (masked) holder ID number, and the choice outlives a reload
  const masked = `${holderId.slice(0, 4)}**********${holderId.slice(-4)}`;
  await expect(page.getByRole('main').getByText(masked)).toHaveCount(0);
  await page.getByRole('button', { name: '选择显示列' }).click();
  await page.getByRole('checkbox', { name: '证件号码' }).check();
  await expect(page.getByRole('main').getByRole('cell', { name: masked })).toBeVisible();
  await expectAccessible(page);
  await page.reload();
  await expect(page.getByRole('main').getByRole('cell', { name: masked })).toBeVisible();
  await expect(page.locator('body')).not.toContainText(holderId);
  await page.getByRole('tab', { name: /账号信息/ }).click();

  // 账号激活 (seed 004 §3.1): set the account password while signed in with the card
  await main.getByRole('button', { name: /^激\s*活$/ }).click();
  const activate = page.getByRole('dialog', { name: '账号激活' });
  await expect(activate).toBeVisible();
  await activate.locator('#activate_password').fill('Activ8!pass');
  await activate.locator('#activate_confirmPassword').fill('Activ8!pass');
  await expectAccessible(page);
  await activate.getByRole('button', { name: /^激\s*活$/ }).click();
  await expect(page.getByText('账号已激活')).toBeVisible();
  await expect(main.getByText('正常', { exact: true })).toBeVisible();
  await expect(main.getByRole('button', { name: /^激\s*活$/ })).toHaveCount(0);

  await page.getByRole('button', { name: /退出/ }).first().click();
  await expect(page).toHaveURL(/\/$/);

  // and now the username and the new password sign in
  await page.goto('/login');
  await page.locator('#login_username').fill(username);
  await page.locator('#login_password').fill('Activ8!pass');
  await page.locator('#login_captchaAnswer').fill(CAPTCHA);
  await page.getByRole('button', { name: /^登\s*录$/ }).click();
  await expect(page).toHaveURL(/\/account/);
  await expect(page.getByRole('main').getByText(username, { exact: true })).toBeVisible();
  expect((await (await page.request.get('/api/auth/session')).json()).method).toBe('password');
});
