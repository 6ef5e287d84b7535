import type { Issue } from './ingest/issues.ts';

// The report the data steward reads: grouped by file, each line naming line, column, value and fix.

/** Where an issue is: a workbook's cell (KetQua!C12, cột Số hộ nghèo) or a CSV file's line and column. */
export function issuePlace(i: Issue): string {
  if (i.cell) return [i.cell, i.column !== null ? `cột ${i.column}` : null].filter(Boolean).join(', ');
  const column =
    i.column !== null
      ? `cột ${i.column}${i.column_letter ? ` (${i.column_letter})` : ''}`
      : i.column_letter !== null
        ? `cột ${i.column_letter}`
        : null;
  return [i.line !== null ? `dòng ${i.line}` : null, column].filter(Boolean).join(', ');
}

function describe(i: Issue): string {
  const where = issuePlace(i);
  const value = i.value !== null && i.value !== '' ? ` [giá trị: "${i.value}"]` : '';
  return `  - ${where ? `${where}: ` : ''}${i.message}${value}`;
}

export interface FileIssues {
  file: string;
  errors: Issue[];
  warnings: Issue[];
}

/** The issues of each file, files in name order, errors before warnings. */
export function issuesByFile(errors: readonly Issue[], warnings: readonly Issue[]): FileIssues[] {
  const files = [...new Set([...errors, ...warnings].map((i) => i.file))].sort();
  const of = (list: readonly Issue[], file: string) => list.filter((i) => i.file === file);
  return files.map((file) => ({ file, errors: of(errors, file), warnings: of(warnings, file) }));
}

/** The report's last sentence: whether anything can be published. */
export function reportOutcome(errors: readonly Issue[], warnings: readonly Issue[]): string {
  if (errors.length > 0) {
    return `Có ${errors.length} lỗi: chưa dựng trang, không có gì được công khai. Sửa các lỗi trên rồi chạy lại.`;
  }
  const noted = warnings.length > 0 ? ` (${warnings.length} cảnh báo, được nêu trên trang chất lượng dữ liệu)` : '';
  return `Dữ liệu hợp lệ${noted}.`;
}

export function formatReport(errors: readonly Issue[], warnings: readonly Issue[]): string {
  const lines: string[] = [];
  for (const { file, errors: e, warnings: w } of issuesByFile(errors, warnings)) {
    lines.push(`${file}: ${e.length} lỗi, ${w.length} cảnh báo`);
    for (const i of e) lines.push(describe({ ...i, message: `LỖI: ${i.message}` }));
    for (const i of w) lines.push(describe({ ...i, message: `Cảnh báo: ${i.message}` }));
  }
  lines.push(`\n${reportOutcome(errors, warnings)}`);
  return lines.join('\n');
}
