import Papa from 'papaparse';
import { decodeCsv } from './decode.ts';
import { personalColumn } from './personal.ts';
import { columnLetter, makeIssue, ownCopy, type Issue } from './issues.ts';
import { cleanText, matchKey } from './text.ts';
import { excelError, type CellType, type Parsed } from './values.ts';

// A table of the data contract: its columns (key, Vietnamese label, type, required, meaning,
// example) and one zod schema built from them. Parsing a file yields typed rows, each with the
// line a person sees, plus issues that name file, line, column, value and the fix.

export interface Column<K extends string = string, T = unknown, R extends boolean = boolean> {
  key: K;
  label: string;
  type: CellType<T>;
  required: R;
  description: string;
  example: string;
}

export function column<const K extends string, T, const R extends boolean>(
  key: K,
  label: string,
  type: CellType<T>,
  required: R,
  description: string,
  example: string,
): Column<K, T, R> {
  return { key, label, type, required, description, example };
}

// Any column, whatever its value type: `any` here lets RowOf infer each column's own type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyColumn = Column<string, any, boolean>;
export type RowOf<C extends readonly AnyColumn[]> = {
  [Col in C[number] as Col['key']]: Col extends Column<string, infer T, infer R>
    ? R extends true
      ? T
      : T | null
    : never;
};

export interface RowIssue {
  /** The column the problem is about (its key), if any. */
  field?: string;
  code: string;
  message: string;
}

export interface TableDef<C extends readonly AnyColumn[]> {
  file: string;
  title: string;
  description: string;
  columns: C;
  /** Checks across the cells of one row (poor ≤ total, …). */
  rowRules?: (row: RowOf<C>) => RowIssue[];
}

export function defineTable<const C extends readonly AnyColumn[]>(def: TableDef<C>): TableDef<C> {
  return def;
}

export interface ColumnRef {
  column: string | null;
  column_letter: string | null;
}

export interface Line<T> {
  line: number;
  row: T;
}

export interface ParsedTable<T> {
  file: string;
  rows: Line<T>[];
  /** How a key's column is headed in this file and its letter, for issues found by later checks. */
  columnName: (key: string) => ColumnRef;
  /**
   * Rows refused with an error of their own (a cell, a row rule, the row's shape), as written, cell
   * by column key: a later check that finds a reference to one names that row, not a missing one.
   */
  refused: Line<{ readonly [K in keyof T]: string }>[];
}

// What staff write in the first cell of an Excel total row. The site sums villages itself, so a
// total row inside a table would be counted twice.
const SUMMARY_ROW = new Set([
  'tong',
  'cong',
  'tong cong',
  'tong so',
  'cong tong',
  'toan huyen',
  'toan xa',
  'tong cong toan huyen',
  'tong cong toan xa',
]);

/** Separator from the header line: the most frequent of , ; and tab outside quotes. */
export function detectDelimiter(headerLine: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  for (const [sep, n] of counts) if (n > (counts.get(best) ?? 0)) best = sep;
  return best;
}

interface RawRow {
  line: number;
  cells: string[];
}

/**
 * Split text into rows with the line each row starts on, using papaparse (no type guessing), and
 * hand each non-blank row on as it is read: a file of a million rows is never held as raw cells.
 */
function splitRows(file: string, body: string, delimiter: string, issues: Issue[], onRow: (row: RawRow) => void): void {
  let offset = 0;
  let line = 1;
  Papa.parse<string[]>(body, {
    delimiter,
    newline: '\n',
    skipEmptyLines: false,
    step(result) {
      // meta.cursor is where the next row starts, so a row starts on the line after the
      // newlines consumed so far (quoted cells may span lines).
      const startLine = line;
      const end = result.meta.cursor;
      for (let i = body.indexOf('\n', offset); i !== -1 && i < end; i = body.indexOf('\n', i + 1)) line++;
      offset = end;
      for (const e of result.errors) {
        issues.push(
          makeIssue(
            'error',
            { file, line: startLine },
            'format-error',
            e.code === 'MissingQuotes'
              ? 'Dấu ngoặc kép (") mở mà không đóng: một ô bắt đầu bằng " phải kết thúc bằng ". Kiểm tra ô có dấu " ở dòng này.'
              : 'Dấu ngoặc kép (") đặt sai chỗ trong một ô. Nếu ô cần có dấu ", đặt cả ô trong ngoặc kép và viết "" cho mỗi dấu ".',
          ),
        );
      }
      if (result.data.some((c) => c.trim() !== '')) onRow({ line: startLine, cells: result.data });
    },
  });
}

