import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../data/site.ts';
import { sitemapFiles } from '../lib/site/share.ts';

// The parts of a sitemap too long for one file (none for a district).
export const getStaticPaths = (async () => {
  const site = await getSite();
  return sitemapFiles(site.settings.dia_chi_trang, site.urls.published)
    .slice(1)
    .map((part) => ({ params: { n: part.path.replace(/\D/g, '') }, props: { xml: part.xml } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response((props as { xml: string }).xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
