import { type Browser, expect, type Page, test } from '@playwright/test';
import { CAPTCHA, expectAccessible } from './support.ts';

// Issue 10's journey (seed 002 智慧审证): the catalogue and a guide; an enterprise operator opens
// 地方特色应用 → 关企互动 → 智慧审证 after single-window sign-in and adds a certificate; the platform
// checks it with the issuing authority (simulator); a customs reviewer sees both side by side and
// marks it 数据有误; the operator adds it again, corrected, and it passes.

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

async function personPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

async function signIn(page: Page, username: string, password: string) {
  await page.locator('#login_username').fill(username);
  await page.locator('#login_password').fill(password);
  await page.locator('#login_captchaAnswer').fill(CAPTCHA);
  await page.getByRole('button', { name: /^登\s*录$/ }).click();
}

async function choose(page: Page, fieldId: string, option: string) {
  await page.locator(`#${fieldId}`).click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
}

async function pickDate(page: Page, fieldId: string, day: string) {
  const input = page.locator(`#${fieldId}`);
  await input.click();
  await input.fill(day);
  await input.press('Enter');
}

/** Opens an application from the console's 全部申请 by its number. */
async function openInConsole(reviewer: Page, number: string) {
  await reviewer.goto('/console/queue/all');
  await reviewer.locator('#queue-all_number').fill(number);
  await reviewer.getByRole('button', { name: /查\s*询/ }).click();
  const row = reviewer.locator('.sw-cw-table .ant-table-row', { hasText: number });
  await expect(row).toHaveCount(1);
  await row.locator('.sw-cw-number').click();
  await expect(reviewer.getByTestId('cert-check')).toBeVisible();
}

/** Takes a decision on the application open in the console. */
async function decide(reviewer: Page, action: string, reason?: string) {
  await reviewer.locator(`label:has-text("${action}")`).first().click();
  if (reason) await reviewer.getByLabel('审批意见').fill(reason);
  await reviewer.getByRole('button', { name: /提交决定/ }).click();
  await reviewer
    .getByRole('dialog')
    .getByRole('button', { name: /提交决定/ })
    .click();
  await expect(reviewer.getByText(/已提交：/)).toBeVisible();
}

test('the catalogue lists 智慧审证 under 地方特色应用 with its guide', async ({ page }) => {
  await page.goto('/apps');
  await expect(page.getByRole('heading', { name: '办事服务', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: '关企互动' })).toBeVisible();
  await expect(page.getByTestId('service-cert-review')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: '办事指南 智慧审证' }).click();
  await expect(page).toHaveURL(/\/apps\/cert-review$/);
  await expect(page.getByRole('heading', { name: '受理条件' })).toBeVisible();
  await expect(page.getByText('PDF / JPG / PNG，不超过 10.0 MB')).toBeVisible();
  await expect(page.getByText(/2 个工作日/).first()).toBeVisible();
  await expectAccessible(page);
  // signed out, 在线办理 says to sign in first
  await page.getByRole('button', { name: '在线办理 智慧审证' }).click();
  await expect(page.getByRole('dialog').getByText('请先登录后办理。')).toBeVisible();
});

