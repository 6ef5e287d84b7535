import type { APIRoute, GetStaticPaths } from 'astro';
import { readPhoto } from '../../../data/load.ts';
import { getSite } from '../../../data/site.ts';

// Story photos are published beside their stories; their size and consent were checked at ingest.
export const getStaticPaths = (async () => {
  const site = await getSite();
  const files = new Set(site.stories.flatMap((s) => s.anh.map((p) => p.tep)));
  return [...files].map((file) => ({ params: { file } }));
}) satisfies GetStaticPaths;

const TYPES: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

export const GET: APIRoute = ({ params }) => {
  const file = String(params['file']);
  return new Response(readPhoto(file), {
    headers: { 'Content-Type': TYPES[file.split('.').pop() ?? ''] ?? 'application/octet-stream' },
  });
};
