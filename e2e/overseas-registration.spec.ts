import { expect, test } from '@playwright/test';
import { CAPTCHA, expectAccessible, readCode, uniquePerson } from './support.ts';

test('an overseas enterprise registers in English, signs in and supplies its registration number once', async ({
  page,
}) => {
  const person = uniquePerson();
  const username = person.username.replace(/^web/, 'ovs');
  const email = `${username}@harbour.example.hk`;

  await page.goto('/register');
  await expectAccessible(page);
  await page.getByRole('link', { name: '境外企业注册' }).click();
  await expect(page).toHaveURL(/\/register\/overseas$/);
  await expect(page.getByRole('heading', { level: 1, name: '国外及港澳台地区企业注册' })).toBeVisible();
  await expectAccessible(page);

  // 「EN | 中」 at the top right switches the page to English (seed 004 §1.5)
  const languages = page.getByRole('group', { name: '页面语言' });
  await languages.getByRole('button', { name: 'EN' }).click();
  await expect(
    page.getByRole('heading', {
      level: 1,
      name: 'Sign up for an Overseas or HK & MAC & TW Regions of China Account',
    }),
  ).toBeVisible();
  await expect(
    page.getByRole('group', { name: 'Page language' }).getByRole('button', { name: 'EN' }),
  ).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('Organisation name', { exact: true })).toBeVisible();
  await expect(page.getByText('Located Country/Region Register Number', { exact: true })).toBeVisible();

  await page.locator('#overseas_username').fill(username);
  await page.locator('#overseas_password').fill('Passw0rd!');
  await page.locator('#overseas_confirmPassword').fill('Passw0rd!');

  // type-ahead by English name; mainland China is never offered
  await page.locator('#overseas_countryCode').click();
  await page.locator('#overseas_countryCode').fill('china');
  await expect(page.locator('.ant-select-item-option[title="Hong Kong, China (HKG)"]')).toBeVisible();
  await expect(page.locator('.ant-select-item-option[title="Taiwan, China (TWN)"]')).toBeVisible();
  await expect(page.locator('.ant-select-item-option[title="China (CHN)"]')).toHaveCount(0);
  await page.locator('#overseas_countryCode').fill('Hong');
  await page.locator('.ant-select-item-option[title="Hong Kong, China (HKG)"]').click();
  await expect(page.locator('.sw-country-select')).toContainText('Hong Kong, China (HKG)');

  await page.locator('#overseas_organizationName').fill('Harbour Trading Co., Ltd.');
  await page.locator('#overseas_department').fill('Export Department');
  await page.locator('#overseas_jobTitle').fill('Logistics Manager');
  await page.locator('#overseas_contactName').fill('Chan Tai Man');
  await page.locator('#overseas_contactPhone').fill('+852 2345 6789');
  await page.locator('#overseas_mobile').fill('+852 9123 4567');
  await page.locator('#overseas_address').fill('88 Queensway, Admiralty, Hong Kong');
  await page.locator('#overseas_email').fill(email);

  // a wrongly written phone number is refused next to the field, in English
  await page.locator('#overseas_fax').fill('fax me');
  await page.locator('#overseas_fax').blur();
  await expect(page.getByText('Please enter a valid telephone number', { exact: false })).toBeVisible();
  await page.locator('#overseas_fax').fill('+852 2345 6790');

  // the e-mail code, sent after the image verification, read from the simulator outbox
  await page.locator('#overseas_captchaAnswer').fill(CAPTCHA);
  await page.getByRole('button', { name: 'Send email verification code' }).click();
  await expect(page.getByRole('button', { name: /Resend in \d+s/ })).toBeVisible();
  await page.locator('#overseas_emailCode').fill(await readCode(page, email));
  await page.locator('#overseas_notes').fill('Imports electronics.');
  await page.locator('#overseas_agreement').check();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Register now' }).click();

  const main = page.getByRole('main');
  await expect(main.getByText('Registration complete')).toBeVisible();
  await expect(main.getByText(username)).toBeVisible();
  await expectAccessible(page);

  // 登录系统 → sign in
  await main.getByRole('link', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.locator('#login_username').fill(username);
  await page.locator('#login_password').fill('Passw0rd!');
  await page.locator('#login_captchaAnswer').fill(CAPTCHA);
  await page.getByRole('main').getByRole('button', { name: 'Sign in', exact: true }).click();

  // 账号信息 with the enterprise (seed 004 §3.1)
  await expect(page).toHaveURL(/\/account/);
  await expect(main.getByText(username)).toBeVisible();
  await expect(main.getByText('Chan Tai Man')).toBeVisible();
  await expect(main.getByText('+85*****4567', { exact: true })).toBeVisible();
  await expect(page.locator('body')).not.toContainText('9123 4567');
  const organization = main.getByRole('region', { name: 'Organisation' });
  await expect(organization.getByText('Hong Kong, China (HKG)')).toBeVisible();
  await expect(organization.getByText('Harbour Trading Co., Ltd.')).toBeVisible();
  await expect(organization.getByText('88 Queensway, Admiralty, Hong Kong')).toBeVisible();
  await expect(organization.getByText('Not given')).toBeVisible();
  await expectAccessible(page);

  // 补充所在国家(地区)注册编号: warned that it cannot change, then given once
  await organization.getByRole('button', { name: 'Add registration number of the country/region' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add registration number of the country/region' });
  await expect(dialog.getByText('cannot be changed', { exact: false })).toBeVisible();
  await expect(dialog.getByText('Hong Kong, China (HKG)')).toBeVisible();
  await dialog.locator('#supplementRegistrationNo_registrationNo').fill('CR-2468013');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(dialog).toBeHidden();
  await expect(organization.getByText('CR-2468013')).toBeVisible();
  await expect(
    organization.getByRole('button', { name: 'Add registration number of the country/region' }),
  ).toHaveCount(0);

  // and back to Chinese from the header: the same page in 中文
  await page
    .getByRole('group', { name: 'Language', exact: true })
    .getByRole('button', { name: '简体' })
    .click();
  await expect(main.getByText('中国香港 (HKG)')).toBeVisible();
  await expect(main.getByText('所在国家(地区)注册编号')).toBeVisible();
});
