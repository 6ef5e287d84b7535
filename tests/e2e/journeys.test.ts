import type { Server } from 'node:http';
import { mkdirSync } from 'node:fs';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser.ts';
import { serve } from './serve.ts';

// The journeys of the people the site is for, in Debian's Chromium at phone width, with
// JavaScript off (the site must be complete without it). Screenshots go to test-results/.

const SHOTS = 'test-results/screenshots';
let server: Server;
let origin: string;
let browser: Browser;
let context: BrowserContext;
const requests: string[] = [];
const responses = new Map<string, number>();

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  ({ server, origin } = await serve('dist'));
  browser = await launchChromium();
  context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    javaScriptEnabled: false,
    locale: 'vi-VN',
  });
  context.on('request', (r) => requests.push(r.url()));
  context.on('response', (r) => responses.set(r.url(), r.status()));
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

async function open(path: string): Promise<Page> {
  const page = await context.newPage();
  const response = await page.goto(origin + path);
  expect(response?.status()).toBe(200);
  return page;
}
const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: false });

describe('journeys at 360 px, JavaScript off', () => {
  it('a citizen finds their village from the overview', async () => {
    const page = await open('/');
    await shot(page, '1-tong-quan');
    // The first screen offers a task: the search box, and the page itself starts in its upper half; the
    // menu, the sample notice and the update note take less than half of it.
    const height = page.viewportSize()!.height;
    const search = await page.locator('#tim-kiem-q').boundingBox();
    expect(search!.y + search!.height).toBeLessThanOrEqual(height / 2);
    expect((await page.locator('h1').boundingBox())!.y).toBeLessThanOrEqual(height * 0.55);
    await page.getByRole('link', { name: 'Xã Sì Lở Lầu', exact: true }).first().click();
    // A click waits for the next page to start loading, not for it to load: read it once it has.
    await page.waitForLoadState();
    expect(await page.locator('h1').textContent()).toBe('Xã Sì Lở Lầu');
    await shot(page, '2-xa');
    const village = page
      .getByRole('table', { name: /từng thôn/ })
      .getByRole('link')
      .first();
    const name = await village.textContent();
    await village.click();
    await page.waitForLoadState();
    expect(await page.locator('h1').textContent()).toBe(name);
    const body = await page.locator('main').innerText();
    expect(body).toContain('Số liệu theo năm');
    expect(body).toMatch(/Đạt|Chưa đạt|Chưa đủ dữ liệu/);
    // Mid-sentence, the kind of a unit is in lower case: "thôn này thuộc xã Sì Lở Lầu".
    expect(body).toContain('thuộc xã Sì Lở Lầu');
    // The verdict and what it still needs are read on the first screen, before any scrolling.
    const answer = await page.locator('.answer-lines li').first().boundingBox();
    expect(answer!.y + answer!.height).toBeLessThanOrEqual(page.viewportSize()!.height);
    await shot(page, '3-thon');
  });

  it('a journalist goes from an honour-roll entry to its story and its facts', async () => {
    const page = await open('/vinh-danh/');
    await page.getByRole('link', { name: 'Hộ ông Lý A Sử' }).first().click();
    await page.waitForURL(`${origin}/vinh-danh/kt-2023-001/`);
    expect(await page.locator('main').innerText()).toContain('Quyết định số 1520/QĐ-UBND ngày 20/11/2023');
    await shot(page, '4-muc-vinh-danh');
    await page.getByRole('link', { name: 'Đọc câu chuyện điển hình' }).click();
    await page.waitForLoadState();
    const story = await page.locator('main').innerText();
    expect(story).toContain('Số liệu năm 2023, thời điểm của bài viết (lấy từ dữ liệu rà soát)');
    expect(story).toMatch(/Bản Khoa Sáng, năm 2021 \(chính thức\)/);
    expect(story).toContain('Liên hệ báo chí');
    expect(story).toContain('Người trong ảnh đã đồng ý cho đăng');
    await shot(page, '5-bai-viet');
    // With JavaScript off, Chromium loads lazy images at once: the photo was fetched with the page.
    const photo = page.locator('figure.photo img');
    expect(await photo.getAttribute('alt')).toMatch(/^Hình vẽ minh họa/);
    expect(responses.get(`${origin}/dien-hinh/anh/nuong-thao-qua-minh-hoa.png`)).toBe(200);
  });

  it('an official opens an entry by its permanent URL, and a withdrawn entry shows only a notice', async () => {
    const page = await open('/vinh-danh/kt-2025-001/');
    const body = await page.locator('main').innerText();
    expect(body).toContain('Xã Sì Lở Lầu');
    expect(body).toContain('1012/QĐ-UBND');
    await shot(page, '6-duong-dan-co-dinh');
    const withdrawn = await open('/vinh-danh/kt-2023-003/');
    const notice = await withdrawn.locator('main').innerText();
    expect(notice).toContain('Đã gỡ theo yêu cầu');
    expect(notice).not.toContain('Pờ Lò Chè');
  });

  it('shows the same text with JavaScript on as off', async () => {
    const on = await browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: true });
    for (const path of ['/', '/xa/si-lo-lau/', '/vinh-danh/', '/dien-hinh/ho-ong-ly-a-su/']) {
      const a = await (await open(path)).locator('body').innerText();
      const pageOn = await on.newPage();
      await pageOn.goto(origin + path);
      expect(await pageOn.locator('body').innerText()).toBe(a);
    }
    await on.close();
  });

  it('fits a 320 px screen without sideways scrolling of the page', async () => {
    const small = await browser.newContext({ viewport: { width: 320, height: 640 }, javaScriptEnabled: false });
    for (const path of ['/', '/xa/si-lo-lau/', '/phuong-phap/', '/du-lieu/']) {
      const page = await small.newPage();
      await page.goto(origin + path);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, path).toBeLessThanOrEqual(320);
    }
    await small.close();
  });

  it('made no request to any other origin', () => {
    expect(requests.length).toBeGreaterThan(5);
    expect(requests.filter((u) => !u.startsWith(origin))).toEqual([]);
  });
});
