import { parseBoundary, type Boundary } from './charts/map.ts';
import { evaluate, type Verdict } from './domain/criteria.ts';
import { checkAwards, checkCriteria, checkPhotos, checkRegions, checkReviews, checkSettings, checkStories, checkUnits } from './domain/checks.ts';
import { figuresLookup, type FiguresLookup } from './domain/figures.ts';
import { indexUnits, type UnitIndex } from './domain/units.ts';
import { hasErrors, makeIssue, type Issue } from './ingest/issues.ts';
import { parseTable } from './ingest/table.ts';
import { parseSettings, settingsTable, type Settings } from './schemas/settings.ts';
import { storySchema, type Story, type StoryInput } from './schemas/story.ts';
import { awardsTable, criteriaTable, regionsTable, reviewTable, unitsTable, type AwardRow, type CriterionId, type CriterionRow, type RegionRow, type ReviewRow, type UnitRow } from './schemas/tables.ts';

// The one entry point of the core: file contents in, a validated dataset with every verdict out,
// or the list of problems. No file system here: the loader reads files and hands over bytes.

export const DATA_FILES = [
  settingsTable.file,
  unitsTable.file,
  regionsTable.file,
  criteriaTable.file,
  reviewTable.file,
  awardsTable.file,
] as const;

/** An optional boundary file; without one the maps are schematic diagrams. */
export const BOUNDARY_FILES = ['ranh-gioi.geojson', 'ranh-gioi.topojson', 'ranh-gioi.json'] as const;

export interface Dataset {
  settings: Settings;
  units: UnitRow[];
  regions: RegionRow[];
  criteria: ReadonlyMap<CriterionId, CriterionRow>;
  reviews: ReviewRow[];
  awards: AwardRow[];
  stories: Story[];
  boundary: Boundary | null;
  index: UnitIndex;
  figures: FiguresLookup;
  verdicts: Verdict[];
}

export interface BuildResult {
  dataset: Dataset | null;
  errors: Issue[];
  warnings: Issue[];
}

function parseStories(inputs: readonly StoryInput[], issues: Issue[]): Story[] {
  const stories: Story[] = [];
  for (const input of inputs) {
    const result = storySchema.safeParse(input.data);
    if (!result.success) {
      for (const zi of result.error.issues) {
        const field = zi.path.map(String).join('.');
        issues.push(makeIssue('error', { file: input.file, field, column: field }, 'type-error', `Phần đầu bài viết, mục "${field}": ${zi.message}`));
      }
      continue;
    }
    stories.push({ ...result.data, slug: input.slug, file: input.file, body: input.body });
  }
  return stories;
}

function readBoundary(files: ReadonlyMap<string, Uint8Array>, issues: Issue[]): Boundary | null {
  const name = BOUNDARY_FILES.find((n) => files.has(n));
  if (!name) return null;
  const result = parseBoundary(new TextDecoder().decode(files.get(name)));
  if ('error' in result) {
    issues.push(makeIssue('error', { file: name }, 'format-error', result.error));
    return null;
  }
  return result.boundary;
}

export function buildDataset(files: ReadonlyMap<string, Uint8Array>, storyInputs: readonly StoryInput[] = [], photos: ReadonlyMap<string, Uint8Array> = new Map()): BuildResult {
  const issues: Issue[] = [];
  const done = (dataset: Dataset | null): BuildResult => ({
    dataset: hasErrors(issues) ? null : dataset,
    errors: issues.filter((i) => i.severity === 'error'),
    warnings: issues.filter((i) => i.severity === 'warning'),
  });
  for (const name of DATA_FILES) {
    if (!files.has(name)) {
      issues.push(makeIssue('error', { file: name }, 'format-error', `Thiếu tệp ${name} trong thư mục dữ liệu. Xuất tệp này từ bảng tính (xem data/README.md) và đặt vào thư mục dữ liệu.`));
    }
  }
  if (hasErrors(issues)) return done(null);
  const bytes = (name: string) => files.get(name) ?? new Uint8Array();

  const { settings, issues: settingIssues } = parseSettings(bytes(settingsTable.file));
  for (const i of settingIssues) issues.push(i);
  const parsed = {
    units: parseTable(unitsTable, bytes(unitsTable.file)),
    regions: parseTable(regionsTable, bytes(regionsTable.file)),
    criteria: parseTable(criteriaTable, bytes(criteriaTable.file)),
    reviews: parseTable(reviewTable, bytes(reviewTable.file)),
    awards: parseTable(awardsTable, bytes(awardsTable.file)),
  };
  // No push(...list): a spread of a data-sized list overflows the stack.
  for (const p of Object.values(parsed)) for (const i of p.issues) issues.push(i);
  const stories = parseStories(storyInputs, issues);
  checkPhotos(stories, photos, issues);
  const { units: u, regions: r, criteria: c, reviews: rv, awards: a } = parsed;
  if (!settings || !u.table || !r.table || !c.table || !rv.table || !a.table) return done(null);

  checkSettings(settings, issues);
  const units = checkUnits(u.table, issues);
  const criteria = checkCriteria(c.table, issues);
  // The tree must be sound before anything is looked up in it.
  if (hasErrors(issues)) return done(null);

  const regions = r.table.rows.map((l) => l.row);
  const index = indexUnits(units, regions);
  checkRegions(r.table, index.byId, issues);
  const reviews = checkReviews(rv.table, index, settings, issues);
  const awards = checkAwards(a.table, index, settings, stories, issues);
  checkStories(stories, index, awards, issues);
  if (hasErrors(issues)) return done(null);

  const boundary = readBoundary(files, issues);
  if (hasErrors(issues)) return done(null);

  const figures = figuresLookup(index, reviews);
  const verdicts = evaluate({ settings, index, figures, criteria });
  return done({ settings, units, regions, criteria, reviews, awards, stories, boundary, index, figures, verdicts });
}
