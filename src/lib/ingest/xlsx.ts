import * as XLSX from '@e965/xlsx';
import type { BuildResult } from '../dataset.ts';
import { makeIssue, type Issue } from './issues.ts';
import { cleanText } from './text.ts';

// Excel workbooks (.xlsx) in place of a CSV file of the contract. The first visible sheet is turned
// into the text Excel's "CSV UTF-8" export would give, one line per sheet row, so the same parser
// and every check of the CSV path apply unchanged; line numbers are the sheet's row numbers and
// column letters its columns, so an issue maps back to a cell (KetQua!C12).
// Read with SheetJS (@e965/xlsx, the npm build of SheetJS 0.20.3): synchronous, no dependencies,
// keeps each formula's cached value, each cell's number format (to tell dates and percentages)
// and Excel's error values.

/** The workbook name that may stand in for a CSV table: "don-vi.csv" → "don-vi.xlsx". */
export const workbookName = (csvName: string): string => csvName.replace(/\.csv$/, '.xlsx');

/** Where a table given as a workbook came from. */
export interface WorkbookSource {
  /** The workbook's file name, e.g. "ket-qua-ra-soat.xlsx". */
  file: string;
  sheet: string;
}

export interface TableFiles {
  /** The bytes the core reads, by CSV name: a workbook's sheet is there as CSV text. */
  files: Map<string, Uint8Array>;
  sources: Map<string, WorkbookSource>;
  /** Problems with the workbooks themselves (unreadable, both .csv and .xlsx given, …). */
  issues: Issue[];
  /** Tables whose input was refused here, so the core's "missing file" for them is not repeated. */
  refused: Set<string>;
}

const SAVE_AS_XLSX = 'Mở tệp bằng Excel, chọn Tệp → Lưu thành → kiểu "Sổ làm việc Excel (*.xlsx)", rồi chạy lại.';

// Excel's error values by the code SheetJS keeps for them.
const ERROR_TEXT: Record<number, string> = {
  0: '#NULL!',
  7: '#DIV/0!',
  15: '#VALUE!',
  23: '#REF!',
  29: '#NAME?',
  36: '#NUM!',
  42: '#N/A',
  43: '#GETTING_DATA',
};

