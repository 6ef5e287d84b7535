import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { DATA_FILES } from '../../src/lib/dataset.ts';

// The sample data grown to any number of review rows: extra villages under the sample's
// communes, each with a row for every year of the period. Used by the size test and, from the
// command line, to measure check-data: node tests/bad-input/large.ts <folder> <review rows>.

const YEARS = [2021, 2022, 2023, 2024, 2025];

function rowFor(header: readonly string[], values: Record<string, string>): string {
  return Papa.unparse([header.map((h) => values[h] ?? '')], { newline: '\n' });
}

/** The sample's files with at least `reviewRows` extra review rows. */
export function largeDataset(reviewRows: number, dataDir = 'data'): Map<string, Uint8Array> {
  const read = (name: string) => readFileSync(join(dataDir, name), 'utf8');
  const units = Papa.parse<string[]>(read('don-vi.csv').trim()).data;
  const unitHeader = units[0] ?? [];
  const col = (name: string) => unitHeader.indexOf(name);
  const communes = units
    .filter((u) => ['xa', 'thi_tran'].includes(u[col('cap')] ?? '') && u[col('ma_don_vi_cha')] === '109')
    .map((u) => u[col('ma_don_vi')] ?? '');
  const reviews = read('ket-qua-ra-soat.csv');
  const reviewHeader = Papa.parse<string[]>(reviews.split('\n', 1)[0] ?? '').data[0] ?? [];

  const unitLines: string[] = [];
  const reviewLines: string[] = [];
  const villages = Math.ceil(reviewRows / YEARS.length);
  for (let i = 0; i < villages; i++) {
    const commune = communes[i % communes.length] ?? '';
    const code = `${commune}-N${i}`;
    const name = `Thôn Mới ${i}`;
    unitLines.push(rowFor(unitHeader, { ma_don_vi: code, ten_don_vi: name, cap: 'thon', ma_don_vi_cha: commune }));
    YEARS.forEach((year, k) => {
      const poor = String(40 - 5 * k - (i % 7));
      reviewLines.push(
        rowFor(reviewHeader, {
          ma_don_vi: code,
          ten_don_vi: name,
          nam: String(year),
          trang_thai: 'so_bo',
          tong_so_ho: '120',
          so_ho_ngheo: poor,
          so_ho_can_ngheo: '12',
        }),
      );
    });
  }
  const files = new Map<string, Uint8Array>();
  for (const name of DATA_FILES) files.set(name, new TextEncoder().encode(read(name)));
  const join2 = (text: string, lines: string[]) => `${text.replace(/\n?$/, '\n')}${lines.join('\n')}\n`;
  files.set('don-vi.csv', new TextEncoder().encode(join2(read('don-vi.csv'), unitLines)));
  files.set('ket-qua-ra-soat.csv', new TextEncoder().encode(join2(reviews, reviewLines)));
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [folder, rows] = process.argv.slice(2);
  if (!folder || !rows) throw new Error('usage: node tests/bad-input/large.ts <folder> <review rows>');
  mkdirSync(folder, { recursive: true });
  for (const [name, bytes] of largeDataset(Number(rows))) writeFileSync(join(folder, name), bytes);
}
