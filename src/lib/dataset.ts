import {
  drawsAsBoundaryMap,
  matchBoundary,
  parseBoundary,
  type BoundaryFile,
  type BoundaryKind,
  mapUnitOf,
} from './charts/map.ts';
import { forEachVerdict, type Verdict } from './domain/criteria.ts';
import {
  checkAwards,
  checkCriteria,
  checkPhotos,
  checkRegions,
  checkReviews,
  checkSettings,
  checkStories,
  checkUnits,
} from './domain/checks.ts';
import { figuresLookup, type FiguresLookup } from './domain/figures.ts';
import { indexUnits, type UnitIndex } from './domain/units.ts';
import { checkProtectedNames, publishedTexts } from './domain/privacy-gate.ts';
import { templateTexts } from './data-templates.ts';
import { checkReports } from './domain/reports.ts';
import { isRoundFile, parseRounds, type FrozenRound } from './domain/rounds.ts';
import { reportsTable, type ReportRow } from './schemas/reports.ts';
import { hasErrors, makeIssue, type Issue } from './ingest/issues.ts';
import { parseTable } from './ingest/table.ts';
import { parseSettings, settingsTable, type Settings } from './schemas/settings.ts';
import { storySchema, type Story, type StoryInput } from './schemas/story.ts';
import { checkStoryBody } from './stories/body.ts';
import { fieldLine } from './stories/file.ts';
import { checkUrls, type UrlPlan } from './site/url-lock.ts';
import { LOCK_FILE, movedUrlsTable } from './schemas/urls.ts';
import {
  awardsTable,
  criteriaTable,
  regionsTable,
  reviewTable,
  unitsTable,
  type AwardRow,
  type CriterionId,
  type CriterionRow,
  type RegionRow,
  type ReviewRow,
  type UnitRow,
} from './schemas/tables.ts';

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

/** Optional boundary files, one per kind of unit; without one those maps are schematic diagrams. */
const BOUNDARY_NAMES: Record<BoundaryKind, string> = { xa: 'ranh-gioi-xa', xa_moi: 'ranh-gioi-xa-moi' };
const BOUNDARY_UNITS: Record<BoundaryKind, string> = {
  xa: 'xã, thị trấn trong phong trào',
  xa_moi: 'xã, phường hiện nay',
};
const BOUNDARY_EXTENSIONS = ['.geojson', '.topojson'] as const;
/** Beside a boundary file, its source and licence as the map credits them (`ranh-gioi-xa.nguon.txt`). */
const creditFile = (kind: BoundaryKind) => `${BOUNDARY_NAMES[kind]}.nguon.txt`;
const CREDIT_FILES = (Object.keys(BOUNDARY_NAMES) as BoundaryKind[]).map(creditFile);
export const BOUNDARY_FILES = (Object.keys(BOUNDARY_NAMES) as BoundaryKind[]).flatMap((kind) => [
  ...BOUNDARY_EXTENSIONS.map((ext) => BOUNDARY_NAMES[kind] + ext),
  creditFile(kind),
]);

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
  boundaries: BoundaryFile[];
  /** Frozen rounds (data/dot-cong-bo/*.json), as published; read only, never rewritten by a build. */
  rounds: FrozenRound[];
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

/** A file in the data folder that looks like boundaries but is not read under its name. */
export const looksLikeBoundary = (name: string) =>
  /\.(geo|topo)json$/i.test(name) || /^ranh[-_ ]?gioi.*\.json$/i.test(name);

/** A message for each boundary-looking file the build does not read, naming the files it reads. */
export function unreadBoundaryFiles(names: readonly string[]): Issue[] {
  const read = (Object.values(BOUNDARY_NAMES) as string[]).flatMap((n) => BOUNDARY_EXTENSIONS.map((ext) => n + ext));
  return names
    .filter((n) => looksLikeBoundary(n) && !read.includes(n))
    .map((n) =>
      makeIssue(
        'warning',
        { file: n },
        'format-error',
        `Tệp ${n} không được đọc: bản đồ chỉ đọc tệp ranh giới có tên ${read.join(', ')} ` +
          `(các xã, thị trấn trong phong trào: ${BOUNDARY_NAMES.xa}; các xã, phường hiện nay: ` +
          `${BOUNDARY_NAMES.xa_moi}). Đổi tên tệp theo loại đơn vị nó mô tả.`,
      ),
    );
}