/** A later row that holds the header, when title rows sit above it (within the first lines). */
function headerBelow(
  rows: readonly RawRow[],
  byKey: ReadonlyMap<string, AnyColumn>,
  columns: readonly AnyColumn[],
): RawRow | null {
  const required = columns.filter((c) => c.required).length;
  for (const row of rows.slice(0, 30)) {
    const found = new Set(row.cells.map((c) => byKey.get(matchKey(c))?.key).filter((k) => k !== undefined));
    if (columns.filter((c) => c.required && found.has(c.key)).length === required) return row;
  }
  return null;
}

/** Why a row has more cells than the header, in the file's own separator. */
function extraCellCause(delimiter: string): string {
  if (delimiter === '\t') return 'thường do một ô có dấu tab';
  const sample = delimiter === ',' ? '12,5' : 'a; b';
  return (
    `thường do một số có dấu phẩy thập phân hoặc một văn bản có dấu "${delimiter}" không nằm trong ngoặc ` +
    `kép (ví dụ ${sample}), làm ô bị tách đôi và các ô sau bị đẩy sang phải. Đặt ô đó trong ngoặc kép ` +
    `("${sample}"), hoặc xuất lại bằng Excel (Excel tự thêm ngoặc kép)`
  );
}

/**
 * Looks up a key's column. Built outside parseTable on purpose: a closure there would keep that
 * function's whole scope, the file's text and every raw row, alive as long as the table.
 */
function columnNamer(nameOf: ReadonlyMap<string, ColumnRef>): (key: string | undefined) => ColumnRef {
  return (key) => (key && nameOf.get(key)) || { column: null, column_letter: null };
}

/** Rows read before the header is settled: the header and the rows where a misplaced one may sit. */
const HEADER_SEARCH_ROWS = 30;

/** Parse one CSV file of the contract into typed rows and issues. */
export function parseTable<C extends readonly AnyColumn[]>(
  def: TableDef<C>,
  bytes: Uint8Array,
): { table: ParsedTable<RowOf<C>> | null; issues: Issue[] } {
  const file = def.file;
  const decoded = decodeCsv(file, bytes);
  if (!decoded.ok) return { table: null, issues: [decoded.issue] };
  // One line ending everywhere, so a file with mixed endings keeps its line count.
  const body = decoded.text.replace(/\r\n?/g, '\n');
  // The header's line, or a title row above it; a title typed alone has no separator to go by.
  const delimiter = detectDelimiter(/^.*[,;\t].*$/m.exec(body.slice(0, 65536))?.[0] ?? '');

  const splitIssues: Issue[] = [];
  const head: RawRow[] = [];
  let typer: RowTyper<RowOf<C>> | null = null;
  let refused: Issue[] | null = null;
  const settle = () => {
    const started = startTyping(def, head, delimiter);
    if ('refused' in started) refused = started.refused;
    else typer = started;
  };
  splitRows(file, body, delimiter, splitIssues, (row) => {
    if (refused) return;
    if (typer) return typer.type(row);
    head.push(row);
    if (head.length > HEADER_SEARCH_ROWS) settle();
  });
  if (!typer && !refused) settle();
  // A broken quote swallows the rows after it: report it alone, not what it did to those rows.
  if (splitIssues.length > 0) return { table: null, issues: splitIssues };
  if (refused) return { table: null, issues: refused };
  const done = (typer as RowTyper<RowOf<C>> | null)?.finish();
  return done ?? { table: null, issues: [] };
}

interface RowTyper<T> {
  type(row: RawRow): void;
  finish(): { table: ParsedTable<T> | null; issues: Issue[] };
}

/**
 * Reads the header among the first rows and returns what types every later row, or the issues
 * that refuse the file. The rows after the header in `head` are typed at once.
 */
