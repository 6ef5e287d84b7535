import { readSiteAddress } from '../data/folders.ts';
import { absoluteUrl, withBase } from '../lib/site/paths.ts';

// Links as served, under the site's address: the same reading of `dia_chi_trang` (or CHUNG_TAY_SITE_URL)
// that gives Astro its `site` and `base` in astro.config.mjs. Not import.meta.env.BASE_URL: an inherited
// BASE_URL variable (Vitest sets one) would silently replace it.
const { address, issue } = readSiteAddress();
if (address === null) throw new Error(issue.message);
const base = new URL(address).pathname;

/** A site path ("/xa/si-lo-lau/") under the base path the site is built for. */
export const href = (path: string): string => withBase(base, path);

/** A site path as an absolute URL, for what leaves the site: canonical links, share tags, citations. */
export const absolute = (path: string): string => absoluteUrl(address, path);
