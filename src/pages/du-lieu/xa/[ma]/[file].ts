import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../../../data/site.ts';
import { downloadResponse } from '../../../../data/downloads.ts';
import { communeDownloads, DOWNLOAD_FORMATS, type DownloadFormat } from '../../../../lib/open-data.ts';
import { communeFilesPath } from '../../../../lib/site/paths.ts';

// One commune's figures and verdicts (and its villages'), linked from its page.
export const getStaticPaths = (async () => {
  const site = await getSite();
  return site.index.movementCommunes.flatMap((c) =>
    (['danh-gia', 'ket-qua-ra-soat'] as const).flatMap((name) =>
      DOWNLOAD_FORMATS.map((format) => ({
        params: { ma: communeFilesPath(c.ma_don_vi).split('/')[3] ?? c.ma_don_vi, file: `${name}.${format}` },
        props: { unitId: c.ma_don_vi, name, format },
      })),
    ),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { unitId, name, format } = props as { unitId: string; name: string; format: DownloadFormat };
  const site = await getSite();
  const commune = site.index.byId.get(unitId);
  return downloadResponse(commune && communeDownloads(site, commune).find((d) => d.name === name), format);
};
