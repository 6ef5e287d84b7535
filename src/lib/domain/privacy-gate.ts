import { columnLetter, makeIssue, type Issue, type Location } from '../ingest/issues.ts';
import type { ParsedTable } from '../ingest/table.ts';
import type { SettingsTable } from '../schemas/settings.ts';
import type { StoryInput } from '../schemas/story.ts';
import type { AwardRow } from '../schemas/tables.ts';
import { LOCK_FILE, type MovedUrlRow } from '../schemas/urls.ts';
import { PHOTO_URL_PREFIX, storyTextParts } from '../stories/body.ts';
import { fieldLine } from '../stories/file.ts';
import { publicAward } from './privacy.ts';
import {
  nameFinder,
  protectedNames,
  tokens,
  tokensByLine,
  wordsOf,
  type Token,
  type WordKeys,
} from './protected-names.ts';

// One gate over every string the site publishes, run by check-data before anything is built: a table's
// text cells (as published: awards in their public form), the settings, every part of every story (front
// matter as written and as read, body as written and as a reader sees it, file name), photo file names and
// published URLs. The message names the award to look at, never the protected name.

/** A published text: where it comes from and its words; `fieldAt` names the part of a long text at a line. */
export interface PublishedText {
  at: Location;
  readonly words: Token[];
  /**
   * Whether any of its words passes `test`, when that comes cheaper than `words` (a table row cell by cell, a
   * file line by line): a text none of whose words can start a protected name is passed over without
   * building `words`.
   */
  someWord?: (test: (word: WordKeys) => boolean) => boolean;
  fieldAt?: (line: number) => string;
  /** How a field's column is headed in the file, and its letter. */
  columnOf?: (field: string) => { column: string | null; column_letter: string | null };
  /** How to take a name out of it, when not by editing the data. */
  fix?: string;
}

/** A table of the site's own text (a data template): its columns' keys, and its rows (headers first) in that order. */
export interface OwnTable {
  file: string;
  keys: readonly string[];
  rows: readonly (readonly string[])[];
}

/** A text whose words are tagged with their line and field only when asked: most texts name no one. */
class TaggedText implements PublishedText {
  private readonly tags: { line: number | null; field: string | undefined }[] = [];
  private readonly wordLists: (readonly WordKeys[])[] = [];
  readonly at: Location;
  readonly columnOf?: NonNullable<PublishedText['columnOf']>;
  readonly fix?: string;
  constructor(at: Location, columnOf?: NonNullable<PublishedText['columnOf']>, fix?: string) {
    this.at = at;
    if (columnOf) this.columnOf = columnOf;
    if (fix) this.fix = fix;
  }

  /** A part of the text: a cell of a row, a line of a file. */
  add(text: string, line: number | null, field?: string): void {
    this.tags.push({ line, field });
    this.wordLists.push(wordsOf(text));
  }

  someWord(test: (word: WordKeys) => boolean): boolean {
    return this.wordLists.some((list) => list.some(test));
  }

  get words(): Token[] {
    return this.wordLists.flatMap((list, i) => {
      const { line, field } = this.tags[i] ?? { line: null, field: undefined };
      return list.map((w): Token => ({ fold: w.fold, exact: w.exact, line, field }));
    });
  }
}

/**
 * A row of a table as published, its cells read only when asked: a country's review rows are each passed over
 * with a look-up per cell, and tagged word by word only in a row where a protected name may start.
 */
class RowText implements PublishedText {
  readonly at: Location;
  private readonly cells: Readonly<Record<string, unknown>>;
  readonly columnOf: NonNullable<PublishedText['columnOf']>;
  constructor(
    at: Location,
    cells: Readonly<Record<string, unknown>>,
    columnOf: NonNullable<PublishedText['columnOf']>,
  ) {
    this.at = at;
    this.cells = cells;
    this.columnOf = columnOf;
  }

  /** Visit each text of the row with its column, in column order, until `visit` returns true. */
  private anyText(visit: (text: string, field: string) => boolean): boolean {
    const { cells } = this;
    for (const field in cells) {
      const value = cells[field];
      // A cell holds one value, or a list (other spellings of a name).
      if (Array.isArray(value)) {
        for (const v of value) if (typeof v === 'string' && visit(v, field)) return true;
      } else if (typeof value === 'string' && visit(value, field)) return true;
    }
    return false;
  }

