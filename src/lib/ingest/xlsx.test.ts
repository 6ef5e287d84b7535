import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { csv, fixtureFiles, REVIEW_HEADER, steadyReviews, type Row } from '../__tests__/fixture.ts';
import { TEMPLATE_NOTES, xlsxTemplate } from '../data-templates.ts';
import { buildDataset, DATA_FILES } from '../dataset.ts';
import { reviewTable } from '../schemas/tables.ts';
import { cellReference, locateInWorkbooks, readWorkbook, tableFiles } from './xlsx.ts';

// The review table as an Excel workbook the way a clerk keeps it: numbers as numbers, a formula,
// dates as date cells. It must give the very dataset its CSV export gives, and errors must name
// the sheet and cell.

const REVIEWS = 'ket-qua-ra-soat.csv';
const WORKBOOK = 'ket-qua-ra-soat.xlsx';
const HEADER = [...REVIEW_HEADER, 'ngay_quyet_dinh'];
const NUMBERS = new Set(['nam', 'tong_so_ho', 'so_ho_ngheo', 'so_ho_ngheo_dtts', 'so_ho_can_ngheo']);
type Cell = string | number | XLSX.CellObject;

/** Excel's day number of a date (1900 system). */
const serial = (y: number, m: number, d: number) => (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;

const reviews = (): Row[] => steadyReviews().map((r) => ({ ...r, ngay_quyet_dinh: `01/12/${r['nam']}` }));

/** Sheet rows for the reviews: so_ho_dtts is a formula (= tong_so_ho), ngay_quyet_dinh a date cell. */
function sheetRows(rows: readonly Row[], firstRow: number): Cell[][] {
  return rows.map((row, i) =>
    HEADER.map((key): Cell => {
      const v = row[key] ?? '';
      if (key === 'so_ho_dtts') return { t: 'n', f: `F${firstRow + i}`, v: Number(v) };
      if (key === 'ngay_quyet_dinh') return { t: 'n', v: serial(Number(row['nam']), 12, 1), z: 'dd/mm/yyyy' };
      return NUMBERS.has(key) ? Number(v) : String(v);
    }),
  );
}

function workbook(rows: Cell[][], edit: (ws: XLSX.WorkSheet) => void = () => {}, sheet = 'KetQua'): Uint8Array {
  const ws = XLSX.utils.aoa_to_sheet(rows);
  edit(ws);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, sheet);
  // Shared strings, as Excel writes them.
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', bookSST: true }) as ArrayBuffer);
}

/** What the loader does: workbooks read by the core, issues located in them. */
function load(files: Map<string, Uint8Array>) {
  const read = tableFiles(files, DATA_FILES, TEMPLATE_NOTES);
  return locateInWorkbooks(buildDataset(read.files), read);
}

function withReviews(name: string, bytes: Uint8Array) {
  const files = fixtureFiles();
  files.delete(REVIEWS);
  files.set(name, bytes);
  return files;
}

const csvBytes = (text: string) => new TextEncoder().encode(text);

