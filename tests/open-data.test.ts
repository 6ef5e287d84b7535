import { describe, expect, it } from 'vitest';
import { readDist } from './helpers.ts';

// The exported files are the public record: they must be complete, and an independent
// recomputation of the criteria from the exported tables must give the published verdicts.

type Rec = Record<string, unknown>;
const json = <T>(name: string) => JSON.parse(readDist(`du-lieu/${name}`)) as T;

describe('open data in dist/du-lieu', () => {
  const { verdicts } = json<{ verdicts: Rec[] }>('danh-gia.json');
  const units = json<Rec[]>('don-vi.json');
  const reviews = json<Rec[]>('ket-qua-ra-soat.json');
  const regions = json<Rec[]>('khu-vuc.json');
  const criteria = json<Rec[]>('tieu-chi.json');
  const settings = json<Rec>('dia-phuong.json');

  it("holds a verdict for every unit, criterion of the unit's level and review year after the baseline, and no other", () => {
    const ofLevel = (u: Rec) =>
      u['cap'] === 'huyen'
        ? ['MT_HUYEN_A', 'MT_HUYEN_B', 'MT_HUYEN_C', 'MT_HUYEN_D']
        : u['cap'] === 'thon' || u['cap'] === 'to_dan_pho'
          ? ['TC_THON']
          : ['TC_XA_1', 'TC_XA_2', 'TC_CAN_BO'];
    const years = [2022, 2023, 2024, 2025];
    const have = new Set(verdicts.map((v) => `${v['ma_don_vi']}|${v['tieu_chi']}|${v['nam']}`));
    const movementUnits = units.filter((u) => u['cap'] === 'huyen' || u['ma_don_vi_cha'] !== null);
    expect(movementUnits.length).toBeGreaterThan(180);
    const expected = movementUnits.flatMap((u) =>
      ofLevel(u).flatMap((id) => years.map((y) => `${u['ma_don_vi']}|${id}|${y}`)),
    );
    for (const key of expected) expect(have.has(key), key).toBe(true);
    expect(verdicts).toHaveLength(expected.length);
    for (const v of verdicts) {
      expect(['dat', 'chua_dat', 'chua_du_du_lieu', 'khong_ap_dung']).toContain(v['ket_qua']);
      expect(typeof v['giai_thich']).toBe('string');
    }
  });

  it('shows every kind of verdict in the sample, including a margin of one household', () => {
    const kinds = new Set(verdicts.map((v) => v['ket_qua']));
    expect(kinds).toEqual(new Set(['dat', 'chua_dat', 'chua_du_du_lieu', 'khong_ap_dung']));
    expect(verdicts.some((v) => v['can_them'] === 1 && String(v['giai_thich']).includes('Cần giảm thêm 1 hộ'))).toBe(
      true,
    );
  });

  it('gives the same verdicts when recomputed independently from the exported tables', () => {
    const base = Number(settings['nam_goc']);
    const threshold = (id: string) => criteria.find((c) => c['ma_tieu_chi'] === id) as Rec;
    const villagesOf = (id: string) =>
      units.filter((u) => u['ma_don_vi_cha'] === id && (u['cap'] === 'thon' || u['cap'] === 'to_dan_pho'));
    const row = (id: string, y: number) => reviews.find((r) => r['ma_don_vi'] === id && r['nam'] === y);
    const existed = (u: Rec, y: number) =>
      u['hieu_luc_tu'] === null || Number(String(u['hieu_luc_tu']).slice(0, 4)) <= y;
    // Households poor + near-poor and total, summed over a unit's villages; null if any is missing.
    const sums = (u: Rec, y: number): [number, number] | null => {
      const parts =
        u['cap'] === 'thon' || u['cap'] === 'to_dan_pho'
          ? [u]
          : villagesOf(String(u['ma_don_vi'])).filter((v) => existed(v, y));
      let s = 0,
        t = 0;
      for (const p of parts) {
        const r = row(String(p['ma_don_vi']), y);
        if (!r) return null;
        s += Number(r['so_ho_ngheo']) + Number(r['so_ho_can_ngheo']);
        t += Number(r['tong_so_ho']);
      }
      return [s, t];
    };
    // Scale reduction "> p%": 100·(Sb − St) > p·Sb, in integers (p has at most 2 decimals here).
    const reduction = (u: Rec, y: number, p: number) => {
      const b = sums(u, base),
        t = sums(u, y);
      if (!b || !t) return 'chua_du_du_lieu';
      if (b[0] === 0) return 'khong_ap_dung';
      return 10000 * (b[0] - t[0]) > Math.round(p * 100) * b[0] ? 'dat' : 'chua_dat';
    };
    // Rate fall "≥ p points" each year: (S0/T0 − S1/T1)·100 ≥ p ⇔ 100·(S0·T1 − S1·T0)·100 ≥ p·100·T0·T1.
    const falls = (u: Rec, y: number, years: number, p: number) => {
      let result = 'dat';
      for (let k = y - years + 1; k <= y; k++) {
        const a = k - 1 >= base ? sums(u, k - 1) : null,
          b = sums(u, k);
        if (!a || !b) return 'chua_du_du_lieu';
        if (10000 * (a[0] * b[1] - b[0] * a[1]) < Math.round(p * 100) * a[1] * b[1]) result = 'chua_dat';
      }
      return result;
    };
    let compared = 0;
    for (const v of verdicts) {
      const unit = units.find((u) => u['ma_don_vi'] === v['ma_don_vi']) as Rec;
      const y = Number(v['nam']);
      let expected: string | null = null;
      if (v['tieu_chi'] === 'TC_THON' && (unit['cap'] === 'thon' || unit['cap'] === 'to_dan_pho')) {
        expected = existed(unit, y) ? reduction(unit, y, Number(threshold('TC_THON')['nguong'])) : 'khong_ap_dung';
      } else if (
        v['tieu_chi'] === 'TC_XA_2' &&
        unit['ma_don_vi_cha'] !== null &&
        (unit['cap'] === 'xa' || unit['cap'] === 'thi_tran')
      ) {
        const inRegion = regions.some(
          (r) =>
            r['ma_don_vi'] === unit['ma_don_vi'] &&
            Number(r['tu_nam']) <= y &&
            (r['den_nam'] === null || Number(r['den_nam']) >= y),
        );
        expected = inRegion ? reduction(unit, y, Number(threshold('TC_XA_2')['nguong'])) : 'khong_ap_dung';
      } else if (
        v['tieu_chi'] === 'TC_XA_1' &&
        unit['ma_don_vi_cha'] !== null &&
        (unit['cap'] === 'xa' || unit['cap'] === 'thi_tran')
      ) {
        const c = threshold('TC_XA_1');
        expected =
          unit['vung_cao_bien_gioi_dbkk'] === true
            ? falls(unit, y, Number(c['so_nam_lien_tiep']), Number(c['nguong']))
            : 'khong_ap_dung';
      } else if (v['tieu_chi'] === 'MT_HUYEN_A' && unit['cap'] === 'huyen') {
        const communes = units.filter((u) => u['ma_don_vi_cha'] === unit['ma_don_vi']);
        const sumAll = (yy: number) =>
          communes.reduce<[number, number] | null>(
            (acc, c) => {
              const s = sums(c, yy);
              return acc && s ? [acc[0] + s[0], acc[1] + s[1]] : null;
            },
            [0, 0],
          );
        const a = sumAll(y - 1),
          b = sumAll(y);
        const p = Number(threshold('MT_HUYEN_A')['nguong']);
        expected =
          !a || !b
            ? 'chua_du_du_lieu'
            : 10000 * (a[0] * b[1] - b[0] * a[1]) >= Math.round(p * 100) * a[1] * b[1]
              ? 'dat'
              : 'chua_dat';
      } else if ((v['tieu_chi'] === 'MT_HUYEN_C' || v['tieu_chi'] === 'MT_HUYEN_D') && unit['cap'] === 'huyen') {
        // Exits from extremely-difficult status count only by decision: the flag, the year, the decision.
        const communes = units.filter((u) => u['ma_don_vi_cha'] === unit['ma_don_vi']);
        const pool =
          v['tieu_chi'] === 'MT_HUYEN_C'
            ? communes
            : units.filter((u) => communes.some((c) => c['ma_don_vi'] === u['ma_don_vi_cha']));
        const start = pool.filter((u) => u['dac_biet_kho_khan'] === true);
        const out = start.filter((u) => u['nam_thoat_dbkk'] !== null && Number(u['nam_thoat_dbkk']) <= y).length;
        const c = threshold(String(v['tieu_chi']));
        const measured = v['tieu_chi'] === 'MT_HUYEN_C' ? out : (100 * out) / start.length;
        expected = (c['phep_so_sanh'] === '>=' ? measured >= Number(c['nguong']) : measured > Number(c['nguong']))
          ? 'dat'
          : 'chua_dat';
      }
      if (
        v['tieu_chi'] === 'TC_CAN_BO' &&
        unit['ma_don_vi_cha'] !== null &&
        (unit['cap'] === 'xa' || unit['cap'] === 'thi_tran')
      ) {
        // Officials: the commune meets criterion 1 or 2 (as published above).
        const parts = verdicts
          .filter(
            (x) =>
              x['ma_don_vi'] === unit['ma_don_vi'] &&
              x['nam'] === y &&
              (x['tieu_chi'] === 'TC_XA_1' || x['tieu_chi'] === 'TC_XA_2'),
          )
          .map((x) => x['ket_qua']);
        expected = parts.includes('dat')
          ? 'dat'
          : parts.includes('chua_du_du_lieu')
            ? 'chua_du_du_lieu'
            : parts.includes('chua_dat')
              ? 'chua_dat'
              : 'khong_ap_dung';
      }
      if (expected === null) continue;
      compared++;
      expect(v['ket_qua'], `${v['ma_don_vi']} ${v['tieu_chi']} ${y}`).toBe(expected);
    }
    expect(compared).toBeGreaterThan(800 + 17 * 4);
  });

  it('offers every validated table as CSV with a BOM, headers as contract keys, formulas neutralised', () => {
    const csv = readDist('du-lieu/ket-qua-ra-soat.csv');
    expect(csv.startsWith('\uFEFFma_don_vi,ten_don_vi,nam,trang_thai')).toBe(true);
    expect(csv.split('\r\n').length - 2).toBe(reviews.length);
    for (const name of ['don-vi', 'khu-vuc', 'tieu-chi', 'khen-thuong', 'dia-phuong', 'danh-gia'])
      expect(readDist(`du-lieu/${name}.csv`).length).toBeGreaterThan(100);
    expect(readDist('du-lieu/danh-gia.csv')).not.toMatch(/^[=+@]/m);
  });
});
