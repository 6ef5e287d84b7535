import { withBase } from '../lib/site/paths.ts';

// Links as served: the build's base path and address come from astro.config.mjs (`dia_chi_trang`).

/** A site path ("/xa/si-lo-lau/") under the base path the site is built for. */
export const href = (path: string): string => withBase(import.meta.env.BASE_URL.replace(/\/?$/, '/'), path);

/** A site path as an absolute URL, for what leaves the site: canonical links, share tags, citations. */
export const absolute = (path: string): string => new URL(href(path), import.meta.env.SITE).href;
