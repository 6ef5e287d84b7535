import Papa from 'papaparse';
import { z } from 'zod';
import { decodeCsv } from './decode.ts';
import { columnLetter, makeIssue, type Issue } from './issues.ts';
import { cleanText, matchKey } from './text.ts';
import { excelError, type CellType } from './values.ts';

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

type AnyColumn = Column<string, any, boolean>;
export type RowOf<C extends readonly AnyColumn[]> = {
  [Col in C[number] as Col['key']]: Col extends Column<string, infer T, infer R> ? (R extends true ? T : T | null) : never;
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
}

const PERSONAL_HEADER = ['cccd', 'cmnd', 'can cuoc', 'chung minh', 'dien thoai', 'sdt', 'ngay sinh', 'nam sinh', 'dan toc', 'dia chi', 'so nha', 'thanh vien', 'chu ho'];

/** Separator from the header line: the most frequent of , ; and tab outside quotes. */
export function detectDelimiter(headerLine: string): string {
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0]]);
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

/** Split text into rows with the line each row starts on, using papaparse (no type guessing). */
function splitRows(file: string, text: string, issues: Issue[]): RawRow[] {
  // One line ending everywhere, so a file with mixed endings keeps its line count.
  const body = text.replace(/\r\n?/g, '\n');
  const firstLine = body.split('\n', 1)[0] ?? '';
  const rows: RawRow[] = [];
  let offset = 0;
  let line = 1;
  Papa.parse<string[]>(body, {
    delimiter: detectDelimiter(firstLine),
    newline: '\n',
    skipEmptyLines: false,
    step(result) {
      // meta.cursor is where the next row starts, so a row starts on the line after the
      // newlines consumed so far (quoted cells may span lines).
      const startLine = line;
      const end = result.meta.cursor;
      for (let i = offset; i < end; i++) if (body[i] === '\n') line++;
      offset = end;
      for (const e of result.errors) {
        issues.push(
          makeIssue('error', { file, line: startLine }, 'format-error',
            e.code === 'MissingQuotes'
              ? 'Dấu ngoặc kép (") mở mà không đóng: một ô bắt đầu bằng " phải kết thúc bằng ". Kiểm tra ô có dấu " ở dòng này.'
              : 'Dấu ngoặc kép (") đặt sai chỗ trong một ô. Nếu ô cần có dấu ", đặt cả ô trong ngoặc kép và viết "" cho mỗi dấu ".'),
        );
      }
      rows.push({ line: startLine, cells: result.data });
    },
  });
  return rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
}

