import { expect, test } from '@playwright/test';
import { CAPTCHA, expectAccessible, residentId } from './support.ts';

test('an administrator creates, finds, edits and deletes an operator (我的操作员)', async ({ page }) => {
  await page.goto('/login');
  await page.locator('#login_username').fill('qiyeadmin01');
  await page.locator('#login_password').fill('Qiye@2026');
  await page.locator('#login_captchaAnswer').fill(CAPTCHA);
  await page.getByRole('button', { name: /^登\s*录$/ }).click();
  await expect(page).toHaveURL(/\/account/);
  await page.getByRole('menuitem', { name: /我的操作员/ }).click();

  const suffix = String(Date.now()).slice(-6);
  const username = `opweb${suffix}`;
  await page.getByRole('button', { name: '新建操作员' }).click();
  await page.locator('#create-operator_username').fill(username);
  await page.locator('#create-operator_name').fill('钱多多');
  await page.locator('#create-operator_idNumber').fill(residentId('19930404', Number(suffix.slice(-3))));
  await page.locator('#create-operator_mobile').fill(`1371${suffix}0`.slice(0, 11));
  await page.getByRole('button', { name: /创\s*建/ }).click();
  await expect(page.getByRole('cell', { name: username, exact: true })).toBeVisible();

  // 查询 by 姓名
  await page.locator('#operator-search_name').fill('钱多');
  await page.getByRole('button', { name: /查\s*询/ }).click();
  await expect(page.getByRole('cell', { name: username, exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'qiyeop01', exact: true })).toHaveCount(0);
  await expectAccessible(page);

  // 修改: the mobile the administrator mistyped
  await page.getByRole('button', { name: `修改 ${username}` }).click();
  const dialog = page.getByRole('dialog', { name: '编辑操作员信息' });
  await dialog.locator('#edit-operator_idNumber').fill(residentId('19930404', Number(suffix.slice(-3))));
  await dialog.locator('#edit-operator_mobile').fill('13799998888');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('操作员信息已保存')).toBeVisible();
  await expect(page.getByRole('cell', { name: '137****8888', exact: true })).toBeVisible();

  // 删除, confirmed
  await page.getByRole('button', { name: `删除 ${username}` }).click();
  await page.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(page.getByText('操作员已删除')).toBeVisible();
  await expect(page.getByRole('cell', { name: username, exact: true })).toHaveCount(0);
});

test('an administrator edits 我的资质 and updates it from the (simulated) agencies', async ({ page }) => {
  await page.goto('/login');
  await page.locator('#login_username').fill('qiyeadmin01');
  await page.locator('#login_password').fill('Qiye@2026');
  await page.locator('#login_captchaAnswer').fill(CAPTCHA);
  await page.getByRole('button', { name: /^登\s*录$/ }).click();
  await expect(page).toHaveURL(/\/account/);
  await page.getByRole('menuitem', { name: /我的资质/ }).click();
  await expect(page.getByText('91440101MA59UQXX9Q')).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: /编\s*辑/ }).click();
  await page.locator('#qualifications_customs_customsCode').fill('4401961234');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('保存成功')).toBeVisible();

  await page.getByRole('button', { name: '商务部同步更新' }).click();
  await expect(page.getByText('同步成功')).toBeVisible();
  await page.getByRole('tab', { name: '对外贸易经营者备案' }).click();
  await expect(page.locator('#qualifications_foreignTrade_filingNo')).toHaveValue('04412345');
  await page.getByRole('tab', { name: '海关' }).click();
  await expect(page.locator('#qualifications_customs_customsCode')).toHaveValue('4401961234');
  await expectAccessible(page);
});
