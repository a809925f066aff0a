import { expect, test } from '@playwright/test';
import { CAPTCHA, expectAccessible } from './support.ts';

test('an operator raises the real-name level to 中 by 身份信息认证 (simulated identity source)', async ({
  page,
}) => {
  await page.goto('/login');
  await page.locator('#login_username').fill('qiyeop01');
  await page.locator('#login_password').fill('Qiye@2026');
  await page.locator('#login_captchaAnswer').fill(CAPTCHA);
  await page.getByRole('button', { name: /^登\s*录$/ }).click();
  await expect(page).toHaveURL(/\/account/);

  await page.getByRole('menuitem', { name: /实名认证/ }).click();
  await expect(page.getByRole('heading', { name: '实名认证' })).toBeVisible();
  await expect(page.getByText(/模拟核验/)).toBeVisible();
  await expect(page.getByText('赵六')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: /确\s*定/ }).click();
  await expect(page.getByTestId('real-name-level')).toHaveText('中级');
  await expect(page.getByText(/实名认证完成/)).toBeVisible();
  await expectAccessible(page);
});

test('an individual raises the level to 高 by 人脸识别 with the labelled camera simulator', async ({
  page,
}) => {
  await page.goto('/login');
  await page.locator('#login_username').fill('zhangsan01');
  await page.locator('#login_password').fill('Demo@2026');
  await page.locator('#login_captchaAnswer').fill(CAPTCHA);
  await page.getByRole('button', { name: /^登\s*录$/ }).click();
  await expect(page).toHaveURL(/\/account/);
  await page.goto('/account/real-name');
  await page.getByText('人脸识别', { exact: true }).click();
  await page.getByRole('button', { name: '开始人脸识别' }).click();
  await expect(page.getByText(/模拟摄像头（模拟器）/)).toBeVisible();
  await expectAccessible(page);
  // the camera "sees" someone else first: refused
  await page.getByRole('button', { name: '不是本人' }).click();
  await expect(page.getByText('人脸识别未通过，请重新识别')).toBeVisible();
  await page.getByRole('button', { name: '开始人脸识别' }).click();
  await page.getByRole('button', { name: '本人，活体通过' }).click();
  await expect(page.getByTestId('real-name-level')).toHaveText('高级');
});

test('an enterprise administrator reaches 高 by 法人身份认证 in three steps (simulated regulator and identity source)', async ({
  page,
}) => {
  await page.goto('/login');
  await page.locator('#login_username').fill('qiyeadmin01');
  await page.locator('#login_password').fill('Qiye@2026');
  await page.locator('#login_captchaAnswer').fill(CAPTCHA);
  await page.getByRole('button', { name: /^登\s*录$/ }).click();
  await expect(page).toHaveURL(/\/account/);
  await page.goto('/account/real-name');
  await expect(page.getByText('IC卡认证', { exact: true })).toBeVisible();
  await page.getByText('法人身份认证', { exact: true }).click();
  await expect(page.getByText(/市场局（原工商局）备案信息一致/)).toBeVisible();
  await expectAccessible(page);

  // 第一步 核验企业信息: a legal representative the regulator does not file is refused
  await page.locator('#real-name-enterprise_enterpriseName').fill('广州示例进出口贸易有限公司');
  await page.locator('#real-name-enterprise_creditCode').fill('91440101MA59UQXX9Q');
  await page.locator('#real-name-enterprise_legalRepName').fill('陈建军');
  await page.locator('#real-name-enterprise_legalRepIdNumber').fill('44010619750505001X');
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '企业信息核验未通过' })).toBeVisible();
  await page.locator('#real-name-enterprise_legalRepName').fill('陈建国');
  await page.getByRole('button', { name: '下一步' }).click();

  // 第二步 核验法人身份信息 (身份证认证)
  await expect(page.getByText('陈建国')).toBeVisible();
  await page.locator('#real-name-legal_rep_idValidFrom').fill('20150101');
  await page.locator('#real-name-legal_rep_idValidTo').fill('00000000');
  await expectAccessible(page);
  await page.getByRole('button', { name: '下一步' }).click();

  // 第三步 核验管理员身份信息 → 高
  await expect(page.getByText('李四')).toBeVisible();
  await page.locator('#real-name-administrator_idValidFrom').fill('20200101');
  await page.locator('#real-name-administrator_idValidTo').fill('20400101');
  await page.getByRole('button', { name: /^完\s*成$/ }).click();
  await expect(page.getByTestId('real-name-level')).toHaveText('高级');
  await expectAccessible(page);
});