/** Parse one CSV file of the contract into typed rows and issues. */
export function parseTable<C extends readonly AnyColumn[]>(
  def: TableDef<C>,
  bytes: Uint8Array,
): { table: ParsedTable<RowOf<C>> | null; issues: Issue[] } {
  const file = def.file;
  const issues: Issue[] = [];
  const decoded = decodeCsv(file, bytes);
  if (!decoded.ok) return { table: null, issues: [decoded.issue] };

  const rows = splitRows(file, decoded.text, issues);
  const header = rows.shift();
  if (!header) {
    issues.push(makeIssue('error', { file }, 'blank-label', 'Tệp trống: không có dòng tiêu đề. Dòng đầu tiên phải là tên các cột.'));
    return { table: null, issues };
  }
  if (issues.length > 0) return { table: null, issues };

  const byKey = new Map<string, AnyColumn>();
  for (const col of def.columns) {
    byKey.set(matchKey(col.key), col);
    byKey.set(matchKey(col.label), col);
  }

  // Header: which column index holds which key.
  const keyAt: (AnyColumn | null)[] = [];
  const nameOf = new Map<string, ColumnRef>();
  const refOf = (key: string | undefined): ColumnRef => (key && nameOf.get(key)) || { column: null, column_letter: null };
  header.cells.forEach((rawLabel, index) => {
    const label = cleanText(rawLabel);
    const ref = { column: label || null, column_letter: columnLetter(index) };
    const where = `${label || '(trống)'} (cột ${ref.column_letter})`;
    const at = { file, line: header.line, ...ref, value: label };
    keyAt.push(null);
    if (label === '') {
      if (rows.some((r) => (r.cells[index] ?? '').trim() !== '')) {
        issues.push(makeIssue('error', at, 'blank-label', `Cột ${columnLetter(index)} có số liệu nhưng không có tên cột. Đặt tên cột theo tài liệu data/README.md hoặc xóa cột.`));
      }
      return;
    }
    const col = byKey.get(matchKey(label));
    if (!col) {
      const key = matchKey(label);
      if (PERSONAL_HEADER.some((p) => key.includes(p))) {
        issues.push(makeIssue('error', at, 'extra-label', `Cột "${label}" có vẻ chứa dữ liệu cá nhân (số giấy tờ, điện thoại, ngày sinh, dân tộc, địa chỉ, thành viên hộ). Dữ liệu này không được công khai: xóa cột khỏi tệp rồi chạy lại.`));
      } else {
        issues.push(makeIssue('warning', at, 'extra-label', `Cột "${label}" không có trong tài liệu dữ liệu nên được bỏ qua và không công khai. Nếu đây là cột cần dùng, kiểm tra lại tên cột theo data/README.md.`));
      }
      return;
    }
    if (nameOf.has(col.key)) {
      const first = refOf(col.key);
      issues.push(makeIssue('error', { ...at, field: col.key }, 'duplicate-label', `Cột "${col.key}" xuất hiện hai lần (${first.column} ở cột ${first.column_letter} và ${where}). Xóa một cột.`));
      return;
    }
    nameOf.set(col.key, ref);
    keyAt[index] = col;
  });
  for (const col of def.columns) {
    if (col.required && !nameOf.has(col.key)) {
      issues.push(makeIssue('error', { file, line: header.line, field: col.key }, 'missing-label', `Thiếu cột bắt buộc "${col.key}" (${col.label}). Thêm cột này vào dòng tiêu đề.`));
    }
  }
  if (issues.some((i) => i.severity === 'error')) return { table: null, issues };

  const shape = Object.fromEntries(def.columns.map((col) => [col.key, cellSchema(col)]));
  const schema = z.object(shape);
  const typed: Line<RowOf<C>>[] = [];
  const width = header.cells.length;

  for (const { line, cells } of rows) {
    if (cells.length < width) {
      issues.push(makeIssue('error', { file, line, value: cells.join(' | ') }, 'missing-cell', `Dòng có ${cells.length} ô, ít hơn ${width} cột của dòng tiêu đề. Kiểm tra dấu phân cách hoặc ô bị thiếu.`));
      continue;
    }
    if (cells.slice(width).some((c) => c.trim() !== '')) {
      issues.push(makeIssue('error', { file, line, column: null, column_letter: columnLetter(width), value: cells.slice(width).join(' | ') }, 'extra-cell', `Dòng có ${cells.length} ô, nhiều hơn ${width} cột của dòng tiêu đề (thường do dấu phân cách thừa trong một ô). Đặt ô có dấu phân cách trong ngoặc kép hoặc xóa ô thừa.`));
      continue;
    }
    const input: Record<string, string> = {};
    for (const col of def.columns) input[col.key] = '';
    keyAt.forEach((col, i) => {
      if (col) input[col.key] = cells[i] ?? '';
    });
    const result = schema.safeParse(input);
    if (!result.success) {
      for (const zi of result.error.issues) {
        const key = String(zi.path[0] ?? '');
        const params = (zi as { params?: { code?: string } }).params;
        issues.push(makeIssue('error', { file, line, ...refOf(key), field: key, value: input[key] ?? null }, params?.code ?? 'type-error', zi.message));
      }
      continue;
    }
    const row = result.data as RowOf<C>;
    const rowIssues = def.rowRules?.(row) ?? [];
    for (const ri of rowIssues) {
      const value = ri.field ? input[ri.field] ?? null : null;
      issues.push(makeIssue('error', { file, line, ...refOf(ri.field), field: ri.field ?? null, value }, ri.code, ri.message));
    }
    if (rowIssues.length === 0) typed.push({ line, row });
  }

  return {
    table: { file, rows: typed, columnName: refOf },
    issues,
  };
}

function cellSchema(col: AnyColumn) {
  return z.string().transform((raw, ctx) => {
    const fail = (code: string, message: string) => {
      ctx.addIssue({ code: 'custom', message, params: { code } });
      return z.NEVER;
    };
    const excel = excelError(raw);
    if (excel && !excel.ok) return fail(excel.code, excel.message);
    if (raw.trim() === '') {
      return col.required ? fail('missing-cell', `Ô "${col.key}" (${col.label}) bắt buộc nhưng đang trống. Điền giá trị, ví dụ: ${col.example}.`) : null;
    }
    const parsed = col.type.parse(raw);
    return parsed.ok ? parsed.value : fail(parsed.code, parsed.message);
  });
}
