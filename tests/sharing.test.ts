import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { describe, expect, it } from 'vitest';
import { readSiteAddress } from '../src/data/folders.ts';
import { DIST, listFiles, readDist } from './helpers.ts';

// What a shared link shows, and what search engines and feed readers find: every page names itself
// with absolute URLs under the site's address; the sitemap lists every page; the feed is valid XML.

const { address } = readSiteAddress();
const pages = listFiles(DIST).filter((f) => f.endsWith('.html'));
const meta = (html: string, key: string) =>
  new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html)?.[1] ?? null;
const canonical = (html: string) => /<link rel="canonical" href="([^"]*)"/.exec(html)?.[1] ?? null;
const urlOf = (file: string) => `${address}${file.replace(/(^|\/)index\.html$/, '$1')}`;
const noindex = (html: string) => html.includes('<meta name="robots" content="noindex">');

describe('sharing', () => {
  it('gives every page a title, Open Graph and Twitter tags, a canonical link and a favicon, all absolute', () => {
    expect(address).toMatch(/^https?:\/\/.+\/$/);
    for (const file of pages) {
      const html = readDist(file);
      expect(meta(html, 'og:title'), file).toBeTruthy();
      expect(meta(html, 'twitter:card'), file).toMatch(/^summary/);
      expect(html, file).toMatch(/<link rel="icon" href="\/favicon\.svg" type="image\/svg\+xml">/);
      if (file === '404.html') {
        // Served at whatever address was missing: it claims none, and asks not to be indexed.
        expect(canonical(html)).toBeNull();
        expect(noindex(html)).toBe(true);
        continue;
      }
      const redirect = /http-equiv="refresh" content="0; url=([^"]*)"/.exec(html)?.[1];
      const own = redirect ? `${address}${redirect.slice(1)}` : urlOf(file);
      expect(canonical(html), file).toBe(own);
      expect(meta(html, 'og:url'), file).toBe(own);
    }
  });

  it('titles a village with its commune and the movement, so villages of the same name differ', () => {
    const settings = readFileSync('data/dia-phuong.csv', 'utf8');
    const movement = /^ten_phong_trao,([^,–]+?) –/m.exec(settings)?.[1];
    expect(movement).toBeTruthy();
    const titles = pages
      .filter((p) => /^xa\/[^/]+\/[^/]+\/index\.html$/.test(p))
      .map((p) => /<title>([^<]*)<\/title>/.exec(readDist(p))?.[1]);
    expect(titles.length).toBeGreaterThan(150);
    for (const t of titles)
      expect(t).toMatch(new RegExp(`^(Bản|Thôn|Tổ dân phố|Xóm) .+, (xã|thị trấn) .+ – ${movement}$`));
    expect(new Set(titles).size).toBe(titles.length);
    expect(readDist('xa/dao-san/index.html')).toContain(`<title>Xã Dào San – ${movement}</title>`);
  });

  it('lists every page in sitemap.xml, and no redirect, removal notice or 404 page', () => {
    const xml = readDist('sitemap.xml');
    expect(() => SyntaxValidator.validate(xml)).not.toThrow();
    const listed = [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]).sort();
    const expected = pages
      .filter((p) => !noindex(readDist(p)))
      .map(urlOf)
      .sort();
    expect(expected.length).toBeGreaterThan(200);
    expect(listed).toEqual(expected);
    expect(readDist('robots.txt')).toContain(`Sitemap: ${address}sitemap.xml`);
  });

  it('publishes an RSS feed of published honour-roll entries and stories, with absolute links', () => {
    const xml = readDist('tin-moi.xml');
    expect(() => SyntaxValidator.validate(xml)).not.toThrow();
    const feed = new XMLParser().parse(xml) as {
      rss: { channel: { item: { title: string; link: string; pubDate: string }[] } };
    };
    const items = feed.rss.channel.item;
    const awards = JSON.parse(readDist('du-lieu/khen-thuong.json')) as Record<string, unknown>[];
    const published = awards.filter((a) => a['cong_khai'] === 'cong_khai');
    const stories = listFiles('content/dien-hinh').filter((f) => f.endsWith('.mdx'));
    expect(items).toHaveLength(published.length + stories.length);
    for (const item of items) {
      expect(item.link.startsWith(address!)).toBe(true);
      expect(pages).toContain(`${item.link.slice(address!.length)}index.html`);
      expect(Number.isNaN(Date.parse(item.pubDate))).toBe(false);
    }
    for (const a of published)
      expect(items.some((i) => i.link.endsWith(`/vinh-danh/${String(a['ma_khen_thuong']).toLowerCase()}/`))).toBe(true);
    // Entries that may not be named are not in the feed, not even by their address.
    for (const a of awards.filter((x) => x['cong_khai'] !== 'cong_khai'))
      expect(xml).not.toContain(String(a['ma_khen_thuong']).toLowerCase());
    expect(readDist('index.html')).toContain('<link rel="alternate" type="application/rss+xml"');
  });

  it('shows a 1200×630 PNG for every page, its own for every unit, published entry and story', () => {
    const siteImage = `${address}anh-chia-se/trang-chu.png`;
    const own = /^(xa|xa-moi|dien-hinh|vinh-danh)\/[^/]+\/(index\.html|[^/]+\/index\.html)$/;
    let ownImages = 0;
    for (const file of pages) {
      const html = readDist(file);
      const image = meta(html, 'og:image');
      expect(image, file).toMatch(/^https?:\/\/.+\.png$/);
      expect(meta(html, 'twitter:image'), file).toBe(image);
      expect(meta(html, 'twitter:card'), file).toBe('summary_large_image');
      expect(meta(html, 'og:image:alt'), file).toBeTruthy();
      const png = readFileSync(join(DIST, image!.slice(address!.length)));
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], file).toEqual([1200, 630]);
      const isList = /^vinh-danh\/(nam|dot|hinh-thuc|doi-tuong|xa)\//.test(file);
      if (own.test(file) && !isList && !noindex(html) && !html.includes('http-equiv="refresh"')) {
        expect(image, file).toBe(`${address}anh-chia-se/${file.replace(/\/index\.html$/, '')}.png`);
        ownImages++;
      }
    }
    expect(ownImages).toBeGreaterThan(200);
    expect(meta(readDist('index.html'), 'og:image')).toBe(siteImage);
    // An entry that may not be named has no image (nor page): nothing drawn names it.
    const awards = JSON.parse(readDist('du-lieu/khen-thuong.json')) as Record<string, unknown>[];
    const images = listFiles(join(DIST, 'anh-chia-se'));
    for (const a of awards.filter((x) => x['cong_khai'] !== 'cong_khai')) {
      expect(images).not.toContain(`vinh-danh/${String(a['ma_khen_thuong']).toLowerCase()}.png`);
    }
  });

  it('ships the favicon as SVG and as favicon.ico', () => {
    expect(readDist('favicon.svg')).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    const ico = readFileSync(`${DIST}/favicon.ico`);
    expect([...ico.subarray(0, 4)]).toEqual([0, 0, 1, 0]);
    expect(ico.subarray(22, 26).toString('latin1')).toBe('\x89PNG');
  });
});
