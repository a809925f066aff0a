import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { hkIdCheckChar } from '@sw/contracts';
import { CAPTCHA, expectAccessible, readCode, uniquePerson } from './support.ts';

// Issue 12's journey (seed 000 港车北上), in Traditional Chinese: a Hong Kong owner registers with the
// face-check simulator, binds the HKID of an application HK TD sent, follows the progress to the
// insurance step, adds the insurance by hand (sent back) and by lookup; a Guangdong officer approves,
// checks and issues in the console; the owner books a crossing, sees the voucher, cancels it, and
// reads the stay time. Each HK TD application is new per run (the simulator's control route), so a
// retry starts clean.

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

async function newPage(browser: Browser, locale?: string): Promise<Page> {
  const context = await browser.newContext(locale ? { locale } : {});
  return context.newPage();
}

async function csrfOf(page: Page) {
  return ((await (await page.request.get('/api/csrf')).json()) as { token: string }).token;
}

/** A fresh HK TD application with a valid, unused HKID and mainland mobile. */
function hkTdApplication() {
  const digits = String(100000 + (Date.now() % 900000));
  const prefix = `Z${digits}`;
  const hkid = `${prefix}${hkIdCheckChar(prefix)}`;
  const mobile = `137${digits.padStart(8, '0').slice(-8)}`;
  return {
    hkid,
    mobile,
    body: {
      hktdRef: `HKTD-E2E-${digits}`,
      owner: { name: '陳大文', nameEn: 'CHAN Tai Man', hkid, mobile },
      vehicle: {
        hkPlate: 'AB1234',
        make: 'TOYOTA',
        model: 'ALPHARD',
        colour: '白色',
        chassisNo: `JTE${digits}`,
      },
      drivers: [{ name: '陳小明', hkid: 'C6686689', licenceNo: 'DL2018001' }],
      permittedFrom: '2026-01-01',
      permittedUntil: '2027-10-31',
    },
  };
}

/** Types a day into an antd DatePicker and confirms it. */
async function pickDate(page: Page, id: string, day: string) {
  const input = page.locator(`#${id}`);
  await input.click();
  await input.fill(day);
  await input.press('Enter');
}

async function signIn(page: Page, username: string, password: string) {
  await page.locator('#login_username').fill(username);
  await page.locator('#login_password').fill(password);
  await page.locator('#login_captchaAnswer').fill(CAPTCHA);
  await page.getByRole('button', { name: /^登\s*录$/ }).click();
}

/** The officer opens the application in the console's 全部申请 by its number. */
async function openInConsole(officer: Page, number: string, section = '港车北上资料') {
  await officer.goto('/console/queue/all');
  await officer.locator('#queue-all_number').fill(number);
  await officer.getByRole('button', { name: /查\s*询/ }).click();
  const row = officer.locator('.sw-cw-table .ant-table-row', { hasText: number });
  await expect(row).toHaveCount(1);
  await row.locator('.sw-cw-number').click();
  await expect(officer.getByRole('heading', { name: section })).toBeVisible();
}

async function decide(officer: Page, action: string, reason?: string) {
  await officer.locator(`label:has-text("${action}")`).first().click();
  if (reason) await officer.getByLabel('审批意见').fill(reason);
  await officer.getByRole('button', { name: /提交决定/ }).click();
  await officer
    .getByRole('dialog')
    .getByRole('button', { name: /提交决定/ })
    .click();
  await expect(officer.getByText(`已提交：${action}`)).toBeVisible();
}

