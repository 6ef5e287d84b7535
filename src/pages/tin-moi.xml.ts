import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getSite } from '../data/site.ts';
import { feedItems, movementShortName } from '../lib/site/share.ts';

// RSS 2.0 feed of published honour-roll entries and stories (@astrojs/rss writes and escapes the XML).
export const GET: APIRoute = async () => {
  const site = await getSite();
  const s = site.settings;
  return rss({
    title: `${movementShortName(s.ten_phong_trao)}: vinh danh và câu chuyện điển hình`,
    description: `Những tập thể, cá nhân được khen thưởng và câu chuyện điển hình của phong trào ${s.ten_phong_trao}, ${s.ten_dia_phuong}, ${s.ten_tinh}.`,
    site: s.dia_chi_trang,
    items: feedItems(site, site.awardViews),
    customData: '<language>vi</language>',
  });
};
