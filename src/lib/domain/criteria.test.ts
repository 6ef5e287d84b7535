import { describe, expect, it } from 'vitest';
import { buildDataset } from '../dataset.ts';
import {
  CRITERIA,
  fixtureFiles,
  review,
  SETTINGS,
  steadyReviews,
  UNITS,
  type FixtureSpec,
  type Row,
} from '../__tests__/fixture.ts';
import { forEachVerdict, VILLAGE_SCOPE_EXCLUDED, type Verdict } from './criteria.ts';

function verdicts(spec: FixtureSpec = {}) {
  const result = buildDataset(fixtureFiles(spec));
  expect(result.errors).toEqual([]);
  return result.dataset!.verdicts;
}
const find = (list: ReturnType<typeof verdicts>, unit: string, id: string, year: number) => {
  const v = list.find((x) => x.ma_don_vi === unit && x.tieu_chi === id && x.nam === year);
  if (!v) throw new Error(`no verdict ${unit} ${id} ${year}`);
  return v;
};
/** Both villages of commune X1 with the same (poor + near-poor) series on 100 households. */
function x1Series(scale: number[], other: Row[] = steadyReviews().filter((r) => r['ma_don_vi'] === 'X2-01')): Row[] {
  return [
    ...['X1-01', 'X1-02'].flatMap((id) =>
      scale.map((s, i) => review(id, 2021 + i, 100, s - Math.floor(s / 5), Math.floor(s / 5))),
    ),
    ...other,
  ];
}

