import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { checkData, listFiles, runScript } from './helpers.ts';

// npm run gen-data at a tiny scale: the benchmark's data must be data the project accepts, and the same
// seed must give the same files so measurements on two machines compare the same input.
function generate(seed: number): string {
  const out = mkdtempSync(join(tmpdir(), 'chung-tay-gen-'));
  const args = ['--communes', '3', '--villages-per-commune', '4', '--seed', String(seed), '--out', out];
  const run = runScript('scripts/gen-data.ts', args);
  expect(run.status, run.stderr).toBe(0);
  return out;
}

const files = (dir: string) => new Map(listFiles(dir).map((f) => [f, readFileSync(join(dir, f))]));
const rows = (dir: string, name: string) =>
  Papa.parse<Record<string, string>>(readFileSync(join(dir, 'data', name), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data;

describe('npm run gen-data', () => {
  const first = generate(5);

  it('writes a dataset that check-data accepts without an error or a warning, its URL lock included', () => {
    const { status, report } = checkData(join(first, 'data'), join(first, 'content'));
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(status).toBe(0);
    expect(listFiles(first)).toEqual(expect.arrayContaining(['data/duong-dan.lock', 'data/duong-dan-cu.csv']));
  });

  it('writes every village five years of reviews, and awards with and without consent linked to stories', () => {
    const villages = rows(first, 'don-vi.csv').filter((u) => ['thon', 'to_dan_pho'].includes(u['cap'] ?? ''));
    expect(villages.length).toBeGreaterThanOrEqual(12);
    const reviews = rows(first, 'ket-qua-ra-soat.csv');
    for (const v of villages.filter((u) => !u['hieu_luc_tu'])) {
      expect(reviews.filter((r) => r['ma_don_vi'] === v['ma_don_vi']).map((r) => r['nam'])).toEqual([
        '2021',
        '2022',
        '2023',
        '2024',
        '2025',
      ]);
    }
    const awards = rows(first, 'khen-thuong.csv').filter((a) => a['loai_doi_tuong'] === 'ho_gia_dinh');
    const consent = new Set(awards.map((a) => `${a['dong_y_cong_khai']}|${a['ngay_rut_dong_y'] ? 'rút' : ''}`));
    expect(consent).toEqual(new Set(['có|', '|', 'không|', 'có|rút']));
    const stories = listFiles(join(first, 'content', 'dien-hinh')).filter((f) => f.endsWith('.mdx'));
    expect(stories).toHaveLength(3);
    const linked = rows(first, 'khen-thuong.csv')
      .map((a) => a['bai_viet'])
      .filter(Boolean);
    expect(linked.map((slug) => `${slug}.mdx`).sort()).toEqual(stories.sort());
  });

  it('gives the same bytes for the same seed and other data for another seed', () => {
    expect(files(generate(5))).toEqual(files(first));
    const other = files(generate(6));
    expect(other.get('data/don-vi.csv')).not.toEqual(files(first).get('data/don-vi.csv'));
  });

  it('refuses a scale that is not a whole number, saying which option', () => {
    const run = runScript('scripts/gen-data.ts', [
      '--communes',
      'ba',
      '--villages-per-commune',
      '4',
      '--out',
      mkdtempSync(join(tmpdir(), 'chung-tay-gen-')),
    ]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('--communes');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
