import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { CAPTCHA, expectAccessible, residentId } from './support.ts';

const PIN = 'Card#2026';

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

test('an administrator adds an operator with its IC card (新增有卡操作员) and chooses the columns shown', async ({
  page,
  browser,
}) => {
  // staff issue the operator's card for the demo enterprise (through the console's API)
  const staff = await (await browser.newContext()).newPage();
  await staff.goto('/login');
  await staff.locator('#login_username').fill('sysadmin');
  await staff.locator('#login_password').fill('Admin@2026');
  await staff.locator('#login_captchaAnswer').fill(CAPTCHA);
  await staff.getByRole('button', { name: /^登\s*录$/ }).click();
  await expect(staff).toHaveURL(/\/console/);
  const csrf = (await staff.context().cookies()).find((c) => c.name.endsWith('sw_csrf'))?.value ?? '';
  const suffix = String(Date.now()).slice(-6);
  const issued = await staff.request.post('/api/console/cards', {
    headers: { 'x-csrf-token': csrf },
    data: {
      holderName: '孙卡员',
      holderIdType: 'resident_id',
      holderIdNumber: residentId('19940505', Number(suffix.slice(-3))),
      orgCode: 'MA59UQXX9',
      creditCode: '91440101MA59UQXX9Q',
      orgName: '广州示例进出口贸易有限公司',
      role: 'operator',
      notAfter: new Date(Date.now() + 365 * 86_400_000).toISOString(),
      pin: PIN,
    },
  });
  expect(issued.status()).toBe(201);
  const card = (await issued.json()) as { id: string; cardNo: string };
  const p12 = await staff.request.get(`/api/console/cards/${card.id}/pkcs12`);
  const cardFile = path.join(mkdtempSync(path.join(tmpdir(), 'sw-opcard-')), `${card.cardNo}.p12`);
  writeFileSync(cardFile, await p12.body());
  await staff.context().close();

  await page.goto('/login');
  await page.locator('#login_username').fill('qiyeadmin01');
  await page.locator('#login_password').fill('Qiye@2026');
  await page.locator('#login_captchaAnswer').fill(CAPTCHA);
  await page.getByRole('button', { name: /^登\s*录$/ }).click();
  await expect(page).toHaveURL(/\/account/);
  await page.getByRole('menuitem', { name: /我的操作员/ }).click();

  // 插入卡 and 介质密码 → 登录 → 有卡操作员账号注册 → 确认注册
  await page.getByRole('button', { name: '新增有卡操作员' }).click();
  const dialog = page.getByRole('dialog', { name: '新增有卡操作员' });
  await dialog.locator('input[type="file"]').setInputFiles(cardFile);
  await dialog.locator('#card-operator-card_pin').fill(PIN);
  await dialog.getByRole('button', { name: /^登\s*录$/ }).click();
  await expect(dialog.getByText('孙卡员')).toBeVisible();
  const username = `opcard${suffix}`;
  await dialog.locator('#card-operator_username').fill(username);
  await dialog.locator('#card-operator_mobile').fill(`1372${suffix}1`.slice(0, 11));
  await dialog.getByRole('checkbox', { name: /用户注册管理协议/ }).check();
  await expectAccessible(page);
  await dialog.getByRole('button', { name: /确认注册/ }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row', { name: new RegExp(username) });
  await expect(row.getByText('已绑卡')).toBeVisible();
  await expect(row.getByRole('cell', { name: '孙卡员', exact: true })).toBeVisible();

  // 选择显示列: hide 证件号码, remembered across a reload
  await page.getByRole('button', { name: '选择显示列' }).click();
  await page.getByRole('checkbox', { name: '证件号码' }).uncheck();
  await expect(page.getByRole('columnheader', { name: '证件号码' })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('columnheader', { name: '用户名' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: '证件号码' })).toHaveCount(0);
});