describe('the criteria engine', () => {
  it("gives one verdict per unit, criterion of the unit's level and review year after the baseline", () => {
    const list = verdicts();
    // District × 4 targets, 2 communes × 3 criteria, 3 villages × 1, today's commune none; × 2022–2025.
    expect(list).toHaveLength((4 + 2 * 3 + 3) * 4);
    expect(new Set(list.map((v) => v.nam))).toEqual(new Set([2022, 2023, 2024, 2025]));
    const criteriaOf = (id: string) => [...new Set(list.filter((v) => v.ma_don_vi === id).map((v) => v.tieu_chi))];
    expect(criteriaOf('H')).toEqual(['MT_HUYEN_A', 'MT_HUYEN_B', 'MT_HUYEN_C', 'MT_HUYEN_D']);
    expect(criteriaOf('X1')).toEqual(['TC_XA_1', 'TC_XA_2', 'TC_CAN_BO']);
    expect(criteriaOf('X1-01')).toEqual(['TC_THON']);
    expect(criteriaOf('M1')).toEqual([]);
  });

  it('judges the same without words, for a caller that only counts (check-data)', () => {
    const other = [50, 45, 40, 30, 20].map((s, i) => review('X2-01', 2021 + i, 100, s - 10, 10));
    const { dataset } = buildDataset(fixtureFiles({ reviews: x1Series([50, 45, 40, 35, 30], other) }));
    const worded = dataset!.verdicts;
    const bare: Verdict[] = [];
    forEachVerdict(dataset!, (v) => bare.push(v), { wording: false });
    // Every kind of verdict is there, with and without a decisive value and a shortfall.
    expect(new Set(worded.map((v) => v.ket_qua))).toEqual(
      new Set(['dat', 'chua_dat', 'chua_du_du_lieu', 'khong_ap_dung']),
    );
    expect(worded.some((v) => v.muc_thieu !== null && v.gia_tri_quyet_dinh !== null)).toBe(true);
    const unworded = { giai_thich: '', nhan_gia_tri_quyet_dinh: null, gia_tri_quyet_dinh: null, muc_thieu: null };
    // The values used are the same numbers, written nowhere.
    expect(worded.some((v) => v.so_lieu.some((s) => s.hien_thi !== ''))).toBe(true);
    const unshown = (v: Verdict) => v.so_lieu.map((s) => ({ ...s, hien_thi: '' }));
    expect(bare).toEqual(worded.map((v) => ({ ...v, ...unworded, so_lieu: unshown(v) })));
  });

  it('does not count exactly 60% as "> 60%", and says one more household is needed', () => {
    const other = [50, 45, 40, 30, 20].map((s, i) => review('X2-01', 2021 + i, 100, s - 10, 10));
    const v = find(verdicts({ reviews: x1Series([50, 45, 40, 35, 30], other) }), 'X2', 'TC_XA_2', 2025);
    expect(v.gia_tri).toBe(60);
    expect(v.ket_qua).toBe('chua_dat');
    expect(v.can_them).toBe(1);
    expect(v.giai_thich).toContain('Cần giảm thêm 1 hộ nghèo và cận nghèo');
  });

  it('meets "> 60%" one household later', () => {
    const other = [50, 45, 40, 30, 19].map((s, i) => review('X2-01', 2021 + i, 100, s - 10, 10));
    const v = find(verdicts({ reviews: x1Series([50, 45, 40, 35, 30], other) }), 'X2', 'TC_XA_2', 2025);
    expect(v.ket_qua).toBe('dat');
    expect(v.can_them).toBe(0);
  });

  it('counts a fall of exactly 4.0 points as meeting "≥ 4" (no floating-point drift)', () => {
    // 37% → 33% → 29% → 25%: 0.29 − 0.25 is 0.0399… in floating point.
    const list = verdicts({ reviews: x1Series([37, 33, 29, 25, 21]) });
    const v = find(list, 'X1', 'TC_XA_1', 2024);
    expect(v.ket_qua).toBe('dat');
    expect(v.gia_tri).toBe(4);
  });

  it('says how many households short a fall of 3 points is', () => {
    const list = verdicts({ reviews: x1Series([50, 46, 42, 39, 35]) });
    const v = find(list, 'X1', 'TC_XA_1', 2024);
    expect(v.ket_qua).toBe('chua_dat');
    // Commune: 200 households, 84 → 78; ≥ 4 points needs at most 76.
    expect(v.can_them).toBe(2);
    expect(v.giai_thich).toContain('Năm 2024 chưa đạt ngưỡng: còn thiếu 2 hộ');
  });

  it('gives "Chưa đủ dữ liệu", never "Chưa đạt", when a year is missing', () => {
    const reviews = x1Series([50, 46, 42, 39, 35]).filter((r) => !(r['ma_don_vi'] === 'X1-02' && r['nam'] === 2023));
    const result = buildDataset(fixtureFiles({ reviews }));
    const list = result.dataset!.verdicts;
    expect(find(list, 'X1', 'TC_XA_1', 2024).ket_qua).toBe('chua_du_du_lieu');
    expect(find(list, 'X1', 'TC_XA_1', 2024).giai_thich).toContain('bản Hai');
    expect(find(list, 'X1', 'TC_XA_2', 2023).ket_qua).toBe('chua_du_du_lieu');
    expect(find(list, 'X1-02', 'TC_THON', 2023).ket_qua).toBe('chua_du_du_lieu');
    expect(find(list, 'H', 'MT_HUYEN_A', 2023).ket_qua).toBe('chua_du_du_lieu');
    // The other years are unaffected and the gap is reported.
    expect(find(list, 'X1-02', 'TC_THON', 2024).ket_qua).not.toBe('chua_du_du_lieu');
    expect(result.warnings.some((w) => w.message.includes('Chưa có kết quả rà soát năm 2023 của Bản Hai'))).toBe(true);
  });

  it('needs three consecutive years under one standard before criterion 1 can be met', () => {
    const list = verdicts();
    // 2022 and 2023 would need the 2020 → 2021 fall, before the baseline and under the earlier standard.
    expect(find(list, 'X1', 'TC_XA_1', 2022).ket_qua).toBe('chua_du_du_lieu');
    expect(find(list, 'X1', 'TC_XA_1', 2023).ket_qua).toBe('chua_du_du_lieu');
    expect(find(list, 'X1', 'TC_XA_1', 2024).ket_qua).toBe('dat');
  });

  it('applies criterion 1 only where the highland/border flag is set', () => {
    const list = verdicts();
    expect(find(list, 'X2', 'TC_XA_1', 2025).ket_qua).toBe('khong_ap_dung');
    expect(find(list, 'X1', 'TC_XA_1', 2025).ket_qua).toBe('dat');
  });

  it('follows a region change in the middle of the period', () => {
    const regions: Row[] = [
      { ma_don_vi: 'X1', khu_vuc: 'III', tu_nam: 2021, den_nam: 2023, can_cu: 'QĐ 861' },
      { ma_don_vi: 'X1', khu_vuc: 'II', tu_nam: 2024, can_cu: 'QĐ 698' },
      { ma_don_vi: 'X2', khu_vuc: 'II', tu_nam: 2021, den_nam: 2023, can_cu: 'QĐ 861' },
    ];
    const list = verdicts({ regions });
    expect(find(list, 'X1', 'TC_XA_2', 2023).giai_thich).toContain('khu vực III theo QĐ 861');
    expect(find(list, 'X1', 'TC_XA_2', 2024).giai_thich).toContain('khu vực II theo QĐ 698');
    expect(find(list, 'X2', 'TC_XA_2', 2023).ket_qua).not.toBe('khong_ap_dung');
    expect(find(list, 'X2', 'TC_XA_2', 2024).ket_qua).toBe('khong_ap_dung');
  });

  it('never compares a rate across the change of poverty standard', () => {
    const old = ['X1-01', 'X1-02', 'X2-01'].map((id) => review(id, 2020, 100, 20, 5));
    const settings = [...SETTINGS, { khoa: 'nam_bat_dau', gia_tri: 2020 }];
    const list = verdicts({ settings, reviews: [...old, ...steadyReviews()] });
    // 2023 would need the 2020 → 2021 fall: the 2020 list is under the 2016–2020 standard, before the baseline.
    const v = find(list, 'X1', 'TC_XA_1', 2023);
    expect(v.ket_qua).toBe('chua_du_du_lieu');
    expect(v.giai_thich).toContain(
      'nhưng năm 2020 rà soát theo chuẩn nghèo đa chiều giai đoạn 2016–2020, năm 2021 theo chuẩn nghèo đa chiều ' +
        'giai đoạn 2022–2025; số liệu theo hai chuẩn nghèo không so sánh được với nhau.',
    );
    // A change inside the period (the 2024 review) leaves the years whose run crosses it not judged.
    const inside = verdicts({ settings: [...settings, { khoa: 'nam_ap_dung_chuan_ngheo', gia_tri: '2021;2024' }] });
    expect(find(inside, 'X1', 'TC_XA_1', 2025).giai_thich).toBe(
      'Không áp dụng: tiêu chí cần 3 năm liên tiếp so sánh được, nhưng năm 2023 rà soát theo chuẩn nghèo đa chiều ' +
        'giai đoạn 2022–2025, năm 2024 theo chuẩn nghèo mới từ kỳ rà soát năm 2024; số liệu theo hai chuẩn nghèo ' +
        'không so sánh được với nhau.',
    );
    expect(list.every((x) => x.so_lieu.every((s) => s.nam >= 2021))).toBe(true);
  });

  it('judges a baseline under an earlier standard by the setting: not comparable, or a new baseline', () => {
    const old = ['X1-01', 'X1-02', 'X2-01'].map((id) => review(id, 2020, 100, 20, 5));
    const base = [...SETTINGS, { khoa: 'nam_bat_dau', gia_tri: 2020 }, { khoa: 'nam_goc', gia_tri: 2020 }];
    const reviews = [...old, ...steadyReviews()];
    const apart = verdicts({ settings: base, reviews });
    for (const year of [2021, 2022, 2025]) {
      expect(find(apart, 'X1-01', 'TC_THON', year).ket_qua).toBe('khong_ap_dung');
      expect(find(apart, 'X1', 'TC_XA_2', year).giai_thich).toContain('hai chuẩn nghèo không so sánh được');
    }
    const settings = [...base, { khoa: 'doi_chuan_tc_thon', gia_tri: 'tinh_lai_dau_ky' }];
    const again = verdicts({ settings, reviews });
    expect(find(again, 'X1-01', 'TC_THON', 2021).giai_thich).toContain('được dùng làm đầu kỳ mới');
    const v = find(again, 'X1-01', 'TC_THON', 2025);
    expect(v.ket_qua).not.toBe('khong_ap_dung');
    expect(v.so_lieu.map((x) => x.nam)).toEqual([2021, 2025]);
    expect(v.giai_thich).toContain('Đầu kỳ mới là năm 2021');
    // The setting is per criterion: criterion 2 of the commune kept the default.
    expect(find(again, 'X1', 'TC_XA_2', 2025).ket_qua).toBe('khong_ap_dung');
  });

  it('does not apply the village criterion where there were no poor or near-poor households at the baseline', () => {
    const reviews = steadyReviews().map((r) =>
      r['ma_don_vi'] === 'X2-01' ? { ...r, so_ho_ngheo: 0, so_ho_ngheo_dtts: 0, so_ho_can_ngheo: 0 } : r,
    );
    const v = find(verdicts({ reviews }), 'X2-01', 'TC_THON', 2025);
    expect(v.ket_qua).toBe('khong_ap_dung');
  });

  it('passes officials when the commune meets criterion 1 or 2', () => {
    const list = verdicts();
    expect(find(list, 'X1', 'TC_CAN_BO', 2024).ket_qua).toBe('dat');
    expect(find(list, 'X1', 'TC_CAN_BO', 2023).ket_qua).toBe('chua_du_du_lieu');
    expect(find(list, 'X2', 'TC_CAN_BO', 2025).ket_qua).toBe('chua_dat');
  });

  it('counts only official exits from extremely-difficult status, and labels the estimate', () => {
    const list = verdicts();
    const d2023 = find(list, 'H', 'MT_HUYEN_D', 2023);
    expect(d2023.ket_qua).toBe('chua_dat');
    expect(d2023.can_them).toBe(1);
    expect(find(list, 'H', 'MT_HUYEN_D', 2024).ket_qua).toBe('dat');
    expect(find(list, 'H', 'MT_HUYEN_C', 2025).ket_qua).toBe('chua_dat');
    expect(find(list, 'H', 'MT_HUYEN_C', 2025).giai_thich).toContain('Ước tính (không phải quyết định)');
  });

  it('marks verdicts that use preliminary figures', () => {
    const reviews = steadyReviews().map((r) => (r['nam'] === 2025 ? { ...r, trang_thai: 'sơ bộ' } : r));
    const list = verdicts({ reviews });
    expect(find(list, 'X1-01', 'TC_THON', 2025).trang_thai_so_lieu).toBe('so_bo');
    expect(find(list, 'X1-01', 'TC_THON', 2024).trang_thai_so_lieu).toBe('chinh_thuc');
    expect(find(list, 'X1-01', 'TC_THON', 2025).dot).toBe('tong_ket');
    expect(find(list, 'X1-01', 'TC_THON', 2023).dot).toBe('so_ket');
  });

  it('follows the interpretation settings: scale of poor only, relative change', () => {
    const base = verdicts();
    expect(find(base, 'X1-01', 'TC_THON', 2025).gia_tri).toBe(40);
    const poorOnly = verdicts({ settings: [...SETTINGS, { khoa: 'quy_mo_gom', gia_tri: 'chi_ngheo' }] });
    // poor: 40 → 24
    expect(find(poorOnly, 'X1-01', 'TC_THON', 2025).gia_tri).toBe(40);
    expect(find(poorOnly, 'X1-01', 'TC_THON', 2025).so_lieu[0]?.gia_tri).toBe(40);
    expect(find(base, 'H', 'MT_HUYEN_A', 2022).ket_qua).toBe('chua_dat');
    const relative = verdicts({ settings: [...SETTINGS, { khoa: 'cach_tinh_muc_giam', gia_tri: 'tuong_doi' }] });
    const a = find(relative, 'H', 'MT_HUYEN_A', 2022);
    expect(a.don_vi_do).toBe('phan_tram');
    expect(a.gia_tri).toBe(10);
    expect(a.ket_qua).toBe('dat');
  });

  it('takes thresholds from the data, not the code', () => {
    const criteria = CRITERIA.map((r) => (r['ma_tieu_chi'] === 'TC_THON' ? { ...r, nguong: '39,5' } : r));
    const v = find(verdicts({ criteria }), 'X1-01', 'TC_THON', 2025);
    expect(v.nguong).toBe(39.5);
    expect(v.ket_qua).toBe('dat');
  });

  it('says how many households short a relative fall is, as a relative fall', () => {
    // X1: 200 households, poor + near-poor 100 → 90 → 80 → 78: falls of 10%, 11.1%, then 2.5% (< 4%).
    const settings = [...SETTINGS, { khoa: 'cach_tinh_muc_giam', gia_tri: 'tuong_doi' }];
    const v = find(verdicts({ settings, reviews: x1Series([50, 45, 40, 39, 35]) }), 'X1', 'TC_XA_1', 2024);
    expect(v.ket_qua).toBe('chua_dat');
    // At most 80 × (1 − 4%) = 76.8 → 76 households; read as points it would be 72.
    expect(v.can_them).toBe(2);
  });

  it('takes the scale "at the time of review" from the year before when the setting says so', () => {
    const settings = [...SETTINGS, { khoa: 'nam_xet_quy_mo', gia_tri: 'nam_truoc' }];
    const list = verdicts({ settings });
    // Village scale 50 (2021) and 35 (2024): 30%, not the 40% of 2025.
    expect(find(list, 'X1-01', 'TC_THON', 2025).gia_tri).toBe(30);
    expect(find(list, 'X1-01', 'TC_THON', 2025).so_lieu[1]).toMatchObject({ nam: 2024, gia_tri: 35 });
    expect(find(list, 'X1-01', 'TC_THON', 2022).gia_tri).toBe(0);
  });

  it('waits for the ethnic-minority figures before judging target B', () => {
    const reviews = steadyReviews().map((r) =>
      r['ma_don_vi'] === 'X1-02' && r['nam'] === 2023 ? { ...r, so_ho_dtts: '', so_ho_ngheo_dtts: '' } : r,
    );
    const list = verdicts({ reviews });
    expect(find(list, 'H', 'MT_HUYEN_B', 2023).ket_qua).toBe('chua_du_du_lieu');
    expect(find(list, 'H', 'MT_HUYEN_B', 2024).ket_qua).toBe('chua_du_du_lieu');
    expect(find(list, 'H', 'MT_HUYEN_B', 2025).ket_qua).toBe('chua_dat');
  });

  it('judges a tổ dân phố on the village criterion unless the setting keeps it to thôn, bản', () => {
    const units = UNITS.map((u) =>
      u['ma_don_vi'] === 'X2-01' ? { ...u, ten_don_vi: 'Tổ dân phố 1', cap: 'to_dan_pho' } : u,
    );
    const judged = verdicts({ units }).filter((v) => v.ma_don_vi === 'X2-01');
    expect(judged.map((v) => v.ket_qua)).not.toContain('khong_ap_dung');
    const settings = [...SETTINGS, { khoa: 'tc_thon_ap_dung_to_dan_pho', gia_tri: 'không' }];
    const list = verdicts({ units, settings });
    for (const v of list.filter((x) => x.ma_don_vi === 'X2-01')) {
      expect(v.ket_qua).toBe('khong_ap_dung');
      expect(v.giai_thich).toBe(VILLAGE_SCOPE_EXCLUDED);
    }
    // A thôn is still judged, and the commune's own figures still count the tổ dân phố.
    expect(find(list, 'X1-01', 'TC_THON', 2025).ket_qua).not.toBe('khong_ap_dung');
    expect(find(list, 'X2', 'TC_XA_2', 2025)).toEqual(find(verdicts({ units }), 'X2', 'TC_XA_2', 2025));
  });

  it('names every village whose figures are missing', () => {
    const reviews = steadyReviews().filter((r) => !(r['ma_don_vi'] !== 'X2-01' && r['nam'] === 2023));
    const v = find(verdicts({ reviews }), 'H', 'MT_HUYEN_A', 2023);
    expect(v.ket_qua).toBe('chua_du_du_lieu');
    expect(v.giai_thich).toContain('số liệu năm 2023 còn thiếu bản Một, bản Hai');
  });

  it('names both missing years of a scale criterion', () => {
    const units = [
      ...UNITS,
      { ma_don_vi: 'X1-03', ten_don_vi: 'Bản Mới', cap: 'thon', ma_don_vi_cha: 'X1', hieu_luc_tu: '01/07/2023' },
    ];
    const reviews = [...steadyReviews(), review('X1-03', 2023, 40, 4, 2)];
    const v = find(verdicts({ units, reviews }), 'X1-03', 'TC_THON', 2025);
    expect(v.ket_qua).toBe('chua_du_du_lieu');
    expect(v.giai_thich).toBe(
      'Chưa đủ dữ liệu: chưa có số liệu năm 2021 của bản Mới; chưa có số liệu năm 2025 của bản Mới.',
    );
  });

  it('judges target B only with both ethnic-minority counts and some ethnic-minority households', () => {
    const only = (field: string, year: number) =>
      steadyReviews().map((r) => (r['nam'] === year ? { ...r, [field]: '' } : r));
    for (const reviews of [only('so_ho_ngheo_dtts', 2023), only('so_ho_dtts', 2023)]) {
      const list = verdicts({ reviews });
      expect(find(list, 'H', 'MT_HUYEN_B', 2023).ket_qua).toBe('chua_du_du_lieu');
      expect(find(list, 'H', 'MT_HUYEN_B', 2024).ket_qua).toBe('chua_du_du_lieu');
    }
    const none = steadyReviews().map((r) => (r['nam'] === 2023 ? { ...r, so_ho_dtts: 0, so_ho_ngheo_dtts: 0 } : r));
    const list = verdicts({ reviews: none });
    expect(find(list, 'H', 'MT_HUYEN_B', 2023).ket_qua).toBe('chua_du_du_lieu');
    expect(find(list, 'H', 'MT_HUYEN_B', 2024).ket_qua).toBe('chua_du_du_lieu');
    expect(find(list, 'H', 'MT_HUYEN_B', 2023).giai_thich).toContain(
      'chưa đủ số liệu để tính tỷ lệ hộ nghèo trong hộ dân tộc thiểu số năm 2022 và 2023',
    );
  });

  it('cannot fall further once no poor household is left: not met, with no relative fall shown', () => {
    const v = find(verdicts({ reviews: x1Series([12, 8, 4, 0, 0]) }), 'X1', 'TC_XA_1', 2025);
    expect(v.ket_qua).toBe('chua_dat');
    expect(v.gia_tri).toBe(0);
    expect(v.giai_thich).toContain('năm 2025 không giảm. Năm 2025 chưa đạt ngưỡng và không thể đạt dù giảm hết số hộ.');
  });

  it('asks to bring every remaining household out when the allowed count is exactly zero', () => {
    // X1: 24 → 16 → 8 → 4 of 200 households: the 2024 fall (2 points) from 4% leaves room for 0 households.
    const v = find(verdicts({ reviews: x1Series([12, 8, 4, 2, 2]) }), 'X1', 'TC_XA_1', 2024);
    expect(v.ket_qua).toBe('chua_dat');
    expect(v.can_them).toBe(4);
    expect(v.giai_thich).toContain('Năm 2024 chưa đạt ngưỡng: còn thiếu 4 hộ nghèo và cận nghèo so với mức cần giảm.');
  });

  it('shows enough decimals to tell a value from a threshold it rounds to', () => {
    // X2 (one village of 10 000 households): 3 000 → 2 604 poor + near-poor is a fall of 3.96 points.
    const units = UNITS.map((u) => (u['ma_don_vi'] === 'X2' ? { ...u, vung_cao_bien_gioi_dbkk: 'có' } : u));
    const other = [3000, 2604, 2208, 1812, 1203].map((s, i) => review('X2-01', 2021 + i, 10000, s - 1000, 1000));
    const list = verdicts({ units, reviews: x1Series([50, 45, 40, 35, 30], other) });
    expect(find(list, 'X2', 'TC_XA_1', 2024).giai_thich).toContain('năm 2024 giảm 3,96 điểm phần trăm');
    // 3 000 → 1 203 is a reduction of 59.9%, shown as such next to "> 60".
    expect(find(list, 'X2', 'TC_XA_2', 2025).giai_thich).toContain('giảm 59,9%');
    const close = [3000, 2604, 2208, 1812, 1199].map((s, i) => review('X2-01', 2021 + i, 10000, s - 1000, 1000));
    const v = find(verdicts({ units, reviews: x1Series([50, 45, 40, 35, 30], close) }), 'X2', 'TC_XA_2', 2025);
    expect(v.ket_qua).toBe('dat');
    expect(v.giai_thich).toContain('giảm 60,03%');
  });

  it('asks for the last household when none may remain, and never asks the impossible', () => {
    const other = [2, 2, 2, 1, 1].map((s, i) => review('X2-01', 2021 + i, 100, s, 0));
    const list = verdicts({ reviews: x1Series([50, 45, 40, 35, 30], other) });
    // Scale 2 → 1: 50%, not "> 50"; at most ⌈2 × 0.5⌉ − 1 = 0 households may remain.
    expect(find(list, 'X2-01', 'TC_THON', 2025)).toMatchObject({ ket_qua: 'chua_dat', can_them: 1 });
    const criteria = CRITERIA.map((r) => (r['ma_tieu_chi'] === 'TC_THON' ? { ...r, nguong: 100 } : r));
    const all = verdicts({ criteria, reviews: x1Series([50, 45, 40, 35, 30], other) });
    const impossible = find(all, 'X2-01', 'TC_THON', 2025);
    expect(impossible).toMatchObject({ ket_qua: 'chua_dat', can_them: null });
    expect(impossible.giai_thich).toMatch(/chưa đạt ngưỡng trên 100%\.$/);
  });

  it('estimates exits only among units still in the status, complete, and strictly under the threshold', () => {
    // 2025: Bản Một (left by decision in 2024) and Bản Hai both at 10% poor; Thôn Ba exactly 15%.
    const poorIn2025 = (id: unknown) => (id === 'X2-01' ? 15 : 10);
    const reviews = steadyReviews().map((r) =>
      r['nam'] === 2025 ? { ...r, so_ho_ngheo: poorIn2025(r['ma_don_vi']), so_ho_ngheo_dtts: 0 } : r,
    );
    const units = UNITS.map((u) => (u['ma_don_vi'] === 'X2-01' ? { ...u, dac_biet_kho_khan: 'có' } : u));
    const d = find(verdicts({ units, reviews }), 'H', 'MT_HUYEN_D', 2025);
    expect(d.so_lieu[2]?.gia_tri).toBe(1);
    expect(d.giai_thich).toContain('thêm 1 thôn có tỷ lệ hộ nghèo dưới 15%');
    // A commune with a village missing is not estimated, however low the others are.
    const gap = reviews.filter((r) => !(r['ma_don_vi'] === 'X1-02' && r['nam'] === 2025));
    const c = find(verdicts({ reviews: gap }), 'H', 'MT_HUYEN_C', 2025);
    expect(c.so_lieu[2]?.gia_tri).toBe(0);
    expect(find(verdicts({ reviews }), 'H', 'MT_HUYEN_C', 2025).so_lieu[2]?.gia_tri).toBe(1);
    // A village left with no households has no rate to estimate from.
    const empty = reviews.map((r) =>
      r['ma_don_vi'] === 'X1-02' && r['nam'] === 2025
        ? { ...r, tong_so_ho: 0, so_ho_ngheo: 0, so_ho_can_ngheo: 0, so_ho_dtts: 0, so_ho_ngheo_dtts: 0 }
        : r,
    );
    expect(find(verdicts({ units, reviews: empty }), 'H', 'MT_HUYEN_D', 2025).so_lieu[2]?.gia_tri).toBe(0);
  });

  it("aggregates today's communes from their former units", () => {
    const result = buildDataset(fixtureFiles());
    const f = result.dataset!.figures('M1', 2025);
    expect(f?.tong_so_ho).toBe(300);
    expect(result.dataset!.index.formerCommunesOf('M1').map((u) => u.ma_don_vi)).toEqual(['X1', 'X2']);
  });
});
