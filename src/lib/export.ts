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

export function toCsv(keys: readonly string[], rows: readonly Readonly<Record<string, Cell>>[]): string {
  const lines = [keys.join(','), ...rows.map((row) => keys.map((k) => cellText(row[k] ?? null)).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function toJson(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}