/** A sheet name as Excel writes it in a reference: quoted unless it is one plain word. */
function sheetRef(sheet: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** Excel's reference to a cell (KetQua!C12), or to a whole row (KetQua!12:12). */
export function cellReference(sheet: string, row: number, letter: string | null): string {
  return letter ? `${sheetRef(sheet)}!${letter}${row}` : `${sheetRef(sheet)}!${row}:${row}`;
}

/** A number as the CSV path reads it: decimal comma, no float noise (0.1 + 0.2), no exponent. */
function numberText(n: number): string {
  const x = Number(n.toPrecision(15));
  const s = /e/i.test(String(x)) ? x.toFixed(20).replace(/\.?0+$/, '') : String(x);
  return s.replace('.', ',');
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A percentage format ("0.0%"), not a % sign inside quoted text of the format. */
const isPercentFormat = (format: string) => format.replace(/"[^"]*"/g, '').includes('%');

/**
 * The text of one cell for the CSV path; null for a formula never calculated. Dates are numbers
 * with a date format (read with cellDates off, so no time zone is involved).
 */
function cellText(cell: XLSX.CellObject | undefined, date1904: boolean): string | null {
  if (!cell) return '';
  if (cell.f !== undefined && cell.v === undefined) return null;
  const format = typeof cell.z === 'string' ? cell.z : 'General';
  switch (cell.t) {
    case 's':
      return String(cell.v ?? '');
    case 'b':
      return cell.v ? 'TRUE' : 'FALSE';
    case 'e':
      return ERROR_TEXT[Number(cell.v)] ?? '#N/A';
    case 'n': {
      const n = Number(cell.v);
      if (XLSX.SSF.is_date(format)) {
        const d = XLSX.SSF.parse_date_code(n, { date1904 });
        if (d) return `${pad(d.d)}/${pad(d.m)}/${d.y}`;
      }
      return isPercentFormat(format) ? `${numberText(n * 100)}%` : numberText(n);
    }
    default:
      return '';
  }
}

/** One CSV cell, always quoted; a line break inside a cell becomes a space so lines stay rows. */
const csvCell = (s: string) => `"${s.replace(/\r\n?|\n/g, ' ').replace(/"/g, '""')}"`;

// Far more than any table of the contract holds; a value beyond is a slip (a key typed at row 1048576).
const MAX_ROWS = 100_000;
const MAX_COLUMNS = 200;

interface Extent {
  rows: number;
  columns: number;
  /** A cell holding a value beyond MAX_ROWS or MAX_COLUMNS, if any: { r, c } 0-based. */
  beyond: XLSX.CellAddress | null;
}

/** Rows and columns up to the last cell holding a value: a formatted but empty cell adds nothing. */
function usedExtent(ws: XLSX.WorkSheet): Extent {
  const extent: Extent = { rows: 0, columns: 0, beyond: null };
  for (const [address, cell] of Object.entries(ws)) {
    if (address.startsWith('!')) continue;
    const { v, f } = cell as XLSX.CellObject;
    if ((v === undefined || v === '') && f === undefined) continue;
    const at = XLSX.utils.decode_cell(address);
    if (at.r >= MAX_ROWS || at.c >= MAX_COLUMNS) extent.beyond ??= at;
    extent.rows = Math.max(extent.rows, at.r + 1);
    extent.columns = Math.max(extent.columns, at.c + 1);
  }
  return extent;
}

interface SheetInput {
  file: string;
  sheet: string;
  ws: XLSX.WorkSheet;
  date1904: boolean;
  notes: ReadonlySet<string>;
  extent: Extent;
}

/** The sheet as CSV lines, one per row, every row as wide as the widest. */
function sheetLines({ file, sheet, ws, date1904, notes, extent }: SheetInput, issues: Issue[]): string[] {
  const lines: string[] = [];
  for (let r = 0; r < extent.rows; r++) {
    const cells: string[] = [];
    for (let c = 0; c < extent.columns; c++) {
      const cell = ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
      const text = cellText(cell, date1904);
      if (text === null) {
        const letter = XLSX.utils.encode_col(c);
        const at = { file, line: r + 1, column_letter: letter, value: `=${cell?.f ?? ''}` };
        const message =
          'Ô có công thức nhưng chưa có giá trị đã tính: tệp không được lưu bằng Excel (ví dụ do một chương ' +
          'trình khác tạo ra). Mở tệp bằng Excel hoặc LibreOffice để bảng tính tự tính, rồi lưu lại.';
        issues.push({ ...makeIssue('error', at, 'format-error', message), cell: cellReference(sheet, r + 1, letter) });
      }
      cells.push(text ?? '');
    }
    const filled = cells.filter((t) => t.trim() !== '');
    const notesRow = filled.length > 0 && filled.every((t) => notes.has(cleanText(t)));
    lines.push(notesRow ? '' : cells.map(csvCell).join(','));
  }
  return lines;
}

export type WorkbookRead =
  { ok: true; sheet: string; csv: Uint8Array; issues: Issue[] } | { ok: false; issues: Issue[] };

/**
 * Read one table from a workbook. `notes` are the template's column notes: a row holding only
 * those (the notes row under the header of a downloaded template) is not data and is skipped.
 */
export function readWorkbook(file: string, bytes: Uint8Array, notes: ReadonlySet<string> = new Set()): WorkbookRead {
  const fail = (message: string): WorkbookRead => ({
    ok: false,
    issues: [makeIssue('error', { file }, 'format-error', message)],
  });
  if ([0xd0, 0xcf, 0x11, 0xe0].every((b, i) => bytes[i] === b)) {
    return fail(
      'Tệp không phải dạng .xlsx thường: có thể là tệp .xls đời cũ (Excel 97–2003) đổi tên, hoặc tệp .xlsx được ' +
        `đặt mật khẩu. Bỏ mật khẩu nếu có. ${SAVE_AS_XLSX}`,
    );
  }
  if (![0x50, 0x4b, 0x03, 0x04].every((b, i) => bytes[i] === b)) {
    return fail(
      `Tệp có đuôi .xlsx nhưng không phải tệp Excel (có thể là tệp CSV hoặc tệp khác bị đổi tên). ${SAVE_AS_XLSX}`,
    );
  }
  let wb: XLSX.WorkBook;
  try {
    // No formatted text (cellText): the values and formats are all the CSV path needs, and a third faster.
    const options = { cellFormula: true, cellNF: true, cellText: false, cellHTML: false, cellDates: false };
    wb = XLSX.read(bytes, { type: 'array', ...options });
  } catch {
    return fail(`Không đọc được tệp Excel: tệp bị hỏng (ví dụ tải về hoặc sao chép chưa xong). ${SAVE_AS_XLSX}`);
  }
  const visible = wb.SheetNames.filter((_, i) => !wb.Workbook?.Sheets?.[i]?.Hidden);
  const sheet = visible[0];
  if (sheet === undefined)
    return fail(`Tệp Excel không có trang tính nào đang hiện. Hiện trang tính chứa số liệu, rồi lưu lại.`);
  const issues: Issue[] = [];
  const others = wb.SheetNames.filter((name) => name !== sheet && usedExtent(wb.Sheets[name] ?? {}).rows > 0);
  if (others.length > 0) {
    issues.push(
      makeIssue(
        'warning',
        { file },
        'format-error',
        `Chỉ đọc trang tính đầu tiên "${sheet}"; ${others.length} trang tính khác có nội dung bị bỏ qua ` +
          `(${others.map((o) => `"${o}"`).join(', ')}). Nếu số liệu nằm ở trang tính khác, chuyển trang tính đó ` +
          'lên đầu (kéo thẻ trang tính sang trái) rồi lưu lại.',
      ),
    );
  }
  const ws = wb.Sheets[sheet] ?? {};
  const extent = usedExtent(ws);
  if (extent.beyond) {
    const far = cellReference(sheet, extent.beyond.r + 1, XLSX.utils.encode_col(extent.beyond.c));
    return fail(
      `Trang tính có nội dung ở ô ${far}, quá xa bảng số liệu (tối đa ${MAX_ROWS} dòng và ${MAX_COLUMNS} cột): ` +
        'thường do gõ nhầm vào một ô ở cuối trang tính. Xóa nội dung ô đó (hoặc các dòng, cột thừa) rồi lưu lại.',
    );
  }
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const lines = sheetLines({ file, sheet, ws, date1904, notes, extent }, issues);
  if (issues.some((i) => i.severity === 'error')) return { ok: false, issues };
  return { ok: true, sheet, csv: new TextEncoder().encode(lines.join('\n')), issues };
}

/** The CSV or workbook of each table, as the core reads them; both for one table is refused. */
export function tableFiles(
  raw: ReadonlyMap<string, Uint8Array>,
  tables: readonly string[],
  notes: ReadonlySet<string>,
): TableFiles {
  const files = new Map(raw);
  const sources = new Map<string, WorkbookSource>();
  const issues: Issue[] = [];
  const refused = new Set<string>();
  for (const table of tables) {
    const name = workbookName(table);
    const bytes = raw.get(name);
    files.delete(name);
    if (!bytes) continue;
    if (raw.has(table)) {
      files.delete(table);
      refused.add(table);
      issues.push(
        makeIssue(
          'error',
          { file: name },
          'format-error',
          `Có cả hai tệp ${table} và ${name} cho cùng một bảng, nên không biết dùng tệp nào. Giữ một tệp, chuyển ` +
            'tệp kia ra khỏi thư mục dữ liệu, rồi chạy lại.',
        ),
      );
      continue;
    }
    const read = readWorkbook(name, bytes, notes);
    for (const i of read.issues) issues.push(i);
    if (read.ok) {
      files.set(table, read.csv);
      sources.set(table, { file: name, sheet: read.sheet });
    } else refused.add(table);
  }
  return { files, sources, issues, refused };
}

/** The core's result with issues about workbook tables named by workbook and cell. */
export function locateInWorkbooks(result: BuildResult, tables: TableFiles): BuildResult {
  const renames = [...tables.sources].map(([csv, { file }]) => ({
    pattern: new RegExp(`(?<![\\w.-])${csv.replace(/[.-]/g, '\\$&')}`, 'g'),
    file,
  }));
  const locate = (i: Issue): Issue => {
    const message = renames.reduce((m, r) => m.replace(r.pattern, r.file), i.message);
    const source = tables.sources.get(i.file);
    if (!source) return { ...i, message };
    const cell = i.line !== null ? { cell: cellReference(source.sheet, i.line, i.column_letter) } : {};
    return { ...i, file: source.file, message, ...cell };
  };
  const own = (severity: Issue['severity']) => tables.issues.filter((i) => i.severity === severity);
  const core = (list: readonly Issue[]) => list.filter((i) => !tables.refused.has(i.file)).map(locate);
  const errors = [...own('error'), ...core(result.errors)];
  return {
    dataset: errors.length === 0 ? result.dataset : null,
    errors,
    warnings: [...own('warning'), ...core(result.warnings)],
  };
}
