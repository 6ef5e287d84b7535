import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { pageText, readDist } from './helpers.ts';

// The reporting page of the built sample: each commune's and the district's report, year by year, shows the
// status its dates give (deadlines 10/11 and 20/11, the sample's settings), worked out here from the CSV.

type Rec = Record<string, string>;
const units = JSON.parse(readDist('du-lieu/don-vi.json')) as Rec[];
const reports = Papa.parse<Rec>(readFileSync('data/bao-cao.csv', 'utf8'), { header: true, skipEmptyLines: true }).data;
const html = readDist('bao-cao/index.html');

/** The rows of a year's table as a reader sees them, keyed by unit name. */
function rowsOf(year: number): Map<string, { status: string; text: string }> {
  const section = html.split(`<section id="nam-${year}">`)[1]?.split('</section>')[0] ?? '';
  const rows = [...section.matchAll(/<tr data-status="(\w+)">([\s\S]*?)<\/tr>/g)];
  return new Map(
    rows.map(([, status, cells]) => {
      const name = pageText(/<th scope="row">([\s\S]*?)<\/th>/.exec(cells ?? '')?.[1] ?? '');
      return [name, { status: status ?? '', text: pageText(cells ?? '') }];
    }),
  );
}

const day = (dmy: string) => {
  const [d, m, y] = dmy.split('/').map(Number);
  return Date.UTC(y!, m! - 1, d!);
};

describe('the reporting page', () => {
  const reporters = units.filter((u) => u['cap'] === 'huyen' || u['ma_don_vi_cha'] === '109');

  it('shows every report of the sample as on time or late by the number of days', () => {
    expect(reports.length).toBeGreaterThan(50);
    for (const r of reports) {
      const unit = units.find((u) => u['ma_don_vi'] === r['ma_don_vi'])!;
      const year = Number(r['nam']);
      const deadline = day(`${unit['cap'] === 'huyen' ? '20/11' : '10/11'}/${year}`);
      const late = Math.round((day(r['ngay_nhan']!) - deadline) / 86_400_000);
      const row = rowsOf(year).get(unit['ten_don_vi']!);
      expect(row, `${unit['ten_don_vi']} ${year}`).toBeDefined();
      expect(row!.text).toContain(r['ngay_nhan']);
      expect(row!.text).toContain(late > 0 ? `Muộn ${late} ngày` : 'Đúng hạn');
      expect(row!.status).toBe(late > 0 ? 'muon' : 'dung_han');
    }
  });

  it('shows a unit without a report after its deadline as missing, and counts each year in one line', () => {
    const given = new Set(reports.map((r) => `${r['ma_don_vi']}|${r['nam']}`));
    let missing = 0;
    for (const year of [2021, 2022, 2023, 2024]) {
      const rows = rowsOf(year);
      expect(rows.size, String(year)).toBe(reporters.length);
      for (const u of reporters.filter((x) => !given.has(`${x['ma_don_vi']}|${year}`))) {
        missing++;
        expect(rows.get(u['ten_don_vi']!)).toMatchObject({ status: 'chua_co' });
        expect(rows.get(u['ten_don_vi']!)!.text).toContain('Chưa có báo cáo');
      }
      const communes = [...rows.values()].slice(0, -1);
      const onTime = communes.filter((r) => r.status === 'dung_han').length;
      expect(pageText(html)).toContain(`Năm ${year}: ${onTime}/${communes.length} xã, thị trấn đúng hạn`);
    }
    // The sample shows each status a reader can meet after the deadlines.
    expect(missing).toBeGreaterThan(0);
    expect(html).toContain('data-status="muon"');
  });

  it('owes no 2025 report from units that ceased on 30/6/2025, and is linked from and downloadable on the open-data page', () => {
    expect(rowsOf(2025).size).toBe(0);
    expect(pageText(html)).toContain('Năm 2025: không đơn vị nào phải báo cáo');
    expect(readDist('du-lieu/index.html')).toContain('href="/bao-cao/"');
    // The dates themselves are open data too, one row per report.
    const download = Papa.parse<Rec>(readDist('du-lieu/bao-cao.csv').replace(/^\uFEFF/, ''), { header: true }).data;
    expect(download.filter((r) => r['ma_don_vi']).map((r) => r['so_van_ban'])).toEqual(
      reports.map((r) => r['so_van_ban']),
    );
  });
});
