import type { Server } from 'node:http';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import jsQR from 'jsqr';
import { type Browser, type Page } from 'playwright-core';
import sharp from 'sharp';
import { extractText } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser.ts';
import { serve } from './serve.ts';

// Paper, as Chromium prints it to PDF: a commune's A4 sheet on one page with a QR code that a phone can read,
// honour rolls and other pages with the agency, the decision, the date and the page's full address.

const OUT = 'test-results/print';
let server: Server;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  ({ server, origin } = await serve('dist'));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

async function open(path: string): Promise<Page> {
  const page = await browser.newPage({ javaScriptEnabled: false, locale: 'vi-VN' });
  const response = await page.goto(origin + path);
  expect(response?.status()).toBe(200);
  return page;
}

/** The page printed as Chromium's "Save as PDF" does (the page's own @page size), with its text. */
async function print(page: Page, name: string) {
  // After a click, a page may have started loading but not be parsed yet: printed then, the sheet is blank.
  await page.waitForLoadState('load');
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  writeFileSync(`${OUT}/${name}.pdf`, pdf);
  const { totalPages, text } = await extractText(new Uint8Array(pdf), { mergePages: true });
  const size = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
  // Line breaks and hyphen-free wrapping of long URLs: compare the text with its spaces taken out.
  return { pages: totalPages, text, flat: text.replace(/\s+/g, ''), size: size?.slice(1).map(Number) };
}

const canonical = (page: Page) => page.locator('link[rel="canonical"]').getAttribute('href');

describe('printing', () => {
  it("prints a commune's sheet on one A4 page, with its verdicts, figures, agency and a QR code to its page", async () => {
    const commune = await open('/xa/dao-san/');
    const url = await canonical(commune);
    expect(url).toMatch(/^https?:\/\/.+\/xa\/dao-san\/$/);
    await commune.getByRole('link', { name: 'In trang A4' }).click();
    await commune.waitForURL(`${origin}/in/xa/dao-san/`);

    const sheet = await print(commune, 'xa-dao-san-a4');
    expect(sheet.pages).toBe(1);
    // A4 is 595 × 842 points.
    expect(sheet.size?.[0]).toBeCloseTo(595, -1);
    expect(sheet.size?.[1]).toBeCloseTo(842, -1);
    for (const words of [
      'Kết quả đánh giá tiêu chí',
      'Hộ nghèo',
      'Hộ cận nghèo',
      'Tỷ lệ nghèo đa chiều',
      'Cơ quan công bố',
    ])
      expect(sheet.text).toContain(words);
    expect(sheet.text).toMatch(/Số liệu cập nhật ngày \d\d\/\d\d\/\d{4}/);
    expect(sheet.text).toMatch(/Trạng thái số liệu: (sơ bộ|chính thức)/);
    expect(sheet.flat).toContain(String(url));

    // The QR code as printed (print styles, 2× pixels), read back by a QR decoder.
    await commune.emulateMedia({ media: 'print' });
    const png = await commune.locator('.sheet-qr svg').screenshot({ scale: 'device' });
    const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const code = jsQR(new Uint8ClampedArray(data), info.width, info.height);
    expect(code?.data).toBe(url);
  });

  it("prints every commune's sheet on one page", async () => {
    const communes = readdirSync('dist/in/xa');
    expect(communes.length).toBeGreaterThanOrEqual(17);
    const page = await browser.newPage({ javaScriptEnabled: false });
    for (const xa of communes) {
      await page.goto(`${origin}/in/xa/${xa}/`);
      const pdf = await page.pdf({ preferCSSPageSize: true });
      expect((await extractText(new Uint8Array(pdf))).totalPages, xa).toBe(1);
    }
  });

  it('prints an honour roll of a commune and round with the decision, its agency and date, and the full URL', async () => {
    const list = await open('/vinh-danh/xa/dao-san/');
    await list.getByRole('link', { name: 'Sơ kết 2023' }).click();
    await list.waitForURL(`${origin}/vinh-danh/xa/dao-san/so-ket-2023/`);
    const url = await canonical(list);
    const decision = await list.locator('main .decision h2').first().innerText();
    expect(decision).toMatch(/^Quyết định số \S+ ngày \d\d\/\d\d\/\d{4}$/);
    const roll = await print(list, 'vinh-danh-dao-san-so-ket-2023');
    expect(roll.text).toContain(decision);
    expect(roll.text).toMatch(/Cơ quan ban hành: UBND[^.]+\. Chức vụ người ký: Chủ tịch/);
    // The footer is on paper: the site's agency, its address, the data date and this page's full address.
    expect(roll.text).toContain('Cơ quan chủ quản:');
    expect(roll.text).toContain('Địa chỉ:');
    expect(roll.text).toMatch(/Số liệu cập nhật ngày \d\d\/\d\d\/\d{4}/);
    expect(roll.flat).toContain(`Trangnày:${url}`);
    // A place in full: a village with its commune, never a village name alone.
    expect(roll.text).toMatch(/(Thôn|Bản|Tổ dân phố) [^,\n]+, xã Dào San/);
  });

  it('prints folded explanations open', async () => {
    const page = await open('/xa/dao-san/');
    const details = page.locator('main details').first();
    expect(await details.getAttribute('open')).toBeNull();
    const folded = details.locator(':scope > :not(summary)').first();
    expect(await folded.isVisible()).toBe(false);
    const hidden = ((await folded.textContent()) ?? '').replace(/\s+/g, '');
    expect(hidden).toMatch(/^Năm\d{4}:.{20,}/);
    const printed = await print(page, 'xa-dao-san');
    expect(printed.flat).toContain(hidden.slice(0, 80));
  });
});
