import type { Dataset } from './dataset.ts';
import type { Verdict } from './domain/criteria.ts';
import { figuresLookup, type FiguresLookup } from './domain/figures.ts';
import { publicAward, type PublicAward } from './domain/privacy.ts';
import { indexUnits, type UnitIndex } from './domain/units.ts';
import type { Issue } from './ingest/issues.ts';
import type { Settings } from './schemas/settings.ts';
import type { StoryMeta } from './schemas/story.ts';
import { awardsTable, type CriterionRow, type RegionRow, type ReviewRow, type UnitRow } from './schemas/tables.ts';

// What the build hands from the content loader to the pages: plain, serialisable data with
// private details already removed (awards are in their public form). Pages rebuild the unit
// index and figures from it with the same core functions.

export interface Snapshot {
  settings: Settings;
  units: UnitRow[];
  regions: RegionRow[];
  criteria: CriterionRow[];
  reviews: ReviewRow[];
  awards: PublicAward[];
  stories: (StoryMeta & { slug: string })[];
  verdicts: Verdict[];
  /** Warnings for the public data-quality page: values from the awards file are dropped. */
  warnings: Omit<Issue, 'severity'>[];
}

export function toSnapshot(d: Dataset, warnings: readonly Issue[]): Snapshot {
  return {
    settings: d.settings,
    units: d.units,
    regions: d.regions,
    criteria: [...d.criteria.values()],
    reviews: d.reviews,
    awards: d.awards.map(publicAward),
    stories: d.stories.map(({ body: _body, file: _file, ...meta }) => meta),
    verdicts: d.verdicts,
    warnings: warnings.map(({ severity: _s, ...w }) => (w.file === awardsTable.file ? { ...w, value: null } : w)),
  };
}

export interface SiteData extends Snapshot {
  index: UnitIndex;
  figures: FiguresLookup;
}

export function fromSnapshot(s: Snapshot): SiteData {
  const index = indexUnits(s.units, s.regions);
  return { ...s, index, figures: figuresLookup(index, s.reviews) };
}
