import { escapeUTF8 } from 'entities';
import { isVillageLevel } from '../domain/units.ts';
import type { SiteData } from '../snapshot.ts';
import type { AwardView } from './awards.ts';
import { absoluteUrl, storyPath } from './paths.ts';

// What a page says about itself when shared or bookmarked: a title that names the place and its
// commune and the movement, as the settings spell them.

/** "Phong Thổ chung tay vì người nghèo – Không để ai bị bỏ lại phía sau" → its name before the dash. */
export function movementShortName(movement: string): string {
  return movement.split(/\s+[–—-]\s+/)[0]?.trim() || movement;
}

/** "Bản Cang Thàng – Phong Thổ chung tay vì người nghèo"; the overview is titled by the movement alone. */
export function documentTitle(title: string | null, movement: string): string {
  const name = movementShortName(movement);
  return title ? `${title} – ${name}` : name;
}

const inSentence = (name: string) => `${name.charAt(0).toLocaleLowerCase('vi')}${name.slice(1)}`;

/** A unit named so it cannot be mistaken: a village with its commune ("Bản Cang Thàng, xã Dào San"). */
export function placeName(site: SiteData, unitId: string): string {
  const unit = site.index.byId.get(unitId);
  if (!unit) return unitId;
  const parent = unit.ma_don_vi_cha ? site.index.byId.get(unit.ma_don_vi_cha) : undefined;
  return isVillageLevel(unit) && parent ? `${unit.ten_don_vi}, ${inSentence(parent.ten_don_vi)}` : unit.ten_don_vi;
}

/** Files the site writes besides its pages and downloads; their addresses are fixed here, not by the data. */
export const SITE_FILES = [
  '/favicon.svg',
  '/favicon.ico',
  '/emblem.svg',
  '/robots.txt',
  '/sitemap.xml',
  '/tin-moi.xml',
];

/** Redirects, removal notices and downloads are not pages to index: the sitemap leaves them out. */
const NOT_INDEXED = /^(ten-khac|chuyen-huong|go-bo|khen-thuong-da-go|tai-ve)( |$)/;

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * URLs per sitemap file. The protocol allows 50,000 (sitemaps.org); 10,000 keep each file near 40 KB gzip, so a
 * province's or a country's sitemap is an index of files (sitemap.xml → sitemap-1.xml, sitemap-2.xml, …).
 */
export const SITEMAP_URLS = 10_000;

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>';
const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

/** The address of part `n` of a split sitemap. */
const sitemapPartPath = (n: number) => `/sitemap-${n}.xml`;

/**
 * The sitemap (sitemaps.org 0.9): every page the site publishes, by absolute URL, in path order. Up to
 * SITEMAP_URLS pages it is /sitemap.xml alone; beyond, /sitemap.xml is the index of its parts.
 */
export function sitemapFiles(
  address: string,
  published: readonly { path: string; target: string }[],
): { path: string; xml: string }[] {
  const urls = published
    .filter((u) => !NOT_INDEXED.test(u.target))
    .map((u) => `<url><loc>${xmlText(absoluteUrl(address, u.path))}</loc></url>`);
  const urlset = (list: string[]) => [XML_HEAD, `<urlset xmlns="${SITEMAP_NS}">`, ...list, '</urlset>', ''].join('\n');
  if (urls.length <= SITEMAP_URLS) return [{ path: '/sitemap.xml', xml: urlset(urls) }];
  const parts = Array.from({ length: Math.ceil(urls.length / SITEMAP_URLS) }, (_, k) => ({
    path: sitemapPartPath(k + 1),
    xml: urlset(urls.slice(k * SITEMAP_URLS, (k + 1) * SITEMAP_URLS)),
  }));
  const index = [
    XML_HEAD,
    `<sitemapindex xmlns="${SITEMAP_NS}">`,
    ...parts.map((p) => `<sitemap><loc>${xmlText(absoluteUrl(address, p.path))}</loc></sitemap>`),
    '</sitemapindex>',
    '',
  ].join('\n');
  return [{ path: '/sitemap.xml', xml: index }, ...parts];
}

