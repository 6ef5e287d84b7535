import type { APIRoute, GetStaticPaths } from 'astro';
import { areDrawnElsewhere, shareImagePng } from '../../data/share-image.ts';
import { getSite } from '../../data/site.ts';
import { allShareCards, type ShareCard } from '../../lib/site/share-card.ts';

// One 1200×630 PNG per commune, village, today's commune, published honour-roll entry and story, and one
// for the site; pages name theirs in og:image. `npm run build` draws them beside Astro instead.
export const getStaticPaths = (async () => {
  if (areDrawnElsewhere()) return [];
  const site = await getSite();
  return allShareCards(site, site.paths, site.awardViews).map((card) => ({
    params: { anh: card.path.replace(/^\/anh-chia-se\//, '') },
    props: { card },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const site = await getSite();
  const png = await shareImagePng((props as { card: ShareCard }).card, site.settings.dia_chi_trang);
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
