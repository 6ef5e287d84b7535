import { describe, expect, it } from 'vitest';
import { buildDataset } from '../dataset.ts';
import { fixtureFiles, SETTINGS } from '../__tests__/fixture.ts';
import { fromSnapshot, toSnapshot } from '../snapshot.ts';
import { effectiveSiteAddress } from './address.ts';
import { allAwardViews } from './awards.ts';
import { absoluteUrl, unitPaths, withBase } from './paths.ts';
import {
  documentTitle,
  FEED_ITEMS,
  feedItems,
  headTags,
  movementShortName,
  placeName,
  robotsTxt,
  sitemapFiles,
  SITEMAP_URLS,
} from './share.ts';

const ADDRESS = 'https://phongtho.laichau.gov.vn/chung-tay/';

function site() {
  const settings = [...SETTINGS, { khoa: 'dia_chi_trang', gia_tri: ADDRESS }];
  const { dataset, errors } = buildDataset(fixtureFiles({ settings }));
  expect(errors).toEqual([]);
  return fromSnapshot(toSnapshot(dataset!, [], []));
}

describe('links under the base path', () => {
  it('puts every path of the site under the base path, and leaves other addresses alone', () => {
    expect(withBase('/chung-tay/', '/xa/mot/')).toBe('/chung-tay/xa/mot/');
    expect(withBase('/chung-tay/', '/')).toBe('/chung-tay/');
    expect(withBase('/', '/xa/mot/')).toBe('/xa/mot/');
    for (const other of ['https://baolaichau.vn/a', '//cdn.example/x', '#noi-dung', 'mailto:a@b.vn']) {
      expect(withBase('/chung-tay/', other)).toBe(other);
    }
    expect(absoluteUrl(ADDRESS, '/vinh-danh/kt-1/')).toBe(`${ADDRESS}vinh-danh/kt-1/`);
  });
});

describe('the site address', () => {
  it('is the setting, or the environment variable that overrides it for a test build', () => {
    expect(effectiveSiteAddress(ADDRESS, undefined)).toEqual({ address: ADDRESS, issue: null });
    expect(effectiveSiteAddress(ADDRESS, 'http://127.0.0.1:8080/thu/').address).toBe('http://127.0.0.1:8080/thu/');
  });

  it('is required, and a bad override names the variable and the fix', () => {
    expect(effectiveSiteAddress('', undefined).issue).toMatchObject({ field: 'dia_chi_trang', code: 'missing-cell' });
    const bad = effectiveSiteAddress(ADDRESS, 'http://127.0.0.1:8080/thu').issue;
    expect(bad?.message).toContain('CHUNG_TAY_SITE_URL');
    expect(bad?.message).toContain('http://127.0.0.1:8080/thu/');
  });

  it('is read from dia-phuong.csv as an absolute http(s) address ending in "/"', () => {
    const read = (value: string) =>
      buildDataset(fixtureFiles({ settings: [...SETTINGS, { khoa: 'dia_chi_trang', gia_tri: value }] }));
    expect(read('https://PhongTho.LaiChau.gov.vn').dataset?.settings.dia_chi_trang).toBe(
      'https://phongtho.laichau.gov.vn/',
    );
    for (const value of [
      'phongtho.laichau.gov.vn/',
      'ftp://a.vn/',
      'https://a.vn/chung-tay',
      'https://a.vn/?x=1',
      'https://a:b@a.vn/',
    ]) {
      const { dataset, errors } = read(value);
      expect(dataset, value).toBeNull();
      expect(errors, value).toMatchObject([{ file: 'dia-phuong.csv', field: 'dia_chi_trang', code: 'format-error' }]);
    }
  });
});

