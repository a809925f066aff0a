// The portal's first load (issue 10 target ≤ 350 kB gzipped JS): opens `/` in Chromium as a
// newcomer would, waits until the network is idle and adds up, gzipped, every script the page
// fetched (read from the build, so the figure does not depend on the server compressing).
//
//   const r = await measureFirstLoad('http://127.0.0.1:3917/');
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'apps/web/dist');

export type FirstLoad = { scripts: number; gzipKb: number; rawKb: number };

export function firstLoadBrowser(): string | undefined {
  const executable = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  return existsSync(executable) ? executable : undefined;
}

export async function measureFirstLoad(url: string): Promise<FirstLoad> {
  const executablePath = firstLoadBrowser();
  if (!executablePath) throw new Error('no Chromium (set CHROMIUM_PATH)');
  const browser = await chromium.launch({ executablePath });
  try {
    const page = await browser.newPage();
    const scripts = new Set<string>();
    page.on('response', (response) => {
      const { pathname } = new URL(response.url());
      if (pathname.endsWith('.js')) scripts.add(pathname);
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    let gzip = 0;
    let raw = 0;
    for (const script of scripts) {
      const body = readFileSync(path.join(dist, script));
      raw += body.length;
      gzip += gzipSync(body, { level: 9 }).length;
    }
    return { scripts: scripts.size, gzipKb: gzip / 1024, rawKb: raw / 1024 };
  } finally {
    await browser.close();
  }
}
