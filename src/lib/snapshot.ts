import type { BoundaryFile } from './charts/map.ts';
import type { Dataset } from './dataset.ts';
import type { Verdict } from './domain/criteria.ts';
import { figuresLookup, type FiguresLookup } from './domain/figures.ts';
import type { FrozenRound } from './domain/rounds.ts';
import { publicAward, type PublicAward } from './domain/privacy.ts';
import { indexUnits, type UnitIndex } from './domain/units.ts';
import type { Issue } from './ingest/issues.ts';
import type { ReportRow } from './schemas/reports.ts';
import type { Settings } from './schemas/settings.ts';
import type { StoryMeta } from './schemas/story.ts';
import type { UrlPlan } from './site/url-lock.ts';
import {
  awardsTable,
  type CriterionId,
  type CriterionRow,
  type RegionRow,
  type ReviewRow,
  type UnitRow,
} from './schemas/tables.ts';

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
  /** Report dates (bao-cao.csv), or null when the file is not given. */
  reports: ReportRow[] | null;
  stories: (StoryMeta & { slug: string })[];
  verdicts: Verdict[];
  /** Warnings for the public data-quality page: values from the awards file are dropped. */
  warnings: Omit<Issue, 'severity'>[];
  boundaries: BoundaryFile[];
  /** Frozen rounds, as published (data/dot-cong-bo/). */
  rounds: FrozenRound[];
  /** Input files with their SHA-256, computed by the loader. */
  inputs: { tep: string; sha256: string; kich_thuoc: number }[];
  urls: UrlPlan;
}

export function toSnapshot(d: Dataset, warnings: readonly Issue[], inputs: Snapshot['inputs']): Snapshot {
  return {
    settings: d.settings,
    units: d.units,
    regions: d.regions,
    criteria: [...d.criteria.values()],
    reviews: d.reviews,
    awards: d.awards.map(publicAward),
    reports: d.reports,
    stories: d.stories.map(({ body: _body, file: _file, bodyLine: _line, fieldLines: _lines, ...meta }) => meta),
    verdicts: d.verdicts,
    warnings: warnings.map(({ severity: _s, ...w }) => (w.file === awardsTable.file ? { ...w, value: null } : w)),
    boundaries: d.boundaries,
    rounds: d.rounds,
    inputs,
    urls: d.urls,
  };
}

export interface SiteData extends Snapshot {
  index: UnitIndex;
  figures: FiguresLookup;
  /** Every year with review rows, ascending, and those with any preliminary row: read once, not per page. */
  years: number[];
  preliminaryYears: number[];
  verdictOf(unitId: string, criterion: CriterionId, year: number): Verdict | undefined;
  /** Every verdict of one unit, in the order of the verdict file. */
  verdictsOf(unitId: string): Verdict[];
  /** A unit's review rows, in file order. */
  reviewsOf(unitId: string): ReviewRow[];
}

/** The core passes the index and figures it already has; pages rebuild them. */
export function fromSnapshot(
  s: Snapshot,
  unitIndex = indexUnits(s.units, s.regions),
  figures = figuresLookup(unitIndex, s.reviews),
): SiteData {
  // Indexed on first use: the core's URL check reads the site data but no verdict.
  let byKey: Map<string, Verdict> | null = null;
  let byUnit: Map<string, Verdict[]> | null = null;
  const verdictIndex = (): { byKey: Map<string, Verdict>; byUnit: Map<string, Verdict[]> } => {
    if (!byKey || !byUnit) {
      byKey = new Map();
      byUnit = new Map();
      for (const v of s.verdicts) {
        byKey.set(`${v.ma_don_vi}|${v.tieu_chi}|${v.nam}`, v);
        const list = byUnit.get(v.ma_don_vi);
        if (list) list.push(v);
        else byUnit.set(v.ma_don_vi, [v]);
      }
    }
    return { byKey, byUnit };
  };
  const years = new Set<number>();
  const preliminary = new Set<number>();
  for (const r of s.reviews) {
    years.add(r.nam);
    if (r.trang_thai === 'so_bo') preliminary.add(r.nam);
  }
  const ascending = (set: Set<number>) => [...set].sort((a, b) => a - b);
  let reviewsByUnit: Map<string, ReviewRow[]> | null = null;
  const reviewsOf = (id: string) => {
    if (!reviewsByUnit) {
      reviewsByUnit = new Map();
      for (const r of s.reviews) {
        const list = reviewsByUnit.get(r.ma_don_vi);
        if (list) list.push(r);
        else reviewsByUnit.set(r.ma_don_vi, [r]);
      }
    }
    return reviewsByUnit.get(id) ?? [];
  };
  return {
    ...s,
    index: unitIndex,
    figures,
    years: ascending(years),
    preliminaryYears: ascending(preliminary),
    verdictOf: (u, c, y) => verdictIndex().byKey.get(`${u}|${c}|${y}`),
    verdictsOf: (u) => verdictIndex().byUnit.get(u) ?? [],
    reviewsOf,
  };
}