describe('an Excel workbook in place of a CSV table', () => {
  it('gives the same dataset as its CSV export (formula read as its value, date cell as the date)', () => {
    const fromCsv = load(withReviews(REVIEWS, csvBytes(csv(reviews(), HEADER))));
    const fromXlsx = load(withReviews(WORKBOOK, workbook([HEADER, ...sheetRows(reviews(), 2)])));
    expect(fromCsv.errors).toEqual([]);
    expect(fromXlsx.errors).toEqual([]);
    expect(fromXlsx.dataset?.reviews).toEqual(fromCsv.dataset?.reviews);
    expect(fromXlsx.dataset?.verdicts).toEqual(fromCsv.dataset?.verdicts);
    const first = fromXlsx.dataset?.reviews[0];
    expect(first).toMatchObject({ ngay_quyet_dinh: `${first?.nam}-12-01`, so_ho_dtts: first?.tong_so_ho });
  });

  it('refuses a merged title row above the header with the same message as the CSV, at the sheet row', () => {
    const title = 'KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO';
    const fromCsv = load(withReviews(REVIEWS, csvBytes(`${title}\n\n${csv(reviews(), HEADER)}`)));
    const merge = (ws: XLSX.WorkSheet) => {
      ws['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: HEADER.length - 1 } }];
    };
    const fromXlsx = load(withReviews(WORKBOOK, workbook([[title], [], HEADER, ...sheetRows(reviews(), 4)], merge)));
    expect(fromXlsx.dataset).toBeNull();
    expect(fromXlsx.errors).toHaveLength(1);
    expect(fromXlsx.errors[0]?.message).toBe(fromCsv.errors[0]?.message);
    expect(fromXlsx.errors[0]?.message).toContain('nằm ở dòng 3');
    expect(fromXlsx.errors[0]).toMatchObject({ file: WORKBOOK, line: 1, cell: 'KetQua!1:1' });
  });

  it('names the sheet and cell of a bad value and of an Excel error value', () => {
    const rows = sheetRows(reviews(), 2);
    rows[3]![7] = 'ba mươi'; // so_ho_ngheo (H) of sheet row 5
    rows[5]![9] = { t: 'e', v: 7, f: 'J6/0' }; // so_ho_can_ngheo (J) of sheet row 7: #DIV/0!
    const result = load(withReviews(WORKBOOK, workbook([HEADER, ...rows])));
    expect(result.dataset).toBeNull();
    expect(result.errors).toEqual([
      expect.objectContaining({ file: WORKBOOK, cell: 'KetQua!H5', field: 'so_ho_ngheo', value: 'ba mươi' }),
      expect.objectContaining({ file: WORKBOOK, cell: 'KetQua!J7', field: 'so_ho_can_ngheo', value: '#DIV/0!' }),
    ]);
    expect(result.errors[1]?.message).toContain('lỗi công thức Excel');
  });

  it('refuses a formula that was never calculated, naming its cell', () => {
    const rows = sheetRows(reviews(), 2);
    rows[0]![5] = { t: 'n', f: 'SUM(G2:J2)' };
    const result = load(withReviews(WORKBOOK, workbook([HEADER, ...rows])));
    expect(result.errors).toEqual([
      expect.objectContaining({ file: WORKBOOK, cell: 'KetQua!F2', code: 'format-error' }),
    ]);
    expect(result.errors[0]?.message).toContain('chưa có giá trị đã tính');
  });

  it('refuses a table given both as CSV and as a workbook, and no "missing file" for it', () => {
    const files = withReviews(WORKBOOK, workbook([HEADER, ...sheetRows(reviews(), 2)]));
    files.set(REVIEWS, csvBytes(csv(reviews(), HEADER)));
    const result = load(files);
    expect(result.dataset).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.message).toContain(`cả hai tệp ${REVIEWS} và ${WORKBOOK}`);
  });

  it('refuses a value typed far to the right of the table, naming the far cell', () => {
    const far = (ws: XLSX.WorkSheet) => {
      ws['KZ3'] = { t: 's', v: 'x' };
      ws['!ref'] = 'A1:KZ16';
    };
    const result = load(withReviews(WORKBOOK, workbook([HEADER, ...sheetRows(reviews(), 2)], far)));
    expect(result.errors).toEqual([expect.objectContaining({ file: WORKBOOK, code: 'format-error' })]);
    expect(result.errors[0]?.message).toContain('KetQua!KZ3');
  });

  it('reads a formatted but empty cell beyond the table as nothing', () => {
    const styled = (ws: XLSX.WorkSheet) => {
      ws['Z500'] = { t: 's', v: '' };
      ws['!ref'] = 'A1:Z500';
    };
    const result = load(withReviews(WORKBOOK, workbook([HEADER, ...sheetRows(reviews(), 2)], styled)));
    expect(result.errors).toEqual([]);
  });

  it('refuses a file that is not a workbook, and says so', () => {
    const result = load(withReviews(WORKBOOK, csvBytes(csv(reviews(), HEADER))));
    expect(result.errors).toEqual([expect.objectContaining({ file: WORKBOOK, code: 'format-error' })]);
    expect(result.errors[0]?.message).toContain('không phải tệp Excel');
  });

  it('reads the downloaded template filled in below its notes row', () => {
    const template = XLSX.read(xlsxTemplate(reviewTable), { type: 'array' });
    const ws = template.Sheets[template.SheetNames[0] ?? '']!;
    const header = XLSX.utils.sheet_to_json<string[]>(ws, { header: 1 })[0] ?? [];
    const keyOf = new Map(reviewTable.columns.map((c) => [c.label, c.key]));
    const rows = reviews().map((r) => header.map((label) => r[keyOf.get(label) ?? ''] ?? ''));
    XLSX.utils.sheet_add_aoa(ws, rows, { origin: 'A3' });
    const bytes = new Uint8Array(XLSX.write(template, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const result = load(withReviews(WORKBOOK, bytes));
    expect(result.errors).toEqual([]);
    expect(result.dataset?.reviews).toEqual(
      load(withReviews(REVIEWS, csvBytes(csv(reviews(), HEADER)))).dataset?.reviews,
    );
  });

  it('reads percentages as shown, numbers with a decimal comma, and warns about other sheets', () => {
    const ws = XLSX.utils.aoa_to_sheet([
      ['a', 'b', 'c'],
      [{ t: 'n', v: 0.416, z: '0.0%' }, 0.1 + 0.2, 'x\ny'],
    ]);
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'Số liệu');
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['ghi chú']]), 'Ghi chú');
    const read = readWorkbook(WORKBOOK, new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' })));
    expect(read.ok && new TextDecoder().decode(read.csv)).toBe('"a","b","c"\n"41,6%","0,3","x y"');
    expect(read.issues).toEqual([expect.objectContaining({ severity: 'warning', file: WORKBOOK })]);
    expect(read.issues[0]?.message).toContain('"Ghi chú"');
  });

  it('writes cell references as Excel does, quoting a sheet name with spaces', () => {
    expect(cellReference('KetQua', 12, 'C')).toBe('KetQua!C12');
    expect(cellReference('Số liệu 2025', 4, null)).toBe("'Số liệu 2025'!4:4");
    expect(cellReference("Bà Ba's", 2, 'AA')).toBe("'Bà Ba''s'!AA2");
  });
});