function startTyping<C extends readonly AnyColumn[]>(
  def: TableDef<C>,
  head: RawRow[],
  delimiter: string,
): RowTyper<RowOf<C>> | { refused: Issue[] } {
  const file = def.file;
  const issues: Issue[] = [];
  const header = head[0];
  if (!header) {
    return {
      refused: [
        makeIssue(
          'error',
          { file },
          'blank-label',
          'Tệp trống: không có dòng tiêu đề. Dòng đầu tiên phải là tên các cột.',
        ),
      ],
    };
  }

  const byKey = new Map<string, AnyColumn>();
  for (const col of def.columns) {
    byKey.set(matchKey(col.key), col);
    byKey.set(matchKey(col.label), col);
  }

  // Header: which column index holds which key.
  const keyAt: (AnyColumn | null)[] = [];
  const nameOf = new Map<string, ColumnRef>();
  const refOf = columnNamer(nameOf);
  // Columns without a name: refused once, at the end, if any row has data in them.
  const unnamed = new Map<number, Issue | null>();
  header.cells.forEach((rawLabel, index) => {
    // Labels live as long as the table (issues of later checks name them): never a slice of the file.
    const label = ownCopy(cleanText(rawLabel));
    const ref = { column: label || null, column_letter: columnLetter(index) };
    const where = `${label || '(trống)'} (cột ${ref.column_letter})`;
    const at = { file, line: header.line, ...ref, value: label };
    keyAt.push(null);
    if (label === '') {
      unnamed.set(
        index,
        makeIssue(
          'error',
          at,
          'blank-label',
          `Cột ${columnLetter(index)} có số liệu nhưng không có tên cột. Đặt tên cột theo tài liệu data/README.md hoặc xóa cột.`,
        ),
      );
      return;
    }
    const col = byKey.get(matchKey(label));
    if (!col) {
      const personal = personalColumn(label);
      if (personal) {
        issues.push(
          makeIssue(
            'error',
            at,
            'extra-label',
            `Cột "${label}" có vẻ chứa dữ liệu cá nhân (${personal.what}). Dữ liệu cá nhân không được đưa vào ` +
              'dữ liệu của trang, kể cả khi không công khai: xóa cả cột khỏi tệp rồi chạy lại (danh sách cột bị từ ' +
              'chối: data/README.md).',
          ),
        );
      } else {
        issues.push(
          makeIssue(
            'warning',
            at,
            'extra-label',
            `Cột "${label}" không có trong tài liệu dữ liệu nên được bỏ qua và không công khai. Nếu đây là cột cần dùng, kiểm tra lại tên cột theo data/README.md.`,
          ),
        );
      }
      return;
    }
    if (nameOf.has(col.key)) {
      const first = refOf(col.key);
      issues.push(
        makeIssue(
          'error',
          { ...at, field: col.key },
          'duplicate-label',
          `Cột "${col.key}" xuất hiện hai lần (${first.column} ở cột ${first.column_letter} và ${where}). Xóa một cột.`,
        ),
      );
      return;
    }
    nameOf.set(col.key, ref);
    keyAt[index] = col;
  });
  const missing = def.columns.filter((col) => col.required && !nameOf.has(col.key));
  const realHeader = missing.length > 0 ? headerBelow(head.slice(1), byKey, def.columns) : null;
  if (realHeader) {
    return {
      refused: [
        makeIssue(
          'error',
          { file, line: header.line },
          'format-error',
          `Dòng tiêu đề (tên cột) nằm ở dòng ${realHeader.line}, không phải dòng đầu tiên: phía trên có dòng tên ` +
            `bảng, ghi chú hoặc dòng trống. Xóa các dòng phía trên dòng ${realHeader.line} để tên cột là dòng 1, ` +
            'rồi xuất lại tệp.',
        ),
      ],
    };
  }
  for (const col of missing) {
    issues.push(
      makeIssue(
        'error',
        { file, line: header.line, field: col.key },
        'missing-label',
        `Thiếu cột bắt buộc "${col.key}" (${col.label}). Thêm cột này vào dòng tiêu đề.`,
      ),
    );
  }
  if (issues.some((i) => i.severity === 'error')) {
    const withData = [...unnamed].filter(([index]) =>
      head.some((r, n) => n > 0 && (r.cells[index] ?? '').trim() !== ''),
    );
    return { refused: [...withData.map(([, issue]) => issue).filter((i) => i !== null), ...issues] };
  }

  const readers = def.columns.map((col) => ({ col, read: cellReader(col) }));
  // Every row starts as a copy of one shape holding every column: a row built key by key falls back to slow
  // dictionary properties past about twenty columns (ket-qua-ra-soat has 21), and every later read pays.
  const blank = Object.fromEntries(def.columns.map((col) => [col.key, null]));
  // Where each column of the contract stands in the file (-1: not in the file, read as empty).
  const columnAt = def.columns.map((col) => keyAt.indexOf(col));
  const typed: Line<RowOf<C>>[] = [];
  const refused: Line<{ [K in keyof RowOf<C>]: string }>[] = [];
  const width = header.cells.length;
  const unnamedWithData: Issue[] = [];

  const type = ({ line, cells }: RawRow) => {
    for (const [index, issue] of unnamed) {
      if (issue && (cells[index] ?? '').trim() !== '') {
        unnamedWithData.push(issue);
        unnamed.set(index, null);
      }
    }
    const first = cells.find((c) => c.trim() !== '') ?? '';
    // Only a first cell with letters can be a total row (most are a unit's code).
    if (/[^\d\s.,-]/.test(first) && SUMMARY_ROW.has(matchKey(first))) {
      const label = cleanText(first);
      issues.push(
        makeIssue(
          'error',
          { file, line, value: label },
          'format-error',
          `Dòng ${line} là dòng tổng cộng ("${label}") của bảng tính, không phải số liệu của một đơn vị. Trang tự ` +
            'cộng số liệu: xóa dòng tổng (và các dòng ghi chú, chữ ký dưới bảng) rồi xuất lại tệp.',
        ),
      );
      return;
    }
    const rawOf = (i: number) => {
      const at = columnAt[i] ?? -1;
      return at < 0 ? '' : (cells[at] ?? '');
    };
    // The row as written, for a refused row: built only then, most rows are not.
    const asWritten = () => {
      const input: Record<string, string> = {};
      def.columns.forEach((col, i) => (input[col.key] = rawOf(i)));
      return { line, row: input as { [K in keyof RowOf<C>]: string } };
    };
    // Every row has as many cells as the header; Excel's trailing separator is on every line,
    // header included, so it passes. A row with empty cells added at its end is refused: it is
    // what a split cell looks like when the cells pushed right were empty.
    if (cells.length < width) {
      const at = { file, line, column_letter: columnLetter(cells.length), value: cells.join(' | ') };
      issues.push(
        makeIssue(
          'error',
          at,
          'missing-cell',
          `Dòng có ${cells.length} ô, ít hơn ${width} cột của dòng tiêu đề: thường do thiếu dấu phân cách ` +
            `"${delimiter === '\t' ? 'tab' : delimiter}" (ô bị gộp) hoặc dòng bị ngắt giữa chừng. Kiểm tra dòng này ` +
            `có đủ ${width} ô, kể cả ô trống.`,
        ),
      );
      refused.push(asWritten());
      return;
    }
    if (cells.length > width) {
      const at = { file, line, column_letter: columnLetter(width), value: cells.join(' | ') };
      issues.push(
        makeIssue(
          'error',
          at,
          'extra-cell',
          `Dòng có ${cells.length} ô, nhiều hơn ${width} cột của dòng tiêu đề: ${extraCellCause(delimiter)}.`,
        ),
      );
      refused.push(asWritten());
      return;
    }
    const values: Record<string, unknown> = { ...blank };
    let typedAll = true;
    // An index loop: a million rows × columns allocate no entry pairs.
    for (let i = 0; i < readers.length; i++) {
      const { col, read } = readers[i] as (typeof readers)[number];
      const raw = rawOf(i);
      const cell = read(raw);
      if (cell.ok) values[col.key] = cell.value;
      else {
        typedAll = false;
        issues.push(
          makeIssue('error', { file, line, ...refOf(col.key), field: col.key, value: raw }, cell.code, cell.message),
        );
      }
    }
    if (!typedAll) {
      refused.push(asWritten());
      return;
    }
    const row = values as RowOf<C>;
    const rowIssues = def.rowRules?.(row) ?? [];
    for (const ri of rowIssues) {
      const at = ri.field ? def.columns.findIndex((col) => col.key === ri.field) : -1;
      const value = at < 0 ? null : rawOf(at);
      issues.push(
        makeIssue('error', { file, line, ...refOf(ri.field), field: ri.field ?? null, value }, ri.code, ri.message),
      );
    }
    if (rowIssues.length === 0) typed.push({ line, row });
    else refused.push(asWritten());
  };
  for (const row of head.splice(1)) type(row);
  return {
    type,
    finish: () => {
      // Rows with errors are left out; the valid ones go on to the cross-file checks.
      return { table: { file, rows: typed, columnName: refOf, refused }, issues: [...unnamedWithData, ...issues] };
    },
  };
}

