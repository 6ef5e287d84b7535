import * as XLSX from '@e965/xlsx';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { fixtureFiles } from './__tests__/fixture.ts';
import { buildDataset } from './dataset.ts';
import {
  downloadFile,
  downloads,
  downloadSize,
  downloadXlsx,
  formatSize,
  unitDownloads,
  XLSX_ROWS_MAX,
  type Download,
} from './open-data.ts';
import { utf8Length } from './export.ts';
import { unitPaths } from './site/paths.ts';
import { fromSnapshot, toSnapshot } from './snapshot.ts';

function site() {
  const { dataset, errors } = buildDataset(fixtureFiles());
  if (!dataset) throw new Error(errors.map((i) => i.message).join('\n'));
  return fromSnapshot(toSnapshot(dataset, [], []));
}

const s = site();
const files = downloads(s);
const file = (name: string) => files.find((d) => d.name === name) as Download;
const utf8 = (text: string) => new TextEncoder().encode(text).length;

/** The first sheet of a workbook as rows of typed cells, and the types of its cells. */
function readSheet(bytes: Uint8Array) {
  const wb = XLSX.read(bytes, { type: 'array' });
  const sheet = wb.Sheets[wb.SheetNames[0] ?? ''];
  if (!sheet) throw new Error('no sheet');
  return {
    names: wb.SheetNames,
    rows: XLSX.utils.sheet_to_json<Record<string, unknown>>(sheet, { defval: null }),
    sheet,
  };
}

describe('download sizes', () => {
  it('are the byte counts of the files as written, Vietnamese letters counted in UTF-8 bytes', () => {
    const csv = downloadFile(file('danh-gia'), 'csv');
    expect(downloadSize(file('danh-gia'), 'csv')).toBe(utf8(csv));
    expect(utf8(csv)).toBeGreaterThan(csv.length);
    expect(downloadSize(file('danh-gia'), 'json')).toBe(utf8(downloadFile(file('danh-gia'), 'json')));
    expect(downloadSize(file('don-vi'), 'xlsx')).toBe(downloadXlsx(file('don-vi')).length);
  });

  it('count every kind of character as TextEncoder writes it, a broken surrogate pair included', () => {
    const texts = [
      '',
      'Bản Cang Thàng',
      'đ',
      '€',
      '\u{1F600} và 𠀋',
      'a\uD83Db',
      'a\uDE00b',
      'x\uD83D',
      '\uD83D\uD83D\uDE00',
    ];
    for (const text of texts) expect(utf8Length(text), JSON.stringify(text)).toBe(utf8(text));
  });

  it('are written in bytes, KB or MB the Vietnamese way', () => {
    expect(formatSize(850)).toBe('850 byte');
    expect(formatSize(12 * 1024 + 100)).toBe('12 KB');
    expect(formatSize(Math.round(1.44 * 1024 * 1024))).toBe('1,4 MB');
  });
});

describe('the Excel workbook', () => {
  it('holds the same rows as the CSV, numbers as numbers and codes as text, and explains its columns', () => {
    for (const name of ['danh-gia', 'ket-qua-ra-soat', 'don-vi']) {
      const d = file(name);
      const csv = Papa.parse<Record<string, string>>(downloadFile(d, 'csv').replace(/^\uFEFF/, ''), {
        header: true,
        skipEmptyLines: 'greedy',
      }).data;
      const { names, rows, sheet } = readSheet(downloadXlsx(d));
      expect(names).toEqual([name, 'Giai thich cot']);
      expect(rows).toHaveLength(csv.length);
      rows.forEach((row, i) => {
        for (const [key, text] of Object.entries(csv[i] ?? {})) {
          const cell = row[key];
          if (typeof cell === 'number') expect(cell, `${name} ${key}`).toBe(Number(text));
          else if (typeof cell === 'boolean') expect(String(cell), `${name} ${key}`).toBe(text);
          // CSV guards a text starting like a formula with an apostrophe; a workbook's text cell needs none.
          else expect(cell ?? '', `${name} ${key}`).toBe(text.replace(/^'(?=[=+\-@])/, ''));
        }
      });
      // Codes stay text (a leading zero survives), never numbers.
      const codeColumn = Object.keys(rows[0] ?? {}).indexOf('ma_don_vi');
      if (codeColumn >= 0) expect(sheet[XLSX.utils.encode_cell({ r: 1, c: codeColumn })]?.t).toBe('s');
    }
    const verdicts = readSheet(downloadXlsx(file('danh-gia'))).rows;
    expect(verdicts.filter((r) => typeof r['gia_tri'] === 'number').length).toBeGreaterThan(0);
    expect(verdicts.every((r) => typeof r['nam'] === 'number')).toBe(true);
  });

  it('says to use the CSV when a table is too big for Excel, without reading its rows', () => {
    const big: Download = {
      ...file('danh-gia'),
      count: XLSX_ROWS_MAX + 1,
      rows: () => {
        throw new Error('rows read');
      },
    };
    const { names, rows } = readSheet(downloadXlsx(big));
    expect(names[0]).toBe('Ghi chu');
    expect(String(rows[0]?.['ghi_chu'])).toContain('Hãy tải tệp danh-gia.csv');
  });
});

describe("a unit page's downloads", () => {
  const paths = unitPaths(s.index);

  it("gives a commune its files with sizes and its A4 sheet, and a village its commune's files, saying so", () => {
    const commune = unitDownloads(s, paths, 'X1');
    expect(commune?.sheet).toBe('/in/xa/mot/');
    expect(commune?.files.map((f) => f.path)).toContain('/du-lieu/xa/x1/danh-gia.xlsx');
    for (const f of commune?.files ?? []) expect(f.size).toMatch(/^\d+( byte| KB)$/);
    const village = unitDownloads(s, paths, 'X1-01');
    expect(village?.files).toEqual(commune?.files);
    expect(village?.sheet).toBeNull();
    expect(village?.intro).toContain('Bản Một');
    expect(village?.intro).toContain('X1-01');
    // Today's commune has no file of its own.
    expect(unitDownloads(s, paths, 'M1')).toBeNull();
  });
});
