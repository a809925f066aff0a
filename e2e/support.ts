import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const CAPTCHA = process.env.CAPTCHA_TEST_ANSWER ?? 'E2E42';

/**
 * No serious or critical accessibility violations on the page as it stands — or, with `within`, in
 * an open dialog or drawer (the page under its mask is dimmed on purpose and judged without it).
 */
export async function expectAccessible(page: Page, within?: string) {
  // a field message that is fading out is half transparent for a moment: judge the settled page
  await expect(page.locator('.ant-form-show-help-item-leave')).toHaveCount(0);
  const builder = new AxeBuilder({ page });
  const results = await (within ? builder.include(within) : builder).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual(
    [],
  );
}

/** Reads the newest code sent to a phone or address from the simulator outbox, as a person reads their phone. */
export async function readCode(page: Page, to: string): Promise<string> {
  let code: string | undefined;
  await expect
    .poll(async () => {
      const res = await page.request.get(`/api/dev/outbox?to=${encodeURIComponent(to)}&limit=1`);
      const [message] = (await res.json()) as { text: string }[];
      code = message?.text.match(/\d{6}/)?.[0];
      return code;
    })
    .toBeTruthy();
  return code!;
}

let seq = 0;
export function uniquePerson() {
  seq++;
  const n = `${String(Date.now()).slice(-6)}${seq}`;
  return {
    username: `web${n}`,
    mobile: `135${n.padStart(8, '0').slice(-8)}`,
    email: `web${n}@example.com`,
  };
}

/** A valid GB 11643 number for a birth date (YYYYMMDD) and a sequence. */
export function residentId(birth: string, sequence: number): string {
  const body = `110105${birth}${String(sequence % 1000).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((acc, ch, i) => acc + Number(ch) * weights[i]!, 0);
  return body + '10X98765432'[sum % 11];
}
