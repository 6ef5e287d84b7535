import { readFileSync, statSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { formatSize } from '../src/lib/open-data.ts';
import { DIST, readDist } from './helpers.ts';

// Downloads as people meet them: each link with the size of the very file served beside it, the Excel
// workbook named as such, a village's page pointing to the file that holds its rows.

/** Every download link of a page with the size written beside it: [path, "12 KB"]. */
function sizedLinks(page: string): [string, string][] {
  const html = readDist(page);
  return [...html.matchAll(/<a href="([^"]+\.(?:csv|json|xlsx))" download>[^<]*<\/a> \(([^)]+)\)/g)].map((m) => [
    m[1] ?? '',
    m[2] ?? '',
  ]);
}

describe('downloads', () => {
  it('shows beside every link the size of the file as served', () => {
    const pages = ['du-lieu/index.html', 'xa/dao-san/index.html', 'xa/dao-san/ma-su/index.html'];
    for (const page of pages) {
      const links = sizedLinks(page);
      expect(links.length, page).toBeGreaterThanOrEqual(6);
      for (const [path, size] of links) expect(size, path).toBe(formatSize(statSync(`${DIST}${path}`).size));
    }
  });

  it('says which file is for Excel, and a village links its commune file, saying it holds the village', () => {
    expect(readDist('du-lieu/index.html')).toContain('Tệp .xlsx là tệp dành cho Excel');
    const village = readDist('xa/dao-san/ma-su/index.html');
    expect(village).toMatch(/href="\/du-lieu\/xa\/\d+\/danh-gia\.xlsx"/);
    expect(village).toMatch(/trong đó có Thôn Ma Sử \(cột ma_don_vi = [\d-]+\)/);
  });

  it("opens in Excel with the CSV's numbers, decimals included", () => {
    const csv = Papa.parse<Record<string, string>>(readDist('du-lieu/danh-gia.csv').replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: 'greedy',
    }).data;
    const wb = XLSX.read(readFileSync(`${DIST}/du-lieu/danh-gia.xlsx`), { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets['danh-gia']!, { defval: null });
    expect(rows).toHaveLength(csv.length);
    let decimals = 0;
    rows.forEach((row, i) => {
      const value = row['gia_tri'];
      if (typeof value !== 'number') return expect(csv[i]?.['gia_tri']).toBe('');
      expect(value).toBe(Number(csv[i]?.['gia_tri']));
      if (!Number.isInteger(value)) decimals++;
    });
    expect(decimals).toBeGreaterThan(10);
  });
});
