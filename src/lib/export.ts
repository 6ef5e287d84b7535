import * as XLSX from '@e965/xlsx';

// Open-data files: CSV for programs (UTF-8 with BOM so Excel shows Vietnamese letters, formulas
// neutralised), JSON, and an Excel workbook. Values are machine-readable: ISO dates, "." decimals in CSV.

export type Cell = string | number | boolean | null | readonly string[];

function cellText(value: Cell): string {
  if (value === null) return '';
  if (Array.isArray(value)) return cellText(value.join('|'));
  if (typeof value !== 'string') return String(value);
  // A text cell starting like a formula would run in a spreadsheet: prefix it with an apostrophe.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows handed out per piece written: a country's files are written piece by piece, never as one string. */
const CHUNK_ROWS = 2000;

export function* csvChunks(keys: readonly string[], rows: Iterable<Readonly<Record<string, Cell>>>): Generator<string> {
  yield `\uFEFF${keys.join(',')}\r\n`;
  let lines: string[] = [];
  for (const row of rows) {
    lines.push(`${keys.map((k) => cellText(row[k] ?? null)).join(',')}\r\n`);
    if (lines.length === CHUNK_ROWS) {
      yield lines.join('');
      lines = [];
    }
  }
  if (lines.length > 0) yield lines.join('');
}

/** `open` + the items as a JSON array's elements + `close`: the bytes of JSON.stringify, in pieces. */
export function* jsonArrayChunks(items: Iterable<unknown>, open = '[', close = ']'): Generator<string> {
  yield open;
  let parts: string[] = [];
  let first = true;
  for (const item of items) {
    parts.push(`${first ? '' : ','}${JSON.stringify(item)}`);
    first = false;
    if (parts.length === CHUNK_ROWS) {
      yield parts.join('');
      parts = [];
    }
  }
  yield `${parts.join('')}${close}\n`;
}

/**
 * The bytes `text` takes in UTF-8, as TextEncoder writes it (a lone surrogate as U+FFFD), without writing them: a
 * link's size is counted over a whole file, which is then written once more.
 */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) bytes += 1;
    else if (code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 2;
      i++;
    } else bytes += 2;
  }
  return bytes;
}

export function toCsv(keys: readonly string[], rows: Iterable<Readonly<Record<string, Cell>>>): string {
  return [...csvChunks(keys, rows)].join('');
}

export function toJson(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}

/** A sheet's cell: a number stays a number (Excel shows "41,6" in Vietnamese), a code stays text ("03549"). */
function xlsxCell(value: Cell): string | number | boolean | null {
  if (Array.isArray(value)) return value.join('|');
  return value as string | number | boolean | null;
}

export interface XlsxSheet {
  name: string;
  keys: readonly string[];
  rows: Iterable<Readonly<Record<string, Cell>>>;
}

/**
 * An .xlsx workbook, one sheet per table, header row of keys. Text cells are never formulas, so nothing needs the
 * CSV's apostrophe.
 */
export function xlsxBytes(sheets: readonly XlsxSheet[]): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const sheet of sheets) {
    const aoa: (string | number | boolean | null)[][] = [[...sheet.keys]];
    for (const row of sheet.rows) aoa.push(sheet.keys.map((k) => xlsxCell(row[k] ?? null)));
    // Dense: rows as arrays, as they come (the same bytes, a tenth faster).
    const ws = XLSX.utils.aoa_to_sheet(aoa, { dense: true });
    XLSX.utils.book_append_sheet(wb, ws, sheet.name);
  }
  return workbookBytes(wb);
}

/**
 * A workbook's bytes, stored, not compressed: the output scan reads the text inside, and the bytes stay the same
 * from build to build. Written as a Node buffer: SheetJS's "array" output converts every byte once more (2.6 times
 * slower on a 6,000-row sheet, same bytes).
 */
export function workbookBytes(wb: XLSX.WorkBook): Uint8Array {
  const bytes = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: false }) as Uint8Array;
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
