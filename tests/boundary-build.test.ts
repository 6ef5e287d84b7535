import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkData, copySample, editFile, runScript } from './helpers.ts';

// The map with a boundary file a user brings: today's communes as polygons keyed by their official
// code. The file is made here (squares around each commune's position), never taken from elsewhere.

function boundaryFor(dataDir: string): string {
  const [header = '', ...rows] = readFileSync(join(dataDir, 'don-vi.csv'), 'utf8').trim().split('\n');
  const keys = header.split(',');
  const at = (row: string[], key: string) => row[keys.indexOf(key)] ?? '';
  const features = rows
    .map((line) => line.split(','))
    .filter((row) => at(row, 'hieu_luc_tu') === '01/07/2025')
    .map((row) => {
      const lat = Number(at(row, 'vi_do'));
      const lon = Number(at(row, 'kinh_do'));
      const d = 0.03;
      // Clockwise on purpose: the map must cope with either winding.
      const ring = [[lon - d, lat - d], [lon - d, lat + d], [lon + d, lat + d], [lon + d, lat - d], [lon - d, lat - d]];
      return { type: 'Feature', properties: { ma_xa_moi: at(row, 'ma_hanh_chinh') }, geometry: { type: 'Polygon', coordinates: [ring] } };
    });
  return JSON.stringify({ type: 'FeatureCollection', features });
}

describe('a build from data a user brings', () => {
  it('draws today\'s communes from a boundary file, keeps the diagram where it does not fit, and shows markup in names as text', () => {
    const dir = copySample();
    writeFileSync(join(dir.data, 'ranh-gioi.geojson'), boundaryFor(dir.data));
    editFile(join(dir.data, 'khen-thuong.csv'), (t) => t.replace('Hội Liên hiệp Phụ nữ huyện Phong Thổ', '<script>alert(1)</script><b>Hội Phụ nữ</b>'));
    const out = mkdtempSync(join(tmpdir(), 'chung-tay-dist-'));
    const run = runScript('node_modules/astro/bin/astro.mjs', ['build'], { CHUNG_TAY_DATA_DIR: dir.data, CHUNG_TAY_CONTENT_DIR: dir.content, CHUNG_TAY_OUT_DIR: out });
    expect(run.status, run.stderr).toBe(0);
    const current = readFileSync(join(out, 'xa-moi/index.html'), 'utf8');
    expect(current.match(/<path class="muc-\d" d="M/g)?.length).toBe(6);
    expect(current).not.toContain('không phải bản đồ địa giới hành chính');
    // The file describes today's communes only: the map of the movement's communes stays a diagram.
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('không phải bản đồ địa giới hành chính');
    const award = readFileSync(join(out, 'vinh-danh/kt-2023-006/index.html'), 'utf8');
    expect(award).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;Hội Phụ nữ&lt;/b&gt;');
    // The only script element is the search box's module file.
    expect(award.match(/<script[^>]*>/g)).toEqual([expect.stringMatching(/^<script type="module" src="\/_astro\//)]);
  });

  it('refuses a boundary file that is not GeoJSON or TopoJSON', () => {
    const dir = copySample();
    writeFileSync(join(dir.data, 'ranh-gioi.geojson'), '{"type": "Point"');
    const { status, report } = checkData(dir.data, dir.content);
    expect(status).toBe(1);
    expect(report.errors[0]).toMatchObject({ file: 'ranh-gioi.geojson', code: 'format-error' });
  });
});
