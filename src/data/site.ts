import { getEntry } from 'astro:content';
import { unitPaths, type UnitPaths } from '../lib/site/paths.ts';
import { fromSnapshot, type SiteData, type Snapshot } from '../lib/snapshot.ts';

// Pages query the data through here; the snapshot becomes the site's data once per build.
export type Site = SiteData & { paths: UnitPaths };

let site: Promise<Site> | null = null;

async function load(): Promise<Site> {
  const entry = await getEntry('du_lieu', 'du-lieu');
  if (!entry) throw new Error('Không có dữ liệu: bộ nạp dữ liệu chưa chạy.');
  const data = fromSnapshot(entry.data as unknown as Snapshot);
  return { ...data, paths: unitPaths(data.index) };
}

export function getSite(): Promise<Site> {
  site ??= load();
  return site;
}