/** robots.txt: everything may be indexed; where the sitemap is. */
export const robotsTxt = (address: string): string =>
  `User-agent: *\nDisallow:\n\nSitemap: ${absoluteUrl(address, '/sitemap.xml')}\n`;

export interface FeedItem {
  title: string;
  /** Absolute URL. */
  link: string;
  pubDate: Date;
  description: string;
}

/** A date of the data (yyyy-mm-dd) as the start of that day in Vietnam (UTC+7). */
const vietnamDay = (iso: string) => new Date(`${iso}T00:00:00+07:00`);

/**
 * Items of the feed: the newest only. A feed reader polls for what is new; every entry keeps its page, and a
 * country's thousands of entries would make the feed grow with the country.
 */
export const FEED_ITEMS = 100;

/**
 * The feed: honour-roll entries that may be published (their public views, as the pages show them)
 * and stories, newest first (the FEED_ITEMS newest); the same data gives the same feed.
 */
export function feedItems(site: SiteData, awards: readonly AwardView[]): FeedItem[] {
  const address = site.settings.dia_chi_trang;
  const entries = awards.map((a) => ({
    title: `${a.name}: ${a.form}`,
    link: absoluteUrl(address, a.path),
    pubDate: vietnamDay(a.date),
    description: [a.achievement.replace(/([^.!?])$/, '$1.'), `${a.decision} của ${a.issuer}.`]
      .filter(Boolean)
      .join(' '),
  }));
  const stories = site.stories.map((s) => ({
    title: s.tieu_de,
    link: absoluteUrl(address, storyPath(s.slug)),
    pubDate: vietnamDay(s.ngay),
    description: s.tom_tat,
  }));
  return [...entries, ...stories]
    .sort((x, y) => y.pubDate.getTime() - x.pubDate.getTime() || (x.link < y.link ? -1 : x.link > y.link ? 1 : 0))
    .slice(0, FEED_ITEMS);
}

export interface HeadTags {
  title: string;
  description: string;
  siteName: string;
  /** Absolute URL of the page; null for the 404 page, served at any address. */
  url: string | null;
  image: { url: string; alt: string };
  /** Paths as served (under the base path). */
  icon: string;
  feed: string;
}

/**
 * The description, canonical link, icon, feed link, Open Graph and Twitter tags of a page. Written here
 * rather than as Astro attributes because Astro escapes only `&` and `"` in attribute values: a name
 * with "<script>" in it would stay readable as a tag to every scanner (and to the script policy check
 * in scripts/build.ts). Every value is escaped as HTML (entities' escapeUTF8).
 */
export function headTags(t: HeadTags): string {
  const tag = (name: string, attrs: [string, string][]) =>
    `<${name} ${attrs.map(([k, v]) => `${k}="${escapeUTF8(v)}"`).join(' ')}>`;
  const meta = (key: 'name' | 'property', name: string, content: string) =>
    tag('meta', [
      [key, name],
      ['content', content],
    ]);
  return [
    meta('name', 'description', t.description),
    ...(t.url
      ? [
          tag('link', [
            ['rel', 'canonical'],
            ['href', t.url],
          ]),
        ]
      : []),
    tag('link', [
      ['rel', 'icon'],
      ['href', t.icon],
      ['type', 'image/svg+xml'],
    ]),
    tag('link', [
      ['rel', 'alternate'],
      ['type', 'application/rss+xml'],
      ['title', `Tin mới – ${movementShortName(t.siteName)}`],
      ['href', t.feed],
    ]),
    meta('property', 'og:type', 'website'),
    meta('property', 'og:locale', 'vi_VN'),
    meta('property', 'og:site_name', t.siteName),
    meta('property', 'og:title', t.title),
    meta('property', 'og:description', t.description),
    ...(t.url ? [meta('property', 'og:url', t.url)] : []),
    meta('property', 'og:image', t.image.url),
    meta('property', 'og:image:type', 'image/png'),
    meta('property', 'og:image:width', '1200'),
    meta('property', 'og:image:height', '630'),
    meta('property', 'og:image:alt', t.image.alt),
    meta('name', 'twitter:card', 'summary_large_image'),
    meta('name', 'twitter:title', t.title),
    meta('name', 'twitter:description', t.description),
    meta('name', 'twitter:image', t.image.url),
  ].join('');
}
