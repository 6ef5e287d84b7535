// One problem found in the input. Codes follow the Frictionless Data vocabulary that data
// people already know (type-error, foreign-key, …); messages are Vietnamese and say the fix.

export type Severity = 'error' | 'warning';

export interface Issue {
  severity: Severity;
  /** File name inside the data folder. */
  file: string;
  /** 1-based line as a person sees it in a text editor or Excel; null for the whole file. */
  line: number | null;
  /** The header as written in the file, e.g. "Số hộ nghèo" or "so_ho_ngheo". */
  column: string | null;
  /** The column's spreadsheet letter, e.g. "E". */
  column_letter: string | null;
  /** The column's key in the data contract. */
  field: string | null;
  code: string;
  value: string | null;
  message: string;
  /** For a workbook (.xlsx): the place in Excel's own reference form, e.g. "KetQua!C12" or "KetQua!12:12". */
  cell?: string;
}

export interface Location {
  file: string;
  line?: number | null;
  column?: string | null;
  column_letter?: string | null;
  field?: string | null;
  value?: string | null;
}

/**
 * A copy of a string cut from a file's text. V8 keeps a slice's whole parent alive: one header label or cell
 * value kept in an issue would otherwise hold a 60 MB review file in memory until the command ends.
 */
export const ownCopy = (s: string): string => JSON.parse(JSON.stringify(s)) as string;

export function makeIssue(severity: Severity, at: Location, code: string, message: string): Issue {
  return {
    severity,
    file: at.file,
    line: at.line ?? null,
    column: at.column == null ? null : ownCopy(at.column),
    column_letter: at.column_letter ?? null,
    field: at.field ?? null,
    code,
    value: at.value == null ? null : ownCopy(at.value),
    message,
  };
}

/** Spreadsheet column letter for a 0-based index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}
