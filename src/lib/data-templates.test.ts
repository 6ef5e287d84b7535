import * as XLSX from '@e965/xlsx';
import Papa from 'papaparse';
import { describe, expect, it, vi } from 'vitest';
import {
  columnNote,
  csvTemplate,
  TEMPLATE_FILES,
  TEMPLATE_FOLDER,
  TEMPLATE_TABLES,
  templateFile,
  xlsxTemplate,
} from './data-templates.ts';
import { DATA_FILES, REPORT_FILES, URL_FILES } from './dataset.ts';
import { parseTable } from './ingest/table.ts';
import { readWorkbook } from './ingest/xlsx.ts';
import { reviewTable, unitsTable } from './schemas/tables.ts';
import { scanOutput } from './domain/output-scan.ts';
import { nameFinder, namesIn } from './domain/protected-names.ts';

// The blank files a clerk downloads: exactly the columns the build reads, Vietnamese headers,
// and in the workbook a notes row that the reader skips.

const csvRows = (bytes: Uint8Array) =>
  Papa.parse<string[]>(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

function sheetRows(bytes: Uint8Array): string[][] {
  const wb = XLSX.read(bytes, { type: 'array' });
  return XLSX.utils.sheet_to_json<string[]>(wb.Sheets[wb.SheetNames[0] ?? '']!, { header: 1, defval: '' });
}

describe('blank templates of the data files', () => {
  it('exist for every table the build reads', () => {
    const tables = [...DATA_FILES, ...URL_FILES, ...REPORT_FILES].filter((f) => f.endsWith('.csv'));
    expect(TEMPLATE_TABLES.map((t) => t.file).sort()).toEqual([...tables].sort());
    expect(TEMPLATE_FILES).toHaveLength(2 * tables.length);
    for (const name of TEMPLATE_FILES) expect(templateFile(name), name).not.toBeNull();
    expect(templateFile('khong-co.csv')).toBeNull();
  });

  it.each(TEMPLATE_TABLES.map((t) => [t.file, t] as const))('%s: headers are exactly the Vietnamese labels', (_, t) => {
    const labels = t.columns.map((c) => c.label);
    const csv = csvTemplate(t);
    expect([...csv.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csvRows(csv)[0]).toEqual(labels);
    const [header, notes] = sheetRows(xlsxTemplate(t));
    expect(header).toEqual(labels);
    expect(notes).toEqual(t.columns.map(columnNote));
  });

  it('notes say whether a column is required, what it holds and an example', () => {
    const note = columnNote(reviewTable.columns.find((c) => c.key === 'so_ho_ngheo')!);
    expect(note).toBe('Bắt buộc. Số hộ nghèo cuối năm. Ví dụ: 31');
  });

  it('read back with no header problem: the CSV as a table, the workbook with its notes row skipped', () => {
    expect(parseTable(unitsTable, csvTemplate(unitsTable))).toMatchObject({ issues: [], table: { rows: [] } });
    const notes = new Set(unitsTable.columns.map(columnNote));
    const read = readWorkbook('don-vi.xlsx', xlsxTemplate(unitsTable), notes);
    expect(read.ok).toBe(true);
    expect(read.ok && parseTable(unitsTable, read.csv)).toMatchObject({ issues: [], table: { rows: [] } });
    // Without knowing the notes, the same row is data and is refused: the skip is what makes it pass.
    const unskipped = readWorkbook('don-vi.xlsx', xlsxTemplate(unitsTable));
    expect(unskipped.ok && parseTable(unitsTable, unskipped.csv).issues.length).toBeGreaterThan(0);
  });

  it('are the same bytes at every build, whatever the date', () => {
    vi.useFakeTimers({ now: new Date(2025, 0, 1, 8) });
    const before = xlsxTemplate(reviewTable);
    vi.setSystemTime(new Date(2026, 10, 20, 17, 30));
    const after = xlsxTemplate(reviewTable);
    vi.useRealTimers();
    expect(after).toEqual(before);
  });

  it('name no one: a household of the locality may carry any realistic name, and the build scans these files too', () => {
    // Realistic names of the region, as a clerk's award list would protect them; the examples use the placeholder
    // of official forms (Nguyễn Văn A) instead.
    const protectedNames = ['Hộ ông Lý A Sử', 'Hộ ông Sùng A Chứ', 'Bà Lò Thị Mai', 'Ông Giàng A Páo', 'Ông Ly A Su'];
    const finder = nameFinder(
      protectedNames.map((name, i) => ({ ma_khen_thuong: `KT-${i}`, words: namesIn(name)[0] ?? [] })),
    );
    for (const name of TEMPLATE_FILES) {
      const text = new TextDecoder().decode(templateFile(name)?.bytes);
      expect(scanOutput(`${TEMPLATE_FOLDER.slice(1)}${name}`, text, finder, new Set(), false), name).toEqual([]);
    }
    expect(TEMPLATE_FILES.length).toBeGreaterThan(0);
  });
});
