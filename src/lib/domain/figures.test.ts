import { describe, expect, it } from 'vitest';
import { fixtureFiles, review, steadyReviews, UNITS } from '../__tests__/fixture.ts';
import { buildDataset } from '../dataset.ts';
import type { FixtureSpec } from '../__tests__/fixture.ts';

// A commune's, the district's and today's communes' figures are sums of the villages that exist in
// the year; a sum never hides a missing village or a missing ethnic-minority count.

function figures(spec: FixtureSpec = {}) {
  const result = buildDataset(fixtureFiles(spec));
  expect(result.errors).toEqual([]);
  return result.dataset!.figures;
}

describe('figures of a unit in a year', () => {
  it('counts a village in the year it is created and in the year it ends, and not outside them', () => {
    const units = [
      ...UNITS,
      { ma_don_vi: 'X1-03', ten_don_vi: 'Bản Mới', cap: 'thon', ma_don_vi_cha: 'X1', hieu_luc_tu: '01/07/2023' },
      { ma_don_vi: 'X2-02', ten_don_vi: 'Thôn Cũ', cap: 'thon', ma_don_vi_cha: 'X2', hieu_luc_den: '30/06/2023' },
    ];
    const reviews = [
      ...steadyReviews(),
      ...[2023, 2024].map((y) => review('X1-03', y, 40, 4, 2)),
      ...[2022, 2023].map((y) => review('X2-02', y, 50, 10, 5)),
    ];
    const f = figures({ units, reviews });
    expect(f('X1', 2022)).toMatchObject({ tong_so_ho: 200, thieu: [] });
    expect(f('X1', 2023)).toMatchObject({ tong_so_ho: 240, thieu: [] });
    expect(f('X2', 2023)).toMatchObject({ tong_so_ho: 150, thieu: [] });
    expect(f('X2', 2024)).toMatchObject({ tong_so_ho: 100, thieu: [] });
    // Bản Mới has no 2025 row although it exists: the sum says so instead of passing as complete.
    expect(f('X1', 2025)).toMatchObject({ tong_so_ho: 200, thieu: ['X1-03'] });
    expect(f('X1-03', 2022)).toBeNull();
    expect(f('X2-02', 2024)).toBeNull();
  });

  it('leaves the ethnic-minority counts of a sum blank when any village lacks them', () => {
    const reviews = steadyReviews().map((r) =>
      r['ma_don_vi'] === 'X1-02' && r['nam'] === 2023 ? { ...r, so_ho_dtts: '', so_ho_ngheo_dtts: '' } : r,
    );
    const f = figures({ reviews });
    expect(f('X1', 2023)).toMatchObject({ tong_so_ho: 200, so_ho_dtts: null, so_ho_ngheo_dtts: null });
    expect(f('H', 2023)).toMatchObject({ so_ho_dtts: null, so_ho_ngheo_dtts: null });
    expect(f('X2', 2023)).toMatchObject({ so_ho_dtts: 100, so_ho_ngheo_dtts: 32 });
    expect(f('X1', 2024)).toMatchObject({ so_ho_dtts: 200, so_ho_ngheo_dtts: 56 });
  });

  it('marks a sum preliminary when any one village is preliminary', () => {
    const reviews = steadyReviews().map((r) =>
      r['ma_don_vi'] === 'X2-01' && r['nam'] === 2025 ? { ...r, trang_thai: 'sơ bộ' } : r,
    );
    const f = figures({ reviews });
    expect(f('X2-01', 2025)?.trang_thai).toBe('so_bo');
    expect(f('H', 2025)?.trang_thai).toBe('so_bo');
    expect(f('M1', 2025)?.trang_thai).toBe('so_bo');
    expect(f('X1', 2025)?.trang_thai).toBe('chinh_thuc');
    expect(f('H', 2024)?.trang_thai).toBe('chinh_thuc');
  });

  it('has no figures for an unknown unit or a year without rows', () => {
    const f = figures();
    expect(f('X9', 2023)).toBeNull();
    expect(f('X1', 2019)).toBeNull();
  });
});
