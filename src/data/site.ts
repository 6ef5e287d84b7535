import { allAwardViews, communeRoundRolls, type AwardView, type CommuneRoundRoll } from '../lib/site/awards.ts';
import { pageFrame, type PageFrame } from '../lib/site/page.ts';
import { unitPaths, type UnitPaths } from '../lib/site/paths.ts';
import { formatReport } from '../lib/report.ts';
import { fromSnapshot, toSnapshot, type SiteData } from '../lib/snapshot.ts';
import { datasetForPages } from './load.ts';

// Pages query the data through here; the snapshot becomes the site's data once per build. Data enters
// the site here: the dataset validated by scripts/build.ts, or read by the loader when Astro runs alone.
export type Site = SiteData & {
  paths: UnitPaths;
  frame: PageFrame;
  awardViews: AwardView[];
  /** Each commune's honour roll per round: its own pages and the lists that link to them read the same rolls. */
  communeRolls: CommuneRoundRoll[];
};

let site: Promise<Site> | null = null;

async function load(): Promise<Site> {
  const { dataset, errors, warnings, inputs } = datasetForPages();
  // Any data error fails the build with the same Vietnamese report as `npm run check-data`.
  if (!dataset) throw new Error(`Dữ liệu có lỗi, không dựng trang.\n${formatReport(errors, warnings)}`);
  // Pages see the public snapshot (awards in public form) with the index and figures the core built.
  const data = fromSnapshot(toSnapshot(dataset, warnings, inputs), dataset.index, dataset.figures);
  // The same paths the core checked against the lock (src/lib/site/url-lock.ts).
  const paths = unitPaths(data.index, new Map(data.urls.locked));
  const awardViews = allAwardViews(data, paths);
  const communeRolls = communeRoundRolls(data, paths, awardViews);
  return { ...data, paths, frame: pageFrame(data), awardViews, communeRolls };
}

export function getSite(): Promise<Site> {
  site ??= load();
  return site;
}
