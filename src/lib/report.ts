import type { Issue } from './ingest/issues.ts';

// The report the data steward reads: grouped by file, each line naming line, column, value and fix.

function describe(i: Issue): string {
  const column = i.column !== null ? `cột ${i.column}${i.column_letter ? ` (${i.column_letter})` : ''}` : i.column_letter !== null ? `cột ${i.column_letter}` : null;
  const where = [i.line !== null ? `dòng ${i.line}` : null, column].filter(Boolean).join(', ');
  const value = i.value !== null && i.value !== '' ? ` [giá trị: "${i.value}"]` : '';
  return `  - ${where ? `${where}: ` : ''}${i.message}${value}`;
}

export function formatReport(errors: readonly Issue[], warnings: readonly Issue[]): string {
  const lines: string[] = [];
  const files = [...new Set([...errors, ...warnings].map((i) => i.file))].sort();
  for (const file of files) {
    const e = errors.filter((i) => i.file === file);
    const w = warnings.filter((i) => i.file === file);
    lines.push(`${file}: ${e.length} lỗi, ${w.length} cảnh báo`);
    for (const i of e) lines.push(describe({ ...i, message: `LỖI: ${i.message}` }));
    for (const i of w) lines.push(describe({ ...i, message: `Cảnh báo: ${i.message}` }));
  }
  lines.push(
    errors.length > 0
      ? `\nCó ${errors.length} lỗi: chưa dựng trang, không có gì được công khai. Sửa các lỗi trên rồi chạy lại.`
      : `\nDữ liệu hợp lệ${warnings.length > 0 ? ` (${warnings.length} cảnh báo, được nêu trên trang chất lượng dữ liệu)` : ''}.`,
  );
  return lines.join('\n');
}
