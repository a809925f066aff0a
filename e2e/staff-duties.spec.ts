import { expect, test } from '@playwright/test';
import { CAPTCHA, expectAccessible } from './support.ts';

// Roles per step (issue 12 §4): a platform admin limits a 港车北上 reviewer to some duties (岗位) on
// the console's 工作人员 page; the demo's gdinspector01 holds 验车、保险核验 only.

test('a platform admin gives a reviewer a second duty of 港车北上', async ({ browser }) => {
  const context = await browser.newContext();
  const admin = await context.newPage();
  await admin.goto('/console');
  await admin.locator('#login_username').fill('sysadmin');
  await admin.locator('#login_password').fill('Admin@2026');
  await admin.locator('#login_captchaAnswer').fill(CAPTCHA);
  await admin.getByRole('button', { name: /^登\s*录$/ }).click();
  await expect(admin).toHaveURL(/\/console/);
  await admin.goto('/console/staff');
  const row = admin.locator('.ant-table-row', { hasText: 'gdinspector01' });
  await expect(row).toContainText('验车、保险核验');
  await expect(row).not.toContainText('粤港审批');
  await expectAccessible(admin);

  await admin.getByRole('button', { name: '编辑权限：gdinspector01' }).click();
  const dialog = admin.getByRole('dialog');
  const duties = dialog.getByLabel('第 1 项权限的岗位');
  await expect(dialog.locator('.ant-select-selection-item', { hasText: '验车、保险核验' })).toBeVisible();
  await duties.click();
  await admin.locator('.ant-select-item-option', { hasText: '粤港审批' }).click();
  await dialog.locator('.ant-modal-title').click();
  await expectAccessible(admin, '[role="dialog"]');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText('验车、保险核验');
  await expect(row).toContainText('粤港审批');
});
