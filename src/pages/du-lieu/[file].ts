import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../data/site.ts';
import { downloadFile, downloads } from '../../lib/open-data.ts';

export const getStaticPaths = (async () => {
  const site = await getSite();
  return downloads(site).flatMap((d) => (['csv', 'json'] as const).map((format) => ({ params: { file: `${d.name}.${format}` }, props: { name: d.name, format } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { name, format } = props as { name: string; format: 'csv' | 'json' };
  const site = await getSite();
  const d = downloads(site).find((x) => x.name === name);
  if (!d) return new Response(null, { status: 404 });
  const type = format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8';
  return new Response(downloadFile(d, format), { headers: { 'Content-Type': type } });
};
