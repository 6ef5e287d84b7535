import { describe, expect, it } from 'vitest';
import { XLSX_ROWS_MAX } from '../open-data.ts';
import { qualityFiles, warningsInWorkbook, type PublicWarning } from './quality.ts';

// The data-quality page stays a page however many warnings a province's files hold: the first of each file are
// shown, the rest counted (and listed in full by the download chat-luong.csv).

const warning = (file: string, line: number): PublicWarning => ({
  file,
  line,
  column: 'Số quyết định',
  column_letter: 'L',
  field: 'so_quyet_dinh',
  code: 'missing-cell',
  value: null,
  message: `Dòng ${line}: số liệu ghi là chính thức nhưng chưa có số quyết định phê duyệt.`,
});

describe('the data-quality page', () => {
  it('shows the first warnings of each file in their order, and counts the others', () => {
    const warnings = [
      ...Array.from({ length: 250 }, (_, i) => warning('ket-qua-ra-soat.csv', i + 2)),
      warning('don-vi.csv', 7),
      warning('don-vi.csv', 3),
    ];
    const files = qualityFiles(warnings, 100);
    expect(files.map((f) => [f.file, f.count, f.shown.length, f.more])).toEqual([
      ['don-vi.csv', 2, 2, 0],
      ['ket-qua-ra-soat.csv', 250, 100, 150],
    ]);
    expect(files[0]?.shown.map((w) => w.line)).toEqual([7, 3]);
    expect(files[1]?.shown.map((w) => w.line)).toEqual(Array.from({ length: 100 }, (_, i) => i + 2));
  });

  it('sends a reader to the workbook only while it holds the warnings, not just a note to take the CSV', () => {
    expect(warningsInWorkbook(Array.from({ length: XLSX_ROWS_MAX }, (_, i) => warning('a.csv', i)))).toBe(true);
    expect(warningsInWorkbook(Array.from({ length: XLSX_ROWS_MAX + 1 }, (_, i) => warning('a.csv', i)))).toBe(false);
  });

  it('has nothing to show without warnings', () => {
    expect(qualityFiles([])).toEqual([]);
  });
});
