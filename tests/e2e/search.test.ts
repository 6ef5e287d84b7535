import type { Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST } from '../helpers.ts';
import { launchChromium } from './browser.ts';
import { serve } from './serve.ts';

// The search box at phone width: a village or commune typed without diacritics is reached in two
// interactions (type, then Enter or a tap), by keyboard alone, under the pages' own CSP, with axe at zero;
// without JavaScript the same box opens the A–Z list.

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const SHOTS = 'test-results/screenshots';
let server: Server;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  ({ server, origin } = await serve(DIST));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

/** A phone-sized page that records CSP violations and every URL it asks for. */
async function phone(options: { javaScriptEnabled?: boolean; bypassCSP?: boolean } = {}) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN', ...options });
  const violations: string[] = [];
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url().replace(origin, '')));
  const page = await context.newPage();
  page.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text())) violations.push(m.text());
  });
  page.on('pageerror', (e) => violations.push(`error: ${e.message}`));
  return { context, page, violations, requests };
}

const box = (page: Page) => page.getByRole('combobox', { name: /Tìm/ });
const options = (page: Page) => page.getByRole('listbox', { name: 'Kết quả tìm kiếm' }).getByRole('option');

async function close(context: BrowserContext) {
  await context.close();
}

describe('the search box with JavaScript, at 360 px', () => {
  it('reaches a commune typed without diacritics in two interactions, loading one shard of the index', async () => {
    const { context, page, violations, requests } = await phone();
    await page.goto(`${origin}/phuong-phap/`);
    await box(page).fill('mo si san'); // 1: type
    await expect.poll(() => options(page).first().textContent()).toContain('Xã Mồ Sì San');
    await page.screenshot({ path: `${SHOTS}/tim-kiem-mo-si-san.png` });
    await page.keyboard.press('Enter'); // 2: open the first result, selected as one types
    await page.waitForURL(`${origin}/xa/mo-si-san/`);
    expect(await page.locator('h1').textContent()).toBe('Xã Mồ Sì San');
    const shards = requests.filter((r) => r.startsWith('/tim-kiem/'));
    expect(shards).toHaveLength(2);
    expect(shards[0]).toBe('/tim-kiem/muc-luc.json');
    expect(violations).toEqual([]);
    await close(context);
  });

  it('opens the first result of what was typed when Enter or the button comes before the results', async () => {
    const { context, page } = await phone();
    await page.goto(`${origin}/`);
    await box(page).fill('mo si san');
    await expect.poll(() => options(page).count()).toBeGreaterThan(0);
    await box(page).fill('khoa sang');
    await box(page).press('Enter');
    await page.waitForURL(`${origin}/xa/si-lo-lau/khoa-sang/`);
    // The button does the same as Enter.
    await box(page).fill('mo si san');
    await page.getByRole('button', { name: 'Tìm' }).click();
    await page.waitForURL(`${origin}/xa/mo-si-san/`);
    await close(context);
  });

  it('tells apart villages of the same name by their commune, and opens the one tapped', async () => {
    const { context, page, violations } = await phone();
    await page.goto(`${origin}/`);
    await box(page).fill('cang thang');
    await expect.poll(() => options(page).count()).toBeGreaterThan(1);
    const names = await options(page).allTextContents();
    const villages = names.filter((n) => n.startsWith('Bản Cang Thàng, xã '));
    expect(villages.length).toBeGreaterThan(1);
    expect(new Set(villages).size).toBe(villages.length);
    await options(page).nth(names.indexOf(villages[1]!)).click(); // 2: tap
    await page.waitForURL(/\/xa\/[^/]+\/cang-thang\/$/);
    expect(await page.locator('h1').textContent()).toBe('Bản Cang Thàng');
    const commune = /, xã (.+?) – /.exec(villages[1]!)?.[1] ?? '';
    expect(await page.getByRole('navigation', { name: 'Vị trí trang' }).innerText()).toContain(`Xã ${commune}`);
    expect(violations).toEqual([]);
    await close(context);
  });

  it('works by keyboard alone and tells screen readers what it found', async () => {
    const { context, page, violations } = await phone();
    await page.goto(`${origin}/vinh-danh/`);
    for (let i = 0; i < 5 && !(await box(page).evaluate((e) => e === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    await expect.poll(() => box(page).evaluate((e) => e === document.activeElement)).toBe(true);
    await page.keyboard.type('dao san');
    await expect.poll(() => box(page).getAttribute('aria-expanded')).toBe('true');
    const status = page.getByRole('status');
    await expect.poll(() => status.textContent()).toMatch(/\d+ kết quả.*Enter để mở/);
    const first = await box(page).getAttribute('aria-activedescendant');
    expect(await page.locator(`#${first}`).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowDown');
    const second = await box(page).getAttribute('aria-activedescendant');
    expect(second).not.toBe(first);
    await page.keyboard.press('ArrowUp');
    expect(await box(page).getAttribute('aria-activedescendant')).toBe(first);
    await page.keyboard.press('Escape');
    expect(await box(page).getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('ArrowDown');
    expect(await box(page).getAttribute('aria-activedescendant')).toBe(first);
    // Communes come before the villages and entries that name them.
    expect(await page.locator(`#${first}`).textContent()).toMatch(/^Xã Dào San – Xã/);
    const path = await page.locator(`#${first}`).getAttribute('data-path');
    expect(path).toMatch(/^\/xa(-moi)?\/dao-san\/$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${origin}${path}`);
    expect(await page.locator('h1').textContent()).toBe('Xã Dào San');
    expect(violations).toEqual([]);
    await close(context);
  });

  it('finds an honour-roll entry and a story by words of their names, and says when nothing matches', async () => {
    const { context, page } = await phone();
    await page.goto(`${origin}/`);
    await box(page).fill('ly a su');
    await expect
      .poll(() => options(page).allTextContents())
      .toContainEqual(expect.stringMatching(/^Hộ ông Lý A Sử – Vinh danh/));
    await box(page).fill('thao qua');
    await expect.poll(() => options(page).allTextContents()).toContainEqual(expect.stringContaining('Điển hình'));
    await box(page).fill('zzzz qqq');
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Không tìm thấy');
    expect(await box(page).getAttribute('aria-expanded')).toBe('false');
    await close(context);
  });

  it('asks for a name when only a kind of unit is typed, and finds the place with one', async () => {
    const { context, page, requests } = await phone();
    await page.goto(`${origin}/`);
    await box(page).fill('thôn');
    const status = page.getByRole('status');
    await expect.poll(() => status.textContent()).toBe('Quá nhiều kết quả. Gõ thêm tên thôn hoặc tên xã để tìm.');
    expect(await box(page).getAttribute('aria-expanded')).toBe('false');
    // At most the one shard of places named by the word ("Xã Bản Lang"), bounded whatever the country.
    expect(requests.filter((r) => r.startsWith('/tim-kiem/tu-')).length).toBeLessThanOrEqual(1);
    // "Bản" may also be a word of a name ("Xã Bản Lang"): those places are listed, and the reader told the same.
    await box(page).fill('bản');
    await expect.poll(() => status.textContent()).toContain('Gõ thêm tên thôn hoặc tên xã để tìm.');
    await box(page).pressSequentially(' khoa sang');
    await expect.poll(() => options(page).first().textContent()).toContain('Bản Khoa Sáng');
    await close(context);
  });

  it('has no axe violation (WCAG 2.1 AA) with its results open', async () => {
    const { context, page } = await phone({ bypassCSP: true });
    await page.goto(`${origin}/`);
    await box(page).fill('ban lang');
    await expect.poll(() => options(page).count()).toBeGreaterThan(0);
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      type Axe = { run: (c: Document, o: object) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> };
      const axe = (window as unknown as { axe: Axe }).axe;
      const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
      const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
      return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(violations).toEqual([]);
    await close(context);
  });

  it('loads less than 20 KB of JavaScript (gzip), the engine only once one types', async () => {
    const { context, page, requests } = await phone();
    await page.goto(`${origin}/`);
    const scripts = () => requests.filter((r) => r.endsWith('.js'));
    expect(scripts()).toHaveLength(1);
    await box(page).fill('khoa sang');
    await expect.poll(() => options(page).count()).toBeGreaterThan(0);
    const size = scripts().reduce((sum, r) => sum + gzipSync(readFileSync(join(DIST, r))).length, 0);
    console.log(`search JavaScript: ${scripts().length} files, ${(size / 1024).toFixed(1)} KB gzip`);
    expect(scripts().length).toBe(2);
    expect(size).toBeLessThan(20 * 1024);
    await close(context);
  });
});

describe('the search box on a connection that fails', () => {
  it('says so, and Enter still opens the A–Z list; the next keystroke tries again', async () => {
    const { context, page } = await phone();
    let refuse = true;
    await page.route('**/tim-kiem/**', (route) => (refuse ? route.abort() : route.continue()));
    await page.goto(`${origin}/`);
    await box(page).fill('khoa sang');
    const status = page.getByRole('status');
    await expect.poll(() => status.textContent()).toContain('Không tải được dữ liệu tìm kiếm');
    expect(await box(page).getAttribute('aria-expanded')).toBe('false');
    refuse = false;
    await box(page).press('End');
    await box(page).pressSequentially(' ');
    await expect.poll(() => options(page).first().textContent()).toContain('Bản Khoa Sáng');
    await box(page).fill('zzzz');
    await box(page).press('Enter');
    await page.waitForURL(`${origin}/thon/?q=zzzz`);
    await close(context);
  });
});

describe('the search box without JavaScript', () => {
  it('opens the A–Z list of villages, where the village is one tap away', async () => {
    const { context, page } = await phone({ javaScriptEnabled: false });
    await page.goto(`${origin}/`);
    const input = page.getByRole('searchbox', { name: /Tìm/ });
    await input.fill('khoa sang'); // 1
    await input.press('Enter'); // 2
    await page.waitForURL(`${origin}/thon/?q=khoa+sang`);
    expect(await page.locator('h1').textContent()).toBe('Tìm thôn, bản, tổ dân phố');
    await page.getByRole('link', { name: 'Bản Khoa Sáng' }).click(); // 3
    expect(await page.locator('h1').textContent()).toBe('Bản Khoa Sáng');
    await close(context);
  });

  it('with JavaScript, the A–Z list searches what was sent to it', async () => {
    const { context, page } = await phone();
    await page.goto(`${origin}/thon/?q=khoa+sang`);
    expect(await box(page).inputValue()).toBe('khoa sang');
    await expect.poll(() => options(page).first().textContent()).toContain('Bản Khoa Sáng, xã Sì Lở Lầu');
    await close(context);
  });
});
