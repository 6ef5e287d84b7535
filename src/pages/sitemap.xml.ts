import type { APIRoute } from 'astro';
import { getSite } from '../data/site.ts';
import { sitemapXml } from '../lib/site/share.ts';

// Every page the site publishes, from the same URL list the lock is checked against.
export const GET: APIRoute = async () => {
  const site = await getSite();
  const xml = sitemapXml(site.settings.dia_chi_trang, site.urls.published);
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
