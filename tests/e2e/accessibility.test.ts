import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from './browser.ts';
import { serve } from './serve.ts';

// WCAG 2.1 AA checks with axe-core on one page of each kind, at phone width.
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const PAGES = [
  '/',
  '/thon/',
  '/xa/si-lo-lau/',
  '/xa/si-lo-lau/khoa-sang/',
  '/xa-moi/',
  '/xa-moi/si-lo-lau/',
  '/ban-do/tieu-chi-xa-1/',
  '/vinh-danh/',
  '/vinh-danh/kt-2023-001/',
  '/vinh-danh/hinh-thuc/giay-khen-huyen/',
  '/vinh-danh/xa/si-lo-lau/tong-ket-2025/',
  '/in/xa/si-lo-lau/',
  '/dien-hinh/ho-ong-ly-a-su/',
  '/phuong-phap/',
  '/du-lieu/',
  '/du-lieu/chat-luong/',
  '/gioi-thieu/',
  '/quyen-rieng-tu/',
  '/bao-chi/',
];

let server: Server;
let origin: string;
let browser: Browser;
beforeAll(async () => {
  ({ server, origin } = await serve('dist'));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

it('meets WCAG 2.1 AA as axe-core checks it, on every kind of page', async () => {
  // The pages forbid injected scripts (CSP); the checker is allowed in, the site is not changed.
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, bypassCSP: true });
  const found: string[] = [];
  for (const path of PAGES) {
    const page = await context.newPage();
    await page.goto(origin + path);
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> };
        }
      ).axe;
      const result = await axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      });
      return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    for (const v of violations) found.push(`${path}: ${v}`);
    await page.close();
  }
  await context.close();
  expect(found).toEqual([]);
});
