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