  someWord(test: (word: WordKeys) => boolean): boolean {
    return this.anyText((text) => wordsOf(text).some(test));
  }

  get words(): Token[] {
    const line = this.at.line ?? null;
    const words: Token[] = [];
    this.anyText((text, field) => {
      for (const w of wordsOf(text)) words.push({ fold: w.fold, exact: w.exact, line, field });
      return false;
    });
    return words;
  }
}

const OWN_TEXT_FIX =
  'Đây là văn bản cố định của trang (mẫu nhập liệu), không phải dữ liệu: báo người bảo trì trang để thay ví dụ ' +
  'này bằng một tên không có thật.';

/** A template of the site, row by row and cell by cell, its cells tagged with their column's key. */
function ownTableText(table: OwnTable): TaggedText {
  // Headed as its first row heads it; a field is always one of `keys` (a cell beyond them has none).
  const columnOf = (field: string) => {
    const at = table.keys.indexOf(field);
    return { column: table.rows[0]?.[at] ?? field, column_letter: columnLetter(at) };
  };
  const tagged = new TaggedText({ file: table.file }, columnOf, OWN_TEXT_FIX);
  for (const [i, row] of table.rows.entries()) row.forEach((cell, k) => tagged.add(cell, i + 1, table.keys[k]));
  return tagged;
}

/** A text file as words with their lines (so a name may run across lines), tagged only when asked. */
function textByLine(at: Location, text: string): TaggedText {
  const tagged = new TaggedText(at);
  for (const [i, l] of text.split('\n').entries()) tagged.add(l, i + 1);
  return tagged;
}

/**
 * The text cells of a table, one text per row with each word tagged by its column, so a name split across
 * two cells is found too; `published` picks what of a row reaches the site.
 */
export function* tableTexts<T>(
  table: ParsedTable<T>,
  published: (row: T) => object = (row) => row as object,
): Generator<PublishedText> {
  // A generator: a million review rows are checked one row at a time, never held as texts.
  for (const { line, row } of table.rows) {
    yield new RowText({ file: table.file, line }, published(row) as Record<string, unknown>, table.columnName);
  }
}

/** Every string of parsed front matter with its path ("tieu_de", "anh.0.mo_ta"), in order. */
function frontMatterStrings(data: unknown, path = ''): [string, string][] {
  if (typeof data === 'string') return [[path, data]];
  if (data === null || typeof data !== 'object') return [];
  return Object.entries(data).flatMap(([k, v]) => frontMatterStrings(v, path ? `${path}.${k}` : k));
}

/**
 * Every part of a story file: the whole file as written (so a name may run across lines or fields; a hit
 * is attributed to the front-matter field above it, e.g. `anh.0.mo_ta`, or to the body), the same with
 * HTML tags taken out, the front matter as read (YAML escapes undone), the body as a reader sees it, and
 * the file name.
 */
export function storyTexts(story: StoryInput): PublishedText[] {
  const bodyLine = story.bodyLine ?? 1;
  // The front-matter field a line belongs to: the last one starting at or above it ("anh.0.mo_ta").
  // fieldLines lists the fields in file order, a parent before its children ("anh", "anh.0", "anh.0.tep").
  const starts = Object.entries(story.fieldLines ?? {});
  const fieldAt = (line: number): string =>
    line >= bodyLine ? 'noi_dung' : (starts.filter(([, l]) => l <= line).pop()?.[0] ?? 'phan_dau');
  const file = story.file;
  // "Sùng<br/>A Chứ" reads as a name; tags become spaces, their line breaks are kept.
  const untagged = story.source.replace(/<[^>]*>/g, (tag) => ` ${'\n'.repeat(tag.split('\n').length - 1)}`);
  const read = frontMatterStrings(story.data).flatMap(([path, s]) =>
    tokens(s, fieldLine(story.fieldLines, path), path),
  );
  const seen = storyTextParts(story.body, bodyLine).flatMap((p) => tokens(p.text, p.line, 'noi_dung'));
  return [
    { at: { file, field: 'ten_tep' }, words: tokens(file, null) },
    { at: { file }, words: tokensByLine(story.source), fieldAt },
    { at: { file }, words: tokensByLine(untagged), fieldAt },
    { at: { file }, words: [...read, ...seen] },
  ];
}

