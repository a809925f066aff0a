import { expect, type Page, test } from '@playwright/test';
import { CAPTCHA, expectAccessible, residentId } from './support.ts';

/*
 * The citizen hub (seed 003) on a phone: the city switch, the categories, a first full sign-in
 * that sets a PIN, sign-in by PIN, a licence linked after a face check, its QR shown and checked on
 * the verifier page, offline. Axe on each page.
 */
test.use({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });

const shots = process.env.HUB_SHOTS;
async function shot(page: Page, name: string) {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

async function faceCheck(page: Page, start: RegExp) {
  await page.getByRole('button', { name: start }).click();
  await expect(page.getByText('模拟器', { exact: false }).first()).toBeVisible();
  await page
    .getByRole('button', { name: /通\s*过/ })
    .first()
    .click();
}

test('a citizen switches city, signs in by PIN, links a licence and shows a code a verifier checks offline', async ({
  page,
  context,
}) => {
  test.setTimeout(150_000);
  await page.goto('/m');
  await expect(page.getByRole('heading', { name: '粤省事' })).toBeVisible();
  await expectAccessible(page);
  await shot(page, '01-home');

  // 「左上角的地市」: switch to 深圳, remembered across a reload, then back
  await page.getByRole('button', { name: /当前城市：广州/ }).click();
  await page.getByRole('button', { name: /^深\s*圳$/ }).click();
  await expect(page.getByRole('button', { name: /当前城市：深圳/ })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('button', { name: /当前城市：深圳/ })).toBeVisible();

  // 办事 → 户政(治安): what runs here and what links out, with the manual's city notes
  await page.getByRole('navigation', { name: '底部导航' }).getByRole('link', { name: '办事' }).click();
  await page.getByRole('link', { name: '户政(治安)' }).click();
  await expect(page.getByRole('heading', { name: '户政(治安)' })).toBeVisible();
  await expect(page.getByText('深圳暂不支持').first()).toBeVisible();
  await expectAccessible(page);
  await shot(page, '02-category');
  await page.getByRole('button', { name: /当前城市：深圳/ }).click();
  await page.getByRole('button', { name: /^广\s*州$/ }).click();

  // 【请登录】 on a new phone: a full sign-in first, then the PIN
  await page.goto('/m');
  await page.getByRole('link', { name: '请登录' }).click();
  await expect(page.getByText('本设备首次使用粤省事')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: '账号密码 / 短信登录' }).click();
  await page.locator('#login_username').fill('zhangsan01');
  await page.locator('#login_password').fill('Demo@2026');
  await page.locator('#login_captchaAnswer').fill(CAPTCHA);
  await page.getByRole('button', { name: /^登\s*录$/ }).click();
  await expect(page).toHaveURL(/\/m\/me\/security$/);
  await page.getByLabel('数字密码（6位）').fill('135790');
  await page.getByLabel('再次输入数字密码').fill('135790');
  await page.getByRole('radio', { name: '数字密码' }).check();
  await expectAccessible(page);
  await shot(page, '03-set-pin');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('本机已绑定您的账号')).toBeVisible();

  // sign out, then back in by PIN
  await page.goto('/m/me');
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.goto('/m/login');
  await expect(page.getByText('欢迎回来，张*')).toBeVisible();
  await expectAccessible(page);
  await shot(page, '04-pin-sign-in');
  await page.getByRole('textbox', { name: 'OTP Input 1' }).click();
  await page.keyboard.type('135790');
  await expect(page).toHaveURL(/\/m$/);
  await expect(page.getByRole('heading', { name: '张三，您好' })).toBeVisible();

  // 我的证照 → 【+】 → 驾驶证 → face check → 【授权关联】
  await page.goto('/m/licences');
  await page.getByRole('link', { name: '关联证照' }).click();
  await page.getByRole('radio', { name: '驾驶证' }).check();
  await expect(page.getByText('广东省公安厅交通管理局')).toBeVisible();
  await expectAccessible(page);
  await faceCheck(page, /开始人脸识别/);
  await page.getByRole('button', { name: '授权关联' }).click();
  await expect(page.getByRole('heading', { name: '驾驶证' })).toBeVisible();
  await expect(page.getByText('1101**********002X')).toBeVisible();
  await page.getByRole('button', { name: '出示证照' }).click();
  const qr = page.getByRole('img', { name: '驾驶证核验二维码' });
  await expect(qr).toBeVisible();
  await expect(page.getByText(/秒后自动刷新/)).toBeVisible();
  await expectAccessible(page);
  await shot(page, '05-licence-qr');
  const code = await qr.getAttribute('data-code');
  expect(code).toMatch(/^SWL1:/);
  const photo = test.info().outputPath('licence-qr.png');
  await qr.screenshot({ path: photo });

  // the verifier: keys fetched once, then the check works offline
  const verifier = await context.newPage();
  await verifier.goto('/m/verify');
  await expect(verifier.getByRole('heading', { name: '扫码核验' })).toBeVisible();
  await verifier.waitForFunction(() => window.localStorage.getItem('sw.licences.jwks') !== null);
  await context.setOffline(true);
  await verifier.getByLabel('或粘贴核验码').fill(code!);
  await verifier
    .getByRole('button', { name: /核\s*验/ })
    .last()
    .click();
  await expect(verifier.getByRole('heading', { name: /有效/ })).toBeVisible();
  await expect(verifier.getByText('张*')).toBeVisible();
  await expect(verifier.getByText('已在本机离线核验')).toBeVisible();
  await expectAccessible(verifier);
  await shot(verifier, '06-verify-valid');
  const tampered = `${code!.slice(0, -12)}${code!.slice(-12).replace(/[0-9A-Z]/, (c) => (c === 'A' ? 'B' : 'A'))}`;
  await verifier.getByLabel('或粘贴核验码').fill(tampered);
  await verifier
    .getByRole('button', { name: /核\s*验/ })
    .last()
    .click();
  await expect(verifier.getByRole('heading', { name: /无效/ })).toBeVisible();
  await expectAccessible(verifier);
  await shot(verifier, '07-verify-forged');
  // a photo of the QR (the camera's fallback): decoded in the page and checked the same way
  await verifier.locator('input[type="file"]').setInputFiles(photo);
  await expect(verifier.getByRole('heading', { name: /有效/ })).toBeVisible();
  await expect(verifier.getByLabel('或粘贴核验码')).toHaveValue(code!);
  await context.setOffline(false);
  await verifier.close();

  // 办理进度查询: the applications here and public security's cases, in one list
  await page.goto('/m/progress');
  await expect(page.getByText('居民身份证换领（有效期满）')).toBeVisible();
  await expect(page.getByText('市内移居')).toBeVisible();
  await expectAccessible(page);
  await shot(page, '08-progress');

  // 婚育 → 婚姻登记预约: office, day, time, both parties; then 取消预约
  await page.getByRole('navigation', { name: '底部导航' }).getByRole('link', { name: '办事' }).click();
  await page.getByRole('link', { name: '婚育' }).click();
  await page.getByRole('link', { name: /婚姻登记预约/ }).click();
  await page.getByRole('radio', { name: '广州市婚姻登记处（天河）' }).check();
  await page.getByRole('radio', { name: /09:00–10:00/ }).check();
  await page.getByRole('radio', { name: '结婚登记' }).check();
  await page.getByLabel('另一方姓名').fill('李四');
  await page.getByLabel('另一方居民身份证号码').fill('110105195601010028');
  await page.getByRole('button', { name: '提交预约' }).click();
  await expect(
    page.getByRole('alert').or(page.locator('.ant-form-item-explain-error')).first(),
  ).toBeVisible();
  await page.getByLabel('另一方居民身份证号码').fill(residentId('19560101', 1));
  await expectAccessible(page);
  await shot(page, '09-book');
  await page.getByRole('button', { name: '提交预约' }).click();
  await expect(page).toHaveURL(/\/m\/appointments\?booked=/);
  await expect(page.getByText('预约成功')).toBeVisible();
  await expect(page.getByRole('img', { name: /预约凭证二维码/ })).toBeVisible();
  await expect(page.getByText(/^李\* 1101/)).toBeVisible();
  await expectAccessible(page);
  await shot(page, '10-booked');
  await page.getByRole('button', { name: '取消预约' }).click();
  await page.getByRole('button', { name: /确\s*定/ }).click();
  await expect(page.getByText('已取消')).toBeVisible();
  await expectAccessible(page);

  // 意见反馈: the common questions first (searched), then a message to the hub's staff
  await page.goto('/m/feedback');
  await page.getByRole('searchbox', { name: '搜索热门问题' }).fill('社保卡');
  await page.getByRole('button', { name: '无法关联社保卡？' }).click();
  await expect(page.getByText(/具有银联标识的为二代社保卡/)).toBeVisible();
  await page.getByLabel('反馈内容').fill('希望增加更多城市的医保余额查询。');
  await page.getByRole('button', { name: '提交反馈' }).click();
  await expect(page.getByText(/反馈已提交（YJFK/)).toBeVisible();
  await expect(page.getByText('待回复')).toBeVisible();
  await expectAccessible(page);
  await shot(page, '11-feedback');
});