test('an operator adds a certificate, customs mark it 数据有误, it is added again and passes', async ({
  browser,
}) => {
  const certNo = `26-AA-${String(Date.now()).slice(-6)}`;
  const operator = await personPage(browser);

  // the authority holds this certificate (simulator control, test mode only)
  const csrf = ((await (await operator.request.get('/api/csrf')).json()) as { token: string }).token;
  const saved = await operator.request.put('/api/dev/cert-authority/certificates', {
    headers: { 'x-csrf-token': csrf },
    data: {
      certType: 'import-licence',
      certNo,
      issuingAuthority: '商务部配额许可证事务局',
      issueDate: '2026-01-05',
      validFrom: '2026-01-05',
      validTo: '2026-12-31',
      holderName: '广州示例进出口贸易有限公司',
      holderCreditCode: '91440101MA59UQXX9Q',
      port: '5100',
      goods: [{ hsCode: '8703231900', name: '小轿车', quantity: 10, unit: 'vehicle' }],
    },
  });
  expect(saved.status()).toBe(204);

  // 1. single-window sign-in, then 地方特色应用 → 关企互动 → 智慧审证
  await operator.goto('/login');
  await signIn(operator, 'qiyeop01', 'Qiye@2026');
  await expect(operator).toHaveURL(/\/account/);
  await operator.getByRole('menuitem', { name: /地方特色应用/ }).click();
  await expect(operator.getByRole('heading', { name: '关企互动' })).toBeVisible();
  await expectAccessible(operator);
  await operator.getByRole('button', { name: '在线办理 智慧审证' }).click();
  await expect(operator).toHaveURL(/\/apps\/cert-review\/records/);
  await expect(operator.getByRole('heading', { name: '证书申请查询' })).toBeVisible();
  await expectAccessible(operator);

  // 2. 添加证书 — with a quantity the authority does not have
  await operator.getByRole('link', { name: '添加证书' }).click();
  await expect(operator.getByRole('heading', { name: '填写证书信息' })).toBeVisible();
  await expect(operator.locator('#cert-apply_holderName')).toHaveValue('广州示例进出口贸易有限公司');
  await choose(operator, 'cert-apply_certType', '进口许可证');
  await operator.locator('#cert-apply_certNo').fill(certNo);
  await operator.locator('#cert-apply_issuingAuthority').fill('商务部配额许可证事务局');
  await pickDate(operator, 'cert-apply_issueDate', '2026-01-05');
  await pickDate(operator, 'cert-apply_validFrom', '2026-01-05');
  await pickDate(operator, 'cert-apply_validTo', '2026-12-31');
  await choose(operator, 'cert-apply_port', '广州海关（5100）');
  await operator.locator('#cert-apply_goods_0_hsCode').fill('8703231');
  await operator.locator('#cert-apply_goods_0_name').fill('小轿车');
  await operator.locator('#cert-apply_goods_0_quantity').fill('12');
  await choose(operator, 'cert-apply_goods_0_unit', '辆');
  await operator
    .locator('input[type=file]')
    .setInputFiles({ name: '进口许可证.pdf', mimeType: 'application/pdf', buffer: PDF });
  await expect(operator.getByText('进口许可证.pdf')).toBeVisible();
  await expect(operator.getByText(/草稿已自动保存/)).toBeVisible();
  await expectAccessible(operator);
  // a 7-digit HS code is refused next to the field
  await operator.getByRole('button', { name: /^提\s*交$/ }).click();
  await expect(operator.getByText('商品编码应为 8 至 10 位数字')).toBeVisible();
  await operator.locator('#cert-apply_goods_0_hsCode').fill('8703231900');
  await operator.getByRole('button', { name: /^提\s*交$/ }).click();
  await expect(operator.getByRole('heading', { name: '证书申请已提交' })).toBeVisible();
  const number = (await operator.locator('.ant-result strong').first().textContent())!.trim();
  expect(number).toMatch(/^ZHSZ\d{14}$/);
  await expectAccessible(operator);

  // 3. the customs reviewer sees the comparison — 不一致 on the quantity — and marks 数据有误
  const reviewer = await personPage(browser);
  await reviewer.goto('/console');
  await signIn(reviewer, 'customs01', 'Customs@2026');
  await expect(reviewer).toHaveURL(/\/console/);
  await openInConsole(reviewer, number);
  const check = reviewer.getByTestId('cert-check');
  await expect(check.getByTestId('cert-outcome')).toHaveText('不一致');
  await expect(check.locator('.sw-cr-row-different', { hasText: '商品1 数量' })).toBeVisible();
  await expect(check.getByText('发证机关模拟器', { exact: false })).toBeVisible();
  await expectAccessible(reviewer);
  await decide(reviewer, '数据有误', '商品编码或数量与证书不符');

  // 4. the operator is told, and adds it again — prefilled — with the right quantity
  await operator.goto('/apps/cert-review/records');
  const failed = operator.locator('.ant-table-row', { hasText: number });
  await expect(failed.getByText('数据有误')).toBeVisible();
  await expect(
    failed.getByText('企业填写的证书信息或上传的证书有误，请修改后重新添加证书申请。'),
  ).toBeVisible();
  await failed.getByRole('button', { name: '重新添加' }).click();
  await expect(operator.getByRole('heading', { name: '重新添加证书申请' })).toBeVisible();
  await expect(operator.locator('#cert-apply_certNo')).toHaveValue(certNo);
  await operator.locator('#cert-apply_goods_0_quantity').fill('10');
  await operator
    .locator('input[type=file]')
    .setInputFiles({ name: '进口许可证-重新上传.pdf', mimeType: 'application/pdf', buffer: PDF });
  await expect(operator.getByText('进口许可证-重新上传.pdf')).toBeVisible();
  await operator.getByRole('button', { name: /^提\s*交$/ }).click();
  await expect(operator.getByRole('heading', { name: '证书申请已提交' })).toBeVisible();
  const second = (await operator.locator('.ant-result strong').first().textContent())!.trim();

  // 5. now 一致; customs approve
  await openInConsole(reviewer, second);
  await expect(reviewer.getByTestId('cert-check').getByTestId('cert-outcome')).toHaveText('一致');
  await decide(reviewer, '审核通过');

  // 6. the operator sees 审核通过 with what to do next; the first stays 数据有误
  await operator.goto('/apps/cert-review/records');
  const passed = operator.locator('.ant-table-row', { hasText: second });
  await expect(passed.getByText('审核通过')).toBeVisible();
  await expect(passed.getByText(`由 ${number} 重新添加`)).toBeVisible();
  await expect(operator.locator('.ant-table-row', { hasText: number }).getByText('数据有误')).toBeVisible();
  await expectAccessible(operator);
  await passed.getByRole('link', { name: second }).click();
  await expect(operator.getByText('请企业携带证书前往海关现场办理后续手续。')).toBeVisible();
  await expectAccessible(operator);
});