test('a Hong Kong owner registers, binds the HKID, adds insurance, books and cancels a crossing; an officer approves and issues', async ({
  browser,
}) => {
  // the manual's whole journey, two people in two windows: longer than one page's budget
  test.setTimeout(300_000);
  const hktd = hkTdApplication();
  const officer = await newPage(browser);
  await officer.goto('/console');
  await signIn(officer, 'gdofficer01', 'Guangdong@2026');
  await expect(officer).toHaveURL(/\/console/);
  const pushed = await officer.request.put('/api/dev/northbound/hktd', {
    headers: { 'x-csrf-token': await csrfOf(officer) },
    data: hktd.body,
  });
  expect(pushed.status()).toBe(200);

  // the front door opens in Traditional Chinese
  const owner = await newPage(browser);
  await owner.goto('/apps/northbound');
  await expect(owner.getByRole('heading', { name: '「港車北上」信息管理服務系統', level: 1 })).toBeVisible();
  await expect(owner.locator('html')).toHaveAttribute('lang', 'zh-HK');
  await expectAccessible(owner);

  // 个人注册: 输入基础信息 → 实名核验 → 注册完成
  await owner.getByRole('main').getByRole('link', { name: '註冊' }).click();
  await expect(owner.getByRole('heading', { name: '個人註冊' })).toBeVisible();
  const person = uniquePerson();
  await owner.locator('#nbRegister_username').fill(person.username);
  await owner.locator('#nbRegister_password').fill('Hk@2026pass');
  await owner.locator('#nbRegister_confirmPassword').fill('Hk@2026pass');
  await owner.locator('#nbRegister_name').fill('陳大文');
  await owner.locator('#nbRegister_idNumber').fill(`H${String(Date.now()).slice(-8)}`);
  await owner.getByText('男', { exact: true }).click();
  await pickDate(owner, 'nbRegister_birthDate', '1980-05-01');
  await pickDate(owner, 'nbRegister_idValidTo', '2030-01-01');
  await owner.locator('#nbRegister_region').click();
  await owner.locator('.ant-cascader-menu-item', { hasText: '香港特別行政區' }).click();
  await owner.locator('.ant-cascader-menu-item', { hasText: '九龍' }).click();
  await owner.locator('.ant-cascader-menu-item', { hasText: '油尖旺區' }).click();
  await owner.locator('#nbRegister_address').fill('彌敦道 1 號');
  await owner.locator('#nbRegister_mobile').fill(person.mobile);
  await owner.locator('#nbRegister_captchaAnswer').fill(CAPTCHA);
  await owner.getByRole('button', { name: '獲取驗證碼' }).click();
  await owner.locator('#nbRegister_smsCode').fill(await readCode(owner, person.mobile));
  await owner.locator('#nbRegister_agreement').check();
  await expectAccessible(owner);
  await owner.getByRole('button', { name: '下一步' }).click();

  await expect(owner.getByText('實名核驗用於核驗用戶身份信息', { exact: false })).toBeVisible();
  await owner.getByRole('button', { name: '開始人臉識別' }).click();
  await expect(owner.getByText('模擬鏡頭（模擬器）', { exact: false })).toBeVisible();
  await owner.getByRole('button', { name: '本人，活體通過' }).click();
  await expect(owner.getByText('註冊成功')).toBeVisible();
  await owner.getByRole('link', { name: '進入「港車北上」系統' }).click();

  // 首次登录: the HKID without brackets and the code sent to the mobile given to HK TD
  await expect(owner.getByRole('heading', { name: '首次登錄' })).toBeVisible();
  await expect(owner.getByText('如身份證存在括號，則無需填寫')).toBeVisible();
  await owner.locator('#nbBind_hkid').fill(`${hktd.hkid.slice(0, 7)}(${hktd.hkid.slice(7)})`);
  await owner.getByRole('button', { name: '獲取驗證碼' }).click();
  await expect(owner.getByText(/驗證碼已發送至 137\*\*\*\*/)).toBeVisible();
  await owner.locator('#nbBind_code').fill(await readCode(owner, hktd.mobile));
  await expectAccessible(owner);
  await owner
    .getByRole('button', { name: '確 定' })
    .or(owner.getByRole('button', { name: '確定' }))
    .click();

  // 个人中心: the progress bar at 粤港审批
  await expect(owner.getByRole('heading', { name: '個人中心', level: 1 })).toBeVisible();
  await expect(owner.getByText('初審通過，待粵港審批')).toBeVisible();
  const number = (await owner.getByText(/^GCBS\d+$/).textContent())!.trim();
  expect(number).toMatch(/^GCBS/);
  await expectAccessible(owner);

  // the officer approves: the owner is at 验车、保险 with 「填写保险信息」
  await openInConsole(officer, number);
  await decide(officer, '粤港审批通过');
  await owner.reload();
  await owner.getByRole('link', { name: '填寫保險信息' }).click();

  // by hand: the insurers have no data for a paper policy
  await expect(owner.getByRole('heading', { name: '填寫車輛保險' })).toBeVisible();
  await owner.locator('#nbInsurance_policyNo').fill('PAPER20260001');
  await owner.getByRole('button', { name: '查詢保險' }).click();
  await expect(owner.getByText('未查詢到該保單的共享數據', { exact: false })).toBeVisible();
  await owner.locator('#nbInsurance_type').click();
  await owner.locator('.ant-select-dropdown:visible').getByTitle('內地交強險', { exact: true }).click();
  await owner.locator('#nbInsurance_insurer').fill('某財產保險公司');
  await pickDate(owner, 'nbInsurance_startDate', '2026-01-01');
  await pickDate(owner, 'nbInsurance_endDate', '2027-06-30');
  await owner
    .locator('input[type="file"]')
    .setInputFiles({ name: 'policy.pdf', mimeType: 'application/pdf', buffer: PDF });
  await expect(owner.getByText('policy.pdf')).toBeVisible();
  await owner.getByRole('button', { name: /^提\s*交$/ }).click();
  // the cover ends before the permitted period: the manual's warning, next to the field
  await expect(
    owner.locator('.ant-form-item-explain-error', { hasText: '保險憑證有效期不少於臨時出入內地期限' }),
  ).toBeVisible();
  await expectAccessible(owner);
  // Enter in the date field confirms the day and submits the form, as a keyboard user would
  await pickDate(owner, 'nbInsurance_endDate', '2027-12-31');
  await expect(owner.getByText('保險信息已提交，請等待核驗。')).toBeVisible();

  // the officer sends it back; the owner adds it by lookup
  await openInConsole(officer, number);
  await expect(officer.getByText('车主按纸质保单填写（见附件）')).toBeVisible();
  await decide(officer, '退回保险信息', '保单照片不清晰');
  await owner.goto('/apps/northbound/center');
  await owner.getByRole('link', { name: '填寫保險信息' }).click();
  await owner.locator('#nbInsurance_policyNo').fill('PDZA202644000001');
  await owner.getByRole('button', { name: '查詢保險' }).click();
  await expect(owner.getByText('已查詢到粵港保險機構共享的保險數據')).toBeVisible();
  await owner.getByRole('button', { name: /^提\s*交$/ }).click();
  await expect(owner.getByText('保險信息已提交，請等待核驗。')).toBeVisible();

  // 验车、保险 passed, 发牌
  await openInConsole(officer, number);
  await expect(officer.getByText('保险机构共享数据')).toBeVisible();
  await expectAccessible(officer);
  await decide(officer, '验车、保险核验通过');
  await decide(officer, '发牌');

  await owner.goto('/apps/northbound/center');
  await expect(owner.getByText('可通行').first()).toBeVisible();
  await expect(owner.locator('.nb-plate')).toHaveText(/^粤Z·\d{4}港$/);
  await expect(owner.getByText('車輛目前不在內地')).toBeVisible();
  await expect(owner.getByText(/本年累計停留 0 天/)).toBeVisible();
  await expect(owner.getByRole('link', { name: /臨時入境機動車牌證已核發/ })).toBeVisible();

  // 通关预约: tomorrow's first slot, the voucher, then cancel
  await owner.getByRole('navigation', { name: '系統菜單' }).getByText('通關預約').click();
  await expect(owner.getByRole('heading', { name: '通關預約', level: 1 })).toBeVisible();
  await owner.locator('.ant-radio-button-wrapper').first().click();
  await owner.getByRole('button', { name: /^預\s*約$/ }).click();
  await expect(owner.getByRole('dialog', { name: '預約憑證' })).toBeVisible();
  await expectAccessible(owner);
  await owner
    .getByRole('dialog', { name: '預約憑證' })
    .getByRole('button', { name: /Close|關閉/ })
    .click();
  const row = owner.locator('.ant-table-row', { hasText: '已預約' });
  await expect(row).toHaveCount(1);
  await row.getByRole('button', { name: '取消預約' }).click();
  await owner
    .getByRole('dialog')
    .getByRole('button', { name: /確\s*定|OK/ })
    .click();
  await expect(owner.locator('.ant-table-row', { hasText: '已取消' })).toHaveCount(1);

  // 我的资料 and 我的驾驶人, masked
  await owner.getByRole('navigation', { name: '系統菜單' }).getByText('我的駕駛人').click();
  await owner
    .getByRole('button', { name: /^查\s*看$/ })
    .first()
    .click();
  await expect(owner.getByRole('dialog', { name: '駕駛人信息詳情' })).toContainText('-D1');
  await expectAccessible(owner);

  await owner.keyboard.press('Escape');
  await expect(owner.getByRole('dialog', { name: '駕駛人信息詳情' })).toBeHidden();

  // 我要办事: 补办车卡 (vehicle → 办理地点 and reason → 提交), then the site's officer completes it
  await owner.getByRole('navigation', { name: '系統菜單' }).getByText('我要辦事').click();
  await expect(owner.getByRole('heading', { name: '我要辦事', level: 1 })).toBeVisible();
  await expectAccessible(owner);
  await owner.getByRole('link', { name: '申請' }).first().click();
  await owner.getByRole('radio').first().check();
  await owner.getByRole('button', { name: /下一步/ }).click();
  await owner.locator('#site').click();
  await owner.locator('.ant-select-item-option[title="港珠澳大橋珠海公路口岸港車北上服務點"]').click();
  await owner.getByRole('radio', { name: '遺失' }).check();
  // judged once the site list has closed (it animates out)
  await expect(owner.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')).toHaveCount(0);
  await expectAccessible(owner);
  await owner.getByRole('button', { name: /^提\s*交$/ }).click();
  const submitted = owner.getByText(/申請已提交，申請編號 GCBB\d+/);
  await expect(submitted).toBeVisible();
  const tagNumber = /GCBB\d+/.exec((await submitted.textContent()) ?? '')![0];
  await openInConsole(officer, tagNumber, tagNumber);
  await decide(officer, '现场更换完成');
  await owner.getByRole('navigation', { name: '系統菜單' }).getByText('我要辦事').click();
  await expect(owner.locator('.ant-table-row', { hasText: tagNumber })).toContainText('已辦結');

  // 我要查询: stay time, and the 准入资格确认函 as a PDF whose QR link verifies it
  await owner.getByRole('navigation', { name: '系統菜單' }).getByText('我要查詢').click();
  await owner.getByRole('tab', { name: '車輛停留時間' }).click();
  await expect(owner.getByText(/本年累計停留 0 天/)).toBeVisible();
  await owner.getByRole('tab', { name: /准入資格確認函/ }).click();
  await expectAccessible(owner);
  const download = owner.waitForEvent('download');
  await owner.getByRole('link', { name: '下載 PDF' }).first().click();
  const letter = await download;
  expect(letter.suggestedFilename()).toMatch(/^admission-letter-GCBS\d+\.pdf$/);
  const pdf = readFileSync((await letter.path())!);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const text = execFileSync('pdftotext', ['-', '-'], { input: pdf, encoding: 'utf8' });
  expect(text).toContain('准入資格確認函');
  const token = /verify\/([ap][0-9a-f]+)/.exec(text.replace(/\s+(?=[0-9a-f])/g, ''))![1]!;
  await owner.goto(`/apps/northbound/verify/${token}`);
  await expect(owner.getByRole('heading', { name: '文書核驗', level: 1 })).toBeVisible();
  await expect(owner.getByText('有效', { exact: true })).toBeVisible();
  await expectAccessible(owner);

  // 在线咨询 (ch.5): the owner asks, an officer takes it at the console seat and answers
  await owner.goto('/apps/northbound/center');
  await owner.getByRole('button', { name: /在線諮詢/ }).click();
  const drawer = owner.getByRole('dialog', { name: '在線諮詢' });
  const question = `車卡遺失後多久可以補辦好？${tagNumber}`;
  await drawer.getByLabel('您要諮詢的問題').fill(question);
  await drawer.getByRole('button', { name: /發起諮詢/ }).click();
  await expect(drawer.getByText('正在為您接入客服人員，請稍候……')).toBeVisible();
  await expectAccessible(owner, '[role="dialog"]');
  await officer.goto('/console/consultations');
  await expect(officer.getByRole('heading', { name: '在线咨询坐席', level: 1 })).toBeVisible();
  await officer.getByRole('button', { name: new RegExp(question.slice(0, 12)) }).click();
  await officer.getByRole('button', { name: /接\s*入/ }).click();
  await officer.getByLabel('输入消息').fill('您好，现场更换一般当天完成，请带同车辆前往服务点。');
  await officer.getByRole('button', { name: /发\s*送/ }).click();
  await expectAccessible(officer);
  await expect(drawer.getByText('您好，现场更换一般当天完成，请带同车辆前往服务点。')).toBeVisible({
    timeout: 10_000,
  });
  await expect(drawer.getByText('客服 gdofficer01 正在為您服務')).toBeVisible();
  await drawer.getByLabel('輸入消息').fill('好的，謝謝！');
  await drawer.getByRole('button', { name: /發\s*送/ }).click();
  await expect(officer.getByText('好的，謝謝！')).toBeVisible({ timeout: 10_000 });
  await drawer.getByRole('button', { name: /結束諮詢/ }).click();
  await owner.getByRole('button', { name: /確\s*定|OK/ }).click();
  await expect(drawer.getByText(question)).toBeVisible();
  await owner.keyboard.press('Escape');
  // 退出登录, top right
  await owner.getByRole('button', { name: /退出登錄/ }).click();
  await expect(owner.getByRole('link', { name: '登錄' }).first()).toBeVisible();
});
