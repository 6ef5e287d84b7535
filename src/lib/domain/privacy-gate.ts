import { makeIssue, type Issue, type Location } from '../ingest/issues.ts';
import type { ParsedTable } from '../ingest/table.ts';
import type { SettingsTable } from '../schemas/settings.ts';
import type { StoryInput } from '../schemas/story.ts';
import { storyTextParts } from '../stories/body.ts';
import type { AwardRow } from '../schemas/tables.ts';
import { LOCK_FILE, type MovedUrlRow } from '../schemas/urls.ts';
import { publicAward } from './privacy.ts';
import {
  nameFinder,
  tokens,
  tokensByLine,
  type NameFinder,
  type ProtectedName,
  type Token,
} from './protected-names.ts';

// One gate over every string the site publishes, run by check-data before anything is built: a table's
// text cells (as published: awards in their public form), the settings, and every part of every story
// (front matter, body, file name). The message names the award to look at, never the protected name.

/** A published text: where it comes from and its words; `fieldAt` names the part of a long text at a line. */
export interface PublishedText {
  at: Location;
  words: Token[];
  fieldAt?: (line: number) => string;
}

/** The text cells of a table, one entry per cell; `published` picks what of a row reaches the site. */
export function* tableTexts<T>(
  table: ParsedTable<T>,
  published: (row: T) => object = (row) => row as object,
): Generator<PublishedText> {
  // A generator: a million review rows are checked one cell at a time, never held as texts.
  for (const { line, row } of table.rows) {
    for (const [field, value] of Object.entries(published(row))) {
      const strings =
        typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((v) => typeof v === 'string') : [];
      for (const s of strings) {
        yield { at: { file: table.file, line, ...table.columnName(field), field }, words: tokens(s, line) };
      }
    }
  }
}

const FRONT_MATTER_KEY = /^(\s*)(?:-\s+)?([A-Za-z_][\w]*)\s*:/;

/**
 * Every part of a story file. The whole file is read as one text (so a name may run across lines or
 * fields); a hit is attributed to the front-matter key above it (`anh.mo_ta` when nested) or to the body.
 */
export function storyTexts(story: StoryInput): PublishedText[] {
  const lines = story.source.split('\n');
  const closing = lines[0] === '---' ? lines.indexOf('---', 1) : -1;
  const keyOf = (line: string) => FRONT_MATTER_KEY.exec(line);
  const fieldAt = (line: number): string => {
    if (line > closing) return 'noi_dung';
    for (let i = line - 1; i > 0; i--) {
      const m = keyOf(lines[i] ?? '');
      if (!m) continue;
      if (m[1] === '') return m[2] ?? 'noi_dung';
      const parent = lines
        .slice(1, i)
        .reverse()
        .find((l) => keyOf(l)?.[1] === '');
      return `${parent ? keyOf(parent)?.[2] : 'anh'}.${m[2]}`;
    }
    return 'noi_dung';
  };
  const name = story.file.split('/').pop() ?? story.file;
  // The body once more as a reader sees it, markup gone: "L**ý** A Sử" reads "Lý A Sử".
  const read = storyTextParts(story.body, story.bodyLine ?? 1).map((p) => ({
    at: { file: story.file, field: 'noi_dung' },
    words: tokens(p.text, p.line),
  }));
  return [
    { at: { file: story.file, field: 'ten_tep' }, words: tokens(name, null) },
    { at: { file: story.file }, words: tokensByLine(story.source), fieldAt },
    ...read,
  ];
}

/** Everything the site would publish from the inputs: settings values, table cells (awards in public form), stories. */
export function* publishedTexts(inputs: {
  settings: SettingsTable | null;
  tables: readonly ParsedTable<object>[];
  awards: ParsedTable<AwardRow>;
  stories: readonly StoryInput[];
  /** Old URLs kept as redirect or notice pages (duong-dan-cu.csv): the path is published, the reason is not. */
  moved: ParsedTable<MovedUrlRow> | null;
  /** The published-URL lock, whose every path keeps a page. */
  lock: string | null;
}): Generator<PublishedText> {
  if (inputs.settings) yield* tableTexts(inputs.settings, (row) => ({ gia_tri: row.gia_tri }));
  for (const t of inputs.tables) yield* tableTexts(t);
  yield* tableTexts(inputs.awards, publicAward);
  if (inputs.moved)
    yield* tableTexts(inputs.moved, (row) => ({ duong_dan_cu: row.duong_dan_cu, chuyen_den_ma: row.chuyen_den_ma }));
  for (const s of inputs.stories) yield* storyTexts(s);
  if (inputs.lock !== null) {
    const lines = inputs.lock.split('\n');
    for (const [i, l] of lines.entries()) {
      if (l.startsWith('#')) continue;
      yield { at: { file: LOCK_FILE, line: i + 1, field: 'duong_dan' }, words: tokens(l.split('\t')[0] ?? '', i + 1) };
    }
  }
}

/** Refuse every published text that contains a protected name, with file, line and field. */
export function checkProtectedNames(names: readonly ProtectedName[], texts: Iterable<PublishedText>, issues: Issue[]) {
  const finder: NameFinder = nameFinder(names);
  if (finder.size === 0) return;
  const seen = new Set<string>();
  for (const { at, words, fieldAt } of texts) {
    for (const hit of finder.find(words)) {
      const line = hit.line ?? at.line ?? null;
      const field = fieldAt && line !== null ? fieldAt(line) : (at.field ?? null);
      const key = `${at.file}|${line}|${field}|${hit.ma_khen_thuong}`;
      if (seen.has(key)) continue;
      seen.add(key);
      issues.push(
        makeIssue(
          'error',
          { ...at, line, field, column: at.column ?? field, value: null },
          'constraint-error',
          `Nội dung này nêu tên hộ gia đình, cá nhân được khen (mã khen thưởng ${hit.ma_khen_thuong}) chưa đồng ý ` +
            'hoặc đã rút đồng ý công khai. Xóa tên khỏi đây; chỉ nêu tên khi khen-thuong.csv ghi nhận đồng ý công khai.',
        ),
      );
    }
  }
}
