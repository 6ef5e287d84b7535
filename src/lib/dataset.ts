import { parseBoundary, type Boundary } from './charts/map.ts';
import { forEachVerdict, type Verdict } from './domain/criteria.ts';
import { checkAwards, checkCriteria, checkPhotos, checkRegions, checkReviews, checkSettings, checkStories, checkUnits } from './domain/checks.ts';
import { figuresLookup, type FiguresLookup } from './domain/figures.ts';
import { indexUnits, type UnitIndex } from './domain/units.ts';
import { checkProtectedNames, publishedTexts } from './domain/privacy-gate.ts';
import { checkReports } from './domain/reports.ts';
import { reportsTable, type ReportRow } from './schemas/reports.ts';
import { hasErrors, makeIssue, type Issue } from './ingest/issues.ts';
import { parseTable } from './ingest/table.ts';
import { parseSettings, settingsTable, type Settings } from './schemas/settings.ts';
import { storySchema, type Story, type StoryInput } from './schemas/story.ts';
import { checkStoryBody } from './stories/body.ts';
import { fieldLine } from './stories/file.ts';
import { checkUrls, type UrlPlan } from './site/url-lock.ts';
import { LOCK_FILE, movedUrlsTable } from './schemas/urls.ts';
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

/** Optional: the published-URL lock and the declared old URLs (src/lib/site/url-lock.ts). */
export const URL_FILES = [LOCK_FILE, movedUrlsTable.file] as const;

/** Optional: the dates reports came in; without it the reporting page says none were given. */
export const REPORT_FILES = [reportsTable.file] as const;

/** An optional boundary file; without one the maps are schematic diagrams. */
export const BOUNDARY_FILES = ['ranh-gioi.geojson', 'ranh-gioi.topojson', 'ranh-gioi.json'] as const;

export interface Dataset {
  settings: Settings;
  units: UnitRow[];
  regions: RegionRow[];
  criteria: ReadonlyMap<CriterionId, CriterionRow>;
  reviews: ReviewRow[];
  awards: AwardRow[];
  /** Report dates (bao-cao.csv), or null when the file is not given. */
  reports: ReportRow[] | null;
  stories: Story[];
  boundary: Boundary | null;
  index: UnitIndex;
  figures: FiguresLookup;
  /** Every verdict; empty when built with `keepVerdicts: false` (check-data), which only counts them. */
  verdicts: Verdict[];
  judged: { verdicts: number; units: number };
  urls: UrlPlan;
}

export interface BuildOptions {
  /** Compute the URL list for `npm run accept-urls` without refusing what the lock lacks. */
  acceptUrls?: boolean;
  /** False: compute every verdict but keep none (check-data on a million rows stays small). */
  keepVerdicts?: boolean;
}

export interface BuildResult {
  dataset: Dataset | null;
  errors: Issue[];
  warnings: Issue[];
}

