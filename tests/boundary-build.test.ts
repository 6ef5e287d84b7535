import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkData, copySample, editFile, runScript, type JsonReport } from './helpers.ts';

// The map with a boundary file a user brings: today's communes as polygons keyed by their official
// code. The file is made here (squares around each commune's position), never taken from elsewhere.

/** Squares around the positions of the communes `pick` chooses, keyed by `key` (a column of don-vi.csv). */
function boundaryFor(dataDir: string, pick: (at: (key: string) => string) => boolean, key: string): string {
  const [header = '', ...rows] = readFileSync(join(dataDir, 'don-vi.csv'), 'utf8').trim().split('\n');
  const keys = header.split(',');
  const features = rows
    .map((line) => line.split(','))
    .map((row) => (k: string) => row[keys.indexOf(k)] ?? '')
    .filter(pick)
    .map((at) => {
      const lat = Number(at('vi_do'));
      const lon = Number(at('kinh_do'));
      const d = 0.015;
      // Clockwise on purpose: the map must cope with either winding.
      const ring = [
        [lon - d, lat - d],
        [lon - d, lat + d],
        [lon + d, lat + d],
        [lon + d, lat - d],
        [lon - d, lat - d],
      ];
      return { type: 'Feature', properties: { ma: at(key) }, geometry: { type: 'Polygon', coordinates: [ring] } };
    });
  return JSON.stringify({ type: 'FeatureCollection', features });
}
const today = (at: (key: string) => string) => at('hieu_luc_tu') === '01/07/2025';
const movement = (at: (key: string) => string) => at('ma_don_vi_cha') === '109';

describe('a build from data a user brings', () => {
  it('draws both kinds of commune from their boundary files, credits each source, and shows markup in names as text', () => {
    const dir = copySample();
    writeFileSync(join(dir.data, 'ranh-gioi-xa-moi.geojson'), boundaryFor(dir.data, today, 'ma_hanh_chinh'));
    writeFileSync(join(dir.data, 'ranh-gioi-xa-moi.nguon.txt'), 'Nguồn thử A. Giấy phép thử A.\n');
    writeFileSync(join(dir.data, 'ranh-gioi-xa.geojson'), boundaryFor(dir.data, movement, 'ma_don_vi'));
    writeFileSync(join(dir.data, 'ranh-gioi-xa.nguon.txt'), 'Nguồn thử B.');
    editFile(join(dir.data, 'khen-thuong.csv'), (t) =>
      t.replace('Hội Liên hiệp Phụ nữ huyện Phong Thổ', '<script>alert(1)</script><b>Hội Phụ nữ</b>'),
    );
    const out = mkdtempSync(join(tmpdir(), 'chung-tay-dist-'));
    const run = runScript('node_modules/astro/bin/astro.mjs', ['build'], {
      CHUNG_TAY_DATA_DIR: dir.data,
      CHUNG_TAY_CONTENT_DIR: dir.content,
      CHUNG_TAY_OUT_DIR: out,
    });
    expect(run.status, run.stderr).toBe(0);
    const current = readFileSync(join(out, 'xa-moi/index.html'), 'utf8');
    expect(current.match(/<path class="vung muc-\d" d="M/g)?.length).toBe(6);
    expect(current).not.toContain('không phải bản đồ địa giới hành chính');
    expect(current).toContain('Ranh giới: Nguồn thử A. Giấy phép thử A.');
    // The movement's communes on the home page and on every verdict map, with their own credit.
    for (const page of ['index.html', 'ban-do/tieu-chi-xa-1/index.html', 'ban-do/can-bo-phu-trach/index.html']) {
      const html = readFileSync(join(out, page), 'utf8');
      expect(html.match(/<path class="vung (muc|kq)-[a-z_\d]+" d="M/g)?.length, page).toBe(17);
      expect(html, page).toContain('Ranh giới: Nguồn thử B.');
      expect(html, page).not.toContain('không phải bản đồ địa giới hành chính');
    }
    // An area's colour is explained by an area in the legend.
    expect(current).toMatch(/<svg class="legend-sym"[^>]*><path class="vung hinh-vung muc-0"/);
    const award = readFileSync(join(out, 'vinh-danh/kt-2023-006/index.html'), 'utf8');
    expect(award).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;Hội Phụ nữ&lt;/b&gt;');
    // The only script element is the search box's module file.
    expect(award.match(/<script[^>]*>/g)).toEqual([expect.stringMatching(/^<script type="module" src="\/_astro\//)]);
  });

  it('refuses a boundary file that is not GeoJSON or TopoJSON', () => {
    const dir = copySample();
    writeFileSync(join(dir.data, 'ranh-gioi-xa.geojson'), '{"type": "Point"');
    const { status, report } = checkData(dir.data, dir.content);
    expect(status).toBe(1);
    expect(report.errors[0]).toMatchObject({ file: 'ranh-gioi-xa.geojson', code: 'format-error' });
  });

  it('tells a steward who saved the file under another name which names are read', () => {
    const dir = copySample();
    writeFileSync(join(dir.data, 'ranh-gioi.geojson'), boundaryFor(dir.data, today, 'ma_hanh_chinh'));
    const { status, report } = checkData(dir.data, dir.content);
    expect(status).toBe(0);
    const warning = (report.warnings as JsonReport['errors']).find((w) => w.file === 'ranh-gioi.geojson');
    expect(warning?.message).toContain('không được đọc');
    expect(warning?.message).toContain('ranh-gioi-xa-moi.geojson');
  });
});
