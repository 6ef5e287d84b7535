// Open-data files: CSV for spreadsheets (UTF-8 with BOM so Excel shows Vietnamese letters,
// formulas neutralised) and JSON. Values are machine-readable: ISO dates, "." decimals.

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

export function toCsv(keys: readonly string[], rows: Iterable<Readonly<Record<string, Cell>>>): string {
  return [...csvChunks(keys, rows)].join('');
}

export function toJson(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}