/** Distinct cells a column remembers: enough for a country's codes and counts, bounded for any file. */
const CELLS_REMEMBERED = 20_000;

/**
 * A column's reading of one cell: the value, or the problem and its fix. A cell reads the same on every
 * row (a unit's name, a status, a year, a small count), so each distinct text is read once per column.
 */
function cellReader(col: AnyColumn): (raw: string) => Parsed<unknown> {
  const remembered = new Map<string, Parsed<unknown>>();
  return (raw) => {
    let cell = remembered.get(raw);
    if (cell === undefined) {
      cell = readCell(col, raw);
      // A list value (a name list) is an object a row may keep: each row gets its own.
      if (remembered.size >= CELLS_REMEMBERED) remembered.clear();
      if (!cell.ok || typeof cell.value !== 'object' || cell.value === null) remembered.set(raw, cell);
    }
    return cell;
  };
}

function readCell(col: AnyColumn, raw: string): Parsed<unknown> {
  const excel = excelError(raw);
  if (excel && !excel.ok) return excel;
  if (raw.trim() === '') {
    return col.required
      ? {
          ok: false,
          code: 'missing-cell',
          message: `Ô "${col.key}" (${col.label}) bắt buộc nhưng đang trống. Điền giá trị, ví dụ: ${col.example}.`,
        }
      : { ok: true, value: null };
  }
  return col.type.parse(raw);
}
