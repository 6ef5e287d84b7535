import type { APIRoute } from 'astro';
import { getSite } from '../data/site.ts';
import { robotsTxt } from '../lib/site/share.ts';

export const GET: APIRoute = async () => {
  const site = await getSite();
  return new Response(robotsTxt(site.settings.dia_chi_trang), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