function parseStories(inputs: readonly StoryInput[], issues: Issue[]): Story[] {
  const stories: Story[] = [];
  for (const input of inputs) {
    if (input.problems?.length) {
      issues.push(...input.problems);
      continue;
    }
    const result = storySchema.safeParse(input.data);
    const bodyLine = input.bodyLine ?? 1;
    const photos = result.success ? result.data.anh.map((p) => p.tep) : null;
    issues.push(...checkStoryBody(input.file, input.body, bodyLine, photos));
    if (!result.success) {
      for (const zi of result.error.issues) {
        const field = zi.path.map(String).join('.');
        const message = field ? `Phần đầu bài viết, mục "${field}": ${zi.message}` : zi.message;
        const line = fieldLine(input.fieldLines, zi.code === 'unrecognized_keys' ? (zi.keys[0] ?? '') : field);
        issues.push(makeIssue('error', { file: input.file, line, field, column: field }, 'type-error', message));
      }
      continue;
    }
    const fieldLines = input.fieldLines ?? {};
    stories.push({ ...result.data, slug: input.slug, file: input.file, body: input.body, bodyLine, fieldLines });
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

export function buildDataset(
  files: ReadonlyMap<string, Uint8Array>,
  storyInputs: readonly StoryInput[] = [],
  photos: ReadonlyMap<string, Uint8Array> = new Map(),
  { acceptUrls = false, keepVerdicts = true }: BuildOptions = {},
): BuildResult {
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

  const { settings, table: settingRows, issues: settingIssues } = parseSettings(bytes(settingsTable.file));
  for (const i of settingIssues) issues.push(i);
  const parsed = {
    units: parseTable(unitsTable, bytes(unitsTable.file)),
    regions: parseTable(regionsTable, bytes(regionsTable.file)),
    criteria: parseTable(criteriaTable, bytes(criteriaTable.file)),
    reviews: parseTable(reviewTable, bytes(reviewTable.file)),
    awards: parseTable(awardsTable, bytes(awardsTable.file)),
    moved: files.has(movedUrlsTable.file)
      ? parseTable(movedUrlsTable, bytes(movedUrlsTable.file))
      : { table: null, issues: [] },
    reports: files.has(reportsTable.file)
      ? parseTable(reportsTable, bytes(reportsTable.file))
      : { table: null, issues: [] },
  };
  // No push(...list): a spread of a data-sized list overflows the stack.
  for (const p of Object.values(parsed)) for (const i of p.issues) issues.push(i);
  const stories = parseStories(storyInputs, issues);
  checkPhotos(stories, photos, issues);
  const { units: u, regions: r, criteria: c, reviews: rv, awards: a } = parsed;
  if (!settings || !settingRows || !u.table || !r.table || !c.table || !rv.table || !a.table) return done(null);
  // Every published string, before anything is built: a protected name anywhere refuses the data.
  const lockText = files.has(LOCK_FILE) ? new TextDecoder().decode(files.get(LOCK_FILE)) : null;
  const published = publishedTexts({
    settings: settingRows,
    tables: [u.table, r.table, c.table, rv.table, ...(parsed.reports.table ? [parsed.reports.table] : [])],
    awards: a.table,
    stories: storyInputs,
    photos: [...photos.keys()],
    moved: parsed.moved.table,
    lock: lockText,
  });
  checkProtectedNames(a.table, published, issues);

  checkSettings(settings, settingRows, issues);
  const units = checkUnits(u.table, issues);
  const criteria = checkCriteria(c.table, settings, issues);
  // The tree must be sound before anything is looked up in it.
  if (hasErrors(issues)) return done(null);

  const regions = r.table.rows.map((l) => l.row);
  const index = indexUnits(units, regions);
  checkRegions(r.table, index.byId, issues);
  const reviews = checkReviews(rv.table, index, settings, issues);
  const awards = checkAwards(a.table, index, settings, stories, issues);
  checkStories(stories, index, awards, issues);
  const reports = parsed.reports.table ? checkReports(parsed.reports.table, index, settings, issues) : null;
  if (hasErrors(issues)) return done(null);

  const boundary = readBoundary(files, issues);
  if (hasErrors(issues)) return done(null);

  const figures = figuresLookup(index, reviews);
  const verdicts: Verdict[] = [];
  const judged = { verdicts: 0, units: 0 };
  let lastUnit = '';
  forEachVerdict({ settings, index, figures, criteria }, (v) => {
    judged.verdicts++;
    // Verdicts come unit by unit.
    if (v.ma_don_vi !== lastUnit) judged.units++;
    lastUnit = v.ma_don_vi;
    if (keepVerdicts) verdicts.push(v);
  });
  const core = { settings, units, regions, criteria, reviews, awards, reports, stories, boundary, index, figures, verdicts, judged };
  const lock = files.get(LOCK_FILE);
  const urlInputs = { lock, moved: parsed.moved.table, units: u.table, awards: a.table, accept: acceptUrls };
  const urls = checkUrls(core, urlInputs, issues);
  return done({ ...core, urls });
}
