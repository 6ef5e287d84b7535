import { getEntry } from 'astro:content';
import { allAwardViews, type AwardView } from '../lib/site/awards.ts';
import { pageFrame, type PageFrame } from '../lib/site/page.ts';
import { unitPaths, type UnitPaths } from '../lib/site/paths.ts';
import { fromSnapshot, type SiteData, type Snapshot } from '../lib/snapshot.ts';

// Pages query the data through here; the snapshot becomes the site's data once per build.
export type Site = SiteData & { paths: UnitPaths; frame: PageFrame; awardViews: AwardView[] };

let site: Promise<Site> | null = null;

async function load(): Promise<Site> {
  const entry = await getEntry('du_lieu', 'du-lieu');
  if (!entry) throw new Error('Không có dữ liệu: bộ nạp dữ liệu chưa chạy.');
  const data = fromSnapshot(entry.data as unknown as Snapshot);
  // The same paths the core checked against the lock (src/lib/site/url-lock.ts).
  const paths = unitPaths(data.index, new Map(data.urls.locked));
  return { ...data, paths, frame: pageFrame(data), awardViews: allAwardViews(data, paths) };
}

export function getSite(): Promise<Site> {
  site ??= load();
  return site;
}