/** Everything the site would publish from the inputs. */
export function* publishedTexts(inputs: {
  settings: SettingsTable;
  tables: readonly ParsedTable<object>[];
  awards: ParsedTable<AwardRow>;
  stories: readonly StoryInput[];
  /** Photo files of the stories, by name: the names appear in the list of input checksums. */
  photos: readonly string[];
  /** Old URLs kept as redirect or notice pages (duong-dan-cu.csv): the path is published, the reason is not. */
  moved: ParsedTable<MovedUrlRow> | null;
  /** The published-URL lock, whose every path keeps a page. */
  lock: string | null;
  /** Plain text files printed as written, e.g. a boundary file's source and licence (`ranh-gioi-xa.nguon.txt`). */
  notes?: readonly { file: string; text: string }[];
  /** The site's own tables, published whatever the data: the templates for the steward. */
  own?: readonly OwnTable[];
}): Generator<PublishedText> {
  yield* tableTexts(inputs.settings, (row) => ({ gia_tri: row.gia_tri }));
  for (const t of inputs.tables) yield* tableTexts(t);
  yield* tableTexts(inputs.awards, publicAward);
  if (inputs.moved) {
    yield* tableTexts(inputs.moved, (row) => ({ duong_dan_cu: row.duong_dan_cu, chuyen_den_ma: row.chuyen_den_ma }));
  }
  for (const s of inputs.stories) yield* storyTexts(s);
  for (const p of inputs.photos) {
    yield { at: { file: `${PHOTO_URL_PREFIX.slice(1)}${p}`, field: 'ten_tep' }, words: tokens(p, null) };
  }
  if (inputs.lock !== null) {
    for (const [i, l] of inputs.lock.split('\n').entries()) {
      if (l.startsWith('#')) continue;
      const path = new TaggedText({ file: LOCK_FILE, field: 'duong_dan' });
      path.add(l.replace(/\t.*$/, ''), i + 1);
      yield path;
    }
  }
  for (const n of inputs.notes ?? []) yield textByLine({ file: n.file }, n.text);
  for (const t of inputs.own ?? []) yield ownTableText(t);
}

const DATA_FIX = 'Xóa tên khỏi đây; chỉ nêu tên khi khen-thuong.csv ghi nhận đồng ý công khai.';

/**
 * Refuse every published text that contains a protected name, with file, line and field; warn on a hidden
 * award whose name a consenting namesake publishes anyway.
 */
export function checkProtectedNames(awards: ParsedTable<AwardRow>, texts: Iterable<PublishedText>, issues: Issue[]) {
  const { names, namesakes } = protectedNames(awards.rows.map((l) => l.row));
  for (const { line, row } of awards.rows.filter((l) => namesakes.includes(l.row.ma_khen_thuong))) {
    const at = { file: awards.file, line, field: 'ten_doi_tuong', ...awards.columnName('ten_doi_tuong') };
    issues.push(
      makeIssue(
        'warning',
        at,
        'constraint-error',
        `Khen thưởng ${row.ma_khen_thuong} (chưa đồng ý công khai) trùng tên với một khen thưởng đã đồng ý công khai, ` +
          'nên tên này vẫn xuất hiện trên trang ở mục kia và không thể kiểm tra riêng. Nếu là cùng một người, ' +
          'hỏi lại ý kiến của họ.',
      ),
    );
  }
  const finder = nameFinder(names);
  if (finder.size === 0) return;
  const seen = new Set<string>();
  for (const text of texts) {
    if (text.someWord && !text.someWord(finder.mayStart)) continue;
    const { at, fieldAt, columnOf, fix } = text;
    for (const hit of finder.find(text.words)) {
      const line = hit.line ?? at.line ?? null;
      // Texts with fieldAt (a story file) always give lines.
      const field = hit.field ?? fieldAt?.(line ?? 0) ?? at.field ?? null;
      const key = `${at.file}|${line}|${field}|${hit.ma_khen_thuong}`;
      if (seen.has(key)) continue;
      seen.add(key);
      issues.push(
        makeIssue(
          'error',
          { ...at, line, field, ...(columnOf && field ? columnOf(field) : { column: field }), value: null },
          'constraint-error',
          `Nội dung này nêu tên hộ gia đình, cá nhân được khen (mã khen thưởng ${hit.ma_khen_thuong}) chưa đồng ý ` +
            `hoặc đã rút đồng ý công khai. ${fix ?? DATA_FIX}`,
        ),
      );
    }
  }
}
