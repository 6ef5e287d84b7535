import { getEntry } from 'astro:content';
import { fromSnapshot, type SiteData, type Snapshot } from '../lib/snapshot.ts';

// Pages query the data through here; the snapshot becomes the site's data once per build.
let site: Promise<SiteData> | null = null;

async function load(): Promise<SiteData> {
  const entry = await getEntry('du_lieu', 'du-lieu');
  if (!entry) throw new Error('Không có dữ liệu: bộ nạp dữ liệu chưa chạy.');
  return fromSnapshot(entry.data as unknown as Snapshot);
}

export function getSite(): Promise<SiteData> {
  site ??= load();
  return site;
}