/** Each boundary file given, matched against its units, with what matched said in the report. */
function readBoundaries(files: ReadonlyMap<string, Uint8Array>, index: UnitIndex, issues: Issue[]): BoundaryFile[] {
  const text = (name: string) => new TextDecoder().decode(files.get(name)).replace(/^\uFEFF/, '');
  const result: BoundaryFile[] = [];
  for (const kind of Object.keys(BOUNDARY_NAMES) as BoundaryKind[]) {
    const given = BOUNDARY_EXTENSIONS.map((ext) => BOUNDARY_NAMES[kind] + ext).filter((n) => files.has(n));
    const file = given[0];
    if (!file) continue;
    if (given.length > 1) {
      const message = `Có cả ${given.join(' và ')}: giữ lại một tệp ranh giới cho mỗi loại đơn vị.`;
      issues.push(makeIssue('error', { file }, 'format-error', message));
      continue;
    }
    const parsed = parseBoundary(text(file));
    if ('error' in parsed) {
      issues.push(makeIssue('error', { file }, 'format-error', parsed.error));
      continue;
    }
    const what = BOUNDARY_UNITS[kind];
    const unitsOf = (k: BoundaryKind) => (k === 'xa' ? index.movementCommunes : index.currentCommunes).map(mapUnitOf);
    const units = unitsOf(kind);
    const { matched, unitsWithoutShape, shapesWithoutUnit } = matchBoundary(parsed.boundary, units);
    // Codes were reused on 1/7/2025: a file of the other kind can match a few units by accident.
    const other: BoundaryKind = kind === 'xa' ? 'xa_moi' : 'xa';
    const otherUnits = unitsOf(other);
    const otherMatched = matchBoundary(parsed.boundary, otherUnits).matched.length;
    const misnamed =
      otherMatched * units.length > matched.length * otherUnits.length
        ? ` Tệp khớp ${otherMatched} trên ${otherUnits.length} ${BOUNDARY_UNITS[other]}: nếu nó mô tả các đơn vị ` +
          `này, đổi tên thành ${BOUNDARY_NAMES[other]}${file.slice(file.lastIndexOf('.'))}.`
        : '';
    if (matched.length === 0) {
      const keys = [...new Set(parsed.boundary.features.flatMap((f) => Object.keys(f.properties ?? {})))];
      const message =
        `Không vùng nào trong tệp khớp với ${what} của don-vi.csv. Mỗi vùng cần một thuộc tính (ví dụ "ma_xa") ` +
        `mang mã đơn vị (cột ma_don_vi) hoặc mã hành chính (cột ma_hanh_chinh) của đơn vị đó; các thuộc tính có ` +
        `trong tệp: ${keys.join(', ') || 'không có'}. Sửa thuộc tính mã trong tệp, hoặc đổi tên tệp nếu nó mô tả ` +
        `loại đơn vị khác.`;
      issues.push(makeIssue('error', { file }, 'foreign-key', message + misnamed));
      continue;
    }
    const credit = files.has(creditFile(kind)) ? text(creditFile(kind)).trim().replace(/\s+/g, ' ') : null;
    const drawn = drawsAsBoundaryMap(matched.length, units.length)
      ? `Bản đồ vẽ ${matched.length} trên ${units.length} ${what} từ tệp này.`
      : `Tệp chỉ khớp ${matched.length} trên ${units.length} ${what}, chưa được một nửa: bản đồ vẫn là sơ đồ.`;
    const ask = credit ? '' : ` Chưa ghi nguồn và giấy phép của tệp: viết vào tệp ${creditFile(kind)} đặt cạnh nó.`;
    issues.push(makeIssue('warning', { file }, 'foreign-key', drawn + misnamed + ask));
    if (unitsWithoutShape.length > 0) {
      const names = unitsWithoutShape.map((u) => `${u.name} (mã ${u.codes.join(' / ')})`).join(', ');
      const message = `Không có vùng cho ${unitsWithoutShape.length} đơn vị: ${names}. Thêm vùng của đơn vị với mã đó vào tệp.`;
      issues.push(makeIssue('warning', { file }, 'foreign-key', message));
    }
    if (shapesWithoutUnit.length > 0) {
      const message =
        `${shapesWithoutUnit.length} vùng không khớp đơn vị nào (${what}) nên không được vẽ: ` +
        `${shapesWithoutUnit.join(', ')}. Sửa mã của vùng cho đúng don-vi.csv nếu nó là một đơn vị của địa phương.`;
      issues.push(makeIssue('warning', { file }, 'foreign-key', message));
    }
    result.push({ file, kind, boundary: parsed.boundary, credit });
  }
  return result;
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
      issues.push(
        makeIssue(
          'error',
          { file: name },
          'format-error',
          `Thiếu tệp ${name} trong thư mục dữ liệu. Xuất tệp này từ bảng tính (xem data/README.md) và đặt vào thư mục dữ liệu.`,
        ),
      );
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
  const roundFiles = [...files.keys()].filter(isRoundFile);
  const lockText = files.has(LOCK_FILE) ? new TextDecoder().decode(files.get(LOCK_FILE)) : null;
  const published = publishedTexts({
    settings: settingRows,
    tables: [u.table, r.table, c.table, rv.table, ...(parsed.reports.table ? [parsed.reports.table] : [])],
    awards: a.table,
    stories: storyInputs,
    photos: [...photos.keys()],
    moved: parsed.moved.table,
    lock: lockText,
    // Frozen rounds are published as written, like a boundary file's credit.
    notes: [...CREDIT_FILES.filter((f) => files.has(f)), ...roundFiles].map((file) => ({
      file,
      text: new TextDecoder().decode(files.get(file)),
    })),
    own: templateTexts(),
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
  const rounds = parseRounds(files, issues);
  if (hasErrors(issues)) return done(null);

  const boundaries = readBoundaries(files, index, issues);
  if (hasErrors(issues)) return done(null);

  const figures = figuresLookup(index, reviews);
  const verdicts: Verdict[] = [];
  const judged = { verdicts: 0, units: 0 };
  let lastUnit = '';
  forEachVerdict(
    { settings, index, figures, criteria },
    (v) => {
      judged.verdicts++;
      // Verdicts come unit by unit.
      if (v.ma_don_vi !== lastUnit) judged.units++;
      lastUnit = v.ma_don_vi;
      if (keepVerdicts) verdicts.push(v);
    },
    // Verdicts not kept are only counted: their words are never written.
    { wording: keepVerdicts },
  );
  const core = {
    settings,
    units,
    regions,
    criteria,
    reviews,
    awards,
    reports,
    stories,
    boundaries,
    rounds,
    index,
    figures,
    verdicts,
    judged,
  };
  const lock = files.get(LOCK_FILE);
  const urlInputs = { lock, moved: parsed.moved.table, units: u.table, awards: a.table, accept: acceptUrls };
  const urls = checkUrls(core, urlInputs, issues);
  return done({ ...core, urls });
}
