import type { APIRoute } from 'astro';
import { getSite } from '../data/site.ts';
import { sitemapFiles } from '../lib/site/share.ts';

// Every page the site publishes, from the same URL list the lock is checked against; for a province or a
// country, the index of the sitemap's parts (src/pages/sitemap-[n].xml.ts).
export const GET: APIRoute = async () => {
  const site = await getSite();
  const [sitemap] = sitemapFiles(site.settings.dia_chi_trang, site.urls.published);
  return new Response(sitemap?.xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
