import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../data/site.ts';
import { downloadResponse } from '../../data/downloads.ts';
import { DOWNLOAD_FORMATS, downloads, type DownloadFormat } from '../../lib/open-data.ts';

export const getStaticPaths = (async () => {
  const site = await getSite();
  return downloads(site).flatMap((d) =>
    DOWNLOAD_FORMATS.map((format) => ({
      params: { file: `${d.name}.${format}` },
      props: { name: d.name, format },
    })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { name, format } = props as { name: string; format: DownloadFormat };
  const site = await getSite();
  return downloadResponse(
    downloads(site).find((x) => x.name === name),
    format,
  );
};