describe('what a shared page says', () => {
  it('names a village with its commune, mid-sentence in lower case, and the movement from the settings', () => {
    const s = site();
    expect(placeName(s, 'X1-01')).toBe('Bản Một, xã Một');
    expect(placeName(s, 'X1')).toBe('Xã Một');
    expect(movementShortName('Phong Thổ chung tay vì người nghèo – Không để ai bị bỏ lại phía sau')).toBe(
      'Phong Thổ chung tay vì người nghèo',
    );
    expect(movementShortName('Chung tay vì người nghèo')).toBe('Chung tay vì người nghèo');
    expect(documentTitle('Bản Một, xã Một', 'Thử chung tay – Không để ai bị bỏ lại phía sau')).toBe(
      'Bản Một, xã Một – Thử chung tay',
    );
  });

  it('lists pages in the sitemap, without redirects, notices and downloads', () => {
    const [{ xml } = { xml: '' }, ...more] = sitemapFiles(ADDRESS, [
      { path: '/', target: 'trang chu' },
      { path: '/xa/mot/', target: 'don-vi X1' },
      { path: '/xa/mot-cu/', target: 'ten-khac X1' },
      { path: '/vinh-danh/kt-2/', target: 'khen-thuong-da-go KT-2' },
      { path: '/cu/', target: 'go-bo' },
      { path: '/du-lieu/don-vi.csv', target: 'tai-ve don-vi.csv' },
    ]);
    expect([...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1])).toEqual([ADDRESS, `${ADDRESS}xa/mot/`]);
    expect(more).toEqual([]);
    expect(robotsTxt(ADDRESS)).toContain(`Sitemap: ${ADDRESS}sitemap.xml`);
  });

  it("splits a country's sitemap into files of at most SITEMAP_URLS pages, listed by /sitemap.xml", () => {
    // 10,000 communes and 100,000 villages: more pages than one sitemap file may hold (sitemaps.org: 50,000).
    const pages = Array.from({ length: 110_000 }, (_, i) => ({ path: `/xa/x${i}/`, target: `don-vi X${i}` }));
    const [index, ...parts] = sitemapFiles(ADDRESS, pages);
    expect(index?.path).toBe('/sitemap.xml');
    expect(index?.xml).toContain('<sitemapindex');
    const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);
    expect(locs(index?.xml ?? '')).toEqual(parts.map((p) => `${ADDRESS}${p.path.slice(1)}`));
    expect(parts.map((p) => p.path)).toEqual(Array.from({ length: 11 }, (_, k) => `/sitemap-${k + 1}.xml`));
    expect(parts.every((p) => locs(p.xml).length <= SITEMAP_URLS)).toBe(true);
    expect(parts.flatMap((p) => locs(p.xml))).toEqual(pages.map((p) => `${ADDRESS}${p.path.slice(1)}`));
  });

  it('feeds only the honour-roll entries that may be published, newest first, with absolute links', () => {
    const s = site();
    const views = allAwardViews(s, unitPaths(s.index));
    const items = feedItems(s, views);
    expect(items.map((i) => i.link)).toEqual(
      views
        .map((v) => `${ADDRESS}${v.path.slice(1)}`)
        .sort()
        .reverse()
        .filter((l) => items.some((i) => i.link === l)),
    );
    expect(items.every((i) => i.link.startsWith(ADDRESS))).toBe(true);
    expect(items.some((i) => i.title.includes('Sùng A Chứ'))).toBe(false);
    expect(items.find((i) => i.title.includes('Lý A Sử'))?.pubDate.toISOString()).toBe('2023-11-19T17:00:00.000Z');
  });

  it("feeds a country's newest entries only, however many the honour roll holds", () => {
    const s = site();
    const [view] = allAwardViews(s, unitPaths(s.index));
    // 20,000 entries, one a day from 1/1/2021: the feed holds the newest FEED_ITEMS, newest first.
    const views = Array.from({ length: 20_000 }, (_, i) => ({
      ...view!,
      path: `/vinh-danh/kt-${i}/`,
      date: new Date(Date.UTC(2021, 0, 1 + i)).toISOString().slice(0, 10),
    }));
    const items = feedItems(s, views);
    expect(items).toHaveLength(FEED_ITEMS);
    expect(items[0]?.link).toBe(`${ADDRESS}vinh-danh/kt-19999/`);
    expect(items.at(-1)?.link).toBe(`${ADDRESS}vinh-danh/kt-${20_000 - FEED_ITEMS}/`);
  });

  it('writes head tags whose values cannot be read as markup', () => {
    const name = '<script>alert(1)</script><b>Hội "Phụ nữ"</b> & Co';
    const html = headTags({
      title: name,
      description: name,
      siteName: 'Thử chung tay – Không để ai bị bỏ lại phía sau',
      url: `${ADDRESS}vinh-danh/kt-1/`,
      image: { url: `${ADDRESS}anh-chia-se/vinh-danh/kt-1.png`, alt: name },
      icon: '/chung-tay/favicon.svg',
      feed: '/chung-tay/tin-moi.xml',
    });
    expect(html).not.toMatch(/<(script|b)[\s>]/);
    expect(html).toContain(
      '<meta property="og:title" content="&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;Hội &quot;Phụ',
    );
    expect(html).toContain(`<link rel="canonical" href="${ADDRESS}vinh-danh/kt-1/">`);
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image">');
    expect(
      headTags({
        ...{ title: 't', description: 'd', siteName: 's', icon: '/i', feed: '/f' },
        url: null,
        image: { url: 'u', alt: 'a' },
      }),
    ).not.toMatch(/canonical|og:url/);
  });
});
